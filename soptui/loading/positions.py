"""Where each key and value of a TOML document sits: JSON pointer -> (line, column).

tomllib gives values but no positions, and every finding must point at a line. This scanner runs
after tomllib has accepted the text, so it may assume valid TOML and stays small: one regular
expression splits the text into tokens, and a loop walks them keeping track of the current table.

Pointers follow RFC 6901: ``/langkah/4/waktu`` is the ``waktu`` key of the fifth ``[[langkah]]``
table, ``/dasar_hukum/2`` the third item of ``dasar_hukum``. A table's pointer sits on its header
(or on its key, for an inline or dotted table), an array item's on the item itself.
Lines and columns count from 1.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..source import Comment, Pos, SourceMap

_TOKEN = re.compile(
    r"""
      (?P<nl>\r?\n)
    | (?P<ws>[ \t]+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<mlbasic>\"\"\"(?:[^\\]|\\.)*?\"\"\"\"{0,2})
    | (?P<mlliteral>'''.*?''''{0,2})
    | (?P<basic>"(?:[^"\\\r\n]|\\.)*")
    | (?P<literal>'[^'\r\n]*')
    | (?P<punct>[\[\]{}=,.])
    | (?P<bare>[^\s\[\]{}=,\#"'.]+)
    """,
    re.VERBOSE | re.DOTALL,
)


class _Tok(NamedTuple):
    kind: str
    text: str
    pos: Pos


def escape(key: str) -> str:
    """Escape one JSON-pointer reference token."""
    return key.replace("~", "~0").replace("/", "~1")


def _tokens(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    line, line_start = 1, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start = match.start()
        tok_text = match.group()
        if kind != "ws":
            tokens.append(_Tok(kind, tok_text, Pos(line, start - line_start + 1)))
        newlines = tok_text.count("\n")
        if newlines:
            line += newlines
            line_start = start + tok_text.rfind("\n") + 1
    return tokens


def _key_text(tok: _Tok) -> str:
    if tok.kind == "basic":
        # Quoted keys in SOP files are rare; decode the common escapes only.
        return tok.text[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    if tok.kind == "literal":
        return tok.text[1:-1]
    return tok.text


class _Scanner:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.i = 0
        self.positions: dict[str, Pos] = {}
        self.comments: list[Comment] = []
        self.array_lengths: dict[tuple[str, ...], int] = {}
        self.headers: list[tuple[int, str]] = []

    # -- token helpers -------------------------------------------------------------------------
    def peek(self) -> _Tok | None:
        while self.i < len(self.tokens) and self.tokens[self.i].kind == "comment":
            self._take_comment(self.tokens[self.i])
            self.i += 1
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take_comment(self, tok: _Tok) -> None:
        previous = self.tokens[self.i - 1] if self.i else None
        own_line = previous is None or previous.kind == "nl"
        self.comments.append(Comment(tok.pos, tok.text, own_line))

    def next(self) -> _Tok:
        tok = self.peek()
        assert tok is not None
        self.i += 1
        return tok

    def skip_newlines(self) -> None:
        while (tok := self.peek()) is not None and tok.kind == "nl":
            self.i += 1

    def record(self, pointer: str, pos: Pos) -> None:
        self.positions.setdefault(pointer, pos)

    # -- grammar -------------------------------------------------------------------------------
    def scan(self) -> None:
        table = ""
        while True:
            self.skip_newlines()
            tok = self.peek()
            if tok is None:
                return
            if tok.kind == "punct" and tok.text == "[":
                table = self.header()
            else:
                self.key_value(table)

    def key_path(self, end: str) -> tuple[list[str], Pos]:
        keys, first = [], self.peek().pos
        while True:
            tok = self.next()
            keys.append(_key_text(tok))
            if self.peek().text == ".":
                self.next()
                continue
            if self.peek().text != end:
                raise ValueError(f"unexpected token {self.peek().text!r} at {self.peek().pos}")
            return keys, first

    def resolve(self, keys: list[str]) -> str:
        """Pointer of a dotted key path, stepping into the last item of each array of tables."""
        parts: list[str] = []
        for depth, key in enumerate(keys):
            parts.append(escape(key))
            count = self.array_lengths.get(tuple(keys[: depth + 1]))
            if count is not None and depth < len(keys) - 1:
                parts.append(str(count - 1))
        return "/" + "/".join(parts)

    def header(self) -> str:
        open_tok = self.next()
        is_array = self.peek().text == "["
        if is_array:
            self.next()
        keys, _ = self.key_path("]")
        self.next()
        if is_array:
            self.next()
            path = tuple(keys)
            index = self.array_lengths.get(path, 0)
            self.array_lengths[path] = index + 1
            # every table nested in the previous item is now out of reach
            for known in [k for k in self.array_lengths if len(k) > len(path) and k[: len(path)] == path]:
                del self.array_lengths[known]
            parent = self.resolve(keys)
            self.record(parent, open_tok.pos)
            pointer = f"{parent}/{index}"
        else:
            pointer = self.resolve(keys)
        self.record(pointer, open_tok.pos)
        self.headers.append((open_tok.pos.line, pointer))
        return pointer

    def key_value(self, table: str) -> None:
        keys, first = self.key_path("=")
        self.next()  # '='
        pointer = table
        for key in keys:
            pointer = f"{pointer}/{escape(key)}"
            self.record(pointer, first)
        self.value(pointer)

    def value(self, pointer: str) -> None:
        """Record the positions inside one value; iterative, so deep nesting cannot recurse."""
        # Each frame: (pointer of the container, closing char, next array index or -1 for a table)
        stack: list[list] = []
        current = pointer
        while True:
            tok = self.next()
            if tok.kind == "punct" and tok.text == "[":
                stack.append([current, "]", 0])
            elif tok.kind == "punct" and tok.text == "{":
                stack.append([current, "}", -1])
            elif tok.kind == "punct" and tok.text in "]}":
                stack.pop()
            else:
                self.scalar_rest()
            # after a complete element (or an opener), find where the next element starts
            while stack:
                frame = stack[-1]
                self.skip_newlines()
                nxt = self.peek()
                if nxt.kind == "punct" and nxt.text == ",":
                    self.next()
                    self.skip_newlines()
                    nxt = self.peek()
                if nxt.kind == "punct" and nxt.text == frame[1]:
                    self.next()
                    stack.pop()
                    continue
                if frame[2] >= 0:  # array item
                    current = f"{frame[0]}/{frame[2]}"
                    frame[2] += 1
                    self.record(current, nxt.pos)
                else:  # inline-table key = value
                    keys, first = self.key_path("=")
                    self.next()
                    current = frame[0]
                    for key in keys:
                        current = f"{current}/{escape(key)}"
                        self.record(current, first)
                break
            else:
                return

    def scalar_rest(self) -> None:
        """Swallow the rest of a scalar that the tokenizer split (floats, datetimes with a space)."""
        while (tok := self.peek()) is not None and (
            tok.kind == "bare" or (tok.kind == "punct" and tok.text == ".")
        ):
            self.next()


def scan(text: str) -> SourceMap:
    """Map every key and array item of a valid TOML document to its position."""
    scanner = _Scanner(text)
    scanner.scan()
    return SourceMap(scanner.positions, tuple(scanner.comments), tuple(scanner.headers))


def deepest_nesting(text: str, limit: int) -> Pos | None:
    """Where the brackets of `text` first nest deeper than `limit`, ignoring strings and comments."""
    depth = 0
    for tok in _tokens(text):
        if tok.kind == "punct" and tok.text in "[{":
            depth += 1
            if depth > limit:
                return tok.pos
        elif tok.kind == "punct" and tok.text in "]}":
            depth = max(0, depth - 1)
    return None
