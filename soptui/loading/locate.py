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
from bisect import bisect_right
from functools import cached_property, lru_cache

from ..source import Pos, SourceMap

# Line starts are read from the newline before them: a pattern that starts with a literal lets
# the regex engine skip from newline to newline (with "^" it would try every offset). One pass
# finds the table headers (group 1) and any quoted or dotted key (group 2), which a line reader
# cannot follow: a file's first lookup then reads the text once, where it took two searches.
_LINE_START = re.compile(r"""\n[ \t]*(?:(\[[^\n]*)|((?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+)[ \t]*=))""")
# No token crosses a line break, as when the reader went line by line.
_ARRAY_TOKEN = re.compile(r"""("[^"\\\n]*(?:\\.[^"\\\n]*)*"|'[^'\n]*')|(\#)|(\])|(\[)|([^\s,\[\]\#"']+)""")
# Things a line reader cannot follow; their presence sends every lookup to the full scan:
# multi-line strings, suppression comments, inline tables, and quoted or dotted keys (those
# found with the tables, by `_LINE_START`).
_HARD_WORDS = ('"""', "'''", "soptui:")
_INLINE_TABLE = re.compile(r"=[ \t]*\{")


def _is_simple(text: str) -> bool:
    """No multi-line string, suppression comment or inline table (keys: see `LazySource._index`)."""
    if any(word in text for word in _HARD_WORDS):
        return False
    return not ("{" in text and _INLINE_TABLE.search(text))


# One table of the text, as a plain tuple (a NamedTuple's constructor is a Python call, and a
# file has a table per step): (offset of the header's "[", offset of the line after the header,
# offset where the next header's line starts (in `_padded`) or the end, the header's line
# number, whether it is [[name]], one table of an array, rather than [name]).
_BRACKET, _BODY, _END, _LINE, _ARRAY = range(5)
_UNSEEN = object()


class LazySource:
    """The `SourceMap` interface, computed only as far as each question needs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._simple: bool | None = None  # decided at the first question: some files get none
        self._cache: dict[str, Pos] = {}
        self._items_by_line: dict[int, list[Pos] | None] = {}  # by the offset of the key's line
        # (offset of a table's body, key) -> the key's line in that table: several findings are
        # often about one array's items
        self._key_lines: dict[tuple[int, str], re.Match | None] = {}
        self._padded: str | None = None
        self._tables: list[tuple] | None = None  # every line that starts with "[", in order
        self._brackets: list[int] = []
        self._by_name: dict[str, list[tuple]] = {}  # the tables of each header name, in order

    @cached_property
    def full(self) -> SourceMap:
        from .positions import scan  # here: most lints never need the full scan

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

    def _pos(self, offset: int) -> Pos:
        # Count lines from the nearest header above: a few hundred characters, counted in C.
        index = bisect_right(self._brackets, offset) - 1
        start, line = (self._tables[index][_BRACKET], self._tables[index][_LINE]) if index >= 0 else (0, 1)
        text = self.text
        return Pos(line + text.count("\n", start, offset), offset - text.rfind("\n", 0, offset))

    def _index(self) -> bool:
        """The tables, built once; False (and no tables) if a key is quoted or dotted. `_padded`
        is the text after a newline, so that every line, the first too, follows one: a line that
        starts at offset i in the text has its newline at offset i there."""
        text = self.text
        padded = self._padded = "\n" + text
        found = []
        for match in _LINE_START.finditer(padded):
            if match[2] is not None:
                return False
            found.append((match.start(), match.start(1) - 1, match.end(), match[1]))
        tables, brackets, by_name = [], [], self._by_name
        line, counted = 1, 0
        for at, (_, bracket, body, header) in enumerate(found, 1):
            line += text.count("\n", counted, bracket)
            counted = bracket
            table = (bracket, body, found[at][0] if at < len(found) else len(padded), line, header.startswith("[["))
            tables.append(table)
            brackets.append(bracket)
            name = _name(header)
            named = by_name.get(name)
            if named is None:
                by_name[name] = [table]
            else:
                named.append(table)
        self._tables, self._brackets = tables, brackets
        return True

    def locate(self, pointer: str) -> Pos:
        pos = self._cache.get(pointer)
        if pos is not None:
            return pos
        if self._simple is None:
            self._simple = _is_simple(self.text) and self._index()
        pos = self._quick(pointer) if self._simple else None
        if pos is None:
            pos = self.full.locate(pointer)
        self._cache[pointer] = pos
        return pos

    # -- the line reader ---------------------------------------------------------------------
    def _quick(self, pointer: str) -> Pos | None:
        parts = pointer.split("/")[1:]
        if not parts or "~" in pointer:  # an escaped key: the full scan reads it
            return None
        named = self._by_name.get(parts[0])
        if named is None:  # a key before the first table
            tables = self._tables
            return self._in_range(0, tables[0][_BRACKET] if tables else len(self._padded), parts)
        table, rest = named[0], parts[1:]
        if table[_ARRAY] and rest:  # [[langkah]]: the next part is the table's index
            if not rest[0].isdigit() or int(rest[0]) >= len(named):
                return None
            table, rest = named[int(rest[0])], rest[1:]
        return self._in_range(table[_BODY], table[_END], rest) if rest else self._pos(table[_BRACKET])

    def _in_range(self, start: int, end: int, parts: list[str]) -> Pos | None:
        """Find `parts` among the key lines that start within offsets start..end."""
        match = self._key_lines.get((start, parts[0]), _UNSEEN)
        if match is _UNSEEN:
            match = self._key_lines[start, parts[0]] = _key_line(parts[0]).search(self._padded, start, end)
        if match is None:
            return None
        rest = parts[1:]
        if not rest:
            return self._pos(match.end(1) - 1)
        if len(rest) == 1 and rest[0].isdigit():
            items = self._array_items(match)
            wanted = int(rest[0])
            return items[wanted] if items is not None and wanted < len(items) else None
        return None

    def _array_items(self, match: re.Match) -> list[Pos] | None:
        """Positions of the items of the array that is the value of `match`; None if unsure."""
        if match.start() not in self._items_by_line:
            self._items_by_line[match.start()] = self._read_array(match)
        return self._items_by_line[match.start()]

    def _read_array(self, match: re.Match) -> list[Pos] | None:
        if not match[2].startswith("["):
            return None
        text = self.text
        offset = match.start(2) - 1
        depth = 0
        items: list[Pos] = []
        while True:
            for token in _ARRAY_TOKEN.finditer(text, offset):
                _string, comment, close, opening, _bare = token.groups()
                if comment:
                    offset = text.find("\n", token.end())
                    break
                if opening:
                    depth += 1
                    if depth > 1:
                        return None  # nested arrays: leave them to the full scan
                    continue
                if close:
                    return items
                items.append(self._pos(token.start()))
            else:
                return None  # the file ends inside the array
            if offset < 0:
                return None


@lru_cache(maxsize=1024)  # headers repeat: a file has a "[[langkah]]" a step
def _name(header: str) -> str:
    """The name of a table header line: "[[ langkah ]]  # step 2" -> "langkah"."""
    return header.split("]", 1)[0].lstrip("[").strip()


@lru_cache(maxsize=1024)  # keys are few: the schema's, and the pelaksana ids of a corpus
def _key_line(key: str) -> re.Pattern:
    """The first line that sets `key`: (its indentation, its value's text)."""
    return re.compile(r"\n([ \t]*)" + re.escape(key) + r"[ \t]*=[ \t]*([^\n]*)")
