"""A table of findings, sortable and filterable; each message wrapped in full; Enter goes to the
element the finding concerns."""

from __future__ import annotations

import textwrap
from typing import Callable

from rich.text import Text as RichText
from textual.message import Message
from textual.widgets import DataTable

from ...checker.finding import Finding
from ...checker.rule import Severity
from ...one_cell import one_cell
from ..messages import FindingChosen
from ..strings import say
from .marks import MARK, STYLE

_RANK = {severity: severity.rank for severity in Severity}
SORTS: dict[str, Callable[[Finding, str], tuple]] = {
    "severity": lambda f, unit: (-_RANK[f.severity], f.path, f.line),
    "rule": lambda f, unit: (f.code, f.path, f.line),
    "unit": lambda f, unit: (unit, f.path, f.line),
    "file": lambda f, unit: (f.path, f.line, f.col),
    "line": lambda f, unit: (f.line, f.col),
}
# The orders `s` goes through. In `T`'s list of the corpus, by file and by unit; in a list of one
# SOP's findings every row has the same file and unit, so those left the rows as they were (the
# key seemed to do nothing): there, by line.
CORPUS_ORDERS = ("severity", "rule", "unit", "file")
ONE_FILE_ORDERS = ("severity", "rule", "line")
RULE_WIDTH = 22  # the least the place column (`T`'s) takes
# More rows than a reviewer scrolls through; past it, the filter narrows the list.
MAX_ROWS = 500


