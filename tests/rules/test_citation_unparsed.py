from soptui.rules.citation_unparsed import CitationUnparsed
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(CitationUnparsed)


def test_readable_citations_pass():
    tester.assert_valid(items(
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        "UU No. 23/2014 tentang Pemerintahan Daerah",
        "Peraturan Kepala Badan Kepegawaian Negara Nomor 1 Tahun 2013 Tentang Ketentuan Pelaksanaan Peraturan "
        "Pemerintah Nomor 46 Tahun 2011 Tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
        "UU 23/2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan UU No. 2/2015, UU No. 9/2015",
    ))


def test_no_dasar_hukum_passes():
    tester.assert_valid('nama = "SOP Contoh"\n')


def test_unreadable_items():
    tester.assert_invalid(items(
        "Peraturan perundang-undangan yang berlaku",
        "Peraturan Pemerintah tentang Pengelolaan Keuangan Daerah",
        "Peraturan Presiden Nomor 29 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    ), [
        {"line": 2, "col": 3, "pointer": "/dasar_hukum/0", "severity": "warning",
         "message": "not a recognisable citation"},
        {"line": 3, "message": "Peraturan Pemerintah: nomor dan tahun tidak terbaca"},
        {"line": 4, "message": "Peraturan Presiden: the year cannot be read"},
    ])


def test_two_citations_in_one_item():
    tester.assert_invalid(items(
        "Peraturan Menteri Dalam Negeri Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
        "Pemerintah;2. Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
    ), [
        {"message": "butir ini memuat 2 peraturan (Permendagri 29/2014, PP 12/2019): tulis satu peraturan per butir"},
    ])
