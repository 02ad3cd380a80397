"""The swimlane flowchart of a procedure, drawn in text: one lane per pelaksana.

Each step is drawn in its actor's lane with its symbol: ``( 1 )`` terminator, ``[ 2 ]`` process,
``< 3 >`` decision, ``⬠ 4`` off-page connector. An arrow runs down to the step it leads to,
turning across lanes when the next step is another actor's. A decision's exits and any jump
that does not go to the next row are written beside the step ("ya → 7 · tidak → 5"). Steps with
no (or an undeclared) pelaksana go in a last lane marked "?".
"""

from __future__ import annotations

from .model import KEPUTUSAN, PENGHUBUNG, TERMINATOR, Sop

UNASSIGNED = "?"
_BOXES = {TERMINATOR: ("(", ")"), KEPUTUSAN: ("<", ">"), PENGHUBUNG: ("⬠", " ")}


def lanes_of(sop: Sop) -> list[tuple[str, str]]:
    """(id, label) of each lane, in the document's order, plus "?" when a step needs it."""
    lanes = list(sop.pelaksana.items())
    if any(step.pelaksana not in sop.pelaksana for step in sop.langkah):
        lanes.append((UNASSIGNED, "(tanpa pelaksana)"))
    return lanes


def render(sop: Sop, lane_width: int = 16, lang: str = "id") -> list[str]:
    lanes = lanes_of(sop)
    if not lanes or not sop.langkah:
        return ["(tidak ada langkah)" if lang != "en" else "(no steps)"]
    index_of = {lane_id: i for i, (lane_id, _) in enumerate(lanes)}
    margin = 5
    width = margin + lane_width * len(lanes)
    center = [margin + lane_width * i + lane_width // 2 for i in range(len(lanes))]

    def lane(step) -> int:
        return index_of.get(step.pelaksana if step.pelaksana in sop.pelaksana else UNASSIGNED, len(lanes) - 1)

    header = " " * margin + "".join(label[: lane_width - 2].center(lane_width) for _, label in lanes)
    rule = " " * margin + "".join(("─" * (lane_width - 2)).center(lane_width) for _ in lanes)
    rows: list[list[str]] = []
    notes: list[str] = []
    for position, step in enumerate(sop.langkah):
        row = [" "] * width
        label = f"{step.no:>3}  "
        row[: len(label)] = label
        left, right = _BOXES.get(sop.symbol(step), ("[", "]"))
        box = f"{left}{step.no:^5}{right}"
        x = center[lane(step)] - len(box) // 2
        row[x: x + len(box)] = box
        rows.append(row)
        notes.append(_note(sop, step, lang))
        edges = sop.flow.next(step)
        following = sop.langkah[position + 1] if position + 1 < len(sop.langkah) else None
        goes_down = following is not None and any(e.target is following for e in edges)
        if following is None:
            continue
        top, bottom = [" "] * width, [" "] * width
        if goes_down:
            a, b = center[lane(step)], center[lane(following)]
            if a == b:
                top[a] = "│"
            else:
                lo, hi = min(a, b), max(a, b)
                for column in range(lo, hi + 1):
                    top[column] = "─"
                top[a] = "└" if b > a else "┘"
                top[b] = "┐" if b > a else "┌"
            bottom[b] = "▼"
        rows += [top, bottom]
        notes += ["", ""]
    lines = [header, rule] + ["".join(row).rstrip().ljust(width) + ("  " + note if note else "")
                              for row, note in zip(rows, notes)]
    return [line.rstrip() for line in lines]


def _note(sop: Sop, step, lang: str) -> str:
    parts = []
    position = step.index
    following = sop.langkah[position + 1] if position + 1 < len(sop.langkah) else None
    for edge in sop.flow.next(step):
        if edge.label in ("ya", "tidak"):
            target = edge.to_no if edge.target is not None else f"{edge.to_no}?"
            word = edge.label if lang != "en" else {"ya": "yes", "tidak": "no"}[edge.label]
            parts.append(f"{word} → {target}")
        elif edge.target is not following:
            parts.append(f"→ {edge.to_no}" + ("" if edge.target is not None else "?"))
    if not sop.flow.next(step) and position > 0:
        parts.append("selesai" if lang != "en" else "end")
    elif position == 0:
        parts.insert(0, "mulai" if lang != "en" else "start")
    return " · ".join(parts)
