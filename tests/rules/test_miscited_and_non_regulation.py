from soptui.rules.miscited_regulation import MiscitedRegulation
from soptui.rules.non_regulation_basis import NonRegulationBasis
from soptui.rules.revoked_regulation import RevokedRegulation
from soptui.testing import RuleTester

from .conftest import items


def test_right_numbers_and_unknown_titles_pass():
    RuleTester(MiscitedRegulation).assert_valid(items(
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Peraturan Pemerintah Nomor 99 Tahun 2018 tentang Sesuatu Yang Tidak Dikenal",
    ))


def test_a_miscited_year_and_number_name_the_regulation_meant():
    RuleTester(MiscitedRegulation).assert_invalid(items(
        "Peraturan Pemerintah Nomor 12 Tahun 2018 tentang Pengelolaan Keuangan Daerah",
        "UU No. 29 Tahun 2009 tentang Pelayanan Publik",
    ), [
        {"line": 2, "message": "PP 12/2018 on \"Pengelolaan Keuangan Daerah\": that title is PP 12/2019's; wrong year?"},
        {"line": 3, "message": "wrong number? write UU 25/2009 tentang Pelayanan Publik"},
    ])


def test_two_regulations_in_one_item_are_both_checked():
    RuleTester(RevokedRegulation).assert_invalid(items(
        "UU No. 23 Tahun 2014 dan PP No. 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
    ), [{"line": 2, "message": "PP 46/2011 was revoked"}])


def test_regulations_pass_surat_edaran_and_instruksi_do_not():
    tester = RuleTester(NonRegulationBasis)
    tester.assert_valid(items("Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
                              "Keputusan Bupati Balangan Nomor 5 Tahun 2020 tentang Tim"))
    tester.assert_invalid(items(
        "Surat Edaran Menteri PANRB Nomor 10 Tahun 2020 tentang Penyesuaian Sistem Kerja",
        "Instruksi Presiden Nomor 7 Tahun 1999 tentang Akuntabilitas Kinerja Instansi Pemerintah",
        "Surat Edaran Bupati tentang Jam Kerja",
    ), [
        {"line": 2, "severity": "warning", "message": "a Surat Edaran (circular) is not a regulation"},
        {"line": 3, "message": "Instruksi Presiden bukan peraturan perundang-undangan"},
        {"line": 4, "message": "is not a regulation"},
    ])


def test_a_model_built_by_hand_with_a_list_of_citations_is_still_checked():
    # The rules of the kind walk a file's citations once, cached by the (hashable) tuple the
    # loader makes; a list, as an API caller may build, is walked without the cache.
    from soptui.checker.rule import Context
    from soptui.citation import parse_citation
    from soptui.model import Sop, Step

    cited = [parse_citation("UU No. 23 Tahun 2014 dan PP No. 46 Tahun 2011 tentang Penilaian Prestasi Kerja")]
    sop = Sop(path="a.toml", nama="A", unit="B", langkah=(Step(0, 1, "Memeriksa"),), dasar_hukum=cited)
    found = list(RevokedRegulation({}).check(sop, Context()))
    assert [v.message.en.split(";")[0] for v in found] == ["PP 46/2011 was revoked"]
