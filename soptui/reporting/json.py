"""Machine-readable report, following `schemas/report.schema.json`."""

from __future__ import annotations

import json
from itertools import islice
from json.encoder import encode_basestring as _string  # json's C escaper (ensure_ascii=False)
from typing import TextIO

from .. import __version__
from ..checker.engine import LintResult
from ..checker.finding import Finding
from ..checker.rule import Severity
from .base import Reporter

REPORT_VERSION = 1
_PART = 2000  # findings written at a time


def report_head(result: LintResult, lang: str) -> dict:
    """Everything in the report but the findings."""
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "soptui", "version": __version__},
        "language": lang,
        "files": result.files,
        "summary": {
            "files": len(result.files),
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
        },
        "registry": registry_coverage(result),
    }


def registry_coverage(result: LintResult) -> dict:
    """How many citations the registry could check (also in SARIF's run properties)."""
    coverage = result.coverage
    return {"checked": coverage.checked, "known": coverage.known, "unknown": sum(coverage.unknown.values())}


class JsonReporter(Reporter):
    name = "json"
    description = "JSON, following schemas/report.schema.json"

    def write(self, result: LintResult, out: TextIO) -> None:
        out.write(json.dumps(report_head(result, self.lang), ensure_ascii=False)[:-1] + ',\n"findings": [')
        fixes: dict[int, tuple] = {}  # id(fix) -> (fix, its JSON): findings of one file share their fixes
        findings = iter(result.findings)  # read once: they may be on disk (`checker.spill`)
        # In parts, so that whoever reads `out` (a pipe, the replay record) can start early.
        first = True
        path = None
        while part := list(islice(findings, _PART)):
            lines = []
            for finding in part:
                if finding.path != path:  # fixes are shared within a file: remember one file's
                    path = finding.path
                    fixes.clear()
                lines.append(f"\n  {finding_json(finding, self.lang, fixes)}")
            out.write(("" if first else ",") + ",".join(lines))
            first = False
        out.write("\n]}\n")


def finding_json(finding: Finding, lang: str, fixes: dict[int, str] | None = None) -> str:
    """`json.dumps(finding.to_dict(lang), ensure_ascii=False)`, without building the dict.

    A report of ten thousand SOPs has over a hundred thousand findings; building a dict for each
    and encoding its keys again and again was most of the time spent writing it. Strings go
    through json's own escaping; a test holds this equal to `json.dumps` of `to_dict`. `fixes`
    remembers the JSON of each fix already written (with the fix, so that an id reused by a
    later object is not taken for it).
    """
    fix = "null" if finding.fix is None else _fix_json(finding, lang, fixes if fixes is not None else {})
    step = "null" if finding.step is None else finding.step
    message = finding.message.en if lang == "en" else finding.message.id
    # `_value_`, not `value`: the same string, without the enum property's cost
    return (
        f'{{"code": {_string(finding.code)}, "name": {_string(finding.name)}, '
        f'"severity": {_string(finding.severity._value_)}, "path": {_string(finding.path)}, '
        f'"line": {finding.line}, "column": {finding.col}, "pointer": {_string(finding.pointer)}, '
        f'"step": {step}, "message": {_string(message)}, '
        f'"plugin": {_string(finding.plugin)}, "fix": {fix}}}'
    )


def _fix_json(finding: Finding, lang: str, fixes: dict[int, tuple]) -> str:
    known = fixes.get(id(finding.fix))
    if known is not None and known[0] is finding.fix:
        return known[1]
    text = json.dumps(finding.to_dict(lang)["fix"], ensure_ascii=False)
    fixes[id(finding.fix)] = (finding.fix, text)
    return text
