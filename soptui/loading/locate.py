"""Finding one element's position without scanning the whole file.

A full scan (`positions.scan`) costs more than parsing the file. A lint needs positions only for
the few elements its findings concern, so `LazySource` answers `locate(pointer)` with a few
string searches over lines, and falls back to the full scan whenever the text holds something a
line-by-line reading could misread (multi-line strings, inline tables, quoted table headers, or
suppression comments, which need every comment anyway), and for a pointer through a key that is
not bare (quoted, or holding a dot). A test checks that both give the same answer for every
pointer of the seed corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache, partial

from ..source import Pos, SourceMap

# Table headers are read from the newline before them: a pattern that starts with a literal lets
# the regex engine skip from newline to newline (with "^" it would try every offset).
_HEADER = re.compile(r"\n[ \t]*(\[[^\n]*)")
# A pointer the line reader follows: every part a bare key or an index. A quoted key's line
# starts with a quote and a dotted key's (`a.b = 1`) with a part followed by a dot, so neither
# is ever read as the line of a bare key; but a pointer through a quoted key that holds a dot
# (`"a.b" = 1`, pointer /a.b) would be read as the dotted key, and is left to the full scan.
_BARE_POINTER = re.compile(r"(?:/[A-Za-z0-9_-]+)+")
# No token crosses a line break, as when the reader went line by line.
_ARRAY_TOKEN = re.compile(r"""("[^"\\\n]*(?:\\.[^"\\\n]*)*"|'[^'\n]*')|(\#)|(\])|(\[)|([^\s,\[\]\#"']+)""")
# Which of its groups matched (`Match.lastindex`): a string, a comment, "]", "[", a bare value.
_STRING, _COMMENT, _CLOSE, _OPEN, _BARE = range(1, 6)
# Things a line reader cannot follow; their presence sends every lookup to the full scan:
# multi-line strings, suppression comments, inline tables, and quoted table headers (found with
# the tables, by `_index`).
_HARD_WORDS = ('"""', "'''", "soptui:")
_INLINE_TABLE = re.compile(r"=[ \t]*\{")


def _is_simple(text: str) -> bool:
    """No multi-line string, suppression comment or inline table (keys: see `LazySource._index`)."""
    if any(word in text for word in _HARD_WORDS):
        return False
    return not ("{" in text and _INLINE_TABLE.search(text))


# One table of the text, as a plain tuple (a NamedTuple's constructor is a Python call, and a
# file has a table per step): (offset of the header's "[", offset of the line after the header,
# offset where the next header's line starts (in `_padded`) or the end, whether it is [[name]],
# one table of an array, rather than [name]). Its line is in `LazySource._lines`.
_BRACKET, _BODY, _END, _ARRAY = range(4)
_UNSEEN = object()
# A `Pos` from a (line, column) pair without the NamedTuple's constructor, which is a Python call:
# a lint makes one for each finding of every file.
_new_pos = partial(tuple.__new__, Pos)


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
        self._brackets: list[int] = []  # the offset of each table's "[", in order
        self._lines: list[int] = []  # the line of each
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
        start, line = (self._brackets[index], self._lines[index]) if index >= 0 else (0, 1)
        text = self.text
        return _new_pos((line + text.count("\n", start, offset), offset - text.rfind("\n", 0, offset)))

    def _index(self) -> bool:
        """The tables, built once; False (and no tables) if a header is quoted. `_padded` is the
        text after a newline, so that every line, the first too, follows one: a line that starts
        at offset i in the text has its newline at offset i there."""
        text = self.text
        padded = self._padded = "\n" + text
        found = [(match.start(), match.start(1) - 1, match.end(), match[1]) for match in _HEADER.finditer(padded)]
        tables, brackets, lines, by_name = [], [], [], self._by_name
        line, counted = 1, 0
        for at, (_, bracket, body, header) in enumerate(found, 1):
            if "'" in header or '"' in header:  # a quoted name may be the name of another header
                by_name.clear()
                return False
            line += text.count("\n", counted, bracket)
            counted = bracket
            table = (bracket, body, found[at][0] if at < len(found) else len(padded), header.startswith("[["))
            tables.append(table)
            brackets.append(bracket)
            lines.append(line)
            name = _name(header)
            named = by_name.get(name)
            if named is None:
                by_name[name] = [table]
            else:
                named.append(table)
        self._tables, self._brackets, self._lines = tables, brackets, lines
        return True

    def locate(self, pointer: str) -> Pos:
        pos = self._cache.get(pointer)
        if pos is None:
            if self._simple is None:
                self._simple = _is_simple(self.text) and self._index()
            pos = (self._simple and self._quick(pointer)) or self.full.locate(pointer)
            self._cache[pointer] = pos
        return pos

    # -- the line reader ---------------------------------------------------------------------
    def _quick(self, pointer: str) -> Pos | None:
        if _BARE_POINTER.fullmatch(pointer) is None:
            return None
        parts = pointer.split("/")  # "" before the first "/"
        named = self._by_name.get(parts[1])
        if named is None:  # a key before the first table
            tables = self._tables
            return self._in_range(0, tables[0][_BRACKET] if tables else len(self._padded), parts, 1)
        table, at = named[0], 2
        if table[_ARRAY] and len(parts) > 2:  # [[langkah]]: the next part is the table's index
            index = int(parts[2]) if parts[2].isdigit() else len(named)
            if index >= len(named):
                return None
            table, at = named[index], 3
        return self._in_range(table[_BODY], table[_END], parts, at) if len(parts) > at else self._pos(table[_BRACKET])

    def _in_range(self, start: int, end: int, parts: list[str], at: int) -> Pos | None:
        """Find `parts[at:]` among the key lines that start within offsets start..end."""
        key = parts[at]
        match = self._key_lines.get((start, key), _UNSEEN)
        if match is _UNSEEN:
            match = self._key_lines[start, key] = _key_line(key).search(self._padded, start, end)
        if match is None:
            return None
        rest = len(parts) - at - 1
        if not rest:
            return self._pos(match.end(1) - 1)
        if rest == 1 and parts[-1].isdigit():
            items = self._items_by_line.get(match.start(), _UNSEEN)
            if items is _UNSEEN:
                items = self._items_by_line[match.start()] = self._read_array(match)
            wanted = int(parts[-1])
            return items[wanted] if items is not None and wanted < len(items) else None
        return None

    def _read_array(self, match: re.Match) -> list[Pos] | None:
        """Positions of the items of the array that is the value of `match`; None if unsure."""
        if not match[2].startswith("["):
            return None
        text = self.text
        offset = match.start(2) - 1
        # Lines are counted on from the key's line, item after item.
        line, counted = self._pos(offset).line, offset
        depth = 0
        items: list[Pos] = []
        while True:
            for token in _ARRAY_TOKEN.finditer(text, offset):
                kind = token.lastindex
                if kind == _COMMENT:
                    offset = text.find("\n", token.end())
                    break
                if kind == _OPEN:
                    depth += 1
                    if depth > 1:
                        return None  # nested arrays: leave them to the full scan
                    continue
                if kind == _CLOSE:
                    return items
                at = token.start()
                line += text.count("\n", counted, at)
                counted = at
                items.append(_new_pos((line, at - text.rfind("\n", 0, at))))
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
