"""The engine: suppressions, contained rule failures, configuration, corpus rules."""

from pathlib import Path

import pytest

from soptui.checker.config import Config, ConfigError, Override, load_config
from soptui.checker.engine import Checker
from soptui.checker.rule import Context, Rule, Severity, Violation
from soptui.i18n import Text
from soptui.loading.loader import load_text
from soptui.rules.flow_symbol import FlowSymbol
from soptui.rules.step_numbering import StepNumbering

SOP = '''nama = "Contoh"
unit = "Kecamatan Contoh"

[[langkah]]
no = 1
kegiatan = "Memulai"

[[langkah]]
no = 5  # soptui: ignore[step-numbering] -- numbered as in the signed paper
kegiatan = "Melanjutkan"

# soptui: ignore[SOP206, step-numbering] -- step scope
[[langkah]]
no = 9
kegiatan = "Menyelesaikan"
simbol = "lingkaran"
'''


def lint(text, rules=(StepNumbering, FlowSymbol), config=None, path="sop.toml"):
    checker = Checker([("builtin", r) for r in rules], config or Config(), Context())
    result = checker.check_loaded(load_text(text, path))
    return sorted(result.findings, key=lambda f: f.sort_key)


def test_line_and_step_suppressions_silence_their_findings_only():
    assert lint(SOP) == []
    unsuppressed = lint(SOP.replace("# soptui: ignore[SOP206, step-numbering] -- step scope", ""))
    assert [(f.name, f.step) for f in unsuppressed] == [("step-numbering", 9), ("flow-symbol", 9)]


def test_file_suppression_and_unused_suppression():
    text = "# soptui: ignore-file[flow-symbol] -- whole file\n" + SOP.replace("[SOP206, step-numbering]", "[step-numbering]")
    found = lint(text)
    assert found == []
    stale = lint(SOP.replace('simbol = "lingkaran"', 'simbol = "proses"'))
    assert [(f.name, f.line, f.severity) for f in stale] == [("unused-suppression", 12, Severity.WARNING)]
    assert "SOP206" in stale[0].message.en


class Exploding(Rule):
    """Always fails."""

    code = "XPL001"
    name = "exploding"

    def check(self, sop, context):
        yield Violation("/nama", Text("ok", "ok"))
        raise ZeroDivisionError("boom")


def test_a_rule_that_raises_becomes_an_internal_error_and_the_others_still_run():
    found = lint(SOP.replace("# soptui", "# not"), rules=(Exploding, StepNumbering))
    names = [f.name for f in found]
    assert "internal-error" in names and names.count("step-numbering") == 2
    error = next(f for f in found if f.name == "internal-error")
    assert "XPL001 exploding" in error.message.en and "ZeroDivisionError: boom" in error.message.en
    assert "plugin 'builtin'" in error.message.en and error.path == "sop.toml"


def test_select_ignore_severity_and_per_path_overrides():
    text = SOP.replace("# soptui", "# not")
    assert {f.name for f in lint(text, config=Config(ignore=("SOP1",)))} == {"flow-symbol"}
    assert {f.name for f in lint(text, config=Config(select=("flow-symbol",)))} == {"flow-symbol"}
    warned = lint(text, config=Config(severity={"step-numbering": "warning"}))
    assert {f.severity for f in warned if f.name == "step-numbering"} == {Severity.WARNING}
    override = Config(overrides=(Override(paths=("arsip/*",), ignore=("ALL",)),), path=Path("/x/soptui.toml"))
    assert lint(text, config=override, path="/x/arsip/lama.toml") == []
    assert lint(text, config=override, path="/x/baru.toml") != []


def test_config_file_errors_name_file_line_and_key(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n\n[tool.soptui]\nignore = ["SOP1"]\nfial-on = "warning"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:6:1: .*`fial-on`.*`fail-on`"):
        load_config(config)
    config.write_text('[tool.soptui]\nlang = "jv"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:2:1: .*lang"):
        load_config(config)


def test_rule_options_are_validated_against_the_rule_schema():
    class WithOptions(Rule):
        """Has an option."""

        code, name = "OPT001", "with-options"
        options_schema = {"type": "object", "properties": {"limit": {"type": "integer", "default": 3}},
                          "additionalProperties": False}

        def check(self, sop, context):
            return ()

    checker = Checker([("p", WithOptions)], Config())
    assert checker.rules[0].options == {"limit": 3}
    with pytest.raises(ConfigError, match=r"\[rules.with-options\] `limt`: .*unknown option"):
        Checker([("p", WithOptions)], Config(rules={"with-options": {"limt": 4}}))
    with pytest.raises(ConfigError, match=r"`limit`: 'x' is not of type 'integer'"):
        Checker([("p", WithOptions)], Config(rules={"OPT001": {"limit": "x"}}))
