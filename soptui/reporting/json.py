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
        # One finding per line: readable, and each line goes through json's C encoder
        # (indent=... would switch the whole report to the pure-Python one, ~10x slower).
        data = report_data(result, self.lang)
        findings = data.pop("findings")
        head = json.dumps(data, ensure_ascii=False)[:-1]
        out.write(head + ',\n"findings": [')
        out.write(",".join("\n  " + json.dumps(f, ensure_ascii=False) for f in findings))
        out.write("\n]}\n")
