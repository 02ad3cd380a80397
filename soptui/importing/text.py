"""Extracted text -> SOPs: the form text extraction gives a PDF or Word SOP.

Table rows come as lines with a tab between cells; the identity block as "Label : value" lines
(or "Label value", or the value on the lines below); HTML such as <ol>, <b> and <p> is left in.
A document may hold several SOPs: each starts at its letterhead and ends with its procedure table.

What such text cannot give is the flowchart: which actor's column each symbol stood in, which
symbol it was, where a decision's arrows went. Steps are written without `pelaksana`, unless the
row prints a label (MULAI, SELESAI) in an actor's column, and the file says so. A label printed in
several actors' columns is the symbol drawn in each (a meeting): a step of all of them, as the
Word and PDF readers take a symbol drawn in several columns.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..i18n import Text
from ..model import LOST_ACTORS
from .draft import Draft, StepDraft, Unreadable
from .fields import (
    IDENTITY_LABELS, actor_ids, clean, is_rank, is_table_header, keep_lost_actors, match_label, read_header,
    read_signer, set_date, set_mutu, strip_tags, strip_title_marks, title_case,
)
from .sections import SectionReader

ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$")
_COLUMN_NUMBERS = re.compile(r"^[\d ]+$")
_UNIT = re.compile(r"^(?:kecamatan|kelurahan|desa|dinas|badan|sekretariat|inspektorat|bagian|kantor|satuan"
                   r"|upt|uptd|rsud|puskesmas)\b", re.I)
_INSTANSI = re.compile(r"^pemerintah\s+(?:kabupaten|kota|provinsi)\b", re.I)
_REGION = re.compile(r"\s+((?:kabupaten|kota|provinsi)\s+\S.*)$", re.I)
_ALAMAT = re.compile(r"^alamat\s*:?\s*(?P<after>.+)$|^(?P<street>(?:jalan|jl\.)\s*\S.+)$", re.I)
_NIP_LINE = re.compile(r"^NIP\b", re.I)
_NIP_VALUE = re.compile(r"^NIP\.?\s*:?\s*", re.I)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

NO_TABLE = Text(
    "tidak ada tabel prosedur SOP (baris judul No / Uraian Kegiatan tidak ditemukan)",
    "no SOP procedure table (no header row No / Uraian Kegiatan found)",
)


def read_text_file(path: Path) -> list[Draft]:
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        raise Unreadable(Text("berkas biner, bukan teks", "a binary file, not text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return read_lines(text.splitlines(), path.name)


def cells(line: str) -> list[str]:
    return line.split("\t")


def read_lines(lines: list[str], source: str) -> list[Draft]:
    """Every SOP in the text: one per procedure table, each with the identity block before it."""
    segments = _segments(lines)
    drafts = []
    for number, segment in enumerate(segments):
        part = None if len(segments) == 1 else f"the {_ordinal(number)} of its {len(segments)} SOPs"
        draft = Draft(source, part)
        table = next(i for i, line in enumerate(segment) if is_table_header(cells(line)))
        read_front(segment[:table], draft)
        end = read_table(segment[table:], draft)
        _signature_block(segment[table + end:], draft)
        draft.note("pelaksana", "Extracted text keeps the actor columns' names but not the flowchart drawn "
                   "in them: steps have no pelaksana, symbol or branches unless a row says so.")
        draft.lose(Text("kolom pelaksana, simbol dan cabang tiap langkah (diagram alir)",
                        "each step's actor column, symbol and branches (the flowchart)"))
        if any(not step.values.get("pelaksana") for step in draft.steps) and LOST_ACTORS not in draft.hilang_di_sumber:
            draft.hilang_di_sumber.append(LOST_ACTORS)  # unknown, not missing: not-in-source says so
        drafts.append(draft)
    return drafts


def _ordinal(number: int) -> str:
    return ORDINALS[number] if number < len(ORDINALS) else f"{number + 1}th"


def _segments(lines: list[str]) -> list[list[str]]:
    headers = [i for i, line in enumerate(lines) if is_table_header(cells(line))]
    if not headers:
        raise Unreadable(NO_TABLE)
    nomor = [i for i, line in enumerate(lines) if (found := match_label(clean(line), IDENTITY_LABELS))
             and found[0] == "nomor"]
    starts = [0]
    for line in nomor[1:]:
        if not any(starts[-1] <= header < line for header in headers):
            continue  # a second identity block before any table: the same SOP
        rows = [i for i in range(starts[-1], line) if _is_row(cells(lines[i]))]
        starts.append(rows[-1] + 1 if rows else line)
    starts.append(len(lines))
    return [lines[a:b] for a, b in zip(starts, starts[1:])
            if any(is_table_header(cells(line)) for line in lines[a:b])]


# --- identity block and sections -----------------------------------------------------------------


def read_front(lines: list[str], draft: Draft) -> None:
    """Everything before the procedure table: letterhead, identity labels, the six sections."""
    reader = SectionReader(draft)
    first_heading = next((i for i, line in enumerate(lines) if _heading_line(reader, line)), len(lines))
    _identity(lines[:first_heading], draft)
    caption = _caption_key(str(draft.values.get("nama", "")))
    for line in lines[first_heading:]:
        if caption and _caption_key(clean(line.replace("\t", " "))) == caption:
            break  # the table's caption repeats the title: the sections are over
        reader.line(line)
    reader.finish()


def front_lines(rows: list[list[list[str]]]) -> list[str]:
    """A Word or PDF table before the procedure (rows of cells, a cell a list of paragraphs) laid
    out as extracted text lays it out: a label and its value on one line, the value's other
    paragraphs (a signer's name, NIP) on the lines below, the letterhead beside the labels on lines
    of its own, and cells side by side (the sections' grid) on one line with tabs between."""
    lines: list[str] = []
    for cells in rows:
        cells = [paragraphs for paragraphs in cells if paragraphs]
        labelled = next((i for i, paragraphs in enumerate(cells)
                         if match_label(clean(paragraphs[0]), IDENTITY_LABELS)), None)
        if labelled is not None:
            for paragraphs in cells[:labelled]:
                lines.extend(paragraphs)
            label, *values = cells[labelled:]
            lines.append("\t".join([" ".join(label)] + [paragraphs[0] for paragraphs in values[:1]]))
            for paragraphs in values[:1]:
                lines.extend(paragraphs[1:])
            for paragraphs in values[1:]:
                lines.extend(paragraphs)
        elif len(cells) == 1:
            lines.extend(cells[0])
        elif cells:
            lines.append("\t".join("</p><p>".join(paragraphs) for paragraphs in cells))
    return lines


def _heading_line(reader: SectionReader, line: str) -> bool:
    first = next((cell for cell in cells(line) if clean(cell)), "")
    return bool(first) and reader.heading(clean(first)) is not None


def _caption_key(text: str) -> str:
    text = re.sub(r"^\W*(?:sop\b\s*:?)?", "", text.lower())
    return re.sub(r"\W+", "", text)


def _identity(lines: list[str], draft: Draft) -> None:
    labelled = []
    for index, line in enumerate(lines):
        found = match_label(clean(line.replace("\t", " ")), IDENTITY_LABELS)
        if found:
            labelled.append((index, found))
    first = labelled[0][0] if labelled else len(lines)
    _letterhead([clean(line) for line in lines[:first] if clean(line)], draft)
    for position, (index, (key, label, rest)) in enumerate(labelled):
        end = labelled[position + 1][0] if position + 1 < len(labelled) else len(lines)
        below = [clean(line.replace("\t", " ")) for line in lines[index + 1:end]]
        below = [line for line in below if line]
        value = rest or (below[0] if below and key != "disahkan_oleh" else "")
        if key == "disahkan_oleh":
            read_signer(([rest] if rest else []) + below, draft)
        elif key == "nama":
            nama, mark = strip_title_marks(strip_tags(value))
            if nama:
                draft.set("nama", nama, f'The document shows "{mark}" after the title: an artifact, left out.'
                          if mark else None)
        elif key == "nomor":
            if value and value.strip("-"):
                draft.set("nomor", strip_tags(value))
        else:
            set_date(draft, key, label, strip_tags(value))
    if not draft.signer:
        draft.note("disahkan_oleh", '"Disahkan Oleh" is blank in the document: no [disahkan_oleh] table.')
    if "nama" not in draft.values:
        draft.set("nama", Path(draft.source).stem, "No Nama SOP found in the document: named after the file.")
        draft.lose(Text("Nama SOP", "Nama SOP"))


def _letterhead(lines: list[str], draft: Draft) -> None:
    """Instansi, unit and alamat from the lines above the identity labels. The unit line nearest
    the labels wins (a letterhead may be printed twice, spelled differently); the others are noted."""
    units = [line for line in lines if _UNIT.match(line)]
    instansi = next((line for line in lines if _INSTANSI.match(line)), None)
    if instansi:
        draft.set("instansi", title_case(instansi))
    if units:
        unit = units[-1]
        region = _REGION.search(unit)
        if region:
            draft.set("unit", title_case(unit[:region.start()]))
            if not instansi:
                draft.set("instansi", title_case(region[1]), f'The letterhead prints "{unit}".')
        else:
            draft.set("unit", title_case(unit))
        for other in dict.fromkeys(title_case(line) for line in units):
            if other.lower() != title_case(unit).lower():
                draft.note("unit", f'The document also prints "{other}".')
    else:
        draft.set("unit", "?", "No unit found in the letterhead: fill it in.")
        draft.lose(Text("unit", "unit"))
    addresses = []
    for line in lines:
        found = _ALAMAT.match(line)
        if found:
            addresses.append(found["after"] or found["street"])
    if addresses:
        draft.set("alamat", addresses[0])
        for other in addresses[1:]:
            if other != addresses[0]:
                draft.note("alamat", f'Another letterhead prints "{other}".')


def _signature_block(lines: list[str], draft: Draft) -> None:
    """Name, rank and NIP printed under the table, when "Disahkan Oleh" gave only the jabatan."""
    if "nip" in draft.signer:
        return
    found = [clean(line) for line in lines if clean(line)]
    nip_at = next((i for i, line in enumerate(found) if _NIP_LINE.match(line)), None)
    if nip_at is None:
        return
    draft.signer["nip"] = _NIP_VALUE.sub("", found[nip_at]).strip()
    above = found[max(0, nip_at - 2):nip_at]
    if above and is_rank(above[-1]):
        draft.signer["pangkat"] = above.pop()
    if above:
        draft.signer["nama"] = above[-1]
    draft.notes.pop("disahkan_oleh", None)
    draft.note("disahkan_oleh", 'Jabatan from the "Disahkan Oleh" row; name, rank and NIP from the '
               "signature block at the end.")


# --- the procedure table -------------------------------------------------------------------------


def _is_row(row: list[str]) -> bool:
    return len(row) >= 3 and bool(ROW_NUMBER.match(row[0])) and any(c.isalpha() for c in row[1])


def _is_column_numbers(row: list[str]) -> bool:
    filled = [clean(cell) for cell in row if clean(cell)]
    return bool(filled) and all(_COLUMN_NUMBERS.match(cell) for cell in filled)


def _is_subheader(row: list[str]) -> bool:
    return (len(row) >= 3 and not clean(row[0]) and sum(1 for cell in row if clean(cell)) >= 2
            and not _is_column_numbers(row) and not any(c.isalpha() for c in clean(row[1])))


def read_table(lines: list[str], draft: Draft) -> int:
    """The procedure table from its header on; returns how many lines it took. A header printed
    again (the next page) is skipped; a row with no number continues the row above."""
    index, end, columns, actor_columns = 0, 0, None, {}
    continued = []
    while index < len(lines):
        row = cells(lines[index])
        if is_table_header(row):
            header = [row]
            while index + 1 < len(lines) and _is_subheader(cells(lines[index + 1])):
                index += 1
                header.append(cells(lines[index]))
            columns = read_header(header)
            keep_lost_actors(draft, columns)
            if not draft.actors:
                names = [name for _, name in columns.actors]
                draft.actors.update(zip(actor_ids(names), names))
            actor_columns = {column: actor for (column, _), actor in zip(columns.actors, draft.actors)}
            index += 1
            continue
        if not clean(lines[index].replace("\t", " ")) or _is_column_numbers(row):
            index += 1
            continue
        if _is_row(row):
            draft.steps.append(step_from_cells(row, columns, actor_columns))
            end = index + 1
        elif draft.steps and not clean(row[0]) and len(row) >= 3:
            continued.append(draft.steps[-1].no)
            _continue_row(draft.steps[-1], row, columns)
            end = index + 1
        else:
            break
        index += 1
    for no in dict.fromkeys(continued):
        step = next(step for step in draft.steps if step.no == no)
        step.above.append("The row runs over more than one line in the extracted text; joined.")
    return end if draft.steps else index


def step_from_cells(row: list[str], columns, actor_columns: dict[int, str]) -> StepDraft:
    """One activity row from its cells' text (the Word reader's rows too)."""
    row = row + [""] * (max(columns.mutu.values(), default=0) + 1 - len(row))
    step = StepDraft(int(ROW_NUMBER.match(row[0])[1]), strip_tags(row[columns.kegiatan]))
    labels = [(actor_columns[column], clean(row[column])) for column in actor_columns
              if column < len(row) and clean(row[column])]
    actors = list(dict.fromkeys(actor for actor, _ in labels))
    if len(actors) == 1:
        step.set("pelaksana", actors[0], f'The extracted row prints "{labels[0][1]}" in this actor\'s column: '
                 "the flowchart's symbol stood there.")
    elif actors:
        printed = ", ".join(dict.fromkeys(f'"{label}"' for _, label in labels))
        step.set("pelaksana", actors, f"The extracted row prints {printed} in {len(actors)} actors' columns: "
                 "the flowchart's symbol stood in each, a step of several actors.")
    for key in ("kelengkapan", "waktu", "output", "keterangan"):
        column = columns.mutu.get(key)
        if column is not None and column < len(row):
            set_mutu(step, key, row[column])
    return step


def _continue_row(step: StepDraft, row: list[str], columns) -> None:
    more = strip_tags(row[columns.kegiatan]) if columns.kegiatan < len(row) else ""
    if more:
        step.values["kegiatan"] = f"{step.values['kegiatan']} {more}".strip()
    for key in ("kelengkapan", "waktu", "output", "keterangan"):
        column = columns.mutu.get(key)
        text = strip_tags(row[column]) if column is not None and column < len(row) else ""
        if not text:
            continue
        if key in ("kelengkapan", "output") and key in step.values:
            step.values[key] = [*step.values[key], text]
        elif key == "keterangan" and key in step.values:
            step.values[key] = f"{step.values[key]} {text}"
        else:
            set_mutu(step, key, text)
