"""The footer: the keys the focus makes active, drawn on one line, and only those that fit whole
left of the command palette's key.

Textual's Footer holds a widget for every key and mounts them all again whenever the bindings
may have changed, which is on every change of focus; showing and hiding kept widgets instead
still laid the screen out again for every key shown or hidden: `n` from a step's finding to one
of Identitas (the Prosedur table's `a` goes) paid for a layout of the whole screen. This footer
is one widget of one line that draws its keys itself, as Textual's FooterKey draws one (its
component classes' colours and padding, the palette key docked right with its edge): a change
of the keys shown repaints that line. A click on a key presses it, as on Textual's.

The order of the keys is their priority (the focused widget's own first, the app's last, as
Textual's Footer orders them): on a screen too narrow for them all the later ones go first, and a
key is shown only when it fits whole before the palette key (Textual docked the palette key over
the last keys, cutting a label in the middle: "L Eng▏^p palette" at 120 columns). No binding here
is ever shown disabled (the app's `check_action` hides a key, never dims it).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


@dataclass(frozen=True)
class FooterEntry:
    """A key as the footer draws it: `x` its first column, `width` its cells."""

    key: str
    key_display: str
    description: str
    action: str
    x: int = 0
    width: int = 0

    @property
    def right(self) -> int:
        return self.x + self.width


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--item", "footer-key--key", "footer-key--description", "footer-key--hover",
        "footer-key--palette-edge", "footer-key--palette-key", "footer-key--palette-description",
    }
    # Textual's Footer and FooterKey, as one line: a key " ^s save ", the palette key compact
    # ("▏^p palette ") as Textual draws it.
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer-key--item { background: $footer-item-background; }
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        & > .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer-key--hover { color: $footer-key-foreground; background: $block-hover-background; }
        & > .footer-key--palette-edge { color: $foreground 20%; }
        & > .footer-key--palette-key { padding: 0; }
        & > .footer-key--palette-description { padding: 0 1 0 1; }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown: list[FooterEntry] = []  # the keys drawn, left to right (not the palette key)
        self.palette: FooterEntry | None = None
        self._active: list[Binding] = []  # the keys the focus makes active, in order
        self._hover: str | None = None  # the key under the mouse
        self._strip: tuple[tuple, Strip] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    # -- which keys ------------------------------------------------------------------------------
    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return  # (Textual's Footer too keeps its keys while the app has not the terminal's focus)
        self._take(screen)

    def fit_now(self, screen: Screen) -> None:
        """The keys of the focus just set, drawn in the caller's turn: the signal that tells the
        footer of new bindings is taken in the app's next turn, after the frame the caller's
        changes go out in."""
        if self.is_attached and screen is self.screen:
            self._take(screen)

    def _take(self, screen: Screen) -> None:
        active, actions = [], set()
        palette = None
        for key, binding in ((key, active_binding.binding) for key, active_binding in screen.active_bindings.items()):
            if key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                active.append(binding)
        if not (self.app.ENABLE_COMMAND_PALETTE and getattr(self.app, "use_command_palette", True)):
            palette = None
        self._active, self._palette_binding = active, palette
        self._fit()

    _palette_binding: Binding | None = None

    def on_resize(self) -> None:
        self._fit()

    def _widths(self) -> tuple[int, int, int, int]:
        """The padding of a key's two parts, left and right, as the stylesheet sets it."""
        key = self.get_component_styles("footer-key--key").padding
        description = self.get_component_styles("footer-key--description").padding
        return key.left, key.right, description.left, description.right

    def _entry(self, binding: Binding, x: int, palette: bool = False) -> FooterEntry:
        display = self.app.get_key_display(binding)
        if palette:
            key = self.get_component_styles("footer-key--palette-key").padding
            description = self.get_component_styles("footer-key--palette-description").padding
            # its left edge, the key, the description with its padding
            width = 1 + key.left + len(display) + key.right + description.left + len(binding.description) \
                + description.right
        else:
            key_left, key_right, description_left, description_right = self._widths()
            width = key_left + len(display) + key_right
            if binding.description:
                width += description_left + len(binding.description) + description_right
        return FooterEntry(binding.key, display, binding.description, binding.action, x, width)

    def _fit(self) -> None:
        """Lay the keys out from the left while each fits whole before the palette key; the
        first that does not, and every key after it, are left out. Repainted when that changes."""
        width = self.size.width
        palette = None
        if self._palette_binding is not None:
            palette = self._entry(self._palette_binding, 0, palette=True)
            palette = FooterEntry(palette.key, palette.key_display, palette.description, palette.action,
                                  max(0, width - palette.width), palette.width)
        room = width - (palette.width if palette else 0)
        shown, x = [], 0
        for binding in self._active:
            entry = self._entry(binding, x)
            if x + entry.width > room:
                break
            shown.append(entry)
            x += entry.width
        if shown != self.shown or palette != self.palette:
            self.shown, self.palette = shown, palette
            self.refresh()

    # -- drawing ---------------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip = None
        if self.is_mounted:
            self._fit()  # the padding may have changed

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        key = (tuple(self.shown), self.palette, self._hover, width)
        if self._strip is not None and self._strip[0] == key:
            return self._strip[1]
        style = self.get_component_rich_style
        base = Style.from_color(bgcolor=self.rich_style.bgcolor)  # (spaces: no colour of their own, as Textual's)
        item = style("footer-key--item")
        hover = style("footer-key--hover")
        key_part, description_part = style("footer-key--key", partial=True), style("footer-key--description",
                                                                                    partial=True)
        key_left, key_right, description_left, description_right = self._widths()
        segments: list[Segment] = []
        for entry in self.shown:
            under = hover if entry.key == self._hover else item
            meta = Style.from_meta({"footer_key": entry.key})
            segments.append(Segment(" " * key_left + entry.key_display + " " * key_right, under + key_part + meta))
            if entry.description:
                segments.append(Segment(" " * description_left + entry.description + " " * description_right,
                                        under + description_part + meta))
        used = sum(segment.cell_length for segment in segments)
        palette = self.palette
        if palette is not None:
            if palette.x > used:
                segments.append(Segment(" " * (palette.x - used), base))
            under = hover if palette.key == self._hover else item
            meta = Style.from_meta({"footer_key": palette.key})
            padding_key = self.get_component_styles("footer-key--palette-key").padding
            padding_description = self.get_component_styles("footer-key--palette-description").padding
            edge = style("footer-key--palette-edge")  # its colour blended over the background
            segments.append(Segment("▏", under + Style.from_color(edge.color) + meta))
            segments.append(Segment(" " * padding_key.left + palette.key_display + " " * padding_key.right,
                                    under + key_part + meta))
            segments.append(Segment(" " * padding_description.left + palette.description, under + description_part
                                    + meta))
            if padding_description.right:
                segments.append(Segment(" " * padding_description.right, base + meta))
        strip = Strip(segments).adjust_cell_length(width, base)
        self._strip = (key, strip)
        return strip

    # -- the mouse -------------------------------------------------------------------------------
    def _key_at(self, x: int) -> str | None:
        for entry in (*self.shown, *([self.palette] if self.palette else [])):
            if entry.x <= x < entry.right:
                return entry.key
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is not None:
            self.app.simulate_key(key)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._key_at(event.x))

    def on_leave(self) -> None:
        self._set_hover(None)

    def _set_hover(self, key: str | None) -> None:
        if key != self._hover:
            self._hover = key
            self.refresh()
