"""The identity page (Bagian Identitas), as the standard's template sets it.

Left, the letterhead (logo, instansi, unit, alamat); right, Nomor SOP, the three dates, the
signer (jabatan, room to sign, nama, NIP) and the SOP's name; below, the six documentation lists
in three pairs. Long lists first shrink the type, then flow onto a second page: never off the page.
"""

from __future__ import annotations

from ..model import Sop
from ..tanggal import Tanggal, indonesian
from . import text
from .page import Cell, Grid, Line, Page

PAD = 4.0
SIZES = (8.0, 7.5, 7.0, 6.5, 6.0)  # tried in turn until the page holds everything
SIGNATURE_ROOM = 36.0
LOGO = 46.0
PAIRS = (
    (("Dasar Hukum", "dasar_hukum"), ("Kualifikasi Pelaksana", "kualifikasi_pelaksana")),
    (("Keterkaitan", "keterkaitan"), ("Peralatan/Perlengkapan", "peralatan_perlengkapan")),
    (("Peringatan", "peringatan"), ("Pencatatan dan Pendataan", "pencatatan_pendataan")),
)


def indonesian_date(day: Tanggal | None) -> str:
    """26 Juli 2023, or "September 2019" for a month-only date; "-" when the SOP gives no date."""
    return indonesian(day)


def identity_pages(sop: Sop, page_width: float, page_height: float, left: float, top: float,
                   bottom: float) -> list[Page]:
    width = page_width - 2 * left
    columns = (width * 0.5, width * 0.15, width * 0.35)
    room = bottom - top
    for size in SIZES:
        head_rows, head_cells = _head(sop, columns, size)
        pairs = [_pair(sop, pair, columns, size) for pair in PAIRS]
        heights = [*head_rows, *(_pair_height(cells, size) for cells in pairs)]
        if sum(heights) <= room:
            break
    cells = list(head_cells)
    for r, (left_lines, right_lines) in enumerate(pairs, start=len(head_rows)):
        cells += [Cell(r, 0, left_lines, size=size, pad=PAD), Cell(r, 1, right_lines, colspan=2, size=size, pad=PAD)]
    logo = (left + columns[0] / 2 - LOGO / 2, top + PAD, LOGO, LOGO)
    if sum(heights) <= room:
        grid = Grid(left, top, columns, tuple(heights), tuple(cells))
        return [Page(page_width, page_height, grids=(grid,), kind="identity", logo=logo)]
    return _flowed(sop, page_width, page_height, left, top, room, columns, head_rows, head_cells, pairs, size, logo)


def _flowed(sop, page_width, page_height, left, top, room, columns, head_rows, head_cells, pairs, size, logo):
    """The lists did not fit even in the smallest type: pages of whole lines, each list's
    remainder continued under its heading marked "(lanjutan)"."""
    pages: list[Page] = []
    rows, cells, used = list(head_rows), list(head_cells), sum(head_rows)
    line_height = text.height(1, size)
    page_logo = logo
    for left_lines, right_lines in pairs:
        while left_lines or right_lines:
            fits = int((room - used - 2 * PAD) / line_height)
            if fits < 3 and rows:  # not even a heading and two lines: next page
                pages.append(Page(page_width, page_height, grids=(Grid(left, top, columns, tuple(rows), tuple(cells)),),
                                  kind="identity", logo=page_logo))
                rows, cells, used, page_logo = [], [], 0.0, None
                continue
            here_left, left_lines = left_lines[:fits], _continued(left_lines[fits:], size)
            here_right, right_lines = right_lines[:fits], _continued(right_lines[fits:], size)
            r = len(rows)
            cells += [Cell(r, 0, tuple(here_left), size=size, pad=PAD), Cell(r, 1, tuple(here_right), colspan=2, size=size, pad=PAD)]
            height = text.height(max(len(here_left), len(here_right)), size) + 2 * PAD
            rows.append(height)
            used += height
    if rows:
        pages.append(Page(page_width, page_height, grids=(Grid(left, top, columns, tuple(rows), tuple(cells)),),
                          kind="identity", logo=page_logo))
    return pages


