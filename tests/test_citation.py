"""The citation parser: every dasar hukum line of the seeds, and the variants real documents write."""

import pytest

from soptui.citation import (
    KINDS, Citation, normalise_title, parse_citation, region_key, sequence_number, short_label, split_merged,
)

# Every dasar hukum line of the seeds (../shared/seeds), exactly as extracted, with what it cites:
# (line, kind, nomor, tahun, judul, region)
SEED_LINES = [
    # 000: Lampihong
    ("1. Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.",
     "uu", "23", 2014, "Pemerintahan Daerah", None),
    ("2. Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 Tentang Pengelolaan Keuangan Daerah",
     "pp", "12", 2019, "Pengelolaan Keuangan Daerah", None),
    ("3. Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur Di Lingkungan "
     "Pemerintah Provinsi dan Kabupaten/Kota",
     "permendagri", "52", 2011,
     "Standar Operasional Prosedur Di Lingkungan Pemerintah Provinsi dan Kabupaten/Kota", None),
    ("4. Permendagri No. 73 tahun 2009 tentang tata cara pelaksanaan evaluasi kinerja penyelenggaraan "
     "pemerintahan daerah",
     "permendagri", "73", 2009, "tata cara pelaksanaan evaluasi kinerja penyelenggaraan pemerintahan daerah", None),
    ("5. Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
     "pp", "46", 2011, "Penilaian Prestasi Kerja Pegawai Negeri Sipil", None),
    ("6. Peraturan Kepala Badan Kepegawaian Negara Nomor 1 Tahun 2013 Tentang Ketentuan Pelaksanaan Peraturan "
     "Pemerintah Nomor 46 Tahun 2011 Tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
     "perka_bkn", "1", 2013,
     "Ketentuan Pelaksanaan Peraturan Pemerintah Nomor 46 Tahun 2011 Tentang Penilaian Prestasi Kerja Pegawai "
     "Negeri Sipil", None),
    ("7. Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 86 Tahun 2017 Tentang Tata Cara Perencanaan, "
     "Pengendalian Dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah Tentang Rencana "
     "Pembangunan Jangka Panjang Daerah Dan Rencana Pembangunan Jangka Menengah Daerah, Serta Tata Cara Perubahan "
     "Rencana Pembangunan",
     "permendagri", "86", 2017,
     "Tata Cara Perencanaan, Pengendalian Dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan "
     "Daerah Tentang Rencana Pembangunan Jangka Panjang Daerah Dan Rencana Pembangunan Jangka Menengah Daerah, "
     "Serta Tata Cara Perubahan Rencana Pembangunan", None),
    # 001, second document: Awayan 071/02 (its fifth item is printed "2.")
    ("1. Peraturan Pemerintah Republik Indonesia Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai "
     "Negeri Sipil;",
     "pp", "46", 2011, "Penilaian Prestasi Kerja Pegawai Negeri Sipil", None),
    ("2. Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
     "pp", "12", 2019, "Pengelolaan Keuangan Daerah", None),
    ("3. Peraturan Menteri Dalam Negeri Nomor 73 tahun 2009 tentang Tata Cara Pelaksanaan Evaluasi Kinerja "
     "Penyelenggaraan Pemerintahan Daerah;",
     "permendagri", "73", 2009, "Tata Cara Pelaksanaan Evaluasi Kinerja Penyelenggaraan Pemerintahan Daerah", None),
    ("4. Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur di Lingkungan "
     "Pemerintah Provinsi dan Kabupaten/ Kota;",
     "permendagri", "52", 2011,
     "Standar Operasional Prosedur di Lingkungan Pemerintah Provinsi dan Kabupaten/ Kota", None),
    ("2. Peraturan Kepala Badan Kepegawaian Negara Nomor 1 Tahun 2013 tentang Ketentuan Pelaksanaan Peraturan "
     "Pemerintah Nomor 46 Tahun 2011 Tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil.",
     "perka_bkn", "1", 2013,
     "Ketentuan Pelaksanaan Peraturan Pemerintah Nomor 46 Tahun 2011 Tentang Penilaian Prestasi Kerja Pegawai "
     "Negeri Sipil", None),
    # 003: Sumbersuko
    ("1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Tahun 2014 Nomor 244, "
     "Tambahan Lembaran Negara Nomor 5587);",
     "uu", "23", 2014, "Pemerintahan Daerah", None),
    ("2. Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah "
     "(Lembaran Negara Tahun 2006 Nomor 25, Tambahan Lembaran Negara Nomor 4614);",
     "pp", "8", 2006, "Pelaporan Keuangan dan Kinerja Instansi Pemerintah", None),
    ("3. Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025;",
     "perpres", "81", 2010, "Grand Design Reformasi Birokrasi 2010-2025", None),
    ("4. Peraturan Presiden nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
     "perpres", "29", 2014, "Sistem Akuntabilitas Kinerja Instansi Pemerintah", None),
    ("5. Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/135/M.PAN/9/2004 tentang Pedoman Umum Evaluasi "
     "Laporan Akuntabilitas Kinerja Instansi Pemerintah.",
     "kepmenpan", "KEP/135/M.PAN/9/2004", 2004,
     "Pedoman Umum Evaluasi Laporan Akuntabilitas Kinerja Instansi Pemerintah", None),
    ("6. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2012 tentang "
     "Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah;",
     "permenpanrb", "25", 2012, "Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah", None),
    ("7. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 20 Tahun 2013 tentang "
     "Perubahan Lampiran Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun "
     "2012 Tentang Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah;",
     "permenpanrb", "20", 2013,
     "Perubahan Lampiran Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun "
     "2012 Tentang Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah", None),
    ("8. Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
     "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja",
     "permenpanrb", "53", 2014, "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja", None),
    # 004: Wangon (printed "tentang tentang")
    ("1. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang tentang Tata Cara Perencanaan, Pengendalian "
     "dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah Tentang Rencana Pembangunan "
     "Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah, Serta Tata Cara Perubahan Rencana "
     "Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah "
     "Daerah.",
     "permendagri", "86", 2017,
     "Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan "
     "Daerah Tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah, "
     "Serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah "
     "Daerah, dan Rencana Kerja Pemerintah Daerah", None),
    ("2. Peraturan Bupati Banyumas Nomor 68 tahun 2018 Tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi, "
     "serta Tata Kerja Kecamatan Banyumas.",
     "perbup", "68", 2018,
     "Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja Kecamatan Banyumas", "Banyumas"),
]

