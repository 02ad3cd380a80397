from soptui.rules.duplicate_citation import DuplicateCitation
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(DuplicateCitation)


def test_distinct_citations_pass():
    tester.assert_valid(items(
        "PP 12/2019", "Permendagri 12/2019", "Perbup Lumajang 5/2018", "Perbup Banyumas 5/2018",
        "Peraturan yang berlaku", "Peraturan lain yang berlaku",
    ))


def test_the_same_regulation_twice_whatever_the_wording():
    found = tester.assert_invalid(items(
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "PP No. 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
        "Kepmenpan 135/2004",
        "Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/135/M.PAN/9/2004",
        "Peraturan yang berlaku;",
        "peraturan yang berlaku",
    ), [
        {"line": 4, "pointer": "/dasar_hukum/2", "severity": "warning",
         "message": "PP 12/2019 sudah dikutip di butir 1 (PP 12/2019)"},
        {"line": 6, "message": "KepmenPAN KEP/135/M.PAN/9/2004 is already cited at item 4 (KepmenPAN 135/2004)"},
        {"line": 8, "message": "sudah dikutip di butir 6 (Peraturan yang berlaku;)"},
    ])
    # the same text but for abbreviations and punctuation: removable; another wording of KEP/135: not
    assert [f.fix is not None for f in found] == [True, False, True]


def test_the_fix_removes_an_identical_repeat():
    tester.assert_fix(items("UU 23/2014", "PP 12/2019", "UU 23/2014."), items("UU 23/2014", "PP 12/2019"))
