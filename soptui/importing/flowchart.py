"""From drawn shapes to steps: which symbol each row holds, in which actor's column, and where its
arrows go. Word and PDF find the shapes differently; what they mean is decided here, once.

Coordinates are the reader's own (twips for Word, points for PDF), growing rightwards and down;
`reach` says how far, in those units, an arrow's end may be from the shape it leaves or reaches, and
a Ya/Tidak label from its arrow's start.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..i18n import Text
from .draft import Draft, StepDraft

YES = re.compile(r"^(?:ya|y|yes|setuju|lengkap)$", re.I)
NO = re.compile(r"^(?:tidak|t|no|tdk|tidak\s+setuju|tidak\s+lengkap)$", re.I)


class Shape(NamedTuple):
    """A drawn thing: a symbol, a text label, or an arrow from `start` to its head at `end`."""

    kind: str  # "symbol", "label" or "arrow"
    x0: float
    y0: float
    x1: float
    y1: float
    symbol: str | None = None  # terminator, proses, keputusan, penghubung, or the shape's own name
    text: str = ""
    start: tuple[float, float] | None = None
    end: tuple[float, float] | None = None
    estimated: bool = False  # its position is an estimate (Word: a row of unknown height)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def near(self, point: tuple[float, float], reach: float) -> bool:
        x, y = point
        return self.x0 - reach <= x <= self.x1 + reach and self.y0 - reach <= y <= self.y1 + reach


class Band(NamedTuple):
    """A row or a column of the procedure table: where it lies, and what it stands for."""

    low: float
    high: float
    what: object  # a StepDraft for a row, an actor id (or None) for a column


class Column(NamedTuple):
    """An actor column of one procedure table: its x range, over the table's y range."""

    x0: float
    x1: float
    y0: float
    y1: float
    actor: str | None


class Drawing:
    """One SOP's flowchart as its tables draw it, gathered table by table (or page by page)."""

    def __init__(self) -> None:
        self.shapes: list[Shape] = []
        self.rows: list[Band] = []
        self.columns: list[Column] = []
        self.height = 0.0  # where the next table's (or page's) drawing starts
        self.page, self.page_top = None, 0.0  # PDF: the page last read, and where its drawing starts
        self.pages: set = set()  # PDF: the pages whose shapes are in


def moved(shape: Shape, dy: float) -> Shape:
    """`shape` moved down by `dy`."""
    start = (shape.start[0], shape.start[1] + dy) if shape.start else None
    end = (shape.end[0], shape.end[1] + dy) if shape.end else None
    return shape._replace(y0=shape.y0 + dy, y1=shape.y1 + dy, start=start, end=end)


def _find(bands: list[Band], value: float):
    return next((band.what for band in bands if band.low <= value < band.high), None)


def _actor(columns: list[Column], point: tuple[float, float]) -> str | None:
    x, y = point
    return next((c.actor for c in columns if c.x0 <= x < c.x1 and c.y0 <= y < c.y1), None)


def _letter(text: str) -> str:
    return "".join(text.split()).upper()