# Lines that hold several items, as the extraction left them.
AWAYAN_071_03 = (
    '<ol style="list-style-type: none">1. Peraturan Menteri Dalam Negeri Nomor 29 Tahun 2014 tentang Sistem '
    "Akuntabilitas Kinerja Instansi Pemerintah;2. Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 "
    "tentang Pengelolaan Keuangan Daerah;3. Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar "
    "Operasional Prosedur di Lingkungan Pemerintah Provinsi dan Kabupaten/ Kota;"
)
SUMBERSUKO_9_10 = (
    "<p>9. Peraturan Bupati Lumajang Nomor 5 Tahun 2018 tentang Pedoman Penyusunan Perjanjian Kinerja;</p> "
    "<p>10. Peraturan Bupati Lumajang Nomor 6 Tahun 2018 tentang Pedoman Penyusunan Pelaporan Kinerja.</p>\t"
)


def read(citation: Citation) -> tuple:
    return citation.kind, citation.nomor, citation.tahun, citation.judul, citation.region


@pytest.mark.parametrize("line, kind, nomor, tahun, judul, region", SEED_LINES,
                         ids=[f"{i}-{line[3:30]}" for i, (line, *_) in enumerate(SEED_LINES)])
def test_every_seed_line(line, kind, nomor, tahun, judul, region):
    citation = parse_citation(line)
    assert read(citation) == (kind, nomor, tahun, judul, region)
    assert citation.text == line and citation.recognised
    assert split_merged(line) == [line]  # one citation each


def test_awayan_071_03_items_merged_by_the_extraction():
    pieces = split_merged(AWAYAN_071_03)
    assert [read(parse_citation(p)) for p in pieces] == [
        ("permendagri", "29", 2014, "Sistem Akuntabilitas Kinerja Instansi Pemerintah", None),
        ("pp", "12", 2019, "Pengelolaan Keuangan Daerah", None),
        ("permendagri", "52", 2011,
         "Standar Operasional Prosedur di Lingkungan Pemerintah Provinsi dan Kabupaten/ Kota", None),
    ]


