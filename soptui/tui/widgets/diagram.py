"""The Diagram tab: the swimlane flowchart of `soptui.diagram`, scrollable both ways, each step
marked with its worst finding.

Drawn line by line (Textual's Line API), as the Prosedur table is, so that two parts stay in
place: the gutter on the left (each step's finding mark and number) does not scroll sideways,
and the lane headers do not scroll up, as No and Kegiatan and the header do in Prosedur. The
chart is laid out for the width the tab has (the notes, each step's whole kegiatan, wrapped
in what the lanes leave, or below the chart when the lanes need the whole width: those lines
stay in place sideways too, read whole however the lanes are scrolled), again when that width
changes. It opens scrolled sideways to show as much of the drawing as fits, the first step in
it: a SOP whose first steps sit in the last lanes otherwise opened on empty lanes on a narrow
screen."""

from __future__ import annotations

import textwrap

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ... import diagram
from ...checker.finding import Finding
from ...model import Sop
from .fixed_size import FixedSize
from .marks import worst
from .procedure import step_index

SCROLLED_EDGE = "┊"  # the gutter's last column while the lanes are scrolled sideways
NARROWEST = 60  # laid out no narrower than this, however narrow the tab (or before it has a size)
DIM = Style(dim=True)


class DiagramView(FixedSize, ScrollView, can_focus=True):
    # sideways a few columns a press, not one: a lane is 12 or more
    BINDINGS = [Binding("left", "sideways(-8)", show=False), Binding("right", "sideways(8)", show=False)]

    _placed_for = None  # the SOP last opened scrolled to its drawing

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[Sop, dict[int, str], str] | None = None  # what to draw: the SOP, marks, language
        self._note = ""
        self._laid_out_for: int | None = None  # the width the lines were laid out for
        self._lines: list[Strip] = []
        self._gutter = 0  # columns fixed on the left
        self._header = 0  # lines fixed at the top
        self._below = 0  # from this line on, the notes under the chart: they do not scroll sideways
        self.plan: diagram.Layout | None = None  # the layout drawn, for whoever needs its places

    def show(self, sop: Sop | None, findings: list[Finding], lang: str, note: str = "") -> None:
        """`note`: what is said with no SOP (a file that does not load: where to look)."""
        self._note = note
        if sop is None:
            self._shown = None
        else:
            by_step: dict[int, list[Finding]] = {}
            for finding in findings:
                index = step_index(finding.pointer)
                if index is not None:
                    by_step.setdefault(index, []).append(finding)
            marks = {index: worst(found).value for index, found in by_step.items()}
            self._shown = (sop, marks, lang)
        self._draw()

    def _width(self) -> int:
        # Beside the scroll bar (always there). While the tab is hidden the screen has no region
        # for it: the width it was last laid out at, which it has again when shown (a tab shown
        # is not laid out again, widgets/stacked_pane.py).
        width = self.scrollable_content_region.width or self._container_size.width - self.scrollbar_size_vertical
        return max(NARROWEST, width)

    def _draw(self) -> None:
        self._laid_out_for = self._width()
        if self._shown is None:
            self.plan, self._gutter, self._header, self._below = None, 0, 0, 0
            self._lines = [Strip([Segment(line, DIM)]) for line in textwrap.wrap(self._note, self._laid_out_for)]
            self.virtual_size = Size(max((strip.cell_length for strip in self._lines), default=0), len(self._lines))
            self.refresh()
            return
        sop, marks, lang = self._shown
        width = self._laid_out_for
        self.plan = diagram.layout(sop, lang=lang, width=width) if sop.langkah else None
        lines = diagram.render(sop, lang=lang, marks=marks, width=width, plan=self.plan)
        console = self.app.console
        self._lines = [Strip(list(line.render(console))) for line in lines]
        self._gutter = self.plan.gutter if self.plan else 0
        self._header = self.plan.top if self.plan else 0
        self._below = self.plan.below if self.plan else 0
        drawn = max((strip.cell_length for strip in self._lines), default=0)
        if self.plan is not None:
            drawn = diagram.scrollable_width(self.plan, drawn, width)
        self.virtual_size = Size(drawn, len(self._lines))
        self.refresh()
        if self.plan is not None and sop.path != self._placed_for:  # a new SOP, not an edit of this one
            self._placed_for = sop.path
            self.call_after_refresh(self._open_scrolled)

    def on_resize(self) -> None:
        if self._shown is not None and self._width() != self._laid_out_for:
            self._draw()

    def _open_scrolled(self) -> None:
        """Scrolled sideways to show as much of the drawing as fits, the first step in it
        (`diagram.opening_scroll`)."""
        region = self.scrollable_content_region
        scroll = diagram.opening_scroll(self.plan, region.width, region.height, self.max_scroll_x)
        self.scroll_to(x=scroll, animate=False)

    def action_sideways(self, columns: int) -> None:
        self.scroll_relative(x=columns, animate=False)

    # A page is what scrolls: the header and the gutter stay, so a page is that much shorter
    # (Textual's a whole viewport, which would skip the lines under the header).
    def action_page_down(self) -> None:
        self.scroll_relative(y=self._page_height(), animate=False)

    def action_page_up(self) -> None:
        self.scroll_relative(y=-self._page_height(), animate=False)

    def action_page_right(self) -> None:
        self.scroll_relative(x=self._page_width(), animate=False)

    def action_page_left(self) -> None:
        self.scroll_relative(x=-self._page_width(), animate=False)

    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - self._header)

    def _page_width(self) -> int:
        return max(1, self.scrollable_content_region.width - self._gutter)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        line = y if y < self._header else y + int(self.scroll_y)  # the header stays at the top
        if line >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._lines[line]
        gutter, scroll_x = self._gutter, int(self.scroll_x)
        if self._below and line >= self._below:  # a note under the chart, laid out for the screen's width
            scroll_x = 0
        fixed = strip.crop(0, gutter).extend_cell_length(gutter)
        if scroll_x and gutter:  # the lanes' left part hidden under the gutter: an edge says so
            fixed = Strip([*fixed.crop(0, gutter - 1), Segment(SCROLLED_EDGE, DIM)])
        moving = strip.crop(gutter + scroll_x, scroll_x + width)
        return Strip([*fixed, *moving]).apply_style(base).extend_cell_length(width, base).crop(0, width)

