"""GitHub Actions workflow commands: each finding an annotation on its line of the pull request."""

from __future__ import annotations

from typing import TextIO

from ..checker.engine import LintResult
from ..checker.rule import Severity
from .base import Reporter, printable
from .paths import relative

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    # %, CR and LF as the workflow commands want them; other control codes made visible
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations"

    def write(self, result: LintResult, out: TextIO) -> None:
        for f in result.findings:
            properties = ",".join([
                f"file={escape_property(relative(f.path, self.root))}", f"line={f.line}", f"col={f.col}",
                f"title={escape_property(f'{f.code} {f.name}')}",
            ])
            out.write(f"::{COMMAND[f.severity]} {properties}::{escape_data(f.message(self.lang))}\n")
