"""The code table of the built-in rules, the one shape of a rule's docstring, and aliases and
lifecycles as selection, suppression, options and `soptui rules` see them."""

import io
from contextlib import redirect_stdout

import pytest

from soptui.builtin import builtin_rules
from soptui.checker.config import Config, selection_with, selector_notes, unknown_selectors
from soptui.checker.engine import META_RULES, Checker
from soptui.checker.rule import LIFECYCLES, Rule, Severity, Violation
from soptui.i18n import Text
from soptui.loading.loader import load_text
from soptui.rules import codes
from soptui.testing import DOC_SECTIONS, docstring_problems

RULES = builtin_rules()


def test_every_built_in_rule_is_in_the_table_with_its_name():
    for cls in RULES:
        row = codes.BY_CODE.get(cls.code)
        assert row is not None, f"add Code({cls.code!r}, {cls.name!r}) to soptui/rules/codes.py"
        assert row.name == cls.name, f"{cls.code}: the table says {row.name!r}, the rule {cls.name!r}"
        assert (cls.lifecycle, cls.aliases) == (row.lifecycle, row.aliases)
    for info in META_RULES:
        assert codes.BY_CODE[info.code].name == info.name


def test_every_row_not_removed_is_a_rule():
    running = {cls.code for cls in RULES} | {info.code for info in META_RULES}
    for row in codes.TABLE:
        assert row.lifecycle in LIFECYCLES, row
        assert (row.code in running) == (row.lifecycle != "removed"), row


def test_codes_names_and_aliases_are_unique_across_the_table():
    seen: dict[str, str] = {}
    for row in codes.TABLE:
        for key in (row.code, row.name, *row.aliases):
            assert key not in seen, f"{key!r} of {row.code} is already {seen[key]}'s"
            seen[key] = row.code
    assert list(codes.BY_CODE) == sorted(codes.BY_CODE)  # in code order, the way `soptui rules` lists them


@pytest.mark.parametrize("rule", RULES, ids=lambda cls: cls.code)
def test_every_built_in_rule_docstring_has_the_one_shape(rule):
    assert docstring_problems(rule) == []


class Undocumented(Rule):
    code, name = "TST900", "undocumented"


class Misshapen(Rule):
    """Says what it wants.
    ## Example
    x

    ## Why it matters
    because

    ## What it checks
    ## Instead
    y
    """

    code, name = "TST901", "misshapen"


def test_the_docstring_check_names_each_problem():
    assert docstring_problems(Undocumented) == ["no docstring"]
    problems = docstring_problems(Misshapen)
    assert "no blank line after the first line" in problems
    assert any(f"want {list(DOC_SECTIONS)} in this order" in p for p in problems)
    assert "section `## What it checks` is empty" in problems


# -- aliases and lifecycles ---------------------------------------------------------------------------------


class Renamed(Rule):
    """Says what it wants.

    ## What it checks
    The nama.

    ## Why it matters
    A test.

    ## Example
    x

    ## Instead
    y
    """

    code, name = "TST010", "nama-checked"
    aliases = ("TST001", "old-nama-check")
    severity = Severity.WARNING
    options_schema = {"type": "object", "properties": {"word": {"type": "string", "default": "SOP"}},
                      "additionalProperties": False}

    def check(self, sop, context):
        if self.options["word"] in sop.nama:
            yield Violation(pointer="/nama", message=Text(id="nama", en="nama"))


class Early(Renamed):
    """Says what it wants.

    ## What it checks
    x

    ## Why it matters
    x

    ## Example
    x

    ## Instead
    x
    """

    code, name, aliases, lifecycle = "TST020", "early", (), "preview"


class Old(Renamed):
    code, name, aliases, lifecycle = "TST030", "old", (), "deprecated"


