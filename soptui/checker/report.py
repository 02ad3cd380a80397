"""What a report format receives: a read-only view of one run's result.

The engine's `LintResult` is built and then narrowed in place (`--changed-since` keeps the
targets, `--baseline` drops the known findings); a reporter must not change it under the next
reporter of the same run, so it gets this frozen view instead: tuples, not lists.
"""

from __future__ import annotations

from typing import NamedTuple

from ..coverage import Coverage
from .engine import INTERNAL_ERROR, LOAD_ERROR, LintResult, RuleInfo
from .finding import Finding
from .rule import Severity
from .spill import SpilledFindings, Tally


class LintReport(NamedTuple):
    """The files checked, every finding (sorted by file, line, column, code), the rules that
    ran, and how many dasar hukum citations the registry could check."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    rules: tuple[RuleInfo, ...]
    coverage: Coverage = Coverage()

    @classmethod
    def of(cls, result: LintResult) -> "LintReport":
        # Findings kept on disk (`spill`) are a read-only sequence already, and too many to copy.
        findings = result.findings if isinstance(result.findings, SpilledFindings) else tuple(result.findings)
        return cls(files=tuple(result.files), findings=findings, rules=tuple(result.rules),
                   coverage=result.coverage)

    def count(self, severity: Severity) -> int:
        tally = tally_of(self.findings)
        if tally is not None:
            return tally.count(severity)
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def tool_errors(self) -> int:
        """Findings about the run rather than the SOPs: files that did not load, rules that failed."""
        tally = tally_of(self.findings)
        if tally is not None:
            return tally.tool_errors
        return sum(1 for f in self.findings if f.code in (LOAD_ERROR[0], INTERNAL_ERROR[0]))


def tally_of(findings) -> Tally | None:
    """The counts kept with findings that are on disk (reading them all to count would decode
    them all again); None for findings in memory, which are counted directly."""
    return findings.tally if isinstance(findings, SpilledFindings) else None
