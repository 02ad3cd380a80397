"""Month-only dates: the value type, how the loader, the schema and the importer read them."""

import datetime as dt

import pytest

from soptui.exporting.identity import indonesian_date
from soptui.importing.fields import read_date
from soptui.loading import schema
from soptui.loading.loader import load_text
from soptui.model import MonthDate, date_order
from soptui.tanggal import parse_iso, parse_printed

BASE = 'nama = "X"\nunit = "Kecamatan Contoh"\n{dates}\n[[langkah]]\nno = 1\nkegiatan = "Menerima berkas"\n'


def test_month_date_reads_writes_and_orders_at_the_shared_precision():
    september = MonthDate.fromisoformat("2019-09")
    assert (september.year, september.month, september.isoformat(), str(september)) == (2019, 9, "2019-09", "2019-09")
    assert parse_iso("2019-09") == september and parse_iso("2019-09-01") == dt.date(2019, 9, 1)
    assert date_order(september, dt.date(2019, 9, 15)) == 0  # not known to differ
    assert date_order(dt.date(2019, 8, 31), september) == -1
    assert date_order(MonthDate(2019, 10), september) == 1
    assert date_order(dt.date(2019, 9, 2), dt.date(2019, 9, 1)) == 1
    with pytest.raises(TypeError):  # a month is not mistaken for its first day
        assert september < dt.date(2019, 9, 15)
    for wrong in ("2019-13", "2019-9", "2019-00", "September 2019"):
        with pytest.raises(ValueError):
            MonthDate.fromisoformat(wrong)


@pytest.mark.parametrize("printed, value", [
    ("September 2019", MonthDate(2019, 9)), ("Sept 2019", MonthDate(2019, 9)), ("Sept. 2019", MonthDate(2019, 9)),
    ("Agt 2020", MonthDate(2020, 8)), ("AGUSTUS 2020", MonthDate(2020, 8)), ("Bulan Maret 2020", MonthDate(2020, 3)),
    ("Nopember 2018", MonthDate(2018, 11)), ("26 Juli 2023", dt.date(2023, 7, 26)), ("5 Agt 2021", dt.date(2021, 8, 5)),
    ("1 Sept. 2019", dt.date(2019, 9, 1)), ("26-07-2023", dt.date(2023, 7, 26)), ("2019", None), ("Juli", None),
])
def test_printed_dates(printed, value):
    assert parse_printed(printed) == value
    assert read_date(printed).date == value


def test_the_importer_keeps_a_month_only_date_and_says_so():
    reading = read_date("September 2019")
    assert reading.date == MonthDate(2019, 9) and "month only" in reading.note


def test_the_exporter_prints_a_month_only_date_as_the_document_did():
    assert indonesian_date(MonthDate(2019, 9)) == "September 2019"
    assert indonesian_date(dt.date(2019, 9, 5)) == "5 September 2019"


def test_a_year_month_loads_as_a_month_date_and_a_full_date_stays_a_date():
    result = load_text(BASE.format(dates='tanggal_pembuatan = "2019-09"\ntanggal_efektif = 2019-09-15'), "s.toml")
    assert result.problems == ()
    assert result.sop.tanggal_pembuatan == MonthDate(2019, 9)
    assert result.sop.tanggal_efektif == dt.date(2019, 9, 15)


def test_a_quoted_full_date_is_still_date_as_text_and_a_bad_month_is_no_date():
    quoted = load_text(BASE.format(dates='tanggal_pembuatan = "2019-09-01"'), "s.toml")
    [problem] = quoted.problems
    assert (problem.kind, problem.replacement) == ("date-as-text", (dt.date(2019, 9, 1),))
    assert quoted.draft.tanggal_pembuatan == dt.date(2019, 9, 1)
    for text in ('"2019-13"', '"September 2019"', '"2019-9"'):
        result = load_text(BASE.format(dates=f"tanggal_revisi = {text}"), "s.toml")
        [problem] = result.problems
        assert problem.kind == "date-as-text" and problem.pos.line == 3, text
        assert 'a month only as text, e.g. "2023-07"' in problem.message.en
        assert result.draft.tanggal_revisi is None
    [problem] = load_text(BASE.format(dates="tanggal_revisi = 2019"), "s.toml").problems
    assert problem.kind == "wrong-type" and "must be a date, not a whole number" in problem.message.en


def test_the_schema_accepts_a_year_month_and_both_validators_agree():
    for value, valid in (("2019-09", True), ("2019-09-01", True), ("2019-13", False), ("Sept 2019", False)):
        instance = {"nama": "X", "unit": "U", "tanggal_efektif": value, "langkah": [{"no": 1, "kegiatan": "K"}]}
        assert schema.is_valid(instance) is valid, value
        assert (schema.violations(instance) == []) is valid, value


def test_revision_date_compares_a_month_only_revision_by_its_month():
    from soptui.checker.rule import Context
    from soptui.rules.revision_date import RevisionDate
    from soptui.testing import FIXED_TODAY, RuleTester, complete

    def findings(before: str, now: str):
        old, _ = complete(f"tanggal_revisi = {before}\nalamat = \"lama\"\n")
        tester = RuleTester(RevisionDate, context=Context(today=FIXED_TODAY, previous_text={"sop.toml": old}))
        return tester.findings(f"tanggal_revisi = {now}\nalamat = \"baru\"\n")

    assert findings("2023-07-26", '"2023-08"') == []  # a later month
    assert findings('"2023-07"', "2023-08-02") == []
    [finding] = findings("2023-07-26", '"2023-07"')  # the same month: not known to be later
    assert "did not move forward (was 2023-07-26)" in finding.message.en
    [finding] = findings('"2023-07"', '"2023-07"')
    assert "(was 2023-07)" in finding.message.en