def test_an_alias_selects_configures_and_suppresses_the_renamed_rule():
    config = Config(select=("TST001",), rules={"old-nama-check": {"word": "Contoh"}})
    assert unknown_selectors(config, [Renamed]) == []
    assert selection_with(config, [Renamed], ()).enabled == {"TST010"}
    checker = Checker([("test", Renamed)], config)
    assert checker.rules[0].options == {"word": "Contoh"}
    text = 'nama = "SOP Contoh"\nunit = "Kecamatan Uji"\n[[langkah]]\nno = 1\nkegiatan = "Menyusun"\n'
    found = checker.check_loaded(load_text(text, "a.toml")).findings
    assert [f.code for f in found] == ["TST010"]
    silenced = text.replace('"SOP Contoh"\n', '"SOP Contoh"  # soptui: ignore[old-nama-check]\n')
    assert checker.check_loaded(load_text(silenced, "a.toml")).findings == []  # and not an unused suppression


def test_an_alias_or_a_deprecated_rule_named_gives_a_note():
    notes = selector_notes(Config(ignore=("old-nama-check",), select=("TST030",)), [Renamed, Old])
    assert any("`old-nama-check`" in n.id and "TST010 `nama-checked`" in n.id for n in notes), notes
    assert any("TST030 `old`" in n.id and "deprecated" in n.id for n in notes), notes
    assert selector_notes(Config(select=("nama-checked",)), [Renamed, Old]) == []


def test_a_removed_rule_named_is_a_note_not_an_unknown_rule():
    removed = {"TST040": codes.Code("TST040", "gone", "removed")}
    config = Config(ignore=("TST040",))
    assert unknown_selectors(config, [Renamed], removed=removed) == []
    assert any("`TST040`" in n.id and "removed" in n.id for n in selector_notes(config, [Renamed], removed=removed))
    assert unknown_selectors(config, [Renamed]) != []


def test_a_preview_rule_runs_only_when_named():
    assert selection_with(Config(), [Renamed, Early], ()).enabled == {"TST010"}
    assert selection_with(Config(select=("TST",)), [Renamed, Early], ()).enabled == {"TST010"}
    assert selection_with(Config(extend_select=("early",)), [Renamed, Early], ()).enabled == {"TST010", "TST020"}


def test_soptui_rules_shows_the_lifecycle():
    from soptui.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["rules"]) == 0
    header, *rows = out.getvalue().splitlines()
    assert "LIFECYCLE" in header.split()
    step = next(row for row in rows if row.startswith("SOP101"))
    assert step.split()[:2] == ["SOP101", "step-numbering"] and " stable " in step


def _glosses_whole(message: Text) -> bool:
    """The command line's Indonesian says the whole English sentence once, in brackets after
    it (`glossed`), not word by word inside it ("aturan (rule) ... usang (is deprecated ...)")."""
    return f"({message.en})" in message.id


def test_the_notes_of_renamed_deprecated_and_removed_rules_gloss_the_whole_english_sentence():
    removed = {"TST040": codes.Code("TST040", "gone", "removed")}
    notes = selector_notes(Config(ignore=("old-nama-check", "TST040"), select=("TST030",)), [Renamed, Old],
                           removed=removed)
    assert len(notes) == 3 and all(_glosses_whole(note) for note in notes), notes
    assert "aturan TST030 `old` usang dan akan dihapus (rule TST030 `old` is deprecated and will be removed)" \
        in [note.id for note in notes]


def test_two_tables_of_one_rule_and_an_unknown_option_are_said_in_whole_sentences():
    from soptui.checker.config import ConfigError, options_for

    with pytest.raises(ConfigError) as twice:
        options_for(Config(rules={"nama-checked": {}, "TST010": {}}), Renamed)
    said = twice.value.text
    assert said.id == ("config: [rules.nama-checked] dan [rules.TST010] adalah aturan yang sama; tulis satu saja "
                       "([rules.nama-checked] and [rules.TST010] are the same rule: keep one)")
    with pytest.raises(ConfigError) as unknown:
        options_for(Config(rules={"nama-checked": {"wrod": "x"}}), Renamed)
    assert unknown.value.text.id.endswith("opsi tidak dikenal; opsi yang ada (unknown option; known options): word")
