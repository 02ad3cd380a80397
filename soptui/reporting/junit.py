"""JUnit XML: one test case per finding, and one passing test case per file without findings.

CI readers (GitLab, Jenkins, Azure, GitHub's test reporters) show one result per test case and
only the first `<failure>` of a case, so each finding is its own case, named so that no two are
alike: the file is the `classname`, "CODE name at LINE:COL" the name (with " #2", " #3" when one
rule reports twice at one place). A finding fails its case only at or above `--fail-on` (default
error), so the report agrees with lint's exit code; a finding below it is a `<skipped>` case
whose message is the finding: shown and counted by the readers, not a failure.

The report is written a case at a time, files in report order (by path, as the findings come),
so a corpus's worth of findings is never held as one XML tree; the suite's counts, which come
first, are taken from the run's tallies.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter
from typing import Iterable, Iterator, TextIO

from ..checker.engine import LintResult
from ..checker.report import tally_of
from ..checker.rule import Severity
from .base import Reporter, xml_safe
from .paths import relative

# As ElementTree escapes: an attribute also keeps its newlines and tabs, as character references.
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})


def _attributes(**values: str) -> str:
    return "".join(f' {name}="{value.translate(_ATTRIBUTE)}"' for name, value in values.items())


class JunitReporter(Reporter):
    name = "junit"
    description = "JUnit XML (one test case per finding, one per clean file)"

    def write(self, result: LintResult, out: TextIO) -> None:
        counts = {severity: result.count(severity) for severity in Severity}
        threshold = Severity(self.fail_on).rank
        failures = sum(count for severity, count in counts.items() if severity.rank >= threshold)
        total = sum(counts.values())
        with_findings = _files_with_findings(result)
        tests = total + sum(1 for path in set(result.files) if path not in with_findings)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        head = _attributes(name="soptui", tests=str(tests), failures=str(failures), errors="0",
                           skipped=str(total - failures))
        if not tests:
            out.write(f"<testsuite{head} />\n")
            return
        out.write(f"<testsuite{head}>")
        for path, findings in _by_file(result):
            out.write("".join(self._cases(xml_safe(relative(path, self.root)), findings, threshold)))
        out.write("\n</testsuite>\n")

    def _cases(self, file_name: str, findings: list, threshold: int) -> Iterator[str]:
        if not findings:
            yield f'\n  <testcase{_attributes(classname=file_name, name="soptui lint")} />'
            return
        seen: dict[str, int] = {}
        for f in findings:
            case_name = xml_safe(f"{f.code} {f.name} at {f.line}:{f.col}")
            seen[case_name] = seen.get(case_name, 0) + 1
            if seen[case_name] > 1:
                case_name += f" #{seen[case_name]}"
            message = xml_safe(f"{f.severity.value} {f.code} {f.line}:{f.col} {f.message(self.lang)}")
            if f.severity.rank >= threshold:
                text = xml_safe(f"{file_name}:{f.line}:{f.col}: {f.severity.value} {f.code} {f.name}: "
                                f"{f.message(self.lang)}")
                verdict = f"<failure{_attributes(type=f.code, message=message)}>{text.translate(_TEXT)}</failure>"
            else:
                verdict = f"<skipped{_attributes(message=message)} />"
            yield (f"\n  <testcase{_attributes(classname=file_name, name=case_name)}>"
                   f"\n    {verdict}\n  </testcase>")


def _files_with_findings(result: LintResult) -> set[str]:
    """The paths that have findings: from the findings kept on disk, their index; else counted."""
    tally = tally_of(result.findings)
    return tally.paths if tally is not None else {f.path for f in result.findings}


def _by_file(result: LintResult) -> Iterator[tuple[str, list]]:
    """(path, its findings) of every file checked and every path with findings, in path order:
    the findings' own order, so they are read once, a file at a time."""
    groups: Iterable = groupby(result.findings, key=attrgetter("path"))
    files = iter(sorted(set(result.files)))
    pending = next(files, None)
    for path, findings in groups:
        while pending is not None and pending < path:
            yield pending, []
            pending = next(files, None)
        if pending == path:
            pending = next(files, None)
        yield path, list(findings)
    while pending is not None:
        yield pending, []
        pending = next(files, None)
