"""Reading the fields every source kind shares: labels, dates, the signer, lists, table headers.

The identity block and the procedure table say the same things in Word, in a PDF and in extracted
text; only how the cells are found differs. What a cell's text means is decided here, once.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import LOST_ACTORS
from ..tanggal import MonthDate, Tanggal, parse_printed
from ..waktu import parse_waktu
from .draft import Draft, StepDraft

_NONE = re.compile(r"^[-\u2013\u2014.]*$")

# Identity labels, as the templates print them; the key each one fills.
IDENTITY_LABELS = (
    ("nomor", re.compile(r"(?:nomor|no\.?)\s*sop", re.I)),
    ("tanggal_pembuatan", re.compile(r"(?:tanggal|tgl\.?)\s*pembuatan", re.I)),
    ("tanggal_revisi", re.compile(r"(?:tanggal|tgl\.?)\s*revisi", re.I)),
    ("tanggal_efektif", re.compile(r"(?:tanggal|tgl\.?)\s*(?:pengesahan\s*/\s*efektif|efektif|pengesahan)", re.I)),
    ("disahkan_oleh", re.compile(r"disahkan\s+oleh", re.I)),
    ("nama", re.compile(r"(?:nama|judul)\s+sop", re.I)),
)

# Section headings, and the variants documents print.
SECTION_HEADINGS = (
    ("dasar_hukum", re.compile(r"dasar\s+hukum", re.I)),
    ("kualifikasi_pelaksana", re.compile(r"kualifikasi\s+pelaksana(?:an)?", re.I)),
    ("keterkaitan", re.compile(r"keterkaitan", re.I)),
    ("peralatan_perlengkapan", re.compile(
        r"peralatan\s*/?\s*(?:perlengkapan|kelengkapan)(?:\s+kantor)?|peralatan|perlengkapan", re.I)),
    ("peringatan", re.compile(r"peringatan", re.I)),
    ("pencatatan_pendataan", re.compile(r"pencatatan\s*(?:dan|&)\s*pendataan|pencatatan", re.I)),
)
STANDARD_NAMES = {
    "dasar_hukum": "Dasar Hukum", "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan", "peralatan_perlengkapan": "Peralatan / Perlengkapan",
    "peringatan": "Peringatan", "pencatatan_pendataan": "Pencatatan dan Pendataan",
}

_TAG = re.compile(r"<[^>]{0,200}>")
_BLOCK_TAG = re.compile(r"</?(?:p|ol|ul|li|br|div|tr|td)\b[^>]{0,200}>", re.I)
_SPACE = re.compile(r"[ \t\u00a0]+")
# An artifact some extractions leave after a title: a check mark, a box.
_TRAILING_MARKS = re.compile(r"\s*[\u2713\u2714\u2610\u2611\u25a1\u25a0\uf0fc]+\s*$")


def strip_tags(text: str) -> str:
    return _SPACE.sub(" ", _TAG.sub("", text)).strip()


def blocks(text: str) -> list[str]:
    """The pieces of a cell's text that HTML paragraph and list tags separate, tags removed."""
    return [piece for piece in (strip_tags(part) for part in _BLOCK_TAG.split(text)) if piece]


def clean(text: str) -> str:
    """One line of text: tags removed, spaces collapsed, Markdown heading marks dropped."""
    return strip_tags(text).lstrip("#").strip()


def match_label(text: str, labels) -> tuple[str, str, str] | None:
    """(key, label as printed, the rest of the text) when `text` starts with one of `labels`."""
    for key, pattern in labels:
        found = pattern.match(text)
        if found and (found.end() == len(text) or not text[found.end()].isalnum()):
            rest = text[found.end():].lstrip(" \t:").strip()
            return key, found.group(0), rest
    return None


# --- dates ---------------------------------------------------------------------------------------


class DateReading(NamedTuple):
    date: Tanggal | None  # a MonthDate when the document prints only month and year
    note: str | None  # why there is no date, or what was odd about it


def read_date(printed: str) -> DateReading:
    text = _SPACE.sub(" ", printed).strip().rstrip(".")
    if _NONE.match(text):
        return DateReading(None, f'left out: the document says "{text}"' if text else "left out: blank in the document")
    try:
        date = parse_printed(text)
    except ValueError:
        return DateReading(None, f'left out: "{text}" is not a real date')
    if isinstance(date, MonthDate):
        return DateReading(date, f'printed as a month only: "{text}"')
    if date is None:
        return DateReading(None, f'left out: "{text}" could not be read as a date')
    return DateReading(date, None)


def set_date(draft: Draft, key: str, label: str, printed: str) -> None:
    reading = read_date(printed)
    if isinstance(reading.date, MonthDate):
        draft.set(key, reading.date.isoformat())  # the format writes a month-only date as text
        draft.note(key, f"{key} {reading.note}.")
    elif reading.date is not None:
        draft.set(key, reading.date)
    else:
        draft.note(key, f"{key} {reading.note}")
    standard = {"tanggal_pembuatan": "tanggal pembuatan", "tanggal_revisi": "tanggal revisi",
                "tanggal_efektif": "tanggal efektif"}[key]
    if key == "tanggal_efektif" and "pengesahan" in label.lower():
        draft.note(key, f'Printed as "{label}": the standard makes the effective date the signing date.')
    elif re.sub(r"^tgl\.?\s*", "tanggal ", _SPACE.sub(" ", label.lower())) != standard and reading.date is not None:
        draft.note(key, f'Printed as "{label}".')


