"""The Diagram tab: the swimlane flowchart of `soptui.diagram`, scrollable both ways, each step
marked with its worst finding."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.containers import ScrollableContainer
from textual.widgets import Static

from ... import diagram
from ...checker.finding import Finding
from ...model import Sop
from .marks import worst
from .procedure import step_index


class DiagramView(ScrollableContainer, can_focus=True):
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
        lines = diagram.render(sop, lang=lang, marks=marks, width=max(60, self.size.width or 100) - 2)
        self.query_one(Static).update(RichText("\n", no_wrap=True).join(lines))
