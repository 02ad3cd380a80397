from soptui.rules.citation_title_mismatch import CitationTitleMismatch
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(CitationTitleMismatch)

FULL_53 = ("Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi "
           "Pemerintah")


def test_same_titles_pass_whatever_the_case_punctuation_and_abbreviations():
    tester.assert_valid(items(
        "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur di Lingkungan "
        "Pemerintah Provinsi dan Kabupaten/ Kota;",
        "PERATURAN PEMERINTAH NOMOR 8 TAHUN 2006 TENTANG PELAPORAN KEUANGAN DAN KINERJA INSTANSI PEMERINTAH",
        "Perka BKN 1/2013 tentang Ketentuan Pelaksanaan PP No. 46 Tahun 2011 tentang Penilaian Prestasi Kerja PNS",
        "PP 12/2019",  # no title: nothing to compare
        "Peraturan Bupati Lumajang Nomor 5 Tahun 2018 tentang Pedoman Penyusunan Perjanjian Kinerja",  # unknown
    ))


def test_truncated_and_different_titles():
    tester.assert_invalid(items(
        "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang "
        "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja",
        "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaksanaan Keuangan dan Kinerja Instansi Pemerintah",
    ), [
        {"line": 2, "pointer": "/dasar_hukum/0", "severity": "warning",
         "message": f'judul PermenPANRB 53/2014 terpotong; judul lengkapnya: "{FULL_53}"'},
        {"line": 3, "message": 'the title of PP 8/2006 differs from the registry: written "Pelaksanaan Keuangan dan '
                               'Kinerja Instansi Pemerintah", the registry has "Pelaporan Keuangan dan Kinerja '
                               'Instansi Pemerintah"; check the number and year too'},
    ])


def test_the_fix_completes_a_truncated_title_only():
    before = items(
        "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang "
        "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja;",
    )
    after = items(
        "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang "
        f"{FULL_53};",
    )
    tester.assert_fix(before, after, unsafe=True)
    tester.assert_fix(before, before)  # the registry has this title as well known, not re-read: unsafe
    different = items("Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaksanaan Keuangan")
    assert tester.findings(different)[0].fix is None
