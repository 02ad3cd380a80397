"""JUnit XML: one test case per finding, and one passing test case per file without findings.

CI readers (GitLab, Jenkins, Azure, GitHub's test reporters) show one result per test case and
only the first `<failure>` of a case, so each finding is its own case, named so that no two are
alike: the file is the `classname`, "CODE name at LINE:COL" the name (with " #2", " #3" when one
rule reports twice at one place). A finding fails its case only at or above `--fail-on` (default
error), so the report agrees with lint's exit code; a finding below it is a `<skipped>` case
whose message is the finding: shown and counted by the readers, not a failure.
"""

from __future__ import annotations

from typing import TextIO

from ..checker.engine import LintResult
from ..checker.rule import Severity
from .base import Reporter, xml_safe
from .paths import relative


class JunitReporter(Reporter):
    name = "junit"
    description = "JUnit XML (one test case per finding, one per clean file)"

    def write(self, result: LintResult, out: TextIO) -> None:
        import xml.etree.ElementTree as ET  # here: every run imports every reporter, few use this one

        by_file: dict[str, list] = {path: [] for path in result.files}
        for finding in result.findings:
            by_file.setdefault(finding.path, []).append(finding)
        threshold = Severity(self.fail_on).rank
        suite = ET.Element("testsuite", name="soptui")
        tests = failures = skipped = 0
        for path, findings in by_file.items():
            file_name = xml_safe(relative(path, self.root))
            if not findings:
                ET.SubElement(suite, "testcase", classname=file_name, name="soptui lint")
                tests += 1
                continue
            seen: dict[str, int] = {}
            for f in findings:
                case_name = xml_safe(f"{f.code} {f.name} at {f.line}:{f.col}")
                seen[case_name] = seen.get(case_name, 0) + 1
                if seen[case_name] > 1:
                    case_name += f" #{seen[case_name]}"
                case = ET.SubElement(suite, "testcase", classname=file_name, name=case_name)
                tests += 1
                message = xml_safe(f"{f.severity.value} {f.code} {f.line}:{f.col} {f.message(self.lang)}")
                if f.severity.rank >= threshold:
                    failure = ET.SubElement(case, "failure", type=f.code, message=message)
                    failure.text = xml_safe(f"{file_name}:{f.line}:{f.col}: {f.severity.value} {f.code} {f.name}: "
                                            f"{f.message(self.lang)}")
                    failures += 1
                else:
                    ET.SubElement(case, "skipped", message=message)
                    skipped += 1
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        ET.indent(suite)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suite, encoding="unicode") + "\n")
