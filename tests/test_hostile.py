"""Hostile input: every case one clear message (and, from the command line, exit 2), never a
traceback, an internal error or a hang."""

import datetime as dt
import time

import pytest

from soptui.loading.loader import load_text
from soptui.rules.missing_pengesahan import nip_problems
from soptui.waktu import parse_waktu, total
from test_cli import CLEAN, corpus, lint  # noqa: F401 - corpus is a fixture


@pytest.mark.parametrize("old, new, line", [
    ('nama = "Pengumpulan Data"', "nama = 2023-07-26T00:00", 2),
    ('dasar_hukum = ["', 'dasar_hukum = [2023-07-26, "', 4),
    ('kegiatan = "Mengumpulkan data"', "kegiatan = 10:00:00", 24),
])
def test_a_date_where_text_is_expected_is_one_load_problem_at_its_line(old, new, line):
    result = load_text(CLEAN.replace(old, new), "sop.toml")
    assert result.sop is None
    assert [p.pos.line for p in result.problems] == [line]
    assert "date or time where text is expected" in result.problems[0].message.en


def test_a_date_where_text_is_expected_exits_2_without_an_internal_error(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN.replace('nama = "Pengumpulan Data"', "nama = 2023-07-26T00:00"))
    assert lint(corpus, "--no-cache") == 2
    out = capsys.readouterr().out
    assert "load-error" in out and "internal-error" not in out
    from soptui.cli import main

    assert main(["validate", str(corpus)]) == 1  # not "valid"


@pytest.mark.parametrize("today", [dt.date(2024, 2, 29), dt.date(2028, 2, 29)])
def test_the_nip_check_runs_on_29_february(today):
    assert nip_problems("197012081992031007", today) == []


def test_a_nip_with_a_superscript_digit_is_not_18_digits():
    [problem] = nip_problems("19701208199203100\u00b2", dt.date(2024, 5, 1))
    assert "18 digits" in problem.en


def test_a_four_hundred_digit_waktu_is_not_a_duration_and_totals_still_print():
    assert parse_waktu("9" * 400 + " menit") is None
    assert parse_waktu("9" * 200 + " x " + "9" * 200 + " menit") is None
    assert total([parse_waktu("10 menit"), parse_waktu("999999999999 jam")]) .startswith("999999999999 jam")


@pytest.mark.parametrize("depth", [150, 600, 5000])
def test_deep_dotted_keys_are_one_problem_quickly(depth):
    started = time.perf_counter()
    result = load_text(".".join(["a"] * depth) + " = 1\n" + CLEAN, "sop.toml")
    assert time.perf_counter() - started < 2
    assert [p.pos for p in result.problems] == [(1, 1)]
    assert "nested too deep" in result.problems[0].message.en


def test_dotted_keys_within_the_limit_load_as_before():
    result = load_text(CLEAN + "\n[x]\n" + ".".join(["a"] * 50) + " = 1\n", "sop.toml")
    assert all("too deep" not in p.message.en for p in result.problems)
