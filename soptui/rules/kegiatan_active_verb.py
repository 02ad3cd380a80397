"""An activity must start with an active verb and name no subject.

## What it checks
The first word of each step's `kegiatan`, after leading punctuation, digits and spaces are
dropped; words are split on whitespace and `/` (so "Pengetikan/penginputan" starts with
"Pengetikan"). Case does not matter. A kegiatan is accepted exactly when its first word starts
with `me` (me-, mem-, men-, meng-, meny-, memper-: "Memverifikasi", "Menyusun", "Mengecek") or
`be` (ber-, be-: "Berkoordinasi", "Bekerja"), unless that word is one of a few common nouns
spelled that way (`meja`, `media`, `menu`, `mesin`, `metode`, `memo`, `menteri`, `mereka`,
`berkas`, `berita`, `benda`, `beban`, `belanja`, `bentuk`, `bendahara`, ...). Everything else is
reported, in one of four ways:

- **subject**: the first word is an actor: one of the built-in jabatan words (camat,
  sekretaris, sekcam, kasi, kasubag, kasubbag, kepala, staf, pelaksana, lurah, bupati, tim,
  petugas, operator, pengadministrasi, pegawai, atasan, bendahara, ...) or the first word of a
  jabatan declared in `[pelaksana]`. The subject is the words up to the first verb within the
  next six words ("Kasubbag Perencanaan menyusun" has subject "Kasubbag Perencanaan"), and the
  message suggests the text from that verb on.
- **noun form**: the first word is a nominalisation, pe- ... -an (pe-, per-, pem-, pen-,
  peng-, peny-) or ke- ... -an but not ke- ... -kan, seven letters or more ("Pengarsipan",
  "Penandatanganan", "Kelengkapan"; not "pesan"), or a bare noun of the built-in table ("Entri",
  "Verifikasi", "Koreksi"). That table of common nominalisations gives the verb to use
  ("Penggandaan" -> "Menggandakan", "Entri" -> "Mengentri"); for other nouns the message names
  no verb, since a verb guessed from an unknown noun is often not a word. A suggestion stops
  before an agent phrase ("Penandatanganan dokumen oleh camat" -> "Menandatangani dokumen"):
  the actor belongs in the pelaksana column.
- **passive**: the first word starts with `di`, has five letters or more and is not one of the
  nouns `disposisi`, `diskusi`, `dinas`, `direktur`, `distribusi`, ... ("Diserahkan",
  "Ditandatangani"), or the word "di" written apart from its verb ("Di paraf"). The message
  suggests the meN- form ("Menyerahkan", "Memaraf").
- **not a verb**: anything else ("kinerja atas penilai ...", "Berkas ..."). A bare base form
  used as an imperative ("Periksa ...", "Kerjakan ...") is reported too: the standard asks for
  the active me- form; for the common base forms ("Periksa", "Ketik", "Serahkan") the message
  gives it ("Memeriksa").

Lower-case verbs ("memeriksa ...") are accepted: capitalisation is not this rule's business.

## Why it matters
Permenpan RB 35/2012 asks that an activity be "bersifat aktif menggunakan kata kerja tanpa
subyek": the pelaksana column already says who acts, and the activity says what they do. A
subject in the text duplicates the column and drifts from it when the SOP is revised; a noun
form or a passive hides that someone has to act.

## Example
The Wangon SOP on pengukuran kinerja:

```toml
[[langkah]]
no = 9
kegiatan = "Camat mengoreksi dokumen pengukuran kinerja"

[[langkah]]
no = 14
kegiatan = "Pengarsipan dokumen pengukuran kinerja"
```

## Instead
Start with the verb and put the actor in the pelaksana column:

```toml
[[langkah]]
no = 9
kegiatan = "Mengoreksi dokumen pengukuran kinerja"
pelaksana = "camat"

[[langkah]]
no = 14
kegiatan = "Mengarsipkan dokumen pengukuran kinerja"
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text

ACTIVITY, ACTOR = english_name("kegiatan"), english_name("pelaksana")  # as the English UI names them

# Jabatan and actor words that, as the first word of an activity, are its subject.
ACTOR_WORDS = frozenset({
    "camat", "wakil", "sekretaris", "sekcam", "sekdes", "kasi", "kasie", "kasubag", "kasubbag",
    "kabag", "kabid", "kadis", "kepala", "kades", "staf", "staff", "pelaksana", "lurah", "bupati",
    "walikota", "wali", "gubernur", "tim", "petugas", "operator", "pengadministrasi", "pengelola",
    "pegawai", "atasan", "bendahara", "pimpinan", "pejabat", "kaur", "kasubid", "analis",
    "verifikator", "admin", "administrator", "sekda", "para", "pemohon", "masyarakat",
})

# Nouns that start like a me-/be- verb; as a first word they are not verbs.
NOT_VERBS = frozenset({
    "meja", "media", "menu", "mesin", "metode", "meter", "memo", "menteri", "mekanisme", "merek",
    "mereka", "medis", "mental", "berkas", "berita", "beras", "benda", "beban", "bea", "belanja",
    "bentuk", "berat", "bencana", "bengkel", "bensin", "besaran", "beasiswa", "bendahara",
    "beberapa", "belum", "benar", "besok",
})

# Nouns that begin with di- but are not passive verbs.
DI_NOUNS = frozenset({
    "disposisi", "diskusi", "dinas", "direktur", "distribusi", "digital", "dimensi", "diagram",
    "diklat", "dialog", "dividen",
})

# Common nominalisations and bare nouns in activity texts, and the active verb to use instead.
VERB_FOR = {
    "pengarsipan": "mengarsipkan",
    "penggandaan": "menggandakan",
    "penandatanganan": "menandatangani",
    "pembuatan": "membuat",
    "pengetikan": "mengetik",
    "penginputan": "menginput",
    "penyusunan": "menyusun",
    "pengumpulan": "mengumpulkan",
    "pemeriksaan": "memeriksa",
    "penyampaian": "menyampaikan",
    "pelaksanaan": "melaksanakan",
    "pengiriman": "mengirim",
    "penyerahan": "menyerahkan",
    "pencatatan": "mencatat",
    "pengecekan": "mengecek",
    "penilaian": "menilai",
    "pengolahan": "mengolah",
    "pelaporan": "melaporkan",
    "penerimaan": "menerima",
    "pendistribusian": "mendistribusikan",
    "penyimpanan": "menyimpan",
    "pencetakan": "mencetak",
    "perbaikan": "memperbaiki",
    "persetujuan": "menyetujui",
    "pengesahan": "mengesahkan",
    "penghimpunan": "menghimpun",
    "pemantauan": "memantau",
    "entri": "mengentri",
    "input": "menginput",
    "verifikasi": "memverifikasi",
    "validasi": "memvalidasi",
    "koreksi": "mengoreksi",
    "evaluasi": "mengevaluasi",
    "rekapitulasi": "merekapitulasi",
    "rekap": "merekap",
    "konfirmasi": "mengonfirmasi",
    "cetak": "mencetak",
    "arsip": "mengarsipkan",
    "paraf": "memaraf",
    "pemrosesan": "memproses",
    "penetapan": "menetapkan",
    "pengajuan": "mengajukan",
    "pengusulan": "mengusulkan",
    "penelitian": "meneliti",
    "pembahasan": "membahas",
    "pemberian": "memberikan",
    "pendaftaran": "mendaftarkan",
    "penyiapan": "menyiapkan",
    "penyelesaian": "menyelesaikan",
    "pengadaan": "mengadakan",
    "pelayanan": "melayani",
    "pembayaran": "membayar",
    "pengagendaan": "mengagendakan",
    "penulisan": "menulis",
    "penerbitan": "menerbitkan",
    "pengambilan": "mengambil",
    "pemanggilan": "memanggil",
    "penghitungan": "menghitung",
    "perhitungan": "menghitung",
    "pengawasan": "mengawasi",
    "pembinaan": "membina",
    "pengendalian": "mengendalikan",
    "perencanaan": "merencanakan",
    "penentuan": "menentukan",
    "penjadwalan": "menjadwalkan",
    "pengukuran": "mengukur",
    "pengisian": "mengisi",
    "penyaluran": "menyalurkan",
    "penugasan": "menugaskan",
    "pengarahan": "mengarahkan",
    "penelaahan": "menelaah",
    "disposisi": "mendisposisikan",
    "registrasi": "meregistrasi",
    "legalisasi": "melegalisasi",
    "identifikasi": "mengidentifikasi",
    "klarifikasi": "mengklarifikasi",
    "inventarisasi": "menginventarisasi",
    "fasilitasi": "memfasilitasi",
    "sosialisasi": "menyosialisasikan",
    "koordinasi": "berkoordinasi",
    "analisis": "menganalisis",
    "monitoring": "memantau",
}

# Base forms written as imperatives ("Periksa berkas"): their me- form is suggested; for any
# other word no verb is guessed, since a guess from a word that is not a verb is not a word.
BASE_VERBS = frozenset({
    "periksa", "ketik", "cetak", "kirim", "kirimkan", "serahkan", "catat", "susun", "buat", "teliti",
    "arsipkan", "sampaikan", "tandatangani", "kumpulkan", "siapkan", "terima", "proses", "ajukan",
    "tetapkan", "laporkan", "teruskan", "isi", "hitung", "tulis", "rekap", "simpan", "kerjakan",
    "lakukan", "laksanakan", "lengkapi", "perbaiki", "setujui", "tanda", "input", "cek", "bahas",
})
# an agent phrase ("... oleh camat"): the actor belongs in the pelaksana column, and an active
# sentence has none, so a suggestion stops before it
_AGENT = re.compile(r"\s+oleh\b.*$", re.I | re.S)
_TANDA_TANGAN_APART = re.compile(r"\b((?:di\s*)?tanda)\s+(?=tangan)", re.I)

# pe(r)-/pem-/pen-/peng-/peny- ... -an and ke- ... -an, at least seven letters ("pesan",
# "pekan" are not nominalisations of a verb); ke- ... -kan is an imperative ("kerjakan").
_NOUN_FORM = re.compile(r"^(?:pe[a-z]{3,}an|ke[a-z]{3,}(?<!k)an)$")
_WORD = re.compile(r"[^\s/]+")
_LEADING = re.compile(r"^[\W\d_]+")  # punctuation, digits and spaces before the first word
_PUNCT = "\"'()[]{}.,;:!?-–—•*"
_SUBJECT_WINDOW = 6
_SUGGESTED_WORDS = 5


class KegiatanActiveVerb(Rule):
    __doc__ = __doc__
    code = "SOP103"
    name = "kegiatan-active-verb"
    needs = ("langkah.kegiatan", "langkah.pelaksana", "pelaksana")
    severity = Severity.WARNING

    def check(self, sop, context):
        actors = None
        for step in sop.langkah:
            if _starts_with_active_verb(step.kegiatan):
                continue
            if actors is None:
                actors = ACTOR_WORDS | _declared_actor_words(sop)
            message = judge(step.kegiatan, actors)
            if message is not None:
                yield Violation(step.pointer + "/kegiatan", message)


def is_active_verb(word: str) -> bool:
    """`word` (lower case, no punctuation) has the shape of an active verb: me-/be(r)-."""
    return word.startswith(("me", "be")) and word not in NOT_VERBS


# The first word of an activity that starts with one, up to a space or a slash, as `_WORD` reads it
_FIRST_WORD = re.compile(r"[^\s/]+")


@lru_cache(maxsize=8192)  # activities recur from SOP to SOP ("Mengarsipkan dokumen")
def _starts_with_active_verb(kegiatan: str) -> bool:
    """`judge`'s commonest answer (None) for `kegiatan`, found without its rewriting: when the
    text starts with a word of plain letters (nothing for `_LEADING` to remove) that does not
    end in "tanda" (which `_TANDA_TANGAN_APART` could join to the next word), that word is the
    one `judge` reads. False means only: ask `judge`."""
    if not kegiatan[:1].isalpha():
        return False
    word = _FIRST_WORD.match(kegiatan).group().rstrip(_PUNCT)
    if not (word.isascii() and word.isalpha()):
        return False
    lower = word.lower()
    return not lower.endswith("tanda") and is_active_verb(lower)


def judge(kegiatan: str, actors: frozenset[str] | set[str] = ACTOR_WORDS) -> Text | None:
    """Why `kegiatan` does not start with an active verb, or None when it does."""
    # "tanda tangan(i)" written apart is one word to a reader: "Tanda tangani surat" is the base
    # form of "menandatangani", not "Tanda" followed by something (which would suggest "Menanda")
    text = _TANDA_TANGAN_APART.sub(r"\1", _LEADING.sub("", kegiatan))
    # Most activities are judged by their first word: split the rest only to find a subject's end.
    first = _first_word(text)
    if first is None:
        return None
    lower = first.lower()
    if is_active_verb(lower):
        return None
    words = text.split(None, 2)
    if lower == "di" and len(words) > 1:  # "Di paraf oleh Sekcam": a passive written apart
        joined = words[0] + words[1]
        return _passive(" ".join([joined, *words[2:]]), joined, actors)
    if lower in actors:
        return _subject(text, _words(text), actors)
    if lower in VERB_FOR or _NOUN_FORM.match(lower):
        chunk = text[: len(text.split(None, 1)[0])].strip(_PUNCT)  # "Pengetikan/penginputan"
        return _noun_form(text, chunk, actors)
    if lower.startswith("di") and len(lower) > 4 and lower not in DI_NOUNS:
        return _passive(text, first, actors)
    return _not_a_verb(text, first, actors)


def _each_word(text: str):
    """(start, word) of each word of `text`, without the punctuation around it, as read."""
    for match in _WORD.finditer(text):
        word = match.group().strip(_PUNCT)
        if word:
            yield match.start(), word


def _words(text: str) -> list[tuple[int, str]]:
    return list(_each_word(text))


def _first_word(text: str) -> str | None:
    """The first word, without splitting the rest."""
    return next((word for _, word in _each_word(text)), None)


def _declared_actor_words(sop) -> set[str]:
    """First words of the jabatan declared in [pelaksana] ("Kasubbag Perencanaan" -> kasubbag)."""
    return {word for jabatan in sop.pelaksana.values() if (word := _actor_word(jabatan))}


@lru_cache(maxsize=1024)  # the same jabatan are declared from SOP to SOP
def _actor_word(jabatan: str) -> str | None:
    word = (_first_word(jabatan) or "").lower()
    return word if word and not is_active_verb(word) else None


def _subject(text: str, words: list[tuple[int, str]], actors) -> Text:
    verb_at = next(
        (i for i, (_, word) in enumerate(words[1:_SUBJECT_WINDOW + 1], 1)
         if is_active_verb(word.lower()) and word.lower() not in actors),
        None,
    )
    if verb_at is None:
        subject = words[0][1]
        return Text(
            f'kegiatan diawali subjek "{subject}"; pelaksana ditulis di kolom pelaksana, '
            f"kegiatan diawali kata kerja aktif (me-/ber-)",
            f'the {ACTIVITY} starts with the subject "{subject}"; the actor belongs in the {ACTOR} '
            f"column, and the {ACTIVITY} starts with an active verb (me-/ber-)",
        )
    subject = text[: words[verb_at][0]].strip().rstrip(_PUNCT)
    example = _capitalise(_first_words(text[words[verb_at][0]:]))
    return Text(
        f'kegiatan diawali subjek "{subject}"; pelaksana ditulis di kolom pelaksana, '
        f'kegiatan diawali kata kerja: "{example}"',
        f'the {ACTIVITY} starts with the subject "{subject}"; the actor belongs in the {ACTOR} '
        f'column, and the {ACTIVITY} starts with the verb: "{example}"',
    )


def _object(rest: str, actors) -> str:
    """What follows the verb in a suggestion: `rest` without an agent ("... oleh Camat"), and
    nothing when it starts with an actor ("Ditandatangani Camat": the Camat is the one who signs,
    not what is signed, and "Menandatangani Camat" would say the opposite)."""
    rest = _AGENT.sub("", rest)
    head = _first_word(rest)
    return "" if head is not None and head.lower() in actors else rest


def _noun_form(text: str, chunk: str, actors=ACTOR_WORDS) -> Text:
    parts = chunk.split("/")
    verbs = [VERB_FOR.get(part.lower()) for part in parts]
    if all(verbs):
        rewritten = "/".join(verbs) + _object(text[len(chunk):], actors)
        example = _capitalise(_first_words(rewritten))
        return Text(
            f'kegiatan diawali kata benda "{chunk}"; gunakan kata kerja aktif: "{example}"',
            f'the {ACTIVITY} starts with the noun "{chunk}"; use an active verb: "{example}"',
        )
    return Text(
        f'kegiatan diawali kata benda "{chunk}"; gunakan kata kerja aktif (me-/ber-)',
        f'the {ACTIVITY} starts with the noun "{chunk}"; use an active verb (me-/ber-)',
    )


def _passive(text: str, first: str, actors=ACTOR_WORDS) -> Text:
    verb = active_of_passive(first.lower())
    example = _capitalise(_first_words(verb + _object(text[len(first):], actors)))
    return Text(
        f'kegiatan diawali kata kerja pasif "{first}"; gunakan kata kerja aktif, mis. "{example}"',
        f'the {ACTIVITY} starts with the passive verb "{first}"; use an active verb, e.g. "{example}"',
    )


def _not_a_verb(text: str, first: str, actors=ACTOR_WORDS) -> Text:
    if first.lower() in BASE_VERBS:
        verb = active_of_passive("di" + first.lower())
        example = _capitalise(_first_words(verb + _object(text[len(first):], actors)))
        return Text(
            f'kegiatan diawali bentuk dasar "{first}"; gunakan kata kerja aktif: "{example}"',
            f'the {ACTIVITY} starts with the base form "{first}"; use the active verb: "{example}"',
        )
    return Text(
        f'kegiatan tidak diawali kata kerja aktif ("{first}"); awali dengan kata kerja berawalan '
        f'me- atau ber-',
        f'the {ACTIVITY} does not start with an active verb ("{first}"); start with a me- or ber- verb',
    )


_SYLLABLE = re.compile(r"ai|au|oi|[aiueo]")  # a vowel or diphthong: one syllable each
# Stems starting with "per" whose p is dropped by meN- (memeriksa, not mem-periksa).
_PER_STEMS_DROPPING_P = ("periksa", "perintah", "perlu", "peras", "peringat")
# Stems whose pe- is a prefix, kept by meN- (mempelajari, mempekerjakan; but memelihara).
_PE_STEMS_KEEPING_P = ("pelajar", "pekerja")


def active_of_passive(passive: str) -> str:
    """The meN- form of a di- passive ("diserahkan" -> "menyerahkan"); a suggestion, not a
    dictionary: irregular stems may come out wrong."""
    stem = passive[2:]
    # a one-syllable root, alone or before -kan, takes menge-: "dicek" -> "mengecek", "disahkan" ->
    # "mengesahkan"; a root starting with a vowel takes meng- ("dientry" -> "mengentry")
    if stem.endswith("kan"):  # count the root's vowels one by one: "naik" in "naikkan" is two
        one_syllable = len(re.findall("[aiueo]", stem[:-3])) == 1
    else:
        one_syllable = len(_SYLLABLE.findall(stem)) == 1
    if one_syllable and stem[:1] not in "aiueo":
        return "menge" + stem
    if stem.startswith(_PE_STEMS_KEEPING_P) or (stem.startswith("per") and not stem.startswith(_PER_STEMS_DROPPING_P)):
        return "mem" + stem
    if stem.startswith(("pr", "tr", "kl", "kr", "sk", "st")):  # a cluster keeps its consonant: "memproses"
        return {"p": "mem", "t": "men", "k": "meng", "s": "men"}[stem[0]] + stem
    head = stem[:1]
    if head in "aiueo" or head in "gh":
        return "meng" + stem
    if head == "k":
        return "meng" + stem[1:]
    if head == "p":
        return "mem" + stem[1:]
    if head in "bfv":
        return "mem" + stem
    if head == "t":
        return "men" + stem[1:]
    if head in "dcjz":
        return "men" + stem
    if head == "s":
        return "meny" + stem[1:]
    return "me" + stem


def _first_words(text: str) -> str:
    words = text.split()
    shown = " ".join(words[:_SUGGESTED_WORDS])
    return shown + " ..." if len(words) > _SUGGESTED_WORDS else shown.rstrip(_PUNCT)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
