"""Testing rules: complete a TOML fragment to a valid SOP, lint it with chosen rules, check fixes.

```python
from soptui.api import RuleTester
from soptui.rules.step_numbering import StepNumbering

tester = RuleTester(StepNumbering)

def test_gap():
    tester.assert_invalid('''
[[langkah]]
no = 1
kegiatan = "Memerintahkan"

[[langkah]]
no = 3
kegiatan = "Menyusun"
''', [{"step": 3, "line": 7}])
```

A fragment keeps its own line numbers: the keys it lacks (`nama`, `unit`, and two steps when it
has no `[[langkah]]`) are added around it, and reported lines are those of the fragment.
"""

from __future__ import annotations

import datetime as dt
import inspect
import textwrap

from .checker.config import Config
from .checker.engine import Checker
from .checker.finding import Finding
from .checker.fixes import fix_text
from .checker.rule import Context, CorpusRule, Rule
from .loading.loader import load_text
from .loading import toml
from .registry import Registry

FIXED_TODAY = dt.date(2026, 11, 23)

_DEFAULT_STEPS = '''
[[langkah]]
no = 1
kegiatan = "Memerintahkan penyusunan laporan"
kelengkapan = ["Disposisi"]
waktu = "10 menit"
output = ["Disposisi"]

[[langkah]]
no = 2
kegiatan = "Menyusun laporan"
kelengkapan = ["Disposisi"]
waktu = "1 jam"
output = ["Laporan"]
'''


# The one shape of a rule's docstring (see soptui/checker/rule.py): these sections, in this order,
# the first of them right after the first line; others (`## Options`) may come after the first.
DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "Instead")


def docstring_problems(rule: type[Rule]) -> list[str]:
    """What keeps `rule`'s docstring from the one shape; [] when it has it."""
    doc = rule.__doc__  # not inspect.getdoc: that would find the docstring of the base class
    if not doc or not doc.strip():
        return ["no docstring"]
    lines = inspect.cleandoc(doc).splitlines()
    problems = []
    if not lines[0].strip().endswith((".", "?", "!")):
        problems.append("the first line is not one sentence ending with a full stop")
    if len(lines) < 2 or lines[1].strip():
        problems.append("no blank line after the first line")
    headings = [(index, line[3:].strip()) for index, line in enumerate(lines) if line.startswith("## ")]
    found = [title for _, title in headings]
    required = [title for title in found if title in DOC_SECTIONS]
    if required != list(DOC_SECTIONS):
        problems.append(f"sections {found}, want {list(DOC_SECTIONS)} in this order (others may follow the first)")
    elif found[0] != DOC_SECTIONS[0] or any(line.strip() for line in lines[2:headings[0][0]]):
        problems.append(f"`## {DOC_SECTIONS[0]}` does not follow the first line")
    ends = [index for index, _ in headings[1:]] + [len(lines)]
    for (start, title), end in zip(headings, ends):
        if not any(line.strip() for line in lines[start + 1:end]):
            problems.append(f"section `## {title}` is empty")
    return problems


class LoadFailed(AssertionError):
    """The text given to a tester does not load; the message lists why."""


def complete(fragment: str) -> tuple[str, int]:
    """`fragment` completed to a valid SOP, and the number of lines put before it."""
    fragment = textwrap.dedent(fragment).strip("\n") + "\n"
    try:
        data = toml.parse(fragment)
    except ValueError:  # tomllib's TOMLDecodeError
        return fragment, 0  # let the loader report it, at the fragment's own lines
    head = "".join(f'{key} = "{value}"\n' for key, value in
                   (("nama", "SOP Contoh"), ("unit", "Kecamatan Contoh")) if key not in data)
    tail = _DEFAULT_STEPS if "langkah" not in data else ""
    return head + fragment + tail, head.count("\n")