def test_sumbersuko_items_9_and_10_merged_by_the_extraction():
    pieces = split_merged(SUMBERSUKO_9_10)
    assert [read(parse_citation(p)) for p in pieces] == [
        ("perbup", "5", 2018, "Pedoman Penyusunan Perjanjian Kinerja", "Lumajang"),
        ("perbup", "6", 2018, "Pedoman Penyusunan Pelaporan Kinerja", "Lumajang"),
    ]


def test_short_labels_of_the_seeds():
    assert parse_citation(SEED_LINES[4][0]).short() == "PP 46/2011"
    assert parse_citation(SEED_LINES[16][0]).short() == "KepmenPAN KEP/135/M.PAN/9/2004"
    assert parse_citation(SEED_LINES[-1][0]).short() == "Perbup Banyumas 68/2018"
    assert parse_citation(SEED_LINES[5][0]).jenis == "Peraturan Kepala Badan Kepegawaian Negara"


VARIANTS = [
    # abbreviations and short forms
    ("UU 23/2014", "uu", "23", 2014),
    ("UU No. 23/2014 tentang Pemerintahan Daerah", "uu", "23", 2014),
    ("UU RI No 5 Th. 2014 tentang ASN", "uu", "5", 2014),
    ("uu nomor 25 tahun 2009 tentang pelayanan publik", "uu", "25", 2009),
    ("UNDANG-UNDANG NOMOR 25 TAHUN 2009 TENTANG PELAYANAN PUBLIK", "uu", "25", 2009),
    ("Undang Undang Nomor 25 Tahun 2009", "uu", "25", 2009),
    ("PP 46/2011", "pp", "46", 2011),
    ("PP No.46 Tahun 2011", "pp", "46", 2011),
    ("Peraturan Pemerintah (PP) Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah", "pp", "12", 2019),
    ("Peraturan Pemerintah Nomor: 12 Tahun 2019", "pp", "12", 2019),
    ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014", "perppu", "2", 2014),
    ("Perppu 1/2020", "perppu", "1", 2020),
    ("Perpres 29/2014", "perpres", "29", 2014),
    ("Peraturan Presiden Republik Indonesia Nomor 81 Tahun 2010", "perpres", "81", 2010),
    ("Keputusan Presiden Nomor 7 Tahun 1999", "keppres", "7", 1999),
    ("Keppres 7/1999", "keppres", "7", 1999),
    ("Permendagri 29 2014", "permendagri", "29", 2014),
    ("Permendagri No. 73 tahun 2009", "permendagri", "73", 2009),
    ("Peraturan Mendagri Nomor 52 Tahun 2011", "permendagri", "52", 2011),
    ("PermenPANRB 25/2012", "permenpanrb", "25", 2012),
    ("PMK 113/PMK.05/2012", "permen", "113/PMK.05/2012", 2012),   # a ministry number ending in its year
    ("Permen PUPR 27/PRT/M/2018 tentang Sertifikat Laik Fungsi", "permen", "27/PRT/M/2018", 2018),
    ("Permenpan RB 35/2012", "permenpanrb", "35", 2012),
    ("PermenPAN-RB No. 35 Tahun 2012", "permenpanrb", "35", 2012),
    ("Permenpan-RB Nomor 53 Tahun 2014", "permenpanrb", "53", 2014),
    ("Peraturan Menteri PAN RB Nomor 6 Tahun 2022", "permenpanrb", "6", 2022),
    ("Peraturan Menteri PANRB Nomor 88 Tahun 2021", "permenpanrb", "88", 2021),
    ("Peraturan MenPAN-RB Nomor 12 Tahun 2015", "permenpanrb", "12", 2015),
    ("Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/21/M.PAN/11/2008 tentang Pedoman Penyusunan "
     "Standar Operasional Prosedur (SOP) Administrasi Pemerintahan", "permenpanrb", "PER/21/M.PAN/11/2008", 2008),
    ("Kepmenpan Nomor KEP/135/M.PAN/9/2004", "kepmenpan", "KEP/135/M.PAN/9/2004", 2004),
    ("KepmenPAN KEP/135/M.PAN/9/2004", "kepmenpan", "KEP/135/M.PAN/9/2004", 2004),
    ("Keputusan Menteri Pendayagunaan Aparatur Negara Nomor kep/135/m.pan/9/2004", "kepmenpan", "KEP/135/M.PAN/9/2004", 2004),
    ("Perka BKN 1/2013", "perka_bkn", "1", 2013),
    ("Perka BKN No. 1 Tahun 2013", "perka_bkn", "1", 2013),
    ("Peraturan Kepala BKN Nomor 1 Tahun 2013", "perka_bkn", "1", 2013),
    ("Peraturan Badan Kepegawaian Negara Nomor 3 Tahun 2020", "perka_bkn", "3", 2020),
    ("Peraturan Menteri Keuangan Nomor 5 Tahun 2020 tentang Z", "permen", "5", 2020),
    ("Keputusan Menteri Dalam Negeri Nomor 3 Tahun 2019", "kepmen", "3", 2019),
    # regional
    ("Perbup Lumajang 5/2018", "perbup", "5", 2018),
    ("Peraturan Bupati Nomor 5 Tahun 2018 tentang X", "perbup", "5", 2018),
    ("Perda Kab. Balangan No. 3 Tahun 2016 tentang Y", "perda", "3", 2016),
    ("Peraturan Daerah Provinsi Kalimantan Selatan Nomor 2 Tahun 2016", "perda", "2", 2016),
    ("Peraturan Gubernur Jawa Timur Nomor 10 Tahun 2019", "pergub", "10", 2019),
    ("Peraturan Walikota Batam Nomor 4 Tahun 2020", "perwali", "4", 2020),
    ("Peraturan Wali Kota Mataram Nomor 4 Tahun 2020", "perwali", "4", 2020),
    ("Keputusan Bupati Balangan Nomor 188.45/123/2023 tentang Tim", "kepbup", "188.45/123/2023", 2023),
    ("Keputusan Camat Awayan Nomor 10 Tahun 2023 tentang Tim SAKIP", "kepcamat", "10", 2023),
    ("SK Camat Awayan No. 10 Tahun 2023", "kepcamat", "10", 2023),
    # stray punctuation, bullets, quotes, markup, Lembaran Negara without parentheses
    ("- Undang-Undang Nomor 23 Tahun 2014;", "uu", "23", 2014),
    ("a. Undang-Undang Nomor 23 Tahun 2014", "uu", "23", 2014),
    ("(1) Undang-Undang Nomor 23 Tahun 2014", "uu", "23", 2014),
    ("\u2022 \u201cUndang-Undang Nomor 23 Tahun 2014\u201d", "uu", "23", 2014),
    ("<li>Undang-Undang Nomor 23 Tahun 2014</li>", "uu", "23", 2014),
    ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, Lembaran Negara Republik Indonesia Tahun 2014 "
     "Nomor 244", "uu", "23", 2014),
]


