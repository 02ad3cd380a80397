"""How severities and counts look on screen."""

from __future__ import annotations

from rich.text import Text as RichText

from ...checker.finding import Finding
from ...checker.rule import Severity

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}


def worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def mark(findings: list[Finding]) -> RichText:
    severity = worst(findings)
    return RichText(MARK[severity], style=STYLE[severity]) if severity else RichText(" ")


def counts(errors: int, warnings: int, infos: int) -> RichText:
    text = RichText()
    if errors:
        text.append(f" ✖{errors}", style=STYLE[Severity.ERROR])
    if warnings:
        text.append(f" ▲{warnings}", style=STYLE[Severity.WARNING])
    if infos:
        text.append(f" ●{infos}", style=STYLE[Severity.INFO])
    return text
