"""The loader on bad input: one clear problem, at the right line and column, never a crash."""

import time

import pytest

from soptui.builtin import builtin_rules
from soptui.checker.engine import Checker
from soptui.loading.loader import MAX_FILE_BYTES, load_bytes, load_file, load_text

VALID = '''nama = "Pengukuran Kinerja"
unit = "Kecamatan Wangon"
tanggal_pembuatan = 2020-11-23

[pelaksana]
camat = "CAMAT"

[[langkah]]
no = 1
kegiatan = "Memerintahkan penyusunan pengukuran kinerja"
pelaksana = "camat"
waktu = "15 menit"
'''


def only_problem(text_or_bytes, path="sop.toml"):
    if isinstance(text_or_bytes, bytes):
        result = load_bytes(text_or_bytes, path)
    else:
        result = load_text(text_or_bytes, path)
    assert result.sop is None
    assert len(result.problems) == 1, [p.render("en") for p in result.problems]
    problem = result.problems[0]
    return problem.pos.line, problem.pos.col, problem.message.en, problem.message.id


def test_a_valid_file_loads():
    result = load_text(VALID, "sop.toml")
    assert result.problems == ()
    assert result.sop.langkah[0].durasi.high == 15


@pytest.mark.parametrize("text, line, col, english", [
    ("", 1, 1, "file is empty"),
    ("   \n\n", 1, 1, "file is empty"),
    ('nama = "Pengukuran\n', 1, 19, "closing quote"),
    ("nama = Pengukuran Kinerja\n", 1, 8, "text needs quotes"),
    ("no = = 5\n", 1, 6, "invalid value: '=' is written twice"),
    ('nama = "a"\nnama = "b"\n', 2, 11, "written twice"),
    ('nama = "a"\n[[langkah]\n', 2, 10, "not closed with ]]"),
    ('tanggal_pembuatan = 2023-02-30\n', 1, 21, "invalid date"),
    ('dasar_hukum = ["a",\n', 1, 20, "the file ends before a [ ], { } or quote is closed"),
])
def test_toml_syntax_errors_point_at_their_place(text, line, col, english):
    found = only_problem(text)
    assert found[:2] == (line, col)
    assert english in found[2]


def test_the_hint_to_quote_text_is_given_only_where_a_bare_word_starts():
    # quoting `= 5` or `,5` would make a step number text: the hint would mislead there
    for text in ("no = = 5\n", "no = ,5\n", "waktu = -\n"):
        assert "quotes" not in only_problem(text)[2]
    assert "quotes" in only_problem("unit = Kecamatan\n")[2]


