"""The Prosedur tab: the steps as the official table, with the selected step's findings under it.

No | Kegiatan | one column per pelaksana, the step's symbol drawn in its actor's column |
Kelengkapan | Waktu | Output | Keterangan, and a gutter of severity marks. Enter on a cell edits
it (on an actor's column: draws the step in that column); the total waktu is under the table.
"""

from __future__ import annotations

import textwrap

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...checker.finding import Finding
from ...model import KEPUTUSAN, PENGHUBUNG, TERMINATOR, Sop
from ...waktu import total
from ..messages import ActorToggled, EditRequested
from .marks import MARK, STYLE, mark

SYMBOL = {TERMINATOR: "( )", KEPUTUSAN: "< >", PENGHUBUNG: "⬠", "proses": "[ ]"}
TEXT_COLUMNS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
WIDTH = {"kegiatan": 38, "kelengkapan": 22, "waktu": 9, "output": 22, "keterangan": 18}


def _cell(value, width: int) -> str:
    if isinstance(value, (list, tuple)):
        value = "; ".join(value)
    value = "" if value is None else str(value)
    return value if len(value) <= width else value[: width - 1] + "…"


class ProcedureView(Vertical):
    DEFAULT_CSS = """
    ProcedureView DataTable { height: 1fr; }
    ProcedureView #total { height: 1; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sop: Sop | None = None
        self.findings: list[Finding] = []
        self.lang = "id"
        self.selected = 0  # index of the selected step
        self.row_targets: list[tuple[str, int, int]] = []  # per row: ("step"|"finding", step index, finding)
        self.step_findings: dict[int, list[Finding]] = {}

    def compose(self) -> ComposeResult:
        table = DataTable(id="steps", cursor_type="cell", zebra_stripes=False)
        yield table
        yield Static(id="total")

    def show(self, sop: Sop | None, findings: list[Finding], lang: str, keep_cursor: bool = True) -> None:
        self.sop, self.findings, self.lang = sop, findings, lang
        if sop is None:
            self.query_one(DataTable).clear(columns=True)
            self.query_one("#total", Static).update("")
            return
        self.selected = min(self.selected, len(sop.langkah) - 1) if keep_cursor else 0
        self.step_findings = {}
        for finding in findings:
            index = _step_index(finding.pointer)
            if index is not None:
                self.step_findings.setdefault(index, []).append(finding)
        self._rebuild()
        durations = [s.durasi for s in sop.langkah if s.durasi]
        missing = sum(1 for s in sop.langkah if s.durasi is None)
        label = "Total waktu" if lang != "en" else "Total time"
        note = (f" ({missing} langkah tanpa waktu)" if lang != "en" else f" ({missing} steps without time)") if missing else ""
        self.query_one("#total", Static).update(f"{label}: {total(durations, lang)}{note} · {len(sop.langkah)} langkah")

    def _columns(self) -> list[tuple[str, str]]:
        actors = [(f"actor:{actor}", label) for actor, label in self.sop.pelaksana.items()]
        if any(step.pelaksana not in self.sop.pelaksana for step in self.sop.langkah):
            actors.append(("actor:", "?"))  # steps with no (or an undeclared) pelaksana
        return [("mark", " "), ("no", "No"), ("kegiatan", "Kegiatan"), *actors,
                ("kelengkapan", "Kelengkapan"), ("waktu", "Waktu"), ("output", "Output"), ("keterangan", "Keterangan")]

    def _rebuild(self) -> None:
        table = self.query_one(DataTable)
        column = table.cursor_coordinate.column
        table.clear(columns=True)
        for key, label in self._columns():
            width = WIDTH.get(key) or (min(max(len(label), 5), 12) if key.startswith("actor:") else None)
            table.add_column(label[:12] if key.startswith("actor:") else label, key=key, width=width)
        self.row_targets = []
        cursor_row = 0
        for step in self.sop.langkah:
            if step.index == self.selected:
                cursor_row = len(self.row_targets)
            table.add_row(*self._step_cells(step), key=f"s{step.index}")
            self.row_targets.append(("step", step.index, -1))
            if step.index == self.selected:
                for number, finding in enumerate(self.step_findings.get(step.index, [])):
                    lines = self._finding_lines(finding)
                    cells = [RichText(MARK[finding.severity], style=STYLE[finding.severity]), "",
                             RichText("\n".join(lines), style=STYLE[finding.severity])]
                    table.add_row(*cells, *[""] * (len(self._columns()) - 3), key=f"f{step.index}:{number}",
                                  height=len(lines))
                    self.row_targets.append(("finding", step.index, number))
        table.move_cursor(row=cursor_row, column=column, animate=False)

    def _finding_lines(self, finding: Finding) -> list[str]:
        text = f"↳ {finding.message(self.lang)} ({finding.name})"
        if finding.fix is not None:
            text += " [f: perbaiki]" if self.lang != "en" else " [f: fix]"
        return textwrap.wrap(text, WIDTH["kegiatan"]) or [""]

    def _step_cells(self, step) -> list:
        symbol = SYMBOL.get(self.sop.symbol(step), "?" + (self.sop.symbol(step) or ""))
        lane = step.pelaksana if step.pelaksana in self.sop.pelaksana else ""
        lanes = [*self.sop.pelaksana, ""] if any(s.pelaksana not in self.sop.pelaksana for s in self.sop.langkah) \
            else list(self.sop.pelaksana)
        actors = [RichText(symbol, style="bold red" if actor == "" else "bold") if lane == actor else ""
                  for actor in lanes]
        return [
            mark(self.step_findings.get(step.index, [])),
            str(step.no),
            _cell(step.kegiatan, WIDTH["kegiatan"]),
            *actors,
            _cell(step.kelengkapan, WIDTH["kelengkapan"]),
            _cell(step.waktu, WIDTH["waktu"]),
            _cell(step.output, WIDTH["output"]),
            _cell(step.keterangan, WIDTH["keterangan"]),
        ]

    # -- what the user does ----------------------------------------------------------------------
    @property
    def current_step(self):
        if self.sop is None or not self.sop.langkah:
            return None
        return self.sop.langkah[self.selected]

    def current_finding(self) -> Finding | None:
        """The finding under the cursor, or the selected step's first fixable one."""
        table = self.query_one(DataTable)
        if self.row_targets and table.cursor_row < len(self.row_targets):
            kind, index, number = self.row_targets[table.cursor_row]
            if kind == "finding":
                return self.step_findings[index][number]
        fixable = [f for f in self.step_findings.get(self.selected, []) if f.fix is not None]
        return fixable[0] if fixable else None

    def select_step(self, index: int) -> None:
        if self.sop is None:
            return
        self.selected = max(0, min(index, len(self.sop.langkah) - 1))
        self._rebuild()
        self.query_one(DataTable).focus()

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        # A rebuild clears the table and puts the cursor back, which queues highlight events for
        # places the cursor no longer is; acting on those would rebuild again, and again.
        if event.coordinate != self.query_one(DataTable).cursor_coordinate:
            return
        if not self.row_targets or event.coordinate.row >= len(self.row_targets):
            return
        kind, index, _ = self.row_targets[event.coordinate.row]
        if kind == "step" and index != self.selected:
            self.selected = index
            self.call_after_refresh(self._rebuild)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        if self.sop is None or event.coordinate.row >= len(self.row_targets):
            return
        kind, index, _ = self.row_targets[event.coordinate.row]
        if kind != "step":
            return
        step = self.sop.langkah[index]
        key = event.cell_key.column_key.value
        if key.startswith("actor:") and key != "actor:":
            self.post_message(ActorToggled(index, key.split(":", 1)[1]))
        elif key in ("no", *TEXT_COLUMNS):
            value = getattr(step, key)
            current = "; ".join(value) if isinstance(value, tuple) else ("" if value is None else str(value))
            self.post_message(EditRequested(f"{step.pointer}/{key}", key, current))


def _step_index(pointer: str) -> int | None:
    parts = pointer.split("/")
    return int(parts[2]) if len(parts) > 2 and parts[1] == "langkah" and parts[2].isdigit() else None
