"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers, with each rule's documentation.

Paths are URIs relative to `%SRCROOT%`, which `originalUriBaseIds` resolves to the folder the
report was made in (the repository root in CI). Nothing is written as null: SARIF readers take
an absent property for "unknown" and some reject a null where the schema wants a string."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..checker.engine import LintResult
from ..checker.rule import Severity, applicability_of
from .base import Reporter
from .indented import indented
from .json import registry_coverage
from .paths import relative

# Where the results go in the document written around them (`SarifReporter.write`).
_RESULTS = "\0results\0"

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
                    "properties": {"plugin": rule.plugin, "fixable": rule.fixable, "scope": rule.scope,
                                   **({"fixKinds": list(rule.fix_kinds)} if rule.fixable else {})},
                } for rule in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(self.root or ".").resolve().as_uri().rstrip("/") + "/"}},
            "results": _RESULTS,
            "properties": {"registry": registry_coverage(result)},
        }
        document = json.dumps({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
                               "runs": [run]}, ensure_ascii=False, indent=1)
        before, after = document.split(json.dumps(_RESULTS), 1)
        # The results a finding at a time, in the place of the mark: a corpus's worth of them is
        # never one document in memory. Each is indented as `json.dump` of the whole would.
        out.write(before + "[")
        first = True
        for finding in result.findings:
            out.write(("\n    " if first else ",\n    ") + indented(self._result(finding, index), 4))
            first = False
        out.write("]" if first else "\n   ]")
        out.write(after + "\n")

    def _result(self, finding, index) -> dict:
        path = relative(finding.path, self.root)
        if Path(path).is_absolute() or path.startswith("../"):  # outside the root: no base to be relative to
            artifact = {"uri": Path(finding.path).resolve().as_uri()}
        else:
            artifact = {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}
        result = {
            "ruleId": finding.code,
            **({"ruleIndex": index[finding.code]} if finding.code in index else {}),
            "level": LEVEL[finding.severity],
            "message": {"text": finding.message(self.lang)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {"startLine": finding.line, "startColumn": finding.col},
                },
                **({"logicalLocations": [{"fullyQualifiedName": finding.pointer, "kind": "member"}]}
                   if finding.pointer else {}),
            }],
            "partialFingerprints": {"soptui/v1": fingerprint(finding.code, path, finding.message.en)},
            "properties": {"plugin": finding.plugin},
        }
        if finding.step is not None:
            result["properties"]["step"] = finding.step
        if finding.fix is not None:
            result["properties"]["fix"] = finding.fix.description(self.lang)
            result["properties"]["fixApplicability"] = applicability_of(finding.fix).value
        return result
