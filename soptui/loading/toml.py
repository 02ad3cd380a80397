"""Parsing TOML text: tomllib decides what is valid; rtoml, a Rust parser, reads the texts on
which the two provably agree.

tomllib (tomli before Python 3.11) is the reference for what is valid and words every error;
it is imported only when a text needs it, which in a lint is almost never.

rtoml reads TOML 1.1's additions, which tomllib (TOML 1.0) refuses: inline tables over several
lines or with a trailing comma, the escapes `\\e` and `\\xHH`, times and date-times without
seconds (`07:30`); and it skips a byte order mark. Each of these needs what `rtoml_agrees` looks
for: a `{`, a backslash followed by anything but a TOML 1.0 escape, a BOM, or a digit, a colon
and two digits not followed by a colon. A text with none of them goes to rtoml; any other text,
and any text rtoml refuses, to tomllib. tests/test_toml.py holds the two parsers equal on
generated TOML under this gate.
"""

from __future__ import annotations

import re
import sys

try:  # faster than tomllib on SOP files (the README's speed section compares the two)
    import rtoml as _rtoml
except ImportError:  # pragma: no cover - rtoml has no wheel for this platform
    _rtoml = None

# A time's minutes (":30" not followed by another colon): found by the colon, a literal the
# regex engine skips to, then checked for a digit before it; a search for the whole time costs
# far more, since it tries every position.
_MINUTES = re.compile(r":[0-9][0-9](?!:)")
_DIGITS = frozenset("0123456789")
# A backslash and what follows it. Pairs are taken left to right, as a basic string reads its
# escapes; in a literal string or a comment, where a backslash is only a character, a pair is
# at worst sent to tomllib for nothing.
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# What may follow a backslash in TOML 1.0 (tomllib): its escapes, and the end of a line in a
# multi-line string. "\u"/"\U" are followed by hex digits that both parsers check alike.
_TOML_1_0_ESCAPES = frozenset('btnfr"\\uU\n\r')


def parse(text: str) -> dict:
    """The TOML document `text`; raises tomllib's `TOMLDecodeError` (a `ValueError`)."""
    if _rtoml is not None and rtoml_agrees(text):
        try:
            return _rtoml.loads(text)
        except Exception:  # noqa: BLE001 - rtoml's errors are re-read by tomllib below
            pass
    return tomllib().loads(text)


def rtoml_agrees(text: str) -> bool:
    """Whether `text` holds nothing rtoml may read otherwise than tomllib (then rtoml may parse
    it). SOP texts rarely hold any of it; one that does costs a tomllib parse, never another answer."""
    if "{" in text or "\ufeff" in text:
        return False
    if "\\" in text and any(escape[1] not in _TOML_1_0_ESCAPES for escape in _ESCAPE.finditer(text)):
        return False
    # hh:mm without seconds: a digit before the colon, and no colon before that digit's pair
    # (which would make these the seconds of hh:mm:ss). An offset "+07:00" is sent too: erring
    # towards tomllib costs time, never an answer.
    for minutes in _MINUTES.finditer(text):
        at = minutes.start()
        if at > 0 and text[at - 1] in _DIGITS and (at < 3 or text[at - 3] != ":"):
            return False
    return True


def tomllib():
    """The tomllib module (tomli before Python 3.11)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def is_decode_error(error: BaseException) -> bool:
    """Whether `error` is tomllib's, without importing tomllib when it cannot be."""
    return type(error).__name__ == "TOMLDecodeError" and isinstance(error, tomllib().TOMLDecodeError)
