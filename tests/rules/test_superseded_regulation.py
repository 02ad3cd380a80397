import datetime as dt

from soptui.rules.superseded_regulation import SupersededRegulation
from soptui.testing import RuleTester

from .conftest import items

tester = RuleTester(SupersededRegulation)


def test_regulations_in_force_and_verified_revocations_pass():
    tester.assert_valid(items(
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
        "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur",
        "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
        "PermenPANRB 88/2021",
    ))


def test_sumbersuko_regimes_are_superseded_with_what_is_known():
    tester.assert_invalid(items(
        "Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/135/M.PAN/9/2004 tentang Pedoman Umum Evaluasi "
        "Laporan Akuntabilitas Kinerja Instansi Pemerintah.",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2012 tentang "
        "Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah;",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 20 Tahun 2013 tentang "
        "Perubahan Lampiran",
    ), [
        {"line": 2, "pointer": "/dasar_hukum/0", "severity": "warning",
         "message": "KepmenPAN KEP/135/M.PAN/9/2004 sudah diganti; penggantinya PermenPANRB 13/2010, PermenPANRB "
                    "25/2012, PermenPANRB 12/2015, dan yang terakhir PermenPANRB 88/2021 tentang Evaluasi "
                    "Akuntabilitas Kinerja Instansi Pemerintah (registri: rantai penggantian belum dipastikan)"},
        {"line": 3, "message": "PermenPANRB 25/2012 has been superseded; replaced by PermenPANRB 12/2015, and last "
                               "by PermenPANRB 88/2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah "
                               "(registry: secondary source)"},
        {"line": 4, "message": "PermenPANRB 20/2013 sudah diganti"},
    ])


def test_a_revocation_known_only_as_well_known_is_a_warning():
    tester.assert_invalid(items("UU 32/2004 tentang Pemerintahan Daerah"), [
        {"message": "UU 32/2004 sudah dicabut; penggantinya UU 23/2014 tentang Pemerintahan Daerah "
                    "(registri: umum diketahui, belum dibaca ulang)"},
    ])


def test_an_expired_period_counts_only_once_it_is_over():
    fragment = items("Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025")
    tester.assert_invalid(fragment, [
        {"message": "masa berlaku Perpres 81/2010 berakhir pada 2025; penggantinya belum diketahui "
                    "(registri: terverifikasi)"},
    ])
    RuleTester(SupersededRegulation, today=dt.date(2024, 6, 1)).assert_valid(fragment)


def test_a_rule_asked_again_with_another_date_or_registry_answers_for_that_one():
    """Each citation's answer is remembered (`RegistryRule`): for the registry and date it was
    given for, not for the next ones."""
    from soptui.checker.rule import Context
    from soptui.loading.loader import load_text
    from soptui.registry import Registry

    text = 'nama = "A"\nunit = "B"\n' + items("Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design "
                                               "Reformasi Birokrasi 2010-2025") + '[[langkah]]\nno = 1\nkegiatan = "Memulai"\n'
    sop = load_text(text, "x.toml").sop
    rule = SupersededRegulation()
    later = Context(today=dt.date(2026, 6, 1))
    assert len(list(rule.check(sop, later))) == 1
    assert not list(rule.check(sop, Context(today=dt.date(2024, 6, 1))))
    assert not list(rule.check(sop, Context(today=dt.date(2026, 6, 1), registry=Registry())))
    assert len(list(rule.check(sop, later))) == 1
