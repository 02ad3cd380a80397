"""Every finding of the corpus: filter as you type, sort with `s`, Enter goes to the finding."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input, Label

from ...checker.finding import Finding
from ..strings import relabel, say
from ..widgets.filter_box import FilterBox
from ..widgets.findings import FindingsTable
from ..widgets.footer import KeysFooter


class CorpusFindings(Screen[tuple[str, Finding] | None]):
    """Dismissed with ("go", finding) for Enter, ("fix", finding) for `f`, None for Escape."""

    BINDINGS = [Binding("escape", "close", "tutup"), Binding("slash", "focus_filter", "saring", show=False),
                Binding("f", "fix", "perbaiki")]

    def __init__(self, findings: list[Finding], lang: str, relative: Callable[[str], str],
                 unit_of: Callable[[str], str]) -> None:
        super().__init__()
        self.findings, self.lang = findings, lang
        self.relative, self.unit_of = relative, unit_of

    def compose(self) -> ComposeResult:
        yield Header()
        # (Escape in the empty box closes the screen: the screen's binding)
        yield FilterBox(self.set_filter, "corpus-findings", empty_escape_leaves=False,
                        placeholder=say("findings_filter", self.lang), id="findings-filter")
        yield Label("", id="findings-status")
        yield FindingsTable(show_file=True, relative=self.relative, unit_of=self.unit_of, id="corpus-findings")
        yield KeysFooter()  # the main screen's: a key whose label does not fit whole is left out

    def on_mount(self) -> None:
        relabel(self, {"close": "close", "fix": "fix"}, self.lang)
        relabel(self.query_one(FindingsTable), FindingsTable.WORDS, self.lang)
        self.title = f"{say('corpus_findings_title', self.lang)}: {len(self.findings)}"
        table = self.query_one(FindingsTable)
        table.show(self.findings, self.lang)
        self._status()
        # Type to filter: the filter has the focus, so letters narrow the list rather than run
        # commands; Enter, Down or Tab go to the list, where `s`, `f` and `/` are keys.
        self.set_focus(self.query_one(Input))  # now: Widget.focus waits for the next turn of the queue

    def _status(self) -> None:
        self.query_one("#findings-status", Label).update(self.query_one(FindingsTable).status())

    def set_filter(self, text: str) -> None:
        """The list filtered for `text` (as the filter box's text changes)."""
        self.query_one(FindingsTable).set_filter(text)
        self._status()

    def on_findings_table_sorted(self, message: FindingsTable.Sorted) -> None:
        self._status()

    def on_finding_chosen(self, message) -> None:
        message.stop()
        self.dismiss(("go", message.finding))

    def action_fix(self) -> None:
        finding = self.current_finding
        if finding is None:
            return
        if finding.fix is None:
            self.notify(say("no_fix_here", self.lang), severity="warning", timeout=4)
            return
        self.dismiss(("fix", finding))

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one(Input))  # now, for the keys typed behind `/` (FilterBox)

    def action_close(self) -> None:
        """Escape in the list, or in the empty filter: close. (In a filter holding text, Escape
        clears it and goes to the list, as the sidebar's filter does: FilterBox.)"""
        self.dismiss(None)

    @property
    def current_finding(self) -> Finding | None:
        return self.query_one(FindingsTable).current_finding
