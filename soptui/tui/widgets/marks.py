"""How severities and counts look on screen."""

from __future__ import annotations

from ...checker.finding import Finding
from ...checker.rule import Severity

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)  # the order of Workspace.counts


def worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def mark(findings: list[Finding]) -> tuple[str, str]:
    """The worst severity's mark as a table cell (text, style); a blank for none."""
    severity = worst(findings)
    return (MARK[severity], STYLE[severity]) if severity else (" ", "")
