"""What widgets ask of the app. Widgets render state; the app owns it and acts on these."""

from __future__ import annotations

from typing import Callable

from textual.message import Message

from ..checker.finding import Finding


class EditRequested(Message):
    """Edit the value at `pointer` (key `key`), currently `current` as text."""

    def __init__(self, pointer: str, key: str, current: str) -> None:
        super().__init__()
        self.pointer, self.key, self.current = pointer, key, current


class EditMade(Message):
    """Apply `change` (SOP text -> SOP text) to the open SOP as one undoable edit, then put the
    cursor on the step at index `select` (if given)."""

    def __init__(self, change: Callable[[str], str], select: int | None = None) -> None:
        super().__init__()
        self.change, self.select = change, select


class ActorToggled(Message):
    """Draw the step at `index` in (or take it out of) the lane of `actor`: only there, or with
    `also` in that lane as well as in its others (a step of several actors)."""

    def __init__(self, index: int, actor: str, also: bool = False) -> None:
        super().__init__()
        self.index, self.actor, self.also = index, actor, also


class FindingChosen(Message):
    """Go to the element a finding concerns (possibly in another file)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding


class FileChosen(Message):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class LintBatch(Message):
    """Results of the corpus lint, from its worker, to be taken on the UI thread."""

    def __init__(self, batch: list, done: int, total: int) -> None:
        super().__init__()
        self.batch, self.done, self.total = batch, done, total


class LintDone(Message):
    """The corpus lint's worker has sent every result."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