@pytest.mark.parametrize("text, kind, nomor, tahun", VARIANTS, ids=[v[0][:40] for v in VARIANTS])
def test_variants(text, kind, nomor, tahun):
    citation = parse_citation(text)
    assert (citation.kind, citation.nomor, citation.tahun) == (kind, nomor, tahun)


def test_titles_lose_the_gazette_suffix_and_trailing_punctuation():
    assert parse_citation(
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, Lembaran Negara Republik Indonesia "
        "Tahun 2014 Nomor 244").judul == "Pemerintahan Daerah"
    assert parse_citation("UU No. 25 Th 2009 tentang: Pelayanan Publik ;").judul == "Pelayanan Publik"
    assert parse_citation("UU 25/2009 tentang Pelayanan Publik (LN 2009 No. 112)").judul == "Pelayanan Publik"


def test_regions_and_ministries():
    assert parse_citation("Perda Kab. Balangan No. 3 Tahun 2016").region == "Kabupaten Balangan"
    assert parse_citation("Peraturan Daerah Provinsi Kalimantan Selatan Nomor 2 Tahun 2016").region == \
        "Provinsi Kalimantan Selatan"
    assert parse_citation("Peraturan Gubernur Jawa Timur Nomor 10 Tahun 2019").region == "Jawa Timur"
    assert parse_citation("Peraturan Bupati Nomor 5 Tahun 2018").region is None
    citation = parse_citation("Peraturan Menteri Keuangan Nomor 5 Tahun 2020 tentang Z")
    assert citation.ministry == "Keuangan" and citation.short() == "Permen Keuangan 5/2020"


def test_the_constitution_has_a_year_and_no_number():
    citation = parse_citation("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")
    assert (citation.kind, citation.nomor, citation.tahun, citation.recognised) == ("uud", None, 1945, True)
    assert citation.short() == "UUD 1945"


