"""GitLab Code Quality report (the merge request widget)."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..checker.engine import LintResult
from ..checker.rule import Severity
from .base import Reporter
from .indented import indented
from .paths import relative

SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


class GitlabReporter(Reporter):
    name = "gitlab"
    description = "GitLab Code Quality"

    def write(self, result: LintResult, out: TextIO) -> None:
        import hashlib  # here: every run imports every reporter, few use this one

        seen: Counter[str] = Counter()
        # An issue at a time, indented as `json.dump` of the whole list would: a corpus's worth
        # of them is never one list in memory.
        out.write("[")
        first, last_path = True, None
        for f in result.findings:
            if f.path != last_path:  # the count is within a file, and a file's findings come together
                last_path = f.path
                seen.clear()
            path = relative(f.path, self.root)
            base = f"{f.code}\0{path}\0{f.message.en}"
            seen[base] += 1  # identical findings in one file stay distinct, and stable across runs
            issue = {
                "description": f"{f.code} {f.message(self.lang)}",
                "check_name": f.name,
                "fingerprint": hashlib.md5(f"{base}\0{seen[base]}".encode()).hexdigest(),
                "severity": SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.line}},
            }
            out.write(("\n " if first else ",\n ") + indented(issue, 1))
            first = False
        out.write("]\n" if first else "\n]\n")
