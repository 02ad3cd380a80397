"""A rule that yields what no finding can be made of (a plain str as the message, the easiest slip
a plugin author makes) gets an internal-error finding naming it and its fault, on every path a
file is checked by; the other rules' findings, and its own well-formed ones, are all kept."""

import io
import json
from pathlib import Path

import soptui.checker.parallel as parallel
from soptui.checker.corpus import CORPUS
from soptui.checker.engine import Checker
from soptui.checker.plain import decode
from soptui.checker.report import LintReport
from soptui.checker.rule import Context, CorpusRule, Rule, Violation
from soptui.i18n import Text
from soptui.loading.loader import load_text
from soptui.reporting.json import JsonReporter
from soptui.reporting.text import TextReporter
from soptui.rules.step_numbering import StepNumbering
from soptui.source import Pos
from soptui.workspace import Workspace

BAD_STEPS = '''nama = "Contoh"
unit = "Kecamatan Contoh"

[[langkah]]
no = 1
kegiatan = "Memulai"

[[langkah]]
no = 5
kegiatan = "Menyelesaikan"
'''


class PlainMessage(Rule):
    """Says its message as a plain str, and once as a Text."""

    code = "LUM003"
    name = "lumajang-plain"

    def check(self, sop, context):
        yield Violation(pointer="/unit", message="plain string, not Text")
        yield Violation(pointer="/nama", message=Text(id="baik", en="fine"))


class Mixed(Rule):
    """Every other kind of slip."""

    code = "LUM004"
    name = "lumajang-mixed"

    def check(self, sop, context):
        yield Violation(pointer=3, message=Text("a", "a"))
        yield ("/unit", Text("a", "a"))
        yield Violation(pointer="/unit", message=Text("a", "a"), pos=(1, 1))


def checker(*rules) -> Checker:
    return Checker([("lumajang", rule) for rule in rules] + [("builtin", StepNumbering)], context=Context())


def test_a_str_message_becomes_the_rules_internal_error_and_nothing_else_is_lost():
    found = checker(PlainMessage).check_loaded(load_text(BAD_STEPS, "sop.toml")).findings
    assert all(isinstance(f.message, Text) for f in found)
    errors = [f for f in found if f.name == "internal-error"]
    assert len(errors) == 1
    said = errors[0].message.en
    assert "LUM003 lumajang-plain" in said and "plugin 'lumajang'" in said and "message is a str, not a Text" in said
    assert errors[0].plugin == "lumajang" and errors[0].path == "sop.toml"
    assert "Violation tak sah" in errors[0].message.id and "message berupa str" in errors[0].message.id
    # its well-formed violation, and the other rule's finding, are findings as usual
    assert [f.pointer for f in found if f.name == "lumajang-plain"] == ["/nama"]
    assert [f.name for f in found if f.name == "step-numbering"] == ["step-numbering"]


def test_each_kind_of_slip_is_named_and_counted():
    found = checker(Mixed).check_loaded(load_text(BAD_STEPS, "sop.toml")).findings
    (error,) = [f for f in found if f.name == "internal-error"]
    assert "pointer is a int, not a str" in error.message.en and "(3 malformed violations)" in error.message.en
    assert not [f for f in found if f.name == "lumajang-mixed"]
    assert [f.name for f in found if f.name == "step-numbering"] == ["step-numbering"]


def test_the_reports_render_every_finding():
    result = checker(PlainMessage).check_loaded(load_text(BAD_STEPS, "sop.toml"))
    report = LintReport(("sop.toml",), tuple(result.findings), tuple(checker(PlainMessage).infos()))
    for reporter in (TextReporter(lang="id"), JsonReporter(lang="en")):
        out = io.StringIO()
        reporter.write(report, out)
        assert "LUM003" in out.getvalue()
    assert "step-numbering" in out.getvalue() and json.loads(out.getvalue())["findings"]


class CorpusPlain(CorpusRule):
    """A corpus rule with a str message, and one that names no file."""

    code = "LUM005"
    name = "lumajang-corpus-plain"

    def collect(self, sop):
        return sop.nama

    def check_corpus(self, collected, context):
        for path in collected:
            yield Violation(pointer="/nama", message="plain", path=path)
            yield Violation(pointer="/nama", message=Text("a", "a"))
            yield Violation(pointer="/nama", message=Text("baik", "fine"), path=path, pos=Pos(1, 1))


def test_a_corpus_rules_malformed_violations_are_its_internal_error_under_the_corpus():
    engine = checker(CorpusPlain)
    results = [engine.check_loaded(load_text(BAD_STEPS, f"s{n}.toml")) for n in range(2)]
    found = engine.check_corpus(results)
    (error,) = [f for f in found if f.name == "internal-error"]
    assert error.path == CORPUS and "LUM005" in error.message.en and "(4 malformed violations)" in error.message.en
    assert sorted(f.path for f in found if f.name == "lumajang-corpus-plain") == ["s0.toml", "s1.toml"]


def test_a_worker_sends_the_internal_error_not_the_str(monkeypatch, tmp_path):
    path = tmp_path / "sop.toml"
    path.write_text(BAD_STEPS)
    monkeypatch.setattr(parallel, "_worker", checker(PlainMessage))
    chunk = parallel._check_chunk([str(path)], False)
    ((name, _, _, data, _),) = parallel._results(chunk)
    names = sorted(f.name for f in decode(name, data).findings)
    assert names == ["internal-error", "lumajang-plain", "step-numbering"]


def test_the_uis_relint_of_an_edited_document_does_the_same(tmp_path):
    path = tmp_path / "sop.toml"
    path.write_text(BAD_STEPS)
    space = Workspace([path], checker(PlainMessage), root=tmp_path)
    space.lint_all()
    document = space.open(path)
    assert document.apply(BAD_STEPS.replace("no = 5", "no = 7"))
    found = space.findings(path)
    assert all(isinstance(f.message, Text) for f in found)
    assert sorted(f.name for f in found) == ["internal-error", "lumajang-plain", "step-numbering"]


def test_soptuis_own_rules_yield_only_well_formed_violations():
    # the engine does not check the built-in rules' violations (a cost on every file): this does
    from soptui.builtin import builtin_rules
    from soptui.checker.rule import well_formed

    seeds = sorted((Path(__file__).resolve().parent.parent / "sops").rglob("*.toml"))
    sops = [load_text(path.read_text(), str(path)).sop for path in seeds]
    context = Context()
    yielded = 0
    for cls in builtin_rules():
        rule = cls()
        if isinstance(rule, CorpusRule):
            violations = list(rule.check_corpus({str(s.path): rule.collect(s) for s in sops}, context))
        else:
            violations = [v for sop in sops for v in rule.check(sop, context)]
        assert well_formed(violations, corpus=isinstance(rule, CorpusRule))[1] is None, cls.name
        yielded += len(violations)
    assert yielded > 50