class FindingsTable(DataTable):
    BINDINGS = [("s", "cycle_sort", "urutkan")]
    WORDS = {"cycle_sort": "sort"}  # action -> strings.WORDS, for `L`

    class Sorted(Message):
        """The rows are in a new order (`s`, a click on a header): for a line that names it."""

    def __init__(self, show_file: bool = False, relative: Callable[[str], str] | None = None,
                 unit_of: Callable[[str], str] | None = None, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.show_file = show_file
        self.relative = relative or (lambda path: path)
        self.unit_of = unit_of or (lambda path: "")
        self.all_findings: list[Finding] = []
        self.findings: list[Finding] = []  # the rows shown, in order
        self.sort_key = "severity"
        self.query_text = ""
        self._relative: dict[str, str] = {}
        self._unit: dict[str, str] = {}
        self._haystacks: list[str] | None = None
        self.lang = "id"
        self._width = 0  # the width the rows were drawn at; 0 while they wait for one
        self._cursor_to: Finding | None = None  # where the cursor goes when the rows are drawn

    def show(self, findings: list[Finding], lang: str) -> None:
        self.all_findings, self.lang = list(findings), lang
        # Worked out once per path and per finding, not per keystroke: a corpus of ten thousand
        # SOPs has over a hundred thousand findings to filter as the reviewer types.
        paths = {f.path for f in self.all_findings}
        self._relative = {path: self.relative(path) for path in paths}
        self._unit = {path: self.unit_of(path) for path in paths}
        self._haystacks: list[str] | None = None
        self._render_rows()

    def _haystack(self) -> list[str]:
        if self._haystacks is None:
            self._haystacks = [" ".join((self._relative[f.path], f.code, f.name, self._unit[f.path],
                                         f.message(self.lang))).casefold() for f in self.all_findings]
        return self._haystacks

    def set_filter(self, text: str) -> None:
        self.query_text = text
        self._render_rows()

    @property
    def current_finding(self) -> Finding | None:
        """The finding of the highlighted row; none while the rows wait to be drawn."""
        if not self._width or not 0 <= self.cursor_row < len(self.findings):
            return None
        return self.findings[self.cursor_row]

    def select_finding(self, finding: Finding) -> None:
        """Put the cursor on `finding`'s row, now or when the rows are drawn."""
        if self._width and finding in self.findings:
            self.move_cursor(row=self.findings.index(finding), animate=False)
        else:
            self._cursor_to = finding

    @property
    def orders(self) -> tuple[str, ...]:
        return CORPUS_ORDERS if self.show_file else ONE_FILE_ORDERS

    def status(self) -> str:
        """The line above the list: how many findings, in which order, and the key that changes
        it; or that none matches the filter, or that there is none."""
        shown, lang = len(self.findings), self.lang
        if not shown:
            return say("no_match" if self.all_findings else "no_findings", lang)
        text = f"{shown + self.hidden} · {say('sorted_by', lang)} {say(self.sort_key, lang)} (s)"
        if self.hidden:
            text += f" · {shown} ditampilkan, saring untuk sisanya" if lang != "en" else \
                f" · {shown} shown, filter for the rest"
        return text

    @property
    def hidden(self) -> int:
        """How many matching findings the row limit leaves out."""
        return max(0, self._matching - len(self.findings))

    def _matching_findings(self) -> list[Finding]:
        words = self.query_text.casefold().split()
        if not words:
            return list(self.all_findings)
        return [f for f, haystack in zip(self.all_findings, self._haystack()) if all(w in haystack for w in words)]

    def _place_width(self) -> int:
        longest = max((len(path) for path in self._relative.values()), default=10)
        return min(max(longest, RULE_WIDTH), max(RULE_WIDTH, (self._laid_out_width() or 120) // 3))

    def _rule_width(self) -> int:
        """The rule column as wide as the longest rule name shown (and its header): a name split
        in the middle ("citation-title-mismatc / h") reads as two words."""
        return max([len(say("Aturan", self.lang)), *(max(len(f.name), len(f.code)) for f in self.findings)])

    def _message_width(self) -> int:
        # every column's width plus its padding (2), and the vertical scrollbar (2)
        if self.show_file:
            used = (1 + 2) + (self._place_width() + 2) + 2 + 2
        else:
            used = (1 + 2) + (5 + 2) + (7 + 2) + (self._rule_width() + 2) + 2 + 2
        return max(24, (self._laid_out_width() or 120) - used)

    def _laid_out_width(self) -> int:
        """The table's width; in a tab not on screen, the width it is laid out at. (The tab panes
        stay laid out, invisible, and Textual says a hidden widget's size is 0 but sends it no
        Resize when it is shown again at the size it had: rows set while it was hidden waited
        for that width and were never drawn.)"""
        return self.size.width or self._size.width

    def _render_rows(self) -> None:
        """Choose the rows (filter, sort, limit) and draw them, wrapped to the table's width.
        A table with no width yet (its tab not on screen) keeps no row at all until its resize
        draws them: rows left from an older list would show, and act on, another file's findings."""
        keep = self._cursor_to or self.current_finding
        sort = SORTS[self.sort_key]
        matching = self._matching_findings()
        unit = self._unit
        matching.sort(key=lambda f: sort(f, unit[f.path]))
        self._matching = len(matching)
        self.findings = matching[:MAX_ROWS]
        self.clear(columns=True)
        width = self._laid_out_width()
        if not width:
            self._width, self._cursor_to = 0, keep
            return
        self._cursor_to = None
        self._width = width
        lang = self.lang
        self.add_column(" ", key="severity", width=1)
        if self.show_file:
            # File, line and rule stacked in one column: a narrow screen wraps a long path
            # rather than cutting off the folder that tells four pengukuran-kinerja.toml apart.
            place_width = self._place_width()
            self.add_column(f"{say('Berkas', lang)} · {say('Baris', lang)} · {say('Aturan', lang)}", key="file",
                            width=place_width)
        else:
            self.add_column(say("Baris", lang), key="line", width=5)
            self.add_column(say("Langkah", lang), key="step", width=7)
            self.add_column(say("Aturan", lang), key="rule", width=self._rule_width())
        width = self._message_width()
        self.add_column(say("Pesan", lang), key="message", width=width)
        hint = say("fix_hint", lang)
        for finding in self.findings:
            text = one_cell(finding.message(lang)) + (f"  {hint}" if finding.fix is not None else "")
            lines = textwrap.wrap(text, width) or [""]
            cells = [RichText(MARK[finding.severity], style=STYLE[finding.severity])]
            if self.show_file:
                step = "" if finding.step is None else f" · {say('Langkah', lang).lower()} {finding.step}"
                rule = f"{finding.code} {finding.name}"
                place = [*_hard_wrap(one_cell(self._relative[finding.path]), place_width),
                         f"{say('Baris', lang).lower()} {finding.line}{step}",
                         *([rule] if len(rule) <= place_width else [finding.code, finding.name])]
                cells.append(RichText("\n".join(place)))
                height = max(len(lines), len(place))
            else:
                cells += [str(finding.line), "" if finding.step is None else str(finding.step),
                          RichText(f"{finding.code}\n{finding.name}")]
                height = max(2, len(lines))
            # As text, not markup: a str cell is read as markup, in which the fix hint
            # "[f: perbaiki]" (and any [..] in a message or path) is a style tag, never drawn.
            message = RichText("\n".join(lines))
            if finding.fix is not None:  # green, as elsewhere; the last characters, a break in it aside
                message.stylize("green", len(message) - len(hint))
            cells.append(message)
            self.add_row(*cells, height=height)
        self._measure_rows_now()
        if keep is not None and keep in self.findings:
            self.move_cursor(row=self.findings.index(keep), animate=False)

    def _measure_rows_now(self) -> None:
        """The new rows' places worked out now, as DataTable does when next idle: a frame painted
        before that drew the new rows at the old rows' places, a line of one in another."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def on_resize(self) -> None:
        width = self._laid_out_width()
        if width and width != self._width:  # the rows drawn again for a width they were not drawn for
            self._render_rows()

    def action_cycle_sort(self) -> None:
        # (the line above the list names the order: `Sorted`)
        orders = self.orders
        self.sort_key = orders[(orders.index(self.sort_key) + 1) % len(orders)] if self.sort_key in orders else orders[0]
        self._render_rows()
        self.post_message(self.Sorted())

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = event.column_key.value
        if key in self.orders:
            self.sort_key = key
            self._render_rows()
            self.post_message(self.Sorted())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.cursor_row < len(self.findings):
            self.post_message(FindingChosen(self.findings[event.cursor_row]))


def _hard_wrap(text: str, width: int) -> list[str]:
    """A path over as many lines as it needs, broken after a "/" where one is near."""
    lines = []
    while len(text) > width:
        cut = text.rfind("/", 0, width) + 1 or width
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text]
