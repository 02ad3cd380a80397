"""The format group: what the schema forbids but a model can hold, reported by ordinary rules."""

import pytest

from soptui.builtin import builtin_rules
from soptui.rules.empty_value import EmptyValue, is_blank
from soptui.rules.flow_symbol import FlowSymbol
from soptui.rules.pelaksana_id import PelaksanaId
from soptui.rules.waktu_format import WaktuFormat
from soptui.testing import RuleTester

STEPS = '''[pelaksana]
camat = "Camat"

[[langkah]]
no = 1
kegiatan = "Menerima berkas"
pelaksana = "camat"
kelengkapan = ["Berkas"]
waktu = "10 menit"
output = ["Berkas"]

[[langkah]]
no = 2
kegiatan = "Memeriksa berkas"
pelaksana = "camat"
kelengkapan = ["Berkas"]
waktu = "1 x 24 jam"
output = ["Berkas diperiksa"]
'''


def test_the_format_group_is_what_validate_runs():
    assert {cls.name for cls in builtin_rules() if cls.group == "format"} == {
        "empty-value", "waktu-format", "pelaksana-id", "flow-symbol"}


def test_blank_means_nothing_but_white_space():
    assert all(is_blank(value) for value in ("", " ", "\t", "\u3000", " \n "))
    assert not any(is_blank(value) for value in ("-", "x", None, 0))


def test_a_complete_file_has_no_blank_value():
    RuleTester(EmptyValue).assert_valid('alamat = "Jl. Raya 1"\nperingatan = ["Terlambat"]\n' + STEPS)


def test_blank_texts_and_items_are_reported_where_they_are():
    text = 'alamat = " "\nperingatan = ["Terlambat", ""]\n' + STEPS.replace(
        'kegiatan = "Memeriksa berkas"', 'kegiatan = ""').replace('output = ["Berkas diperiksa"]', 'output = ["", "Berkas"]')
    RuleTester(EmptyValue).assert_invalid(text, [
        {"line": 1, "pointer": "/alamat", "message": "the Address is blank"},
        {"line": 2, "pointer": "/peringatan/1", "message": "item 2 of Warnings is blank"},
        {"pointer": "/langkah/1/kegiatan", "message": "the Activity of step 2 is blank", "severity": "error"},
        {"pointer": "/langkah/1/output/0", "message": "item 1 of the Output of step 2 is blank"},
    ])


def test_a_blank_item_is_fixed_by_removing_it():
    RuleTester(EmptyValue).assert_fix('peringatan = ["Terlambat", " "]\n' + STEPS, 'peringatan = ["Terlambat"]\n' + STEPS)


def test_a_section_of_only_blanks_is_left_to_missing_section():
    RuleTester(EmptyValue).assert_valid('peringatan = [""]\n' + STEPS)


@pytest.mark.parametrize("waktu", ["10 menit", "2 Jam", "1,5 jam", "5-10 menit", "1 x 24 jam", "3 hr.",
                                   "5 (lima) Menit", "1-2 hari", "1 (satu) - 2 (dua) Hari"])
def test_a_readable_waktu_passes(waktu):
    RuleTester(WaktuFormat).assert_valid(STEPS.replace('"10 menit"', f'"{waktu}"'))


@pytest.mark.parametrize("waktu", ["segera", "abc", "10", "menit", "10 tahun"])
def test_an_unreadable_waktu_is_reported_at_its_line(waktu):
    RuleTester(WaktuFormat).assert_invalid(STEPS.replace('"10 menit"', f'"{waktu}"'), [
        {"line": 9, "step": 1, "pointer": "/langkah/0/waktu", "message": f"the Time {waktu!r} of step 1 cannot be read"}])


def test_a_number_spelt_out_in_brackets_is_read_as_the_number():
    from soptui.waktu import parse_waktu

    assert parse_waktu("5 (lima) Menit")[:3] == (5, 5, "menit")
    assert parse_waktu("1 (satu) - 2 (dua) hari")[:3] == (1, 2, "hari")


def test_a_blank_waktu_is_not_waktu_format_s():
    RuleTester(WaktuFormat).assert_valid(STEPS.replace('"10 menit"', '" "'))


def test_pelaksana_ids():
    RuleTester(PelaksanaId).assert_valid(STEPS.replace("camat =", "kasi_pem2 =").replace('"camat"', '"kasi_pem2"'))
    for bad in ('"Camat"', '"kasi pem"', '"1_staf"', '"kasi-pem"'):
        RuleTester(PelaksanaId).assert_invalid(STEPS.replace("camat =", f"{bad} =", 1), [
            {"line": 2, "message": "must be lowercase letters, digits and _"}])


def test_a_standard_simbol_in_capitals_is_fixed_to_lowercase():
    text = STEPS.replace('kegiatan = "Memeriksa berkas"', 'kegiatan = "Memeriksa berkas"\nsimbol = "Terminator"')
    RuleTester(FlowSymbol).assert_invalid(text, [{"message": "must be lowercase without spaces: 'terminator'"}])
    RuleTester(FlowSymbol).assert_fix(text, text.replace('"Terminator"', '"terminator"'))
    RuleTester(FlowSymbol).assert_invalid(text.replace('"Terminator"', '"lingkaran"'), [{"message": "is not allowed"}])
