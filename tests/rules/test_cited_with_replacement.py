from soptui.rules.cited_with_replacement import CitedWithReplacement
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(CitedWithReplacement)


def test_an_old_regulation_alone_or_beside_unrelated_ones_passes():
    tester.assert_valid(items("UU 32/2004 tentang Pemerintahan Daerah", "PP 12/2019"))
    tester.assert_valid(items("UU 23/2014", "UU 25/2009"))
    tester.assert_valid(items("PermenPANRB 25/2012", "PermenPANRB 20/2013"))  # an amendment, not a replacement


def test_a_revoked_law_beside_its_replacement():
    tester.assert_invalid(items(
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah",
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    ), [
        {"line": 2, "pointer": "/dasar_hukum/0", "severity": "warning",
         "message": "UU 32/2004 (dicabut) dikutip bersama penggantinya, butir 2 (UU 23/2014): hapus UU 32/2004 "
                    "(registri: umum diketahui, belum dibaca ulang)"},
    ])


def test_replacements_further_down_the_chain_count():
    tester.assert_invalid(items(
        "KepmenPAN KEP/135/M.PAN/9/2004",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2012",
        "Perka BKN 1/2013",
        "PermenPANRB 6/2022",
    ), [
        {"line": 2, "message": "KepmenPAN KEP/135/M.PAN/9/2004 (superseded) is cited beside its replacement, item 2 "
                               "(PermenPANRB 25/2012)"},
        {"line": 4, "message": "Perka BKN 1/2013 (sudah diganti) dikutip bersama penggantinya, butir 4 "
                               "(PermenPANRB 6/2022)"},
    ])
