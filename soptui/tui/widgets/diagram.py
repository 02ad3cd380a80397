"""The Diagram tab: the swimlane flowchart of `soptui.diagram`, scrollable both ways, each step
marked with its worst finding."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.containers import ScrollableContainer
from textual.widgets import Static

from ... import diagram
from ...model import Sop


class DiagramView(ScrollableContainer, can_focus=True):
    def compose(self):
        yield Static(id="diagram")

    def show(self, sop: Sop | None, lang: str, marks: dict[int, str] | None = None) -> None:
        if sop is None:
            self.query_one(Static).update("")
            return
        lines = diagram.render(sop, lang=lang, marks=marks, width=max(60, self.size.width or 100) - 2)
        self.query_one(Static).update(RichText("\n", no_wrap=True).join(lines))
