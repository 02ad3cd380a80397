"""The app's screen, and what it changes in how Textual keeps the map of what is on it.

Textual keeps two maps of a screen's widgets: the full one, of every widget laid out, and the
visible one, of those drawn, which placing what is on screen (a scroll, and here every change
of tab: see `StackedPane`) builds again and compares with the last, to know what to paint. After
such a placing the full map is out of date, and the first question of where a widget is that the
visible map lacks (a hidden tab's widget restyled, the tab just shown measuring its width)
arranges the whole screen again. That also threw the visible map away, so the next placing had
nothing to compare with and painted the whole screen, header, corpus list and footer with the
tab: every `n` into another tab did. Here the rebuilt full map leaves the visible one, still
what the screen shows, for the next placing to compare with.
"""

from __future__ import annotations

from textual._compositor import Compositor, CompositorMap, ReflowResult
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class KeptMapCompositor(Compositor):
    """Textual's compositor, its map of what is on screen kept when the full map is rebuilt,
    and taken from the last layout when that left none."""

    _last_layout: CompositorMap | None = None  # what the last layout placed, until a placing follows

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        result = super().reflow(parent, size)
        self._last_layout = self._full_map
        return result

    def reflow_visible(self, parent: Widget, size: Size) -> set[Widget]:
        last_layout, self._last_layout = self._last_layout, None
        if self._visible_map is not None or not last_layout:
            return super().reflow_visible(parent, size)
        # A layout leaves no visible map (a restyled table's scroll bars ask for one after each
        # change of focus), and Textual compares the first placing after it with nothing: the
        # whole screen painted. What that layout placed is what the screen shows, so the placing
        # is compared with it, less the screen's own entry, which differs between the two kinds
        # of arrangement (the size of what is laid out) where nothing on screen does.
        dirty = set(self._dirty_regions)
        self._visible_map = last_layout
        exposed = super().reflow_visible(parent, size)
        changes = self._visible_map.items() ^ last_layout.items()
        regions = {geometry.clip.intersection(geometry.region) for widget, geometry in changes if widget is not parent}
        self._dirty_regions.clear()
        self._dirty_regions.update(dirty | {region for region in regions if region})
        return exposed

    @property
    def full_map(self) -> CompositorMap:
        on_screen = (self._visible_map, self._visible_widgets) if self._full_map_invalidated else None
        full = Compositor.full_map.fget(self)
        if on_screen is not None and on_screen[0] is not None:
            self._visible_map, self._visible_widgets = on_screen
        return full


class MainScreen(Screen):
    """The app's screen. Textual repaints a whole screen when its focus moves; the widgets that
    gain and lose it (and their :focus-within neighbours) are restyled and repaint themselves,
    and the screen's own lines are never seen (BLANK), so here a change of focus repaints only
    those. (With a layout in the same frame, as `n` into another tab asks, the repaint was a
    second frame of the whole screen after the first.)"""

    focused: Reactive = Reactive(None, repaint=False)
    # The header, the main area and the footer cover the screen whole, so its own lines are
    # never seen: drawn blank, not through Textual's style cache.
    BLANK = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = KeptMapCompositor()

    def on_screen_suspend(self) -> None:
        # From now on, coming back, the app restores the focus (`SoptuiApp.refocus`); Textual
        # would give it to the first widget that takes it, the corpus filter, when none had it.
        self.AUTO_FOCUS = ""

    def on_screen_resume(self) -> None:
        self.app.refocus()