def test_amendment_clauses():
    citation = parse_citation(
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
        "2014 Nomor 244) sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 9 Tahun 2015 "
        "tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran "
        "Negara Tahun 2015 Nomor 58)")
    assert (citation.kind, citation.nomor, citation.tahun, citation.judul) == ("uu", "23", 2014, "Pemerintahan Daerah")
    assert citation.amendment.startswith("sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang")
    assert citation.amendments == (("uu", "9", 2015),)
    two = parse_citation("UU 23/2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan Undang-Undang "
                         "Nomor 2 Tahun 2015 dan Undang-Undang Nomor 9 Tahun 2015")
    assert two.amendments == (("uu", "2", 2015), ("uu", "9", 2015))
    commas = parse_citation("UU 23/2014 yang telah diubah dengan UU No. 2/2015, UU No. 9/2015")
    assert commas.amendments == (("uu", "2", 2015), ("uu", "9", 2015))
    perppu = parse_citation("UU 23/2014 sebagaimana telah diubah dengan Peraturan Pemerintah Pengganti Undang-Undang "
                            "Nomor 2 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2014")
    assert perppu.amendments == (("perppu", "2", 2014),)
    juncto = parse_citation("UU 32/2004 jo. UU 12/2008")
    assert juncto.amendment == "jo. UU 12/2008" and juncto.amendments == (("uu", "12", 2008),)
    assert parse_citation("PP 12/2019 tentang Pengelolaan Keuangan Daerah").amendments == ()


@pytest.mark.parametrize("text", [
    "Peraturan perundang-undangan yang berlaku",
    "Renstra Kecamatan",
    "SOP Pelaksanaan Rapat",
    "",
    "Nomor 5 Tahun 2018",
])
def test_what_is_not_a_citation_keeps_its_text_only(text):
    citation = parse_citation(text)
    assert citation.kind is None and not citation.recognised and citation.short() == text


def test_a_type_without_number_or_year_is_not_recognised():
    citation = parse_citation("Peraturan Pemerintah tentang Pengelolaan Keuangan Daerah")
    assert citation.kind == "pp" and citation.nomor is None and citation.tahun is None and not citation.recognised
    assert citation.judul == "Pengelolaan Keuangan Daerah"


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "uud"])
def test_short_labels_read_back(kind):
    region = "Balangan" if kind in ("perda", "pergub", "perbup", "perwali", "kepgub", "kepbup", "kepwali",
                                    "kepcamat") else None
    label = short_label(kind, "7", 2020, region)
    citation = parse_citation(label)
    assert (citation.kind, citation.nomor, citation.tahun, citation.region) == (kind, "7", 2020, region), label
    assert citation.short() == label


def test_split_merged_does_not_split_titles_or_amendment_clauses():
    for text in [
        SEED_LINES[5][0],  # a PP named in the title
        SEED_LINES[18][0],  # a PermenPANRB named in the title
        "UU 23/2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan UU No. 2/2015, UU No. 9/2015",
        "Perpres 81/2010 tentang Grand Design Reformasi Birokrasi 2010-2025; sebagaimana telah diubah dengan Perpres 1/2020",
        "Permendagri 86/2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara "
        "Evaluasi Rancangan Peraturan Daerah Tentang Rencana Pembangunan Jangka Panjang Daerah",
    ]:
        assert split_merged(text) == [text]
    assert split_merged("UU 23/2014 tentang Pemerintahan Daerah, PP 12/2019 tentang Pengelolaan Keuangan Daerah") == [
        "UU 23/2014 tentang Pemerintahan Daerah", "PP 12/2019 tentang Pengelolaan Keuangan Daerah"]
    assert len(split_merged("UU 23/2014 tentang Pemerintahan Daerah 2. PP 12/2019 tentang Keuangan")) == 2


def test_comparison_helpers():
    assert normalise_title("Kabupaten/ Kota") == normalise_title("Kabupaten/Kota") == "kabupaten kota"
    assert normalise_title("Ketentuan Pelaksanaan PP No. 46/2011 tentang Penilaian Prestasi Kerja PNS") == \
        normalise_title("Ketentuan Pelaksanaan Peraturan Pemerintah Nomor 46 Tahun 2011 Tentang Penilaian "
                        "Prestasi Kerja Pegawai Negeri Sipil")
    assert region_key("Pemerintah Kabupaten Balangan") == ("kabupaten", "balangan")
    assert region_key("Kab. Balangan") == ("kabupaten", "balangan")
    assert region_key("Banyumas") == (None, "banyumas")
    assert region_key("Kota Batam") == ("kota", "batam")
    assert sequence_number("KEP/135/M.PAN/9/2004") == "135" and sequence_number("23") is None
    assert parse_citation("Kepmenpan 135/2004").key == ("kepmenpan", "135", 2004)


