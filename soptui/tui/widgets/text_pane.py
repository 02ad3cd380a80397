"""A pane of wrapped text that scrolls, drawn line by line (Textual's Line API).

A Static in a VerticalScroll asks the whole screen for a new layout on each update, and the
scroll bars a frame more after it: two frames for every move of the Prosedur cursor. This pane
wraps its text itself and keeps its virtual height at least its own, so a new text that fits
repaints the pane alone; only a text longer than the pane changes the layout (a scroll bar).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .fixed_size import FixedSize


class TextPane(FixedSize, ScrollView):
    """`more_hint`, when set, is shown on the pane's top border while text lies below the view:
    a pane cut by a short terminal says so, and how to reach the rest."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.more_hint = ""
        self.content = Text()
        self._lines: list[Strip] = []
        self._wrapped_for: Size | None = None  # the size the lines were wrapped for
        self._shown_size = Size(80, 0)  # the size the pane last had on screen
        self._style = Style()

    @property
    def _wrap_size(self) -> Size:
        """The pane's size; while its tab is hidden (no size), the size it had when last shown,
        which it will have when shown again."""
        if self.size:
            self._shown_size = self.size
        return self._shown_size

    def update(self, content: Text) -> None:
        if content == self.content and self._wrapped_for == self._wrap_size:
            return
        self.content = content
        self._wrap()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def _wrap(self) -> None:
        self._wrapped_for = size = self._wrap_size
        width, height = size
        console = self.app.console
        narrower = max(1, width - self.styles.scrollbar_size_vertical)  # the width a scroll bar leaves
        if self.styles.overflow_y == "scroll":  # the bar always there: wrapped once, for what it leaves
            width = narrower
            lines = self.content.wrap(console, width)
        else:
            lines = self.content.wrap(console, width)
            if len(lines) > height:  # a scroll bar comes, and takes its width
                width = narrower
                lines = self.content.wrap(console, width)
        self._style = style = self.rich_style  # worked out up the tree: once a text, not once a line
        self._lines = [Strip(line.render(console, end="")).apply_style(style).extend_cell_length(width, style)
                       for line in lines]
        virtual = Size(width, max(len(self._lines), height))
        if self.virtual_size != virtual:
            self.virtual_size = virtual
        self._show_more()

    def _show_more(self) -> None:
        height = self._wrap_size.height  # while the tab is hidden, the height it will be shown at
        below = len(self._lines) > height and self.scroll_y < len(self._lines) - height
        hint = self.more_hint if below else ""
        if (self.border_title or "") != hint:
            self.border_title = hint

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._show_more()

    def on_resize(self) -> None:
        # Also sent, at the same size, when the pane's tab is shown again: nothing to wrap then.
        if self._wrapped_for != self._wrap_size:
            self._wrap()
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._wrapped_for = None
        if self.is_mounted:
            self._wrap()

    def render_line(self, y: int) -> Strip:
        at = y + int(self.scroll_y)
        if at < len(self._lines):
            return self._lines[at]
        return Strip.blank(self.size.width, self._style)