class RuleTester:
    """Lint fragments with exactly the given rule (and its options) and compare the findings."""

    def __init__(self, rule: type[Rule], options: dict | None = None, today: dt.date = FIXED_TODAY,
                 context: Context | None = None, *, registry: Registry | None = None) -> None:
        """`registry` is the regulation registry the rule sees (default: soptui's shipped one),
        e.g. ``load_registry(["tests/our-perbup.toml"])``; `context` replaces the whole context
        (then give the registry there)."""
        if context is not None and registry is not None:
            raise TypeError("give `registry` on the `context`, or `registry` without a `context`")
        self.rule = rule
        config = Config(rules={rule.name: options} if options else {})
        self.checker = Checker([("test", rule)], config, context or Context(today=today, registry=registry))

    def assert_documented(self) -> None:
        """The rule's docstring has the shape `soptui rule NAME` shows (see `DOC_SECTIONS`)."""
        problems = docstring_problems(self.rule)
        assert not problems, f"{self.rule.__name__}'s docstring: " + "; ".join(problems)

    def findings(self, fragment: str, path: str = "sop.toml") -> list[Finding]:
        """Findings of the rule on the completed fragment, lines counted in the fragment."""
        text, offset = complete(fragment)
        return [self._shift(f, offset) for f in self._lint(text, path)]

    def findings_in_corpus(self, fragments: dict[str, str]) -> list[Finding]:
        """Findings of a corpus rule over several files: {path: fragment}."""
        results, offsets = [], {}
        for path, fragment in fragments.items():
            text, offsets[path] = complete(fragment)
            results.append(self.checker.check_loaded(self._load(text, path)))
        found = [f for r in results for f in r.findings] + self.checker.check_corpus(results)
        return [self._shift(f, offsets.get(f.path, 0)) for f in sorted(found, key=lambda f: f.sort_key)]

    def assert_valid(self, fragment: str) -> None:
        found = self.findings(fragment)
        assert not found, "expected no findings, got:\n" + "\n".join(_describe(f) for f in found)

    def assert_invalid(self, fragment: str, expected: list[dict]) -> list[Finding]:
        """Each dict names what a finding must have: any of step, line, col, pointer, severity,
        message (a substring of the Indonesian or English message). Order as in the file."""
        found = self.findings(fragment)
        listing = "\n".join(_describe(f) for f in found) or "(none)"
        assert len(found) == len(expected), f"expected {len(expected)} findings, got {len(found)}:\n{listing}"
        for finding, wanted in zip(found, expected):
            for key, value in wanted.items():
                if key == "message":
                    ok = value in finding.message.id or value in finding.message.en
                elif key == "severity":
                    ok = finding.severity.value == value
                else:
                    ok = getattr(finding, key) == value
                assert ok, f"finding {_describe(finding)}: {key} is not {value!r}\nall findings:\n{listing}"
        return found

    def assert_fix(self, fragment: str, expected: str, *, unsafe: bool = False) -> None:
        """Fixing the fragment gives `expected` (both completed the same way), and fixing is idempotent.
        Only safe fixes are applied, as `soptui lint --fix` does; unsafe ones too when `unsafe`
        (`--unsafe-fixes`)."""
        text, _ = complete(fragment)
        want, _ = complete(expected)
        fixed = fix_text(self.checker, "sop.toml", text, unsafe=unsafe)
        assert fixed == want, f"fixed text differs:\n{fixed}\n--- expected ---\n{want}"
        assert fix_text(self.checker, "sop.toml", fixed, unsafe=unsafe) == fixed, "fixing twice changed the text again"

    def _load(self, text: str, path: str):
        result = load_text(text, path)
        if not result.ok:
            raise LoadFailed("the test SOP does not load:\n" + "\n".join(p.render("en") for p in result.problems))
        return result

    def _lint(self, text: str, path: str) -> list[Finding]:
        result = self.checker.check_loaded(self._load(text, path))
        found = list(result.findings)
        if issubclass(self.rule, CorpusRule):
            found += self.checker.check_corpus([result])
        return sorted(found, key=lambda f: f.sort_key)

    @staticmethod
    def _shift(finding: Finding, offset: int) -> Finding:
        if not offset:
            return finding
        return finding._replace(line=max(1, finding.line - offset))


def _describe(finding: Finding) -> str:
    return f"{finding.line}:{finding.col} {finding.code} step={finding.step} {finding.message.en}"
