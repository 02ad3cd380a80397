from soptui.rules.dasar_hukum_order import DasarHukumOrder, order_key
from soptui.citation import parse_citation
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(DasarHukumOrder)


def test_hierarchy_then_year_passes():
    tester.assert_valid(items(
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        "UU 25/2009 tentang Pelayanan Publik",
        "UU 23/2014 tentang Pemerintahan Daerah",
        "PP 8/2006",
        "PP 12/2019",
        "Perpres 29/2014",
        "KepmenPAN KEP/135/M.PAN/9/2004",
        "Permendagri 52/2011",
        "PermenPANRB 25/2012",
        "Perka BKN 1/2013",
        "Peraturan Daerah Provinsi Kalimantan Selatan Nomor 2 Tahun 2019",
        "Peraturan Daerah Kabupaten Balangan Nomor 3 Tahun 2016",
        "Perbup Lumajang 5/2018",
        "Keputusan Bupati Lumajang Nomor 1 Tahun 2017",
        "Keputusan Camat Sumbersuko Nomor 2 Tahun 2023",
        "Peraturan perundang-undangan yang berlaku",  # unreadable: skipped
    ))


def test_lampihong_order():
    found = tester.assert_invalid(items(
        "Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.",
        "Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 Tentang Pengelolaan Keuangan Daerah",
        "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur",
        "Permendagri No. 73 tahun 2009 tentang tata cara pelaksanaan evaluasi kinerja",
        "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
        "Peraturan Kepala Badan Kepegawaian Negara Nomor 1 Tahun 2013",
    ), [
        {"line": 5, "pointer": "/dasar_hukum/3", "severity": "info",
         "message": "butir 4 (Permendagri 73/2009) seharusnya sebelum butir 3 (Permendagri 52/2011): pada tingkat "
                    "yang sama, yang lebih lama lebih dulu"},
        {"line": 6, "message": "item 5 (PP 46/2011) should come before item 2 (PP 12/2019): within a level, older "
                               "first"},
    ])
    assert found[0].fix is not None


def test_level_before_year_and_provinces_first():
    tester.assert_invalid(items("Permendagri 52/2011", "PP 12/2019"), [
        {"message": "butir 2 (PP 12/2019) seharusnya sebelum butir 1 (Permendagri 52/2011): PP lebih tinggi dari "
                    "peraturan menteri/lembaga"},
    ])
    tester.assert_invalid(items("Perda Kabupaten Balangan 3/2016", "Perda Provinsi Kalimantan Selatan 2/2019"), [
        {"message": "provincial regulations come first"},
    ])
    assert order_key(parse_citation("Pergub Jawa Timur 1/2020")) < order_key(parse_citation("Perbup Lumajang 1/2018"))


def test_the_fix_orders_every_item():
    tester.assert_fix(
        items("Permendagri 73/2009", "Permendagri 52/2011", "PP 46/2011", "UU 23/2014"),
        items("UU 23/2014", "PP 46/2011", "Permendagri 73/2009", "Permendagri 52/2011"),
    )


def test_no_fix_when_an_item_cannot_be_read():
    found = tester.findings(items("Permendagri 52/2011", "PP 12/2019", "Peraturan yang berlaku"))
    assert len(found) == 1 and found[0].fix is None
