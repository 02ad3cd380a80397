"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers, with each rule's documentation."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..checker.engine import LintResult
from ..checker.rule import Severity
from .base import Reporter
from .json import registry_coverage
from .paths import relative

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(code: str, path: str, message: str) -> str:
    import hashlib  # here: every run imports every reporter, few use this one

    return hashlib.sha256(f"{code}\0{path}\0{message}".encode()).hexdigest()[:32]


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 (GitHub code scanning)"

    def write(self, result: LintResult, out: TextIO) -> None:
        rules = sorted(result.rules, key=lambda r: r.code)
        index = {rule.code: i for i, rule in enumerate(rules)}
        run = {
            "tool": {"driver": {
                "name": "soptui",
                "version": __version__,
                "informationUri": "https://soptui.invalid",
                "rules": [{
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": rule.documentation.split("\n\n")[0]},
                    "help": {"text": rule.documentation, "markdown": rule.documentation},
                    "defaultConfiguration": {"level": LEVEL[rule.severity]},
                    "properties": {"plugin": rule.plugin, "fixable": rule.fixable, "scope": rule.scope},
                } for rule in rules],
            }},
            "results": [self._result(finding, index) for finding in result.findings],
            "properties": {"registry": registry_coverage(result)},
        }
        json.dump({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
                   "runs": [run]}, out, ensure_ascii=False, indent=1)
        out.write("\n")

    def _result(self, finding, index) -> dict:
        path = relative(finding.path, self.root)
        result = {
            "ruleId": finding.code,
            "ruleIndex": index.get(finding.code, -1),
            "level": LEVEL[finding.severity],
            "message": {"text": finding.message(self.lang)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": finding.line, "startColumn": finding.col},
                },
                **({"logicalLocations": [{"fullyQualifiedName": finding.pointer, "kind": "member"}]}
                   if finding.pointer else {}),
            }],
            "partialFingerprints": {"soptui/v1": fingerprint(finding.code, path, finding.message.en)},
            "properties": {"step": finding.step, "plugin": finding.plugin},
        }
        if finding.fix is not None:
            result["properties"]["fix"] = finding.fix.description(self.lang)
        return result
