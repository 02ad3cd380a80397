"""kegiatan-active-verb: an activity starts with an active verb and names no subject."""

import pytest

from soptui.rules.kegiatan_active_verb import KegiatanActiveVerb, active_of_passive, judge
from soptui.testing import RuleTester

tester = RuleTester(KegiatanActiveVerb)


def steps(*kegiatan: str, head: str = "") -> str:
    body = "\n".join(
        f'[[langkah]]\nno = {n}\nkegiatan = "{text}"\n' for n, text in enumerate(kegiatan, 1)
    )
    return head + body


# Every verb the seed SOPs start an activity with, and a few ber-/be- verbs.
SEED_VERBS = [
    "Memerintah dan mengarahkan Kasubbag Perencanaan dan Keuangan",
    "Memerintahkan penyusunan pengukuran kinerja",
    "Membuat Format Pengukuran Kinerja Triwulan",
    "Menyampaikan Format Pengukuran Kinerja Triwulan kepada Kasi dan Kasubbag",
    "Mengumpulkan data kinerja atas target yang telah ditetapkan",
    "Memverifikasi Data Pengukuran Kinerja Triwulan",
    "Menghimpun Data Pengukuran Kinerja Triwulan dari Kasi dan Kasubbag",
    "Melaksanakan rapat pembahasan pengukuran kinerja",
    "Mengundang camat dan pejabat terkait rapat pembahasan pengukuran kinerja",
    "Mengolah Data Kinerja menjadi Laporan Kinerja Triwulan",
    "Menyetujui dan Menandatangani Laporan Kinerja Triwulan",
    "Mengarsipkan",
    "Memeriksa dan mengecek data kinerja pegawai",
    "Mengetik konsep pengukuran kinerja",
    "Menyusun konsep pengukuran kinerja",
    "Melaporkan hasilnya kepada Camat",
    "Memvalidasi hasil inputan/memberikan penilaian atas kinerja pegawai",
    "Mengecek kelengkapan berkas",
    "Berkoordinasi dengan Tim",
    "Bekerja sama dengan Kasi",
    "memeriksa berkas (lower case is another rule's business)",
    "- Memeriksa berkas",
]


def test_active_verbs_pass():
    tester.assert_valid(steps(*SEED_VERBS))


def test_a_verb_after_an_actor_word_in_the_text_passes():
    tester.assert_valid(steps("Menyerahkan dokumen kepada Camat", "Mengundang Kasi dan Staf"))


@pytest.mark.parametrize("kegiatan, subject, suggestion", [
    ("Kasi menghimpun dan memvalidasi data kinerja", "Kasi", "Menghimpun dan memvalidasi data kinerja"),
    ("Camat mengoreksi dokumen pengukuran kinerja", "Camat", "Mengoreksi dokumen pengukuran kinerja"),
    ("Sekretaris menyampaikan dokumen pengukuran kinerja kepada camat untuk meminta persetujuan",
     "Sekretaris", "Menyampaikan dokumen pengukuran kinerja kepada ..."),
])
def test_wangon_steps_naming_their_actor_are_reported(kegiatan, subject, suggestion):
    found = tester.assert_invalid(steps(kegiatan), [
        {"step": 1, "line": 3, "pointer": "/langkah/0/kegiatan", "severity": "warning",
         "message": f'kegiatan diawali subjek "{subject}"'},
    ])
    assert f'kegiatan diawali kata kerja: "{suggestion}"' in found[0].message.id
    assert "Actor column" in found[0].message.en


def test_a_subject_of_several_words_ends_at_the_verb():
    found = tester.assert_invalid(steps("1. Kasubbag Perencanaan dan Keuangan menyusun laporan"), [
        {"message": 'subjek "Kasubbag Perencanaan dan Keuangan"'},
    ])
    assert '"Menyusun laporan"' in found[0].message.id


def test_a_declared_jabatan_is_an_actor_word():
    fragment = steps("Penyuluh menyusun jadwal kunjungan",
                     head='[pelaksana]\npenyuluh = "Penyuluh Pertanian"\n\n')
    tester.assert_invalid(fragment, [{"step": 1, "message": 'subjek "Penyuluh"'}])
    # without the declaration it is still no verb, but not known to be an actor
    tester.assert_invalid(steps("Penyuluh menyusun jadwal kunjungan"), [
        {"step": 1, "message": 'tidak diawali kata kerja aktif ("Penyuluh")'},
    ])


def test_an_actor_word_without_a_verb_is_still_a_subject():
    tester.assert_invalid(steps("Tim perumus rapat"), [
        {"message": 'kegiatan diawali subjek "Tim"; pelaksana ditulis di kolom pelaksana'},
    ])


