"""Problems of a TOML file that is not an SOP (a configuration, a registry of regulations), said
in the words and at the place, with the line and a caret below, that a broken SOP file gets.

Each function returns the message as a `Text`; the caller raises it as its own error
(`ConfigError`, `RegistryError`), so that each module keeps the errors it documents.
"""

from __future__ import annotations

import functools

from ..i18n import Text
from ..source import SourceMap, said_at
from . import toml
from .loader import nesting_problem, not_utf8, toml_error


class Unparsed(Exception):
    """`read_toml`'s failure: `.message` says what, where and shows the line."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message = message


def read_toml(name: str, text: str) -> dict:
    """The TOML document `text` of the file `name`; `Unparsed` when it nests too deep for the
    parser or is no valid TOML."""
    deep = nesting_problem(text)
    if deep is not None:
        raise Unparsed(said_at(name, text, deep, Text("susunan terlalu dalam (nested too deep)", "nested too deep")))
    try:
        return toml.parse(text)
    except (ValueError, RecursionError) as error:  # tomllib's TOMLDecodeError is a ValueError
        if toml.is_decode_error(error):
            raise Unparsed(said_at(name, text, *toml_error(error, text))) from None
        raise Unparsed(Text(f"{name}: TOML tidak sah (invalid TOML): {error}",
                            f"{name}: invalid TOML: {error}")) from None


def undecodable(name: str, error: UnicodeDecodeError) -> Text:
    """A file that is not UTF-8: where its first bad byte is, and what to do."""
    pos, message = not_utf8(error.object, error.start)
    return said_at(name, error.object.decode("utf-8", "surrogateescape"), pos, message)


def placed(name: str, text: str, pointer: str, message: Text) -> Text:
    """`message` about the element at the JSON `pointer`, after its `name:line:col` and with its
    line and a caret below; after `name` alone when it cannot be placed."""
    try:
        pos = _positions(text).locate(pointer)
    except Exception:  # noqa: BLE001 - a position helps; the message stands without it
        return Text(f"{name}: ", f"{name}: ") + message
    return said_at(name, text, pos, message)


def where(name: str, text: str, pointer: str) -> str:
    """`name:line:col` of the element at `pointer`; `name` alone when it cannot be placed."""
    try:
        pos = _positions(text).locate(pointer)
    except Exception:  # noqa: BLE001 - a position helps; the name stands without it
        return name
    return f"{name}:{pos.line}:{pos.col}"


@functools.lru_cache(maxsize=8)
def _positions(text: str) -> SourceMap:
    # cached: a registry with many problems places each of them in the same text
    from .positions import scan  # here: a file read without a problem never needs the scanner

    return scan(text)
