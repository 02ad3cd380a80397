"""Every finding of the corpus: filter as you type, sort with `s`, Enter goes to the finding."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input, Label

from ...checker.finding import Finding
from ..strings import relabel, say
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
        yield Input(placeholder=say("findings_filter", self.lang), id="findings-filter")
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
        self.query_one(Input).focus()

    def _status(self) -> None:
        self.query_one("#findings-status", Label).update(self.query_one(FindingsTable).status())

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(FindingsTable).set_filter(event.value)
        self._status()

    def on_findings_table_sorted(self, message: FindingsTable.Sorted) -> None:
        self._status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FindingsTable).focus()

    def on_key(self, event) -> None:
        if event.key == "down" and self.focused is self.query_one(Input):
            self.query_one(FindingsTable).focus()
            event.stop()

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
        self.query_one(Input).focus()

    def action_close(self) -> None:
        """Escape: in a filter holding text, clear it and go to the list (as the sidebar's
        filter does); else close."""
        filter_box = self.query_one(Input)
        if self.focused is filter_box and filter_box.value:
            filter_box.value = ""
            self.query_one(FindingsTable).focus()
            return
        self.dismiss(None)

    @property
    def current_finding(self) -> Finding | None:
        return self.query_one(FindingsTable).current_finding