def _continued(lines: list[Line], size: float) -> list[Line]:
    if not lines:
        return []
    return [Line("(lanjutan)", True), *lines]


def _head(sop: Sop, columns: tuple[float, ...], size: float) -> tuple[list[float], list[Cell]]:
    value_room = columns[2] - 2 * PAD
    signer = sop.disahkan_oleh

    def value(content: str | None, bold: bool = False) -> tuple[Line, ...]:
        return tuple(Line(t, bold) for t in text.wrap(content or "-", value_room, size, bold))

    signed = [*value(signer.jabatan if signer else None, True), Line(""), Line("(tanda tangan)"), Line("")]
    signed += [*value(signer.nama if signer else None, True),
               *value(f"NIP. {signer.nip}" if signer and signer.nip else "NIP. -")]
    rows = [
        ("Nomor SOP", value(sop.nomor)),
        ("Tanggal Pembuatan", value(indonesian_date(sop.tanggal_pembuatan))),
        ("Tanggal Revisi", value(indonesian_date(sop.tanggal_revisi))),
        ("Tanggal Efektif", value(indonesian_date(sop.tanggal_efektif))),
        ("Disahkan Oleh", tuple(signed)),
        ("Nama SOP", value(sop.nama, True)),
    ]
    heights, cells = [], []
    for r, (label, lines) in enumerate(rows):
        label_lines = tuple(Line(t, True) for t in text.wrap(label, columns[1] - 2 * PAD, size, True))
        lines_needed = max(len(label_lines), len(lines))
        extra = SIGNATURE_ROOM - 3 * text.height(1, size) if label == "Disahkan Oleh" else 0.0
        heights.append(text.height(lines_needed, size) + 2 * PAD + max(extra, 0.0))
        cells += [Cell(r, 1, label_lines, size=size, pad=PAD), Cell(r, 2, lines, size=size, middle=label != "Disahkan Oleh", pad=PAD)]
    letterhead_room = columns[0] - 2 * PAD
    head = []
    for content, bold in ((sop.instansi, True), (sop.unit, True), (sop.alamat, False)):
        if content:
            head += [Line(t, bold) for t in text.wrap(content.upper() if bold else content, letterhead_room, size * 1.25, bold)]
    # The letterhead sits under the logo: blank lines keep the logo's room.
    blank = int(LOGO / text.height(1, size * 1.25)) + 1
    letterhead = Cell(0, 0, (*[Line("")] * blank, *head), rowspan=len(rows), size=size * 1.25, align="center", pad=PAD)
    needed = text.height(blank + len(head), size * 1.25) + 2 * PAD
    if needed > sum(heights):
        heights[-1] += needed - sum(heights)
    return heights, [letterhead, *cells]


def _pair(sop: Sop, pair, columns: tuple[float, ...], size: float) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    (left_title, left_key), (right_title, right_key) = pair
    return (_listing(left_title, getattr(sop, left_key), columns[0] - 2 * PAD, size),
            _listing(right_title, getattr(sop, right_key), columns[1] + columns[2] - 2 * PAD, size))


def _listing(title: str, items, room: float, size: float) -> tuple[Line, ...]:
    lines = [Line(f"{title}:", True)]
    if not items:
        return (*lines, Line("-"))
    marker_room = text.width(f"{len(items)}. ", size)
    for n, item in enumerate(items, start=1):
        words = text.wrap(str(getattr(item, "text", item)), room - marker_room, size)
        lines.append(Line(f"{n}. {words[0]}"))
        lines += [Line(w, indent=marker_room) for w in words[1:]]
    return tuple(lines)


def _pair_height(cells: tuple[tuple[Line, ...], tuple[Line, ...]], size: float) -> float:
    return text.height(max(len(cells[0]), len(cells[1])), size) + 2 * PAD
