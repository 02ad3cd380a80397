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


class LintReport(NamedTuple):
    """The files checked, every finding (sorted by file, line, column, code), the rules that
    ran, and how many dasar hukum citations the registry could check."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    rules: tuple[RuleInfo, ...]
    coverage: Coverage = Coverage()

    @classmethod
    def of(cls, result: LintResult) -> "LintReport":
        return cls(files=tuple(result.files), findings=tuple(result.findings), rules=tuple(result.rules),
                   coverage=result.coverage)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def tool_errors(self) -> int:
        """Findings about the run rather than the SOPs: files that did not load, rules that failed."""
        return sum(1 for f in self.findings if f.code in (LOAD_ERROR[0], INTERNAL_ERROR[0]))
