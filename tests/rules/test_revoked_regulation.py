from soptui.rules.revoked_regulation import RevokedRegulation
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(RevokedRegulation)


def test_regulations_in_force_pass():
    tester.assert_valid(items(
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil",
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
        "Peraturan Bupati Lumajang Nomor 5 Tahun 2018 tentang Pedoman Penyusunan Perjanjian Kinerja",
        "Peraturan perundang-undangan yang berlaku",
    ))


def test_a_verified_revocation_is_an_error_naming_the_replacement_and_the_confidence():
    tester.assert_invalid(items(
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
        "UU No. 5 Tahun 2014 tentang ASN",
        "PermenPAN-RB No. 12 Tahun 2015",
    ), [
        {"line": 3, "col": 3, "pointer": "/dasar_hukum/1", "severity": "error",
         "message": "PP 46/2011 sudah dicabut; penggantinya PP 30/2019 tentang Penilaian Kinerja Pegawai Negeri "
                    "Sipil (registri: terverifikasi)"},
        {"line": 4, "message": "UU 5/2014 was revoked; replaced by UU 20/2023 tentang Aparatur Sipil Negara "
                               "(registry: verified)"},
        {"line": 5, "message": "PermenPANRB 88/2021"},
    ])


def test_revocations_that_are_not_verified_are_left_to_superseded_regulation():
    tester.assert_valid(items(
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah",
        "Peraturan Kepala BKN Nomor 1 Tahun 2013",
        "Permendagri No. 73 tahun 2009",
    ))
