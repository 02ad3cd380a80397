"""Finding one element's position without scanning the whole file.

A full scan (`positions.scan`) costs more than parsing the file. A lint needs positions only for
the few elements its findings concern, so `LazySource` answers `locate(pointer)` with a few
string searches over lines, and falls back to the full scan whenever the text holds something a
line-by-line reading could misread: multi-line strings, inline tables, quoted or dotted keys,
or suppression comments (which need every comment anyway). A test checks that both give the same
answer for every pointer of the seed corpus.
"""

from __future__ import annotations

import re
from functools import cached_property

from ..source import Pos, SourceMap
from .positions import scan

_KEY_LINE = re.compile(r"^([ \t]*)([A-Za-z0-9_-]+)[ \t]*=[ \t]*(.*)$")
_ARRAY_TOKEN = re.compile(r"""("(?:[^"\\]|\\.)*"|'[^']*')|(\#)|(\])|(\[)|([^\s,\[\]\#"']+)""")
# Things a line reader cannot follow; their presence sends every lookup to the full scan:
# multi-line strings, suppression comments, inline tables, and quoted or dotted keys.
_HARD_WORDS = ('"""', "'''", "soptui:")
_INLINE_TABLE = re.compile(r"=[ \t]*\{")
# Starting with a literal newline lets the regex engine skip to line starts.
_ODD_KEY = re.compile(r"\n[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*'|[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+)[ \t]*=")


def _is_simple(text: str) -> bool:
    if any(word in text for word in _HARD_WORDS):
        return False
    if "{" in text and _INLINE_TABLE.search(text):
        return False
    return _ODD_KEY.search("\n" + text) is None


class LazySource:
    """The `SourceMap` interface, computed only as far as each question needs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._simple = _is_simple(text)
        self._cache: dict[str, Pos] = {}
        self._keys_by_start: dict[int, dict[str, tuple[int, re.Match]]] = {}
        self._items_by_line: dict[int, list[Pos] | None] = {}

    @cached_property
    def full(self) -> SourceMap:
        try:
            return scan(self.text)
        except Exception:  # noqa: BLE001 - positions are a help, never a reason to fail a valid file
            return SourceMap({}, ())

    @property
    def positions(self) -> dict[str, Pos]:
        return self.full.positions

    @property
    def comments(self):
        return self.full.comments if "#" in self.text else ()

    @property
    def headers(self):
        return self.full.headers

    @cached_property
    def _lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def _tables(self) -> list[tuple[int, str]]:
        """(line index, header text without brackets) of every table header, in order."""
        return [(index, line.strip().strip("[]").strip())
                for index, line in enumerate(self._lines) if line.lstrip().startswith("[")]

    @cached_property
    def _steps(self) -> list[int]:
        """The line index of each [[langkah]] header."""
        return [index for index, name in self._tables if name == "langkah"]

    @cached_property
    def _table_ends(self) -> dict[int, int]:
        """Line index after a header -> line index where its table ends."""
        starts = [index for index, _ in self._tables]
        return {start + 1: end for start, end in zip(starts, [*starts[1:], len(self._lines)])}

    def locate(self, pointer: str) -> Pos:
        if pointer in self._cache:
            return self._cache[pointer]
        pos = self._quick(pointer) if self._simple else None
        if pos is None:
            pos = self.full.locate(pointer)
        self._cache[pointer] = pos
        return pos

    # -- the line reader ---------------------------------------------------------------------
    def _quick(self, pointer: str) -> Pos | None:
        parts = pointer.split("/")[1:]
        if not parts or any("~" in p for p in parts):
            return None
        tables = self._tables
        first_table = tables[0][0] if tables else len(self._lines)
        head = parts[0]
        if head == "langkah":
            starts = self._steps
            if len(parts) == 1:
                return Pos(starts[0] + 1, 1) if starts else None
            if not parts[1].isdigit() or int(parts[1]) >= len(starts):
                return None
            start = starts[int(parts[1])]
            if len(parts) == 2:
                return Pos(start + 1, 1)
            return self._in_table(start + 1, parts[2:])
        for index, name in tables:
            if name == head:
                if len(parts) == 1:
                    return Pos(index + 1, 1)
                return self._in_table(index + 1, parts[1:])
        return self._in_range(0, first_table, parts)

    def _in_table(self, start: int, parts: list[str]) -> Pos | None:
        return self._in_range(start, self._table_ends[start], parts)

    def _in_range(self, start: int, end: int, parts: list[str]) -> Pos | None:
        found = self._keys(start, end).get(parts[0])
        if found is None:
            return None
        index, match = found
        rest = parts[1:]
        if not rest:
            return Pos(index + 1, len(match[1]) + 1)
        if len(rest) == 1 and rest[0].isdigit():
            items = self._array_items(index, match)
            wanted = int(rest[0])
            return items[wanted] if items is not None and wanted < len(items) else None
        return None

    def _keys(self, start: int, end: int) -> dict[str, tuple[int, re.Match]]:
        """Each key written on lines start..end, with its first line; read once per table,
        since a file's findings cluster in a few tables."""
        keys = self._keys_by_start.get(start)
        if keys is None:
            keys = {}
            for index in range(start, end):
                match = _KEY_LINE.match(self._lines[index])
                if match:
                    keys.setdefault(match[2], (index, match))
            self._keys_by_start[start] = keys
        return keys

    def _array_items(self, index: int, match: re.Match) -> list[Pos] | None:
        """Positions of the items of the array that starts on line `index`; None if unsure."""
        if index not in self._items_by_line:
            self._items_by_line[index] = self._read_array(index, match)
        return self._items_by_line[index]

    def _read_array(self, index: int, match: re.Match) -> list[Pos] | None:
        if not match[3].startswith("["):
            return None
        line_index, text, offset = index, match[3], match.start(3)
        depth = 0
        items: list[Pos] = []
        while True:
            for token in _ARRAY_TOKEN.finditer(text):
                _string, comment, close, opening, _bare = token.groups()
                if comment:
                    break
                if opening:
                    depth += 1
                    if depth > 1:
                        return None  # nested arrays: leave them to the full scan
                    continue
                if close:
                    return items
                items.append(Pos(line_index + 1, offset + token.start() + 1))
            line_index += 1
            if line_index >= len(self._lines):
                return None
            text, offset = self._lines[line_index], 0
