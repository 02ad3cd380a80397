from soptui.registry import Registry, read_registry_text
from soptui.rules.wrong_regulation_type import WrongRegulationType
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(WrongRegulationType)


def test_right_types_and_unknown_regulations_pass():
    tester.assert_valid(items(
        "Peraturan Presiden nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
        # same number and year as PP 12/2019, another title: not the same regulation
        "Peraturan Menteri Dalam Negeri Nomor 12 Tahun 2019 tentang Pengawasan Pemerintahan Daerah",
        # same number and year, no title to compare
        "Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2012",
    ))


def test_awayan_permendagri_29_2014_is_the_perpres():
    tester.assert_invalid(items(
        "Peraturan Menteri Dalam Negeri Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
    ), [
        {"line": 2, "col": 3, "pointer": "/dasar_hukum/0", "severity": "warning",
         "message": "Permendagri 29/2014 yang dikutip adalah Peraturan Presiden, bukan Peraturan Menteri Dalam Negeri: "
                    "tulis Perpres 29/2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah "
                    "(registri: terverifikasi)"},
    ])


def test_a_known_miscitation_needs_no_title():
    tester.assert_invalid(items("Permendagri 29/2014"), [{"message": "is of type Peraturan Presiden, not Peraturan Menteri Dalam Negeri"}])


def test_a_matching_title_of_another_type_and_its_status():
    tester.assert_invalid(items(
        "Peraturan Presiden Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja PNS",
        "Permendagri 5/2014 tentang Aparatur Sipil",  # truncated title of UU 5/2014
    ), [
        {"line": 2, "message": "tulis PP 46/2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil (registri: "
                               "terverifikasi); peraturan itu dicabut, penggantinya PP 30/2019"},
        {"line": 3, "message": "the cited Permendagri 5/2014 is of type Undang-Undang"},
    ])


def test_a_kabupaten_registry_extends_the_check():
    extra = read_registry_text(
        '[[regulation]]\nkind = "perbup"\nregion = "Balangan"\nnomor = "3"\ntahun = 2021\n'
        'judul = "Tim SAKIP"\nstatus = "in_force"\nconfidence = "verified"\nsource = "s"\n', "b.toml")
    RuleTester(WrongRegulationType, registry=Registry(extra)).assert_invalid(
        items("Keputusan Bupati Balangan Nomor 3 Tahun 2021 tentang Tim SAKIP"), [{"message": "Peraturan Bupati"}])
    tester.assert_valid(items("Keputusan Bupati Balangan Nomor 3 Tahun 2021 tentang Tim SAKIP"))  # not shipped
