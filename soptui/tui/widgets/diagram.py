"""The Diagram tab: the swimlane flowchart of `soptui.diagram`, scrollable when wider than the screen."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.containers import ScrollableContainer
from textual.widgets import Static

from ... import diagram
from ...model import Sop


class DiagramView(ScrollableContainer):
    DEFAULT_CSS = "DiagramView Static { width: auto; }"

    def compose(self):
        yield Static(id="diagram")

    def show(self, sop: Sop | None, lang: str, marks: dict[int, str] | None = None) -> None:
        if sop is None:
            self.query_one(Static).update("")
            return
        lanes = max(1, len(diagram.lanes_of(sop)))
        available = max(60, self.size.width or 100) - 5 - 22
        width = max(12, min(20, available // lanes))
        lines = diagram.render(sop, lane_width=width, lang=lang)
        self.query_one(Static).update(RichText("\n", no_wrap=True).join(lines))
