"""A scrolling widget whose size the stylesheet sets, never its content.

Textual lays the whole screen out again whenever a widget's virtual size changes, because an
auto-sized widget grows with its content. The corpus tree, the Prosedur table and the step
detail take the space the stylesheet gives them (`1fr`, a percentage), so a new content size
(another SOP, a folder opened) changes nothing but their scroll bars. With this mixin first
among its bases, a widget repaints itself and updates its scroll bars on a new virtual size,
and the screen is laid out again only when a scroll bar appears or goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.geometry import Size
from textual.reactive import Reactive

from .scroll_bars import KeptScrollBars


class FixedSize(KeptScrollBars):
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    _repaint_only = False

    _scrolled_for: tuple | None = None

    def watch_virtual_size(self, size: Size) -> None:
        # Widget._scroll_update: the scroll bars shown or hidden (a layout only if that changes),
        # their thumbs sized, the scroll offset kept within the new size.
        self._scroll_update(size)

    def _scroll_update(self, virtual_size: Size) -> None:
        # ScrollView calls this after every layout of the screen, the sizes unchanged or not, and
        # it repaints the scroll bars: a frame more, up to a frame's period later, after any
        # layout (the footer's keys, another tab shown). Nothing to do when nothing changed.
        # The sizes as last laid out (`size` is the screen's, nothing while the widget's tab is
        # hidden: the scroll bars were drawn again when the tab was next shown).
        key = (virtual_size, self._container_size, self._size)
        if key != self._scrolled_for:
            self._scrolled_for = key
            super()._scroll_update(virtual_size)

    @contextmanager
    def repaint_only(self) -> Iterator[None]:
        """Within it, the widget's own requests for a layout are repaints (for code of Textual's
        that asks for one on a change of content)."""
        self._repaint_only = True
        try:
            yield
        finally:
            self._repaint_only = False

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        return super().refresh(*regions, repaint=repaint, layout=layout and not self._repaint_only,
                               recompose=recompose)
