"""The footer: Textual's, with its keys shown and hidden in place as the focus moves, and only
those that fit whole left of the command palette's key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's Footer removes and mounts all its keys again whenever the bindings may have
    changed, which is on every change of focus: going to a finding in another tab (`n`) cost
    a new layout of the footer's keys and two or three frames more. This one holds a key for
    every binding a widget of the screen shows (the app's, the Prosedur table's `a`, Temuan's
    `s`) and shows those the focus makes active, hiding the rest; it is built again only when
    the keys themselves change (their words, after `L`). No binding here is ever shown disabled
    (the app's `check_action` hides a key, never dims it), so a key is either shown or not.

    Textual lays the keys out in a row and docks the palette key over its right end: on a
    screen too narrow for them all, the palette key covered the last ones, cutting a label in
    the middle ("L Eng▏^p palette" at 120 columns). Here a key is shown only when it fits whole
    before the palette key; the order of the keys is their priority, so the later ones go first."""

    _built_for: tuple | None = None
    _widths: dict | None = None  # cells each key takes, measured once per build

    def _every_key(self, screen: Screen) -> list:
        """Every binding shown in a footer by some node of `screen`, one per action, in the order
        Textual's Footer gives the active ones (the focused widget's own first, the app's last)."""
        found, actions = [], set()
        for node in (*screen.walk_children(), screen, self.app):
            for bindings in node._bindings.key_to_bindings.values():
                for binding in bindings:
                    if binding.show and binding.action not in actions:
                        actions.add(binding.action)
                        found.append(binding)
        return found

    @staticmethod
    def _signature(bindings) -> tuple:
        return tuple((b.key, b.action, b.description, b.tooltip) for b in bindings)

    def _is_active(self, key: FooterKey, active: dict) -> bool:
        here = active.get(key.key)
        return here is not None and here.binding.action == key.action

    def _width(self, key: FooterKey) -> int:
        if self._widths is None:
            self._widths = {}
        width = self._widths.get(key)
        if width is None:
            styles = key.styles
            width = key.get_content_width(Size(0, 0), Size(0, 0)) + styles.gutter.width + styles.margin.width
            self._widths[key] = width
        return width

    def _fit(self, active: dict | None = None) -> None:
        """Show the keys `active` (the screen's active bindings) holds, in order, while each fits
        whole before the palette key; the first that does not, and every key after it, are hidden."""
        if active is None:
            active = self.screen.active_bindings
        keys = list(self.query(FooterKey))
        room = self.size.width - sum(self._width(key) for key in keys
                                     if key.has_class("-command-palette") and key.display)
        fits = True
        for key in keys:
            if key.has_class("-command-palette"):
                continue
            shown = fits and self._is_active(key, active)
            if shown:
                room -= self._width(key)
                shown = fits = room >= 0
            if key.display != shown:
                key.display = shown
                key._check_refresh()  # the screen told of the layout now, not in the key's next turn

    async def recompose(self) -> None:
        self._widths = None  # new keys, new words
        await super().recompose()
        self._fit()  # measured now that the keys are mounted and styled

    def on_resize(self) -> None:
        self._fit()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        screen = self.screen
        every = self._every_key(screen)
        self._built_for = self._signature(every)
        palette = self.app.COMMAND_PALETTE_BINDING
        active = screen.active_bindings
        for binding in every:
            if binding.key == palette:
                continue
            key = FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                            tooltip=binding.tooltip).data_bind(compact=Footer.compact)
            key.display = self._is_active(key, active)
            yield key
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette in active:
            binding = active[palette].binding
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                            classes="-command-palette", tooltip=binding.tooltip or binding.description)

    def _can_fit(self, screen: Screen) -> bool:
        """Whether the keys built are the ones to show (else they are built again)."""
        ready = self._bindings_ready and screen.app.app_focus and self.is_attached and screen is self.screen
        return ready and self._signature(self._every_key(screen)) == self._built_for

    def fit_now(self, screen: Screen) -> None:
        """The keys of the focus just set, shown now, in the caller's turn: the signal that
        tells the footer of new bindings is taken in the app's next turn, after the frame the
        caller's changes go out in, and a key shown or hidden lays the screen out again, in a
        frame of its own. (Keys built again are left to the signal.)"""
        if self._can_fit(screen):
            self._fit(screen.active_bindings)

    def bindings_changed(self, screen: Screen) -> None:
        if not self._can_fit(screen):
            super().bindings_changed(screen)  # built (again) from the bindings
            return
        self._fit(screen.active_bindings)
