"""JUnit XML: one test case per SOP file, failing with one <failure> per finding."""

from __future__ import annotations

from typing import TextIO

from ..checker.engine import LintResult
from ..checker.rule import Severity
from .base import Reporter, xml_safe
from .paths import relative


class JunitReporter(Reporter):
    name = "junit"
    description = "JUnit XML (one test case per file)"

    def write(self, result: LintResult, out: TextIO) -> None:
        import xml.etree.ElementTree as ET  # here: every run imports every reporter, few use this one

        by_file: dict[str, list] = {path: [] for path in result.files}
        for finding in result.findings:
            by_file.setdefault(finding.path, []).append(finding)
        suite = ET.Element("testsuite", name="soptui")
        failures = 0
        for path, findings in by_file.items():
            name = xml_safe(relative(path, self.root))
            case = ET.SubElement(suite, "testcase", classname=name, name="soptui lint")
            failing = [f for f in findings if f.severity != Severity.INFO]
            for f in failing:
                failure = ET.SubElement(case, "failure", type=f.code,
                                        message=xml_safe(f"{f.code} {f.line}:{f.col} {f.message(self.lang)}"))
                failure.text = xml_safe(f"{name}:{f.line}:{f.col}: {f.severity.value} {f.code} {f.name}")
            failures += bool(failing)
            infos = [f for f in findings if f.severity == Severity.INFO]
            if infos:
                ET.SubElement(case, "system-out").text = "\n".join(
                    xml_safe(f"{f.line}:{f.col}: info {f.code} {f.message(self.lang)}") for f in infos)
        suite.set("tests", str(len(by_file)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        ET.indent(suite)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suite, encoding="unicode") + "\n")
