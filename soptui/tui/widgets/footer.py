"""The footer: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer removes and mounts all its keys again whenever the bindings may have
    changed, which is on every change of focus: going to a finding in another tab (`n`) moved the
    focus and cost a new layout of the footer and three more frames, for the same keys. This one
    rebuilds only when what it shows differs: another key, word, or a key enabled or disabled."""

    _shown: tuple | None = None

    def _keys(self, screen: Screen) -> tuple:
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple((binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
                     for _, binding, enabled, tooltip in screen.active_bindings.values()
                     if binding.show or binding.key == palette)

    def bindings_changed(self, screen: Screen) -> None:
        keys = self._keys(screen)
        if self._bindings_ready and keys == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = keys  # Footer rebuilds now
        super().bindings_changed(screen)