# --- the signer ----------------------------------------------------------------------------------

_NIP = re.compile(r"\bNIP\.?\s*:?\s*([\d ]{8,25}\d)", re.I)
_RANK = re.compile(r"^(?:pembina|penata|pengatur|juru|pegawai)\b.*?(?:/\s*I{1,3}V?\s*[a-e]?)?$|^I{1,3}V?\s*/\s*[a-e]$", re.I)


def is_rank(line: str) -> bool:
    return bool(_RANK.match(line.strip()))


def read_signer(lines: list[str], draft: Draft) -> None:
    """`Disahkan Oleh`'s lines: jabatan, nama, pangkat, NIP, one a line or all run together."""
    lines = [clean(line) for line in lines if clean(line)]
    if not lines:
        return
    text = " ".join(lines)
    nip = _NIP.search(text)
    if nip:
        draft.signer["nip"] = nip[1].strip()
        lines = [_NIP.sub("", line).strip() for line in lines]
        lines = [line for line in lines if line]
    rank = next((line for line in lines if is_rank(line)), None)
    if rank:
        draft.signer["pangkat"] = rank
        lines.remove(rank)
    if len(lines) >= 2:
        draft.signer["jabatan"] = lines[0]
        draft.signer["nama"] = " ".join(lines[1:])
    elif lines and nip:
        jabatan, nama = split_jabatan_nama(lines[0])
        if nama:
            draft.signer["jabatan"], draft.signer["nama"] = jabatan, nama
            draft.note("disahkan_oleh", "The jabatan and the name are printed on one line; split where the "
                       "capitalised name begins: check it.")
        else:
            draft.signer["jabatan"] = lines[0]
    elif lines:
        draft.signer["jabatan"] = lines[0]


def split_jabatan_nama(line: str) -> tuple[str, str | None]:
    """"CAMAT SUMBERSUKO Kabupaten Lumajang ADMA TEGUH PAMBUDI, S.STP" -> the jabatan, the name:
    the name is the run of capitalised words at the end, after the last word that is not."""
    words = line.split()
    start = len(words)
    while start > 0 and _upper_word(words[start - 1]):
        start -= 1
    if 0 < start < len(words):
        return " ".join(words[:start]), " ".join(words[start:])
    return line, None


def _upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# --- lists ---------------------------------------------------------------------------------------

_NUMBERED = re.compile(r"(?<![\d/])(\d{1,2})[.)]\s*(?=[^\W\d_])")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s*(?=\S)")
_BULLET_START = re.compile(r"^\s*[-\u2013\u2022\u00b7*]\s+")
_BULLET_SPLIT = re.compile(r"\s+[-\u2013\u2022\u00b7]\s+")


class Item(NamedTuple):
    number: int | None  # as printed; None for a bullet or a plain paragraph
    text: str
    bullet: bool = False


def split_items(text: str) -> list[Item]:
    """A piece of a section or a cell as list items: "1. A;2. B" -> 1 A; 2 B, "- A - B" -> A; B.
    Numbers inside a piece count only when they follow on (1, 2, 3), so "Nomor 12 Tahun 2019. 3
    Lembaran" is never cut; a number that starts the piece is taken as printed, defects and all."""
    text = text.strip()
    if not text:
        return []
    if _BULLET_START.match(text):
        body = _BULLET_START.sub("", text)
        return [Item(None, part.strip(), True) for part in _BULLET_SPLIT.split(body) if part.strip()]
    first = _LEADING_NUMBER.match(text)
    if not first:
        return [Item(None, text)]
    items: list[Item] = []
    number, start = int(first[1]), first.end()
    for found in _NUMBERED.finditer(text, first.end()):
        if int(found[1]) == number + 1:
            items.append(Item(number, text[start:found.start()].strip()))
            number, start = int(found[1]), found.end()
    items.append(Item(number, text[start:].strip()))
    return [item for item in items if item.text]


def cell_list(text: str) -> list[str]:
    """A mutu baku cell (kelengkapan, output) as a list: bullets and numbers split, else one item."""
    return [item.text for item in split_items(text)]


# --- the procedure table's header ----------------------------------------------------------------

_NO_HEADER = re.compile(r"^no\.?$", re.I)
_KEGIATAN_HEADER = re.compile(r"^(?:uraian\s+)?(?:kegiatan|prosedur|aktivitas)$|^uraian\s+(?:kegiatan|prosedur|aktivitas)", re.I)
_MUTU_HEADERS = (
    ("kelengkapan", re.compile(r"^(?:kelengkapan|persyaratan(?:\s*/\s*kelengkapan)?)\b", re.I)),
    ("waktu", re.compile(r"^waktu\b", re.I)),
    ("output", re.compile(r"^(?:output|hasil)\b", re.I)),
    ("keterangan", re.compile(r"^(?:keterangan|ket\.?)$", re.I)),
)
_GROUP_HEADERS = re.compile(r"^(?:pelaksana|pelaku(?:\s+kegiatan)?|mutu\s+b[a-z]ku)$", re.I)