def assign(shapes: list[Shape], rows: list[Band], columns: list[Column], draft: Draft, near: float,
           label_reach: float) -> None:
    """Set each step's simbol and pelaksana from the symbol drawn in its row, and a decision's
    ya/tidak (or a step's lanjut) from the arrows that leave it. An arrow that ends at an
    off-page connector goes on from the connector of the same letter (the next page's)."""
    symbols = [shape for shape in shapes if shape.kind == "symbol"]
    by_step: dict[int, list[Shape]] = {}
    for shape in symbols:
        step = _find(rows, shape.centre[1])
        if step is not None:
            by_step.setdefault(id(step), []).append(shape)
    placed: list[tuple[Shape, StepDraft]] = []
    for band in rows:
        step = band.what
        found = by_step.get(id(step), [])
        if not found:
            step.above.append("No flowchart symbol found in this row.")
            continue
        # an off-page connector beside a step's own symbol joins pages; it is not the step
        main = [shape for shape in found if shape.symbol != "penghubung"] or found
        shape = main[0]
        # A step of several actors: its symbol drawn in each one's column (or once, across them).
        same = sorted((one for one in main if one.symbol == shape.symbol), key=lambda one: one.x0)
        placed.extend((one, step) for one in same)
        if len(main) > len(same):
            step.above.append(f"{len(main)} symbols are drawn in this row; the first is taken.")
        step.set("simbol", shape.symbol)
        actors = list(dict.fromkeys(actor for one in same for actor in _actors_under(columns, one)))
        estimated = "Placed from the symbol's drawn position, estimated: the row heights are not fixed, or " \
                    "the shape is placed from the page." if any(one.estimated for one in same) else None
        if len(actors) > 1:
            step.set("pelaksana", actors, estimated)
            step.note("pelaksana", f"The symbol is drawn in {len(actors)} actors' columns: a step of several actors.")
        elif actors:
            step.set("pelaksana", actors[0], estimated)
        else:
            step.note("pelaksana", "pelaksana left out: the symbol is drawn outside the actor columns.")
    if not symbols:
        draft.lose(Text("simbol diagram alir (tidak ada bentuk di tabel)", "the flowchart symbols (no shapes in the table)"))
    arrows = [shape for shape in shapes if shape.kind == "arrow"]
    labels = [shape for shape in shapes if shape.kind == "label" and (YES.match(shape.text) or NO.match(shape.text))]
    order = [band.what for band in rows]
    steps_shapes = {id(shape) for shape, _ in placed}
    connectors = [shape for shape in symbols if shape.symbol == "penghubung" and id(shape) not in steps_shapes]
    own: dict[int, list[Shape]] = {}
    for shape, step in placed:
        own.setdefault(id(step), []).append(shape)
    for step in order:
        targets = []
        for shape in own.get(id(step), ()):  # the arrows leave any of a step's symbols
            for arrow in arrows:
                if not shape.near(arrow.start, near) or shape.near(arrow.end, near):
                    continue
                target = _target(arrow, shape, placed, connectors, arrows, near, (), step)
                if target is not None:
                    targets.append((arrow, target))
        if not own.get(id(step)):
            continue
        if step.values.get("simbol") == "keputusan":
            _branches(step, targets, labels, label_reach)
        elif len(targets) == 1:
            following = order.index(step) + 1
            target = targets[0][1]
            if following >= len(order) or order[following] is not target:
                step.set("lanjut", target.no, "Drawn as an arrow to a step other than the next row.")


def _actors_under(columns: list[Column], shape: Shape) -> list[str]:
    """The actors whose columns a symbol stands in: the column of its centre, and every other
    column whose middle it reaches across (one symbol drawn over two columns)."""
    y = shape.centre[1]
    spanned = [c for c in columns if c.actor is not None and c.y0 <= y < c.y1 and shape.x0 <= (c.x0 + c.x1) / 2 <= shape.x1]
    if spanned:
        return list(dict.fromkeys(c.actor for c in sorted(spanned, key=lambda c: c.x0)))
    centre = _actor(columns, shape.centre)
    return [centre] if centre is not None else []


def _target(arrow: Shape, source: Shape, placed, connectors: list[Shape], arrows: list[Shape], near: float,
            seen: tuple, leaving: StepDraft | None = None) -> StepDraft | None:
    """The step an arrow reaches: the symbol at its head, or, through an off-page connector,
    the step the connector of the same letter leads to. Never the step it leaves (`leaving`),
    whose other symbols, of a step of several actors, stand in the same row."""
    step = next((at for other, at in placed
                 if other is not source and at is not leaving and other.near(arrow.end, near)), None)
    if step is not None:
        return step
    connector = next((c for c in connectors if c.near(arrow.end, near) and id(c) not in seen), None)
    if connector is None or not _letter(connector.text):
        return None
    for twin in connectors:
        if twin is connector or id(twin) in seen or _letter(twin.text) != _letter(connector.text):
            continue
        for onward in arrows:
            if twin.near(onward.start, near) and not twin.near(onward.end, near):
                found = _target(onward, twin, placed, connectors, arrows, near, (*seen, id(connector), id(twin)),
                                leaving)
                if found is not None:
                    return found
    return None


def _branches(step: StepDraft, targets, labels: list[Shape], reach: float) -> None:
    """Ya and Tidak from the labels nearest the arrows' starts, each label naming one arrow,
    closest pairs first."""
    pairs = sorted((_distance(label.centre, arrow.start), index, label_index)
                   for index, (arrow, _) in enumerate(targets)
                   for label_index, label in enumerate(labels))
    found: dict[str, int] = {}
    arrows_named, labels_used = set(), set()
    for distance, index, label_index in pairs:
        if distance > reach or index in arrows_named or label_index in labels_used:
            continue
        arrows_named.add(index)
        labels_used.add(label_index)
        found.setdefault("ya" if YES.match(labels[label_index].text) else "tidak", targets[index][1].no)
    if "ya" in found and "tidak" in found:
        step.set("ya", found["ya"])
        step.set("tidak", found["tidak"])
    else:
        step.above.append("A decision whose branches were not recovered: no two arrows labelled Ya and Tidak "
                          "leave its symbol.")


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
