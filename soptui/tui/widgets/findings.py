"""A table of findings, sortable by severity, rule, step or line; Enter goes to the element."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text as RichText
from textual.widgets import DataTable

from ...checker.finding import Finding
from ..messages import FindingChosen
from .marks import MARK, STYLE

SORTS = {
    "severity": lambda f: (-f.severity.rank, f.path, f.line),
    "rule": lambda f: (f.code, f.path, f.line),
    "step": lambda f: (f.path, f.step if f.step is not None else -1, f.line),
    "line": lambda f: (f.path, f.line, f.col),
}


class FindingsTable(DataTable):
    BINDINGS = [("s", "cycle_sort", "urutkan")]

    def __init__(self, show_file: bool = False, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.show_file = show_file
        self.findings: list[Finding] = []
        self.sort_key = "severity"
        self.lang = "id"

    def on_mount(self) -> None:
        self.add_column(" ", key="severity", width=1)
        if self.show_file:
            self.add_column("Berkas", key="file", width=28)
        self.add_column("Baris", key="line", width=5)
        self.add_column("Langkah", key="step", width=7)
        self.add_column("Aturan", key="rule", width=24)
        self.add_column("Pesan", key="message")

    def show(self, findings: list[Finding], lang: str) -> None:
        self.findings, self.lang = list(findings), lang
        self._render_rows()

    def _render_rows(self) -> None:
        self.clear()
        self.findings.sort(key=SORTS[self.sort_key])
        for finding in self.findings:
            cells = [RichText(MARK[finding.severity], style=STYLE[finding.severity])]
            if self.show_file:
                cells.append(Path(finding.path).as_posix()[-28:])
            cells += [str(finding.line), "" if finding.step is None else str(finding.step),
                      f"{finding.code} {finding.name}", finding.message(self.lang)]
            self.add_row(*cells)

    def action_cycle_sort(self) -> None:
        order = list(SORTS)
        self.sort_key = order[(order.index(self.sort_key) + 1) % len(order)]
        self._render_rows()
        self.notify(f"urut menurut (sorted by) {self.sort_key}", timeout=2)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = {"severity": "severity", "rule": "rule", "step": "step", "line": "line"}.get(event.column_key.value)
        if key:
            self.sort_key = key
            self._render_rows()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.cursor_row < len(self.findings):
            self.post_message(FindingChosen(self.findings[event.cursor_row]))