def is_table_header(cells: list[str]) -> bool:
    cells = [clean(cell) for cell in cells]
    return len(cells) >= 3 and bool(_NO_HEADER.match(cells[0])) and bool(_KEGIATAN_HEADER.match(cells[1]))


class Columns(NamedTuple):
    """Where each field of an activity row is: column indexes in the table's grid."""

    no: int
    kegiatan: int
    actors: tuple[tuple[int, str], ...]  # (column, jabatan as printed)
    mutu: dict  # "kelengkapan" / "waktu" / "output" / "keterangan" -> column
    # a column headed "(tidak ada di sumber)": the document was exported from a transcription
    # whose source lost the actor columns (hilang_di_sumber = ["pelaksana"])
    actors_lost: bool = False


def read_header(rows: list[list[str]]) -> Columns | None:
    """The columns from the header rows (one or two: "Pelaksana" and "Mutu Baku" spanning their
    sub-columns). A column is named by its lowest non-empty header cell (a cell merged down from
    above is blank below); the actor columns are the ones between the activity and the first mutu
    baku column, less a spanning "Pelaksana" that names no column of its own."""
    if not rows or not is_table_header(rows[0]):
        return None
    width = max(len(row) for row in rows)
    names: list[tuple[str, int]] = []  # (name, the header row it came from)
    for column in range(width):
        named = ("", 0)
        for depth, row in enumerate(rows):
            cell = clean(row[column]) if column < len(row) else ""
            if cell:
                named = (cell, depth)
        names.append(named)
    mutu: dict[str, int] = {}
    for column, (name, _) in enumerate(names):
        for key, pattern in _MUTU_HEADERS:
            if key not in mutu and pattern.match(name):
                mutu[key] = column
    if "output" in mutu:
        # Keterangan follows Output in the standard's table. Its own header cell, merged down
        # over two rows, can land columns away in extracted text (Wangon prints it three to the
        # right of its cells), so its place is taken from Output's.
        mutu["keterangan"] = mutu["output"] + 1
    first_mutu = min(mutu.values(), default=width)
    last = len(rows) - 1
    actors = tuple(
        (column, name) for column, (name, depth) in enumerate(names[2:first_mutu], start=2)
        if name and not (depth < last and _GROUP_HEADERS.match(name)) and not _NO_ACTOR.match(name)
    )
    lost = any(_LOST_ACTOR.match(name) for name, _ in names[2:first_mutu])
    return Columns(0, 1, actors, mutu, lost)


def keep_lost_actors(draft: Draft, columns: Columns) -> None:
    """A "(tidak ada di sumber)" column says the source lost the actor columns: the file says so too."""
    if columns.actors_lost and LOST_ACTORS not in draft.hilang_di_sumber:
        draft.hilang_di_sumber.append(LOST_ACTORS)


# The column `soptui export` draws for steps with no declared pelaksana: not an actor, so a
# symbol in it reads back as a step without one. "(tidak ada di sumber)" when the SOP said its
# source lost the actor columns.
_LOST_ACTOR = re.compile(r"\(?\s*tidak\s+ada\s+di\s+sumber\s*\)?$", re.IGNORECASE)
_NO_ACTOR = re.compile(rf"\(?\s*tanpa\s+pelaksana\s*\)?$|{_LOST_ACTOR.pattern}", re.IGNORECASE)


_ID_CHARS = re.compile(r"[^a-z0-9]+")


def actor_ids(names: list[str]) -> list[str]:
    """Ids for the actor columns: the jabatan in lowercase with `_` ("Kasubag Umum" ->
    kasubag_umum), made unique with a number."""
    ids: list[str] = []
    for name in names:
        base = _ID_CHARS.sub("_", name.lower()).strip("_") or "pelaksana"
        if not base[0].isalpha():
            base = f"kolom_{base}"
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}_{n}", n + 1
        ids.append(candidate)
    return ids


def set_mutu(step: StepDraft, key: str, text: str) -> None:
    """One mutu baku or keterangan cell into the step; an unreadable waktu becomes a note."""
    text = strip_tags(text)
    if not text:
        return
    if key == "waktu":
        if parse_waktu(text) is not None:
            step.set("waktu", text)
        else:
            step.note("waktu", f'waktu left out: the document prints "{text}", which is not a duration')
    elif key == "keterangan":
        step.set("keterangan", text)
    else:
        items = cell_list(text)
        if items:
            step.set(key, items)


def title_case(text: str) -> str:
    """"PEMERINTAH KABUPATEN BALANGAN" -> "Pemerintah Kabupaten Balangan"; mixed case is kept."""
    if text != text.upper():
        return text
    return " ".join(word.capitalize() for word in text.split())


def strip_title_marks(text: str) -> tuple[str, str | None]:
    found = _TRAILING_MARKS.search(text)
    if not found:
        return text, None
    return text[:found.start()], found.group(0).strip()
