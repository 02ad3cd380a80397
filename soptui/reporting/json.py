"""Machine-readable report, following `schemas/report.schema.json`."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..checker.engine import LintResult
from ..checker.rule import Severity
from .base import Reporter

REPORT_VERSION = 1


def report_data(result: LintResult, lang: str) -> dict:
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
        "findings": [finding.to_dict(lang) for finding in result.findings],
    }


class JsonReporter(Reporter):
    name = "json"
    description = "JSON, following schemas/report.schema.json"

    def write(self, result: LintResult, out: TextIO) -> None:
        # One finding a line, for people and line-based tools, yet one pass of json's C encoder
        # over all findings (indent=... would switch to the pure-Python encoder, ~10x slower):
        # the compact list is broken before each finding's first key. `{"code": ` cannot occur
        # inside a JSON string, where its quotes would be escaped.
        data = report_data(result, self.lang)
        findings = data.pop("findings")
        head = json.dumps(data, ensure_ascii=False)[:-1]
        body = json.dumps(findings, ensure_ascii=False)[1:-1]
        if findings:
            body = "\n  " + body.replace(_BETWEEN, _BETWEEN_BROKEN)
        out.write(head + ',\n"findings": [' + body + "\n]}\n")


_BETWEEN = '}, {"code": '
_BETWEEN_BROKEN = '},\n  {"code": '
