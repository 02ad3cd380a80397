"""The Identitas tab: the identity block and the six documentation sections, as a form.

One row per field and per item of a list section, each value wrapped in full to the width there
is; Enter edits the row (an emptied value removes it); the "+" row of a section adds an item.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from textual.coordinate import Coordinate

from ...checker.finding import Finding
from ...field_names import IDENTITY_FIELDS, SECTION_TITLES, SIGNER, SIGNER_PARTS
from ...model import SECTIONS, Sop
from ..messages import EditRequested
from ..strings import say
from .marks import mark
from .steps_table import Column, Row, StepsTable



def label_of(pointer: str, lang: str) -> str | None:
    """The form's label of the row at `pointer` in `lang` ("/tanggal_efektif" -> "Date effective",
    "/dasar_hukum/0" -> "Legal basis 1", "/dasar_hukum/+" -> "Legal basis +"); None for another pointer."""
    parts = pointer.split("/")[1:]
    if len(parts) == 1 and parts[0] in IDENTITY_FIELDS:
        return IDENTITY_FIELDS[parts[0]](lang)
    if len(parts) == 2 and parts[0] == "disahkan_oleh" and parts[1] in SIGNER_PARTS:
        return f"{SIGNER(lang)}: {SIGNER_PARTS[parts[1]](lang)}"
    if len(parts) == 2 and parts[0] in SECTION_TITLES and (parts[1] == "+" or parts[1].isdigit()):
        return f"{SECTION_TITLES[parts[0]](lang)} {'+' if parts[1] == '+' else int(parts[1]) + 1}"
    return None


class IdentityView(StepsTable):
    def __init__(self, on_row_findings: Callable[[list[Finding]], None] | None = None, **kwargs) -> None:
        """`on_row_findings` is given the findings of each row the cursor comes to, before the
        move returns, so the panel showing them is painted in the same frame (a message would
        come a frame later, and a layout after it)."""
        super().__init__(cursor_type="row", header_height=1, on_highlight=self._highlighted_row, **kwargs)
        self.on_row_findings = on_row_findings
        self.rows_meta: list[tuple[str, str, str]] = []  # (pointer, key, current text)
        self.findings: list[Finding] = []
        self.sop: Sop | None = None
        self.note = ""
        self.lang = "id"
        self._width = 0
        self._width_hint = 0

    def show(self, sop: Sop | None, findings: list[Finding], lang: str = "id", width: int = 0,
             note: str = "") -> None:
        """`width`: the width the form will have, while its tab is hidden (and has none), so that
        it is not drawn again when the tab is shown. `note`: what the form says with no SOP (a
        file that does not load: where to look)."""
        self.sop, self.findings, self.lang, self.note = sop, list(findings), lang, note
        self._width_hint = width
        self._render_rows()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._render_rows()

    def _render_rows(self) -> None:
        sop, findings = self.sop, self.findings
        row = self.cursor_row
        width = self.size.width or self._width_hint
        self._width = width
        value_width = max(20, (width or 100) - 26 - 1 - 3 * 2 - 2)
        columns = [Column("mark", " ", 1), Column("label", say("Bagian", self.lang), 26),
                   Column("value", say("Isi", self.lang), value_width)]
        self.rows_meta = []
        if sop is None:
            lines = textwrap.wrap(self.note, value_width)
            self.set_table(columns, [Row("note", (("", ""), ("", ""), ("\n".join(lines), "dim")), len(lines))]
                           if lines else [])
            return
        rows: list[Row] = []
        by_pointer: dict[str, list[Finding]] = {}
        for finding in findings:
            by_pointer.setdefault(finding.pointer, []).append(finding)

        def concerning(pointer: str) -> list[Finding]:
            return [f for p, found in by_pointer.items() if p == pointer or p.startswith(pointer + "/") for f in found]

        def add(pointer: str, key: str, label: str, value) -> None:
            shown = "" if value is None else str(value)
            lines = textwrap.wrap(shown, value_width) or [""]
            rows.append(Row(pointer, (mark(concerning(pointer)), (label, ""), ("\n".join(lines), "")), len(lines)))
            self.rows_meta.append((pointer, key, shown))

        lang = self.lang
        for key, name in IDENTITY_FIELDS.items():
            add(f"/{key}", key, name(lang), getattr(sop, key))
        signer = sop.disahkan_oleh
        for key, part in SIGNER_PARTS.items():
            add(f"/disahkan_oleh/{key}", key, f"{SIGNER(lang)}: {part(lang)}", getattr(signer, key) if signer else None)
        for section in SECTIONS:
            items = getattr(sop, section)
            values = [c.text for c in items] if section == "dasar_hukum" else list(items)
            title = SECTION_TITLES[section](lang)
            for number, value in enumerate(values, 1):
                add(f"/{section}/{number - 1}", section, f"{title} {number}", value)
            rows.append(Row(f"/{section}/+", (mark(concerning(f"/{section}") if not values else []),
                                              (f"{title} +", "dim"),
                                              (say("add_item", self.lang), "dim"))))
            self.rows_meta.append((f"/{section}/+", section, ""))
        self.set_table(columns, rows, Coordinate(max(0, min(row, len(rows) - 1)), 0))
        self.scroll_cursor_into_view()

    def _highlighted_row(self, coordinate: Coordinate) -> None:
        if coordinate.row < len(self.rows_meta):
            pointer = self.rows_meta[coordinate.row][0].removesuffix("/+")
            exact = [f for f in self.findings if f.pointer == pointer or f.pointer.startswith(pointer + "/")]
            if self.on_row_findings is not None:
                self.on_row_findings(exact)

    def on_steps_table_cell_selected(self, event: StepsTable.CellSelected) -> None:
        event.stop()
        if event.coordinate.row < len(self.rows_meta):
            pointer, key, current = self.rows_meta[event.coordinate.row]
            self.post_message(EditRequested(pointer, key, current))

    def focus_pointer(self, pointer: str) -> None:
        for row, (candidate, _, _) in enumerate(self.rows_meta):
            if pointer == candidate or pointer.startswith(candidate + "/"):
                self.move_cursor(row=row)
                return

    def current_findings(self) -> list[Finding]:
        """The findings of the highlighted row (a section's "+" row: the section's own)."""
        if not 0 <= self.cursor_row < len(self.rows_meta):
            return []
        pointer = self.rows_meta[self.cursor_row][0].removesuffix("/+")
        return [f for f in self.findings if f.pointer == pointer or f.pointer.startswith(pointer + "/")]
