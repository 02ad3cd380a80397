"""GitLab Code Quality report (the merge request widget)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from ..checker.engine import LintResult
from ..checker.rule import Severity
from .base import Reporter
from .paths import relative

SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


class GitlabReporter(Reporter):
    name = "gitlab"
    description = "GitLab Code Quality"

    def write(self, result: LintResult, out: TextIO) -> None:
        import hashlib  # here: every run imports every reporter, few use this one

        seen: Counter[str] = Counter()
        issues = []
        for f in result.findings:
            path = relative(f.path, self.root)
            base = f"{f.code}\0{path}\0{f.message.en}"
            seen[base] += 1  # identical findings in one file stay distinct, and stable across runs
            issues.append({
                "description": f"{f.code} {f.message(self.lang)}",
                "check_name": f.name,
                "fingerprint": hashlib.md5(f"{base}\0{seen[base]}".encode()).hexdigest(),
                "severity": SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.line}},
            })
        json.dump(issues, out, ensure_ascii=False, indent=1)
        out.write("\n")
