"""The Diagram tab: the swimlane flowchart of `soptui.diagram`, scrollable both ways, each step
marked with its worst finding. It opens scrolled to where the first step is drawn: a SOP whose
first steps sit in the last lanes otherwise opened on empty lanes on a narrow screen."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.widgets import Static

from ... import diagram
from ...checker.finding import Finding
from ...model import Sop
from .marks import worst
from .procedure import step_index


class DiagramView(ScrollableContainer, can_focus=True):
    # sideways a few columns a press, not one: a lane is 12 or more
    BINDINGS = [Binding("left", "sideways(-8)", show=False), Binding("right", "sideways(8)", show=False)]

    _placed_for = None  # the SOP whose first step was last scrolled into view

    def compose(self):
        yield Static(id="diagram")

    def show(self, sop: Sop | None, findings: list[Finding], lang: str) -> None:
        if sop is None:
            self.query_one(Static).update("")
            return
        by_step: dict[int, list[Finding]] = {}
        for finding in findings:
            index = step_index(finding.pointer)
            if index is not None:
                by_step.setdefault(index, []).append(finding)
        marks = {index: worst(found).value for index, found in by_step.items()}
        width = max(60, self.size.width or 100) - 2
        plan = diagram.layout(sop, lang=lang, width=width) if sop.langkah else None
        lines = diagram.render(sop, lang=lang, marks=marks, width=width, plan=plan)
        self.query_one(Static).update(RichText("\n", no_wrap=True).join(lines))
        if plan is not None and sop.path != self._placed_for:  # a new SOP, not an edit of this one
            self._placed_for = sop.path
            self.call_after_refresh(self._first_step_in_view, plan.boxes[0])

    def _first_step_in_view(self, box: diagram.Box) -> None:
        """Scrolled as little as brings the first step (and a little after it) into view: as much
        of the lanes on its left, and the step numbers, as the width allows."""
        room = self.scrollable_content_region.width
        self.scroll_to(x=max(0, min(box.x, box.right + 4 - room)), animate=False)

    def action_sideways(self, columns: int) -> None:
        self.scroll_relative(x=columns, animate=False)
