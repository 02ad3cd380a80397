"""Places in a source file: the positions every message and finding points at."""

from __future__ import annotations

from typing import NamedTuple

from .i18n import Text
from .one_cell import one_cell


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


def source_window(source: str, col: int, room: int) -> tuple[str, int]:
    """The part of a source line shown under a problem, at most `room` cells, and where in it
    the column (from 1) falls: the whole line when it fits, else the stretch around the column
    with "…" at a cut end."""
    at = max(0, col - 1)
    if len(source) <= room:
        return source, at
    start = max(0, min(at - room // 2, len(source) - room))
    part = source[start: start + room]
    if start > 0:
        part = "…" + part[1:]
    if start + room < len(source):
        part = part[:-1] + "…"
    return part, at - start


def line_and_caret(text: str, pos: Pos, room: int = 100) -> str:
    """The line of `text` that `pos` names and a caret under its column, as a problem of an SOP
    file is shown: "   4 | tahun = = 2011" over "     |         ^"; "" when `text` has no such
    line. Lines are counted at "\\n", as TOML and every position of soptui count them; the line
    is printed one cell a character (`one_cell`): no control code of the file reaches the terminal."""
    lines = text.split("\n")
    if not 0 < pos.line <= len(lines):
        return ""
    source, at = source_window(one_cell(lines[pos.line - 1].rstrip("\r"), keep_tabs=True), pos.col, room)
    # a tab before the column stays a tab under it, so that the caret lands where the tab ends
    pad = "".join("\t" if char == "\t" else " " for char in source[:at])
    return f"{pos.line:>6} | {source}\n       | {pad}^"


def said_at(name: str, text: str, pos: Pos, message: Text) -> Text:
    """`message` as a problem of a file is said: after `NAME:LINE:COL: `, with the line of
    `text` it names and a caret under the column below it (`line_and_caret`)."""
    where = f"{name}:{pos.line}:{pos.col}: "
    shown = line_and_caret(text, pos)
    below = "\n" + shown if shown else ""
    return Text(where, where) + message + Text(below, below)