@pytest.mark.parametrize("text, kind, ministry, nomor, tahun, judul", [
    ("Permenkeu Nomor 119 Tahun 2020 tentang Perubahan", "permen", "Keuangan", "119", 2020, "Perubahan"),
    ("PMA No. 19 Tahun 2018 ttg Pencatatan Perkawinan", "permen", "Agama", "19", 2018, "Pencatatan Perkawinan"),
    ("PMK Nomor 190/PMK.05/2012 tentang Tata Cara Pembayaran", "permen", "Keuangan", "190/PMK.05/2012", 2012,
     "Tata Cara Pembayaran"),
    ("Peraturan Menteri Sosial RI Nomor 5 Tahun 2019 tentang Pengelolaan Data Terpadu Kesejahteraan Sosial",
     "permen", "Sosial", "5", 2019, "Pengelolaan Data Terpadu Kesejahteraan Sosial"),
    ("Kepmensos Nomor 146/HUK/2013 tentang Penetapan Kriteria", "kepmen", "Sosial", "146/HUK/2013", 2013,
     "Penetapan Kriteria"),
    ("Permendes PDTT Nomor 8 Tahun 2022 tentang Prioritas", "permen",
     "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", "8", 2022, "Prioritas"),
    ("Permen PUPR No 14/2017", "permen", "Pekerjaan Umum dan Perumahan Rakyat", "14", 2017, None),
    ("Surat Edaran Menteri Dalam Negeri Nomor 440/830/SJ Tahun 2021 tentang Vaksinasi", "se",
     "Menteri Dalam Negeri", "440/830/SJ", 2021, "Vaksinasi"),
    ("Instruksi Presiden Nomor 7 Tahun 1999 tentang Akuntabilitas Kinerja Instansi Pemerintah", "inpres", None,
     "7", 1999, "Akuntabilitas Kinerja Instansi Pemerintah"),
    ("Instruksi Menteri Dalam Negeri Nomor 1 Tahun 2021 tentang PPKM", "instruksi", "Menteri Dalam Negeri", "1",
     2021, "PPKM"),
    ("Keputusan Kepala Badan Kepegawaian Negara Nomor 11 Tahun 2002 tentang Ketentuan Pelaksanaan", "keputusan",
     "Kepala Badan Kepegawaian Negara", "11", 2002, "Ketentuan Pelaksanaan"),
    ("Peraturan Kepala Arsip Nasional Republik Indonesia Nomor 19 Tahun 2011 tentang Pedoman Penataan Berkas",
     "perka", "Arsip Nasional", "19", 2011, "Pedoman Penataan Berkas"),
    ("Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 ttg. Tata Cara Perencanaan", "permendagri", None, "86",
     2017, "Tata Cara Perencanaan"),
])
def test_every_ministry_short_forms_and_non_regulations(text, kind, ministry, nomor, tahun, judul):
    citation = parse_citation(text)
    assert (citation.kind, citation.ministry, citation.nomor, citation.tahun, citation.judul) == (
        kind, ministry, nomor, tahun, judul)


def test_amendment_clauses_with_common_misspellings_stay_out_of_the_title():
    for clause in ("sebagaiman telah dirubah beberapa kali terakhir dengan Undang-Undang Nomor 9 Tahun 2015",
                   "sebagaimana telah dirubah dengan Undang-Undang Nomor 9 Tahun 2015",
                   "sebagai mana telah diubah terakhir dengan Undang-Undang Nomor 9 Tahun 2015"):
        citation = parse_citation("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah " + clause)
        assert citation.judul == "Pemerintahan Daerah", clause
        assert citation.amendments == (("uu", "9", 2015),)


def test_two_regulations_joined_by_dan_are_split_before_the_title_only():
    assert split_merged("UU No. 23 Tahun 2006 dan UU No. 24 Tahun 2013 tentang Administrasi Kependudukan") == [
        "UU No. 23 Tahun 2006", "UU No. 24 Tahun 2013 tentang Administrasi Kependudukan"]
    kept = "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan dan PP Daerah"
    assert split_merged(kept) == [kept]