@pytest.mark.parametrize("kegiatan, noun, suggestion", [
    # Wangon 11-14
    ("Penandatanganan dokumen pengukuran kinerja oleh camat", "Penandatanganan",
     "Menandatangani dokumen pengukuran kinerja"),  # the agent phrase "oleh camat" left out
    ("Pembuatan surat pengantar pengiriman dan permohonan surat", "Pembuatan",
     "Membuat surat pengantar pengiriman dan ..."),
    ("Penggandaan dokumen pengukuran kinerja", "Penggandaan", "Menggandakan dokumen pengukuran kinerja"),
    ("Pengarsipan dokumen pengukuran kinerja", "Pengarsipan", "Mengarsipkan dokumen pengukuran kinerja"),
    # Lampihong 3, 6, 7
    ("Pengetikan/penginputan kinerja atas penilaian sasaran kinerja pegawai", "Pengetikan/penginputan",
     "Mengetik/menginput kinerja atas penilaian sasaran ..."),
    ("Penggandaan Dokumen Pengukuran Kinerja.", "Penggandaan", "Menggandakan Dokumen Pengukuran Kinerja"),
    ("Pengarsipan Dokumen Pengukuran kinerja atas penilaian kinerja pegawai", "Pengarsipan",
     "Mengarsipkan Dokumen Pengukuran kinerja atas ..."),
    # Awayan 071/02 step 9: a bare loan noun
    ("Entri pada Aplikasi E-Kino dan E-Monev serta Mengarsipkan", "Entri",
     "Mengentri pada Aplikasi E-Kino dan ..."),
])
def test_seed_noun_forms_are_reported_with_the_verb_to_use(kegiatan, noun, suggestion):
    found = tester.assert_invalid(steps(kegiatan), [
        {"pointer": "/langkah/0/kegiatan", "message": f'kegiatan diawali kata benda "{noun}"'},
    ])
    assert f'gunakan kata kerja aktif: "{suggestion}"' in found[0].message.id
    assert f'use an active verb: "{suggestion}"' in found[0].message.en


def test_a_noun_form_not_in_the_table_gets_no_guessed_verb():
    found = tester.assert_invalid(steps("Kelengkapan berkas diperiksa", "Pemutakhiran data"), [
        {"step": 1, "message": 'kata benda "Kelengkapan"; gunakan kata kerja aktif (me-/ber-)'},
        {"step": 2, "message": 'the noun "Pemutakhiran"'},
    ])
    assert all('"' not in f.message.en.split(";")[1] for f in found)  # no example verb at all


def test_lampihong_step_5_lower_case_noun_is_reported():
    tester.assert_invalid(steps("Memvalidasi hasil inputan", "kinerja atas penilai kinerja pegawai yang telah disetujui"), [
        {"step": 2, "line": 7, "message": 'tidak diawali kata kerja aktif ("kinerja")'},
    ])


def test_passive_is_reported_as_passive_with_the_active_form():
    found = tester.assert_invalid(steps("Diserahkan kepada camat oleh staf", "Disposisi surat oleh camat"), [
        {"step": 1, "message": 'kata kerja pasif "Diserahkan"'},
        {"step": 2, "message": 'kata benda "Disposisi"; gunakan kata kerja aktif: "Mendisposisikan surat"'},
    ])
    assert found[0].message.id.endswith('"Menyerahkan kepada camat"')  # "oleh staf" goes to pelaksana


def test_nouns_spelled_like_verbs_and_imperatives_are_reported():
    tester.assert_invalid(steps("Berkas diserahkan ke Camat", "Meja kerja dirapikan", "Periksa berkas"), [
        {"step": 1, "message": '("Berkas")'},
        {"step": 2, "message": '("Meja")'},
        {"step": 3, "message": 'bentuk dasar "Periksa"; gunakan kata kerja aktif: "Memeriksa berkas"'},
    ])


@pytest.mark.parametrize("passive, active", [
    ("diserahkan", "menyerahkan"), ("ditandatangani", "menandatangani"), ("diperiksa", "memeriksa"),
    ("diperbaiki", "memperbaiki"), ("diarsipkan", "mengarsipkan"), ("dikirim", "mengirim"),
    ("disetujui", "menyetujui"), ("dibuat", "membuat"), ("dicetak", "mencetak"),
    ("dilaporkan", "melaporkan"), ("dihimpun", "menghimpun"), ("diproses", "memproses"), ("dicek", "mengecek"),
])
def test_active_of_passive(passive, active):
    assert active_of_passive(passive) == active


def test_judge_ignores_empty_text():
    assert judge("  -  ") is None
    assert judge("Memeriksa") is None
    assert judge("Camat memeriksa") is not None


@pytest.mark.parametrize("kegiatan, suggestion", [
    ("Ditandatangani Camat", '"Menandatangani"'),     # not "Menandatangani Camat": the Camat signs
    ("Persetujuan Camat", '"Menyetujui"'),
    ("Disposisi Kasi Pemerintahan", '"Mendisposisikan"'),
    ("Dientry ke SIAK", '"Mengentry ke SIAK"'),      # a vowel-initial stem takes meng-, not menge-
])
def test_a_suggestion_never_makes_the_actor_its_object_nor_an_impossible_verb(kegiatan, suggestion):
    message = judge(kegiatan).en
    assert message.endswith(suggestion), message


@pytest.mark.parametrize("passive, active", [
    ("disahkan", "mengesahkan"),        # a one-syllable root before -kan
    ("dinaikkan", "menaikkan"),         # "naik" is two syllables
    ("dipelajari", "mempelajari"),      # pe- is a prefix here, kept
    ("dipekerjakan", "mempekerjakan"),
    ("dipelihara", "memelihara"),       # but not here
    ("dientry", "mengentry"),
])
def test_active_of_irregular_passives(passive, active):
    assert active_of_passive(passive) == active


@pytest.mark.parametrize("kegiatan, suggestion", [
    ("Tanda tangani surat", '"Menandatangani surat"'),   # not "Menanda tangani surat"
    ("Ditanda tangani oleh Camat", '"Menandatangani"'),
    ("Di tanda tangani Camat", '"Menandatangani"'),
])
def test_tanda_tangan_written_apart_is_read_as_one_word(kegiatan, suggestion):
    assert judge(kegiatan).en.endswith(suggestion)
