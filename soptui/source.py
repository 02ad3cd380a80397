"""Places in a source file: the positions every message and finding points at."""

from __future__ import annotations

from typing import NamedTuple


class Pos(NamedTuple):
    """A place in a file: 1-based line and column."""

    line: int
    col: int


class Comment(NamedTuple):
    """A comment and where it starts; `own_line` when nothing but blanks precede it."""

    pos: Pos
    text: str
    own_line: bool


class SourceMap(NamedTuple):
    """Positions of a parsed TOML document, and its comments (for suppressions)."""

    positions: dict[str, Pos]
    comments: tuple[Comment, ...]
    headers: tuple[tuple[int, str], ...] = ()  # (line, pointer) of each [table] / [[table]] header

    def locate(self, pointer: str) -> Pos:
        """The position of `pointer`, or of its nearest ancestor that has one."""
        while pointer:
            pos = self.positions.get(pointer)
            if pos is not None:
                return pos
            pointer = pointer.rpartition("/")[0]
        return Pos(1, 1)
