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
        json.dump(report_data(result, self.lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
