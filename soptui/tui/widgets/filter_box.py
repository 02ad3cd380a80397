"""A filter box over a list: it filters as it is typed in and hands the keys on to the list,
in the order typed, however quickly."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input


class FilterBox(Input):
    """Enter or Down go to the list (`list_id`), Escape clears the box and goes there (from an
    empty box, Escape is the screen's unless `empty_escape_leaves`), Tab and Shift+Tab move on.

    A burst of keys (a paste, keys a terminal or an SSH link hands over together) is handed to
    the widget focused when the app takes it, this box, before the box has taken the first: so
    the keys behind an Enter reached the box after it had given the focus to the list, and
    were typed into the filter (`awayan` Enter `s` filtered for `awayans`) or taken as another
    Enter. Here the focus moves as the key is taken, and a key reaching the box once it has
    lost the focus goes on to the widget that has it. `apply(text)` filters the list when the
    text changes, at once: Textual's Changed message reached the list after the keys typed
    behind it, so an Enter in the burst opened a row of the list before the filter."""

    def __init__(self, apply: Callable[[str], None], list_id: str, empty_escape_leaves: bool = True,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.apply, self.list_id, self.empty_escape_leaves = apply, list_id, empty_escape_leaves

    def watch_value(self, value: str) -> None:
        self.apply(value)

    def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if screen.focused is not self:  # typed behind a key that moved the focus
            self._stopped(event)
            (screen.focused or screen)._forward_event(events.Key(event.key, event.character))
        elif event.key in ("down", "enter") or (event.key == "escape" and (self.value or self.empty_escape_leaves)):
            self._stopped(event)
            if event.key == "escape":
                self.value = ""
            screen.set_focus(screen.query_one(f"#{self.list_id}"))
        elif event.key in ("tab", "shift+tab"):
            self._stopped(event)
            screen.focus_next() if event.key == "tab" else screen.focus_previous()

    @staticmethod
    def _stopped(event: events.Key) -> None:
        """`event` taken here: neither Input's own handling nor a binding above sees it."""
        event.stop()
        event.prevent_default()
