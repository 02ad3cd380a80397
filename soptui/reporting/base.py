"""What a report format is: a class with a `name` that writes a `LintResult` to a text stream."""

from __future__ import annotations

from typing import ClassVar, TextIO

from ..checker.engine import LintResult


class Reporter:
    name: ClassVar[str]  # the value of --format
    description: ClassVar[str] = ""

    def __init__(self, lang: str = "id", color: bool = False, root: str | None = None) -> None:
        self.lang = lang
        self.color = color
        self.root = root  # for formats that need repository-relative paths

    def write(self, result: LintResult, out: TextIO) -> None:
        raise NotImplementedError
