import pytest

from soptui.rules.signer_unit import SignerUnit, jabatan_place, unit_place
from soptui.testing import RuleTester

tester = RuleTester(SignerUnit)


def signed(unit, jabatan):
    return f'unit = "{unit}"\n[disahkan_oleh]\njabatan = "{jabatan}"\n'


@pytest.mark.parametrize("unit, jabatan", [
    ("Kecamatan Awayan", "CAMAT AWAYAN"),
    ("Kecamatan Sumbersuko", "CAMAT SUMBERSUKO Kabupaten Lumajang"),
    ("Kec. Sumber Suko", "Camat Sumbersuko"),
    ("Kecamatan Tebing Tinggi", "Plt. Camat Kec. Tebing-Tinggi"),
    ("Kelurahan Sukamaju", "Lurah Sukamaju"),
    ("Kecamatan Awayan", "Camat"),  # no place named: nothing to compare
    ("Dinas Sosial", "Kepala Dinas Sosial"),  # not a kecamatan, kelurahan or desa unit
])
def test_the_unit_own_name_passes(unit, jabatan):
    tester.assert_valid(signed(unit, jabatan))


def test_a_misspelled_unit_and_another_unit():
    tester.assert_invalid(signed("Kecamatan Lampihong", "Camat Lamphong"), [
        {"line": 3, "severity": "warning", "message": "writes 'Lamphong', the SOP's unit is 'Lampihong': a misspelling?"}])
    tester.assert_invalid(signed("Kecamatan Lampihong", "Camat Awayan"), [
        {"line": 3, "message": "names 'Awayan', not the SOP's unit 'Kecamatan Lampihong'"}])


def test_places():
    assert unit_place("Kecamatan Lampihong") == "Lampihong"
    assert jabatan_place("Kepala Desa Batu Mandi") == "Batu Mandi"
    assert jabatan_place("Sekretaris Kecamatan Juai") == "Juai"
    assert jabatan_place("Camat") is None
