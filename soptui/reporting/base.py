"""What a report format is: a class with a `name` that writes a run's `LintReport` to a text stream."""

from __future__ import annotations

import re
from typing import ClassVar, TextIO

from ..checker.report import LintReport


# What a file (its name, its text, a message quoting it) must not put raw into a report: terminal
# control codes (an escape sequence recolours or rewrites the screen), line and paragraph
# separators (a name with a newline forges a line of output: a GitHub workflow command), the
# bidirectional overrides of "Trojan Source", and what XML 1.0 cannot hold. Tabs stay.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                     "\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _escaped(match: re.Match) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every character of `_UNSAFE` written as an escape (``\\x1b``, ``\\u2028``)."""
    if text.isprintable():  # the common case, checked in C: nothing to escape
        return text
    return _UNSAFE.sub(_escaped, text)


# What XML 1.0 cannot hold at all (a JUnit report with one is not XML); newlines and tabs it can.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 forbids written as an escape (``\\x1b``)."""
    if text.isprintable():
        return text
    return _NOT_XML.sub(_escaped, text)


class Reporter:
    name: ClassVar[str]  # the value of --format
    description: ClassVar[str] = ""
    # The lowest severity that fails the run (--fail-on), for formats that say pass or fail
    # (JUnit); `soptui lint` sets it on each reporter it makes.
    fail_on: str = "error"
    # The files whose fixes `soptui lint --fix` tried and its guard refused (`checker.fixes`):
    # their findings' fixes are not counted, nor marked, as what --fix applies.
    refused: frozenset[str] = frozenset()

    def __init__(self, lang: str = "id", color: bool = False, root: str | None = None) -> None:
        self.lang = lang
        self.color = color
        self.root = root  # for formats that need repository-relative paths

    def write(self, result: LintReport, out: TextIO) -> None:
        raise NotImplementedError
