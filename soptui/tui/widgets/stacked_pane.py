"""A tab pane that stays laid out while another tab is shown.

TabbedContent shows one pane and hides the others with `display`, which takes a hidden pane
out of the layout: showing it again lays the screen out for it, and its widgets, newly
shown, are sent Resize and Show and draw themselves again, a frame or two after the first.
`n` to a finding in another tab paid for all of that. These panes lie on top of each other,
each the size of the tab area, and a hidden one is only invisible (`visibility: hidden`):
Textual goes on placing it and its widgets at the size they have, so showing it repaints it.

Each pane is laid out once at the start, hidden ones out of sight (moved right by their own
width, outside the tab area), and only then made invisible, so that the first `n` or `2` into
a tab costs no more than the next.

TabbedContent's ContentSwitcher shows and hides its panes through `display`, so that is where
a pane turns the request into visibility.

Textual takes a change of `visibility` for a change of layout: the whole screen is arranged
again, its hidden and shown widgets are sent Hide and Show, and their scroll bars ask for a
layout of their own, a frame later. A pane's place never changes, only whether it is drawn, so
the pane sets the rule without that and asks the screen for what a scroll costs: the widgets on
screen placed again from the arrangement it has, the regions that changed painted, in one frame.
"""

from __future__ import annotations

from textual import messages
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import ContentSwitcher, TabbedContent, TabPane

OUT_OF_SIGHT = ("100%", 0)


class StackedPane(TabPane):
    """(The stylesheet lays the panes on top of each other: soptui.tcss.)"""

    # Its widget covers the pane whole, so the pane's own lines are never seen: drawn blank
    # rather than through Textual's style cache, again each time a change of tab restyles it.
    BLANK = True

    _laid_out = False
    _shown = True

    @property
    def display(self) -> bool:  # the pane is always in the layout
        return DOMNode.display.fget(self)

    @display.setter
    def display(self, shown: bool | str) -> None:
        self._shown = shown not in (False, "none")
        if self._laid_out:
            self._show(self._shown)
        else:
            self.styles.offset = (0, 0) if self._shown else OUT_OF_SIGHT

    def _show(self, shown: bool) -> None:
        """Drawn or not, without a layout: the compositor reads the rule again when the screen
        next places what is on it (Screen's scroll path), and paints what changed."""
        if self.styles.set_rule("visibility", "visible" if shown else "hidden") and self.is_attached:
            # Textual's full map of the screen no longer says which widgets are drawn: a widget
            # of this pane asked where it is before the screen places it (the tab drawn as it is
            # shown) is placed anew, not taken for a hidden one of no size (a table built for
            # 120 columns, the width it falls back on).
            self.screen._compositor._full_map_invalidated = True
            self.screen.post_message(messages.UpdateScroll())

    def on_resize(self) -> None:
        if not self._laid_out:
            self._laid_out = True
            self.styles.offset = None
            self.visible = self._shown
            self.call_after_refresh(self._style_scroll_bars)

    def _style_scroll_bars(self) -> None:
        """Style the scroll bars its widgets have now that they are laid out: Textual styles a
        widget's bars with the widget, and only bars that show, so these took their sizes from
        the stylesheet at the first change of focus, and laid the screen out for them then."""
        self.app.stylesheet.update_nodes([widget for widget in self.walk_children(Widget) if widget.is_scrollable])

    def allow_focus_children(self) -> bool:
        """A hidden pane's widgets stay out of the focus chain (tab and shift+tab)."""
        return self._shown and super().allow_focus_children()


class StackedTabs(TabbedContent):
    """Textual's TabbedContent, with StackedPanes. Its tab bar and its panes cover it whole, and
    the panes cover their switcher: neither's own lines are ever seen, so both draw them blank
    (each is drawn again on every change of tab, its `active` and `current` being repainting
    reactives)."""

    BLANK = True

    def on_mount(self) -> None:
        self.query_one(ContentSwitcher).BLANK = True
