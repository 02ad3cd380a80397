"""Scroll bars that keep their drawing.

Textual draws a scroll bar again, line by line through a Rich renderable, whenever it is
refreshed: its widget's content changed size, the screen was laid out, the view scrolled. The
bars of the corpus list, the Prosedur table and the step detail took some 60 lines of every
frame that opens a SOP, for bars that mostly look as they did. These keep each line Textual drew, by
the segments the bar's renderer gives it, and draw a bar from kept lines (a bar's lines are of
a few kinds), handing back the same lines, which also lets the screen reuse what it cut from
them. `tests/tui/test_drawing.py` holds them to Textual's own bars.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class KeptScrollBar(ScrollBar):
    # Each line as Textual drew it, by the segments its renderer gives that line (a bar's lines
    # are of a few kinds: the track above and below the thumb, the thumb, its two ends), the
    # bar's width, background and the app's line filters. Shared by every bar.
    _kept: LRUCache[tuple, Strip] = LRUCache(1024)
    # The style Textual's drawing gives each segment's style, with the same context: a line never
    # drawn before (the thumb somewhere new: another SOP, the list scrolled far) is made of
    # segments whose styles were, so it is built from them rather than the whole bar being drawn
    # by Textual (about 2 ms a bar). Learnt from every bar Textual draws.
    _styled: LRUCache[tuple, Style] = LRUCache(1024)

    def _line_segments(self, bar: ScrollBarRender) -> list[tuple[Segment, ...]]:
        """The segments of each of the bar's lines, as its renderer lays them out for its size
        (ScrollBarRender.__rich_console__, with the console's style resolved the same way)."""
        width, height = self.size
        style = self.app.console.get_style(bar.style)
        drawn = bar.render_bar(size=height if bar.vertical else width, window_size=bar.window_size,
                               virtual_size=bar.virtual_size, position=bar.position, vertical=bar.vertical,
                               thickness=width if bar.vertical else height,
                               back_color=style.bgcolor or Color.parse("#555555"),
                               bar_color=style.color or Color.parse("bright_magenta"))
        segments = drawn.segments
        if bar.vertical:
            return [(segment,) for segment in segments]
        lines, line = [], []
        for segment in segments:
            if segment.text == "\n":
                lines.append(tuple(line))
                line = []
            else:
                line.append(segment)
        return lines

    def _built(self, line: tuple[Segment, ...], context: tuple) -> Strip | None:
        """A line from the styles Textual gave its segments' styles elsewhere, kept; None when
        one of them was never drawn."""
        styled = self._styled
        styles = [styled.get((segment.style, context)) for segment in line]
        if None in styles:
            return None
        strip = self._kept[(line, context)] = Strip([Segment(segment.text, style) for segment, style in zip(line, styles)])
        return strip

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()  # its colours worked out from its widget's styles, as Textual does
        if type(bar) is not ScrollBarRender or not self.size:
            return super().render_lines(crop)
        lines = self._line_segments(bar)
        if len(lines) != self.size.height:
            return super().render_lines(crop)
        context = (self.size.width, self.background_colors, tuple(self.get_line_filters()))
        kept = self._kept
        strips = [kept.get((lines[y], context)) or self._built(lines[y], context) for y in crop.line_range]
        if None in strips:  # a segment's style not drawn before: the whole bar drawn by Textual, kept
            drawn = super().render_lines(self.size.region)
            styled = self._styled
            for line, strip in zip(lines, drawn):
                kept[(line, context)] = strip
                segments = list(strip)
                if len(segments) == len(line) and all(a.text == b.text for a, b in zip(line, segments)):
                    for segment, drawn_segment in zip(line, segments):
                        styled[(segment.style, context)] = drawn_segment.style
            strips = drawn[crop.y:crop.bottom]
        if crop.column_span != (0, self.size.width):
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips


class KeptScrollBars:
    """A mixin: the widget's scroll bars are KeptScrollBars (as Widget makes its own)."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = KeptScrollBar(vertical=True, name="vertical",
                                                           thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        if self._horizontal_scrollbar is None:
            self._horizontal_scrollbar = bar = KeptScrollBar(vertical=False, name="horizontal",
                                                             thickness=self.scrollbar_size_horizontal)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._horizontal_scrollbar
