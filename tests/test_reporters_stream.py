"""The reports a CI run writes for a whole corpus (SARIF, JUnit, GitLab) are written a finding at
a time: never held whole in memory, and leaving no garbage the paused cycle collector would keep."""

import gc
import io
import json

import hypothesis.strategies as st
from hypothesis import given

from soptui.checker.engine import META_RULES, LintResult, RuleInfo
from soptui.checker.finding import Finding
from soptui.checker.rule import Edit, Fix, Severity
from soptui.i18n import Text
from soptui.reporting import REPORTERS
from soptui.reporting.indented import indented

STREAMED = ("sarif", "junit", "gitlab")
FILES = [f"sops/{n:03d}.toml" for n in range(60)]
RULES = [*META_RULES, RuleInfo("SOP101", "step-numbering", Severity.ERROR, "sop", True, "builtin",
                               "Step numbers must run 1, 2, 3.", "Step numbers must run 1, 2, 3.")]


class Findings(list):
    """Findings that count how far the current pass over them has gone."""

    position = 0

    def __iter__(self):
        self.position = 0
        for finding in list.__iter__(self):
            self.position += 1
            yield finding


class Watching(io.StringIO):
    """Standard output that notes how many findings had been read at each write."""

    def __init__(self, findings: Findings) -> None:
        super().__init__()
        self.findings = findings
        self.read_at_write: list[int] = []

    def write(self, text: str) -> int:
        self.read_at_write.append(self.findings.position)
        return super().write(text)


def many() -> Findings:
    fix = Fix(Text("nomori ulang", "renumber"), (Edit("/langkah/5/no", 6),))
    return Findings(
        Finding("SOP101", "step-numbering", (Severity.ERROR, Severity.WARNING, Severity.INFO)[n % 3],
                path, n + 1, 1, "/langkah/0/no", 1, Text(f"pesan {n}", f"message {n}"), fix if n % 2 else None)
        for path in FILES[::2] for n in range(10))


def _reporter(name: str):
    return {cls.name: cls for cls in REPORTERS}[name](lang="en", root=".")


def test_each_streamed_report_is_written_while_its_findings_are_read():
    for name in STREAMED:
        findings = many()
        out = Watching(findings)
        _reporter(name).write(LintResult(FILES, findings, RULES), out)
        assert any(0 < read < len(findings) for read in out.read_at_write), name
        assert out.getvalue().count("SOP101") >= len(findings), name


def test_writing_a_streamed_report_with_the_collector_paused_leaves_no_cycles():
    for name in STREAMED:
        result = LintResult(FILES, many(), RULES)
        gc.collect()
        gc.disable()
        try:
            _reporter(name).write(result, io.StringIO())
            left = gc.collect()
        finally:
            gc.enable()
        assert left < 50, (name, left)  # a cycle per finding would be hundreds


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@given(JSON, st.integers(0, 5))
def test_indented_writes_what_json_dump_writes(value, depth):
    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)
    assert indented(value, depth) == expected