def test_binary_garbage():
    assert only_problem(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")[:3] == (3, 1, "binary file, not TOML text")


def test_binary_text_gets_the_verdict_the_bytes_get():
    # the UI holds a file as text decoded leniently: the same file must not read as bad TOML there
    data = b'nama = "x"\n\x89PNG\x00\x00'
    assert only_problem(data.decode("utf-8", "replace"))[:3] == only_problem(data)[:3] == (2, 5, "binary file, not TOML text")


def test_not_utf8_points_at_the_byte():
    line, col, english, indonesian = only_problem('nama = "Camat"\nunit = "Kecamatan Sumbersuk'.encode() + b"\xf3\"\n")
    assert (line, col) == (2, 28)
    assert "not UTF-8" in english and "0xF3" in english and "UTF-8" in indonesian


def test_byte_order_mark_is_accepted():
    assert load_bytes(b"\xef\xbb\xbf" + VALID.encode(), "sop.toml").ok


def test_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    started = time.perf_counter()
    result = load_file(big)
    assert time.perf_counter() - started < 2
    assert len(result.problems) == 1
    assert "too large" in result.problems[0].message.en
    assert str(MAX_FILE_BYTES // 1024) in result.problems[0].message.en


@pytest.mark.parametrize("text", [
    "x = " + "[" * 10_000 + "]" * 10_000,
    "x = " + "{ a = " * 10_000 + "1" + " }" * 10_000,
    "x = " + "[" * 10_000,
])
def test_deep_nesting_is_one_error_not_a_crash(text):
    line, col, english, _ = only_problem(text)
    assert (line, col) == (1, 5 + 100 * (6 if "{" in text else 1))
    assert "nested too deep" in english


def test_missing_file():
    result = load_file("/nonexistent/sop.toml")
    assert "cannot be read" in result.problems[0].message.en


# -- schema violations ---------------------------------------------------------------------------

def replace(old, new):
    assert old in VALID
    return VALID.replace(old, new)


def test_unknown_key_points_at_the_key_and_suggests_the_right_one():
    line, col, english, indonesian = only_problem(replace('waktu = "15 menit"', 'wakto = "15 menit"'))
    assert (line, col) == (12, 1)
    assert "unknown key `wakto`" in english and "did you mean `waktu`?" in english
    assert "tidak dikenal" in indonesian


def test_wrong_type_names_expected_and_found():
    line, col, english, indonesian = only_problem(replace("no = 1", 'no = "1"'))
    assert (line, col) == (9, 1)
    assert english == "`no` must be a whole number, not text"
    assert indonesian == "`no` harus berupa bilangan bulat, bukan teks"


def test_missing_required_key():
    line, col, english, _ = only_problem(replace('nama = "Pengukuran Kinerja"\n', ""))
    assert (line, col) == (1, 1)
    assert "required key `nama` is missing" in english


def format_findings(text):
    """The findings of `soptui validate`: the loader's and the format group's rules'."""
    checker = Checker([("builtin", cls) for cls in builtin_rules() if cls.group == "format"])
    return sorted((f.line, f.col, f.code, f.message.en) for f in checker.check_loaded(load_text(text, "sop.toml")).findings)


def test_bad_waktu_is_a_rule_finding_at_its_line():
    text = replace('"15 menit"', '"abc"')
    assert load_text(text, "sop.toml").ok  # a content defect: the model holds it, a rule reports it
    [(line, col, code, english)] = format_findings(text)
    assert (code, line, col) == ("SOP021", 12, 1)
    assert "the Time 'abc' of step 1 cannot be read" in english


def test_quoted_date_is_a_problem():
    line, col, english, _ = only_problem(replace("2020-11-23", '"2020-11-23"'))
    assert (line, col) == (3, 1)
    assert "without quotes" in english


def test_a_date_in_words_is_a_problem():
    line, col, english, _ = only_problem(replace("2020-11-23", '"23 November 2020"'))
    assert (line, col) == (3, 1)
    assert "is not a date" in english


def test_bad_actor_id():
    text = replace('camat = "CAMAT"', '"Camat Wangon" = "CAMAT"')
    assert load_text(text, "sop.toml").ok
    [(line, col, code, english)] = format_findings(text)
    assert (code, line, col) == ("SOP022", 6, 1)
    assert "Actor id" in english


def test_every_problem_is_reported_once_each_at_its_line():
    text = replace('no = 1', 'no = "1"\nfoo = 2').replace('"15 menit"', '"segera"')
    result = load_text(text, "sop.toml")
    assert sorted((p.pos.line, p.kind) for p in result.problems) == [(9, "wrong-type"), (10, "unknown-key")]
    # the broken `no` is left out of the lenient model, so the rule reading waktu and `no` is skipped
    assert result.draft.broken == {"langkah.no"}
    assert [code for _, _, code, _ in format_findings(text)] == ["SOP010", "SOP011"]
    assert [code for _, _, code, _ in format_findings(text.replace('no = "1"', "no = 1"))] == ["SOP011", "SOP021"]


def test_problems_render_as_path_line_col_message():
    result = load_text("nama = \n", "sops/x.toml")
    assert result.problems[0].render("en").startswith("sops/x.toml:1:8: invalid TOML:")


def test_a_step_of_several_actors_loads_with_the_first_as_its_pelaksana():
    text = VALID.replace('camat = "CAMAT"', 'camat = "CAMAT"\nsekcam = "SEKCAM"').replace(
        'pelaksana = "camat"', 'pelaksana = ["camat", "sekcam"]')
    [step] = load_text(text, "sop.toml").sop.langkah
    assert (step.pelaksana, step.pelaksana_semua) == ("camat", ("camat", "sekcam"))
    [step] = load_text(VALID, "sop.toml").sop.langkah
    assert (step.pelaksana, step.pelaksana_semua) == ("camat", ("camat",))
    [step] = load_text(VALID.replace('pelaksana = "camat"\n', ""), "sop.toml").sop.langkah
    assert (step.pelaksana, step.pelaksana_semua) == (None, ())


@pytest.mark.parametrize("value, message, broken", [
    ("5", "`pelaksana` must be text or a list [ ... ], not a whole number", {"langkah.pelaksana"}),
    ('["camat", 5]', "`pelaksana` must be text, not a whole number", {"langkah.pelaksana"}),
])
def test_a_pelaksana_of_the_wrong_shape_is_a_structural_problem_at_its_place(value, message, broken):
    result = load_text(VALID.replace('pelaksana = "camat"', f"pelaksana = {value}"), "sop.toml")
    [problem] = result.problems
    assert (problem.kind, problem.pos.line, problem.message.en) == ("wrong-type", 11, message)
    assert result.draft.broken == broken
    # what is left of a list is kept: the id that was text
    assert result.draft.langkah[0].pelaksana_semua == (("camat",) if value.startswith("[") else ())
