"""Write the Word fixtures the importer's tests read: `python tests/importing/make_docx_fixtures.py`.

Each document is a small SOP in the Permenpan layout (identity table, the six sections, the
procedure table with a two-row header) whose flowchart symbols are stored one of the ways Word and
its predecessors store them: DrawingML inside mc:AlternateContent with a VML fallback, VML only, a
scaled group, a shape anchored in the Kegiatan cell and pushed into an actor column by its offset,
a header row repeated mid-table. python-docx writes the text; the shapes are written as XML with
lxml, at positions computed here from the table's grid, the same geometry documents.md describes.

The VML fallbacks are deliberately drawn in the wrong column: a reader that took the Fallback as
well as the Choice would find each symbol twice, and in the wrong place.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Twips

HERE = Path(__file__).parent / "fixtures"
EMU = 635  # EMU per twip
CELL_MARGIN = 108  # Word's default left cell margin, in twips

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)

# The procedure table's grid, in twips.
NO_W, KEGIATAN_W, ACTOR_W, MUTU_W, WAKTU_W, KET_W = 500, 2600, 1300, 1400, 800, 1000
ACTORS = ("Camat", "Sekretaris", "Kasubbag Umum")
HEADER_H, ROW_H = 450, 900
SYMBOL_W, SYMBOL_H = 900, 450
CONNECTOR = 300  # an off-page connector's width and height

PRST = {"terminator": "flowChartTerminator", "proses": "flowChartProcess", "keputusan": "flowChartDecision",
        "penghubung": "flowChartOffpageConnector"}
VML_SPT = {"terminator": 116, "proses": 109, "keputusan": 110, "penghubung": 177}


class Row(NamedTuple):
    no: int
    kegiatan: str
    actor: int  # the actor column the symbol is drawn in
    symbol: str
    ya: int | None = None  # decision branches, drawn as labelled arrows
    tidak: int | None = None
    kelengkapan: str = "Berkas"
    waktu: str = "10 menit"
    output: str = "Berkas"


ROWS = (
    Row(1, "Menerima berkas permohonan", 2, "terminator"),
    Row(2, "Memeriksa kelengkapan berkas", 1, "proses", waktu="30 menit"),
    Row(3, "Memutuskan berkas lengkap atau tidak", 0, "keputusan", ya=4, tidak=2, waktu="15 menit"),
    Row(4, "Menandatangani surat", 0, "proses", waktu="1 jam"),
    Row(5, "Mengarsipkan surat", 2, "terminator", output="Arsip"),
)


class Layout:
    """Where each cell of the procedure table is, in twips from the table's top-left corner."""

    def __init__(self, rows: tuple[Row, ...], repeat_after: int | None) -> None:
        widths = [NO_W, KEGIATAN_W, *[ACTOR_W] * len(ACTORS), MUTU_W, WAKTU_W, MUTU_W, KET_W]
        self.widths = widths
        self.col_x = [sum(widths[:i]) for i in range(len(widths))]
        self.repeat_after = repeat_after
        self.row_top = {}
        top = 2 * HEADER_H
        for row in rows:
            self.row_top[row.no] = top
            top += ROW_H
            if row.no == repeat_after:
                top += 2 * HEADER_H

    def centre(self, row: Row) -> tuple[int, int]:
        column = 2 + row.actor
        return self.col_x[column] + ACTOR_W // 2, self.row_top[row.no] + ROW_H // 2


# --- the XML of one shape ------------------------------------------------------------------------


def wsp(prst: str, cx: int, cy: int, x: int = 0, y: int = 0, text: str | None = None, connector: bool = False,
        flip_h: bool = False, flip_v: bool = False, arrow: bool = False, inner: str | None = None) -> str:
    """A DrawingML shape: a symbol, a text box (`text`), or a connector; `inner` is a symbol's own text."""
    kind = "<wps:cNvCnPr/>" if connector else ('<wps:cNvSpPr txBox="1"/>' if text else "<wps:cNvSpPr/>")
    flip = (' flipH="1"' if flip_h else "") + (' flipV="1"' if flip_v else "")
    line = '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>' + (
        '<a:tailEnd type="triangle"/>' if arrow else "") + "</a:ln>"
    fill = "<a:noFill/>" if connector or text else '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
    box = (f"<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text or inner}</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
           if text or inner else "")
    no_line = '<a:ln><a:noFill/></a:ln>' if text else line
    return (f'<wps:wsp>{kind}<wps:spPr><a:xfrm{flip}><a:off x="{x * EMU}" y="{y * EMU}"/>'
            f'<a:ext cx="{cx * EMU}" cy="{cy * EMU}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>'
            f"{fill}{no_line}</wps:spPr>{box}<wps:bodyPr/></wps:wsp>")


def anchor(body: str, x: int, y: int, cx: int, cy: int, shape_id: int, group: bool = False,
           relative_h: str = "column", layout_in_cell: str = "1") -> str:
    uri = ("http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" if group
           else "http://schemas.microsoft.com/office/word/2010/wordprocessingShape")
    return (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}" '
            f'behindDoc="0" locked="0" layoutInCell="{layout_in_cell}" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="{relative_h}"><wp:posOffset>{x * EMU}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y * EMU}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx * EMU}" cy="{cy * EMU}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{shape_id}" name="Shape {shape_id}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{uri}">{body}</a:graphicData></a:graphic></wp:anchor></w:drawing>')


def vml(kind: str, x: int, y: int, cx: int, cy: int, shape_id: int, text: str | None = None,
        oval: bool = False) -> str:
    """A VML shape, positioned as Word's fallbacks are: margin-left/top in points from the cell."""
    style = (f"position:absolute;margin-left:{x / 20:g}pt;margin-top:{y / 20:g}pt;width:{cx / 20:g}pt;"
             f"height:{cy / 20:g}pt;z-index:{shape_id};mso-position-horizontal-relative:text;"
             "mso-position-vertical-relative:text")
    if text is not None:
        return (f'<w:pict><v:shape id="t{shape_id}" type="#_x0000_t202" style="{style}" stroked="f" filled="f">'
                f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
                "</v:shape></w:pict>")
    if kind == "proses":
        return f'<w:pict><v:rect id="s{shape_id}" style="{style}"/></w:pict>'
    if kind == "terminator" and oval:
        return f'<w:pict><v:oval id="s{shape_id}" style="{style}"/></w:pict>'
    spt = VML_SPT[kind]
    return (f'<w:pict><v:shapetype id="_x0000_t{spt}" coordsize="21600,21600" o:spt="{spt}" path="m,l,21600r21600,l21600,xe"/>'
            f'<v:shape id="s{shape_id}" type="#_x0000_t{spt}" style="{style}"/></w:pict>')


def vml_line(x1: int, y1: int, x2: int, y2: int, shape_id: int) -> str:
    return (f'<w:pict><v:line id="l{shape_id}" style="position:absolute;z-index:{shape_id};'
            'mso-position-horizontal-relative:text;mso-position-vertical-relative:text" '
            f'from="{x1 / 20:g}pt,{y1 / 20:g}pt" to="{x2 / 20:g}pt,{y2 / 20:g}pt"><v:stroke endarrow="block"/></v:line></w:pict>')


def run_of(inner: str):
    return parse_xml(f"<w:r {NAMESPACES}>{inner}</w:r>")


# --- the document --------------------------------------------------------------------------------


def identity(document, nama: str) -> None:
    table = document.add_table(rows=6, cols=3)
    table.style = "Table Grid"
    letterhead = table.cell(0, 0).merge(table.cell(5, 0))
    letterhead.text = "PEMERINTAH KABUPATEN CONTOH"
    letterhead.add_paragraph("KECAMATAN CONTOH")
    letterhead.add_paragraph("Alamat : Jalan Merdeka No. 1 Kode Pos 70000")
    values = [("Nomor SOP", "100/01/KEC.CTH/2024"), ("Tanggal Pembuatan", "02 Januari 2024"),
              ("Tanggal Revisi", "-"), ("Tanggal Efektif", "15 Januari 2024"), ("Disahkan Oleh", None),
              ("Nama SOP", nama)]
    for index, (label, value) in enumerate(values):
        table.cell(index, 1).text = label
        cell = table.cell(index, 2)
        if value is None:
            cell.text = "CAMAT CONTOH"
            cell.add_paragraph("BUDI SANTOSO, S.Sos")
            cell.add_paragraph("NIP. 19700101 199003 1 002")
        else:
            cell.text = value
    sections = document.add_table(rows=3, cols=2)
    sections.style = "Table Grid"
    content = (
        ("Dasar Hukum :", ["1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
                           "2. Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur"]),
        ("Kualifikasi Pelaksana :", ["1. Memahami tugas dan fungsi", "2. Mampu mengoperasikan komputer"]),
        ("Keterkaitan :", ["1. SOP Pelayanan Surat"]),
        ("Peralatan / Perlengkapan :", ["1. Komputer", "2. Printer"]),
        ("Peringatan :", ["Jika SOP tidak dilaksanakan, pelayanan terhambat"]),
        ("Pencatatan dan Pendataan :", ["Disimpan sebagai arsip"]),
    )
    for index, (heading, items) in enumerate(content):
        cell = sections.cell(index // 2, index % 2)
        cell.text = heading
        for item in items:
            cell.add_paragraph(item)


def header_rows(table, start: int, mark_repeat: bool) -> None:
    first, second = table.rows[start], table.rows[start + 1]
    n_actors = len(ACTORS)
    for row in (first, second):
        row.height = Twips(HEADER_H)
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        if mark_repeat:
            row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {NAMESPACES}/>'))
    first.cells[0].merge(second.cells[0]).text = "No"
    first.cells[1].merge(second.cells[1]).text = "Uraian Kegiatan"
    first.cells[2].merge(first.cells[1 + n_actors]).text = "Pelaksana"
    first.cells[2 + n_actors].merge(first.cells[4 + n_actors]).text = "Mutu Baku"
    first.cells[5 + n_actors].merge(second.cells[5 + n_actors]).text = "Keterangan"
    for index, name in enumerate(ACTORS):
        second.cells[2 + index].text = name
    for index, name in enumerate(("Kelengkapan", "Waktu", "Output")):
        second.cells[2 + n_actors + index].text = name


def build(path: Path, storage: str, repeat_after: int | None = None, pushed: int | None = None,
          compat: int | None = None, rows: tuple[Row, ...] = ROWS, copies: int = 1,
          split_after: int | None = None) -> None:
    """storage: "drawingml" (Choice + a wrong VML Fallback), "vml", or "group" (each symbol in a
    group whose child coordinates are twice its own). `pushed`: the row whose symbol is anchored in
    the Kegiatan cell and moved into its actor column by its horizontal offset."""
    document = Document()
    if compat is not None:
        # python-docx's template says compatibilityMode 14 (Word 2010): set the mode Word 2013 writes
        for setting in document.settings.element.iter(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), str(compat))
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for copy in range(copies):
        if copy:
            document.add_page_break()
        sop(document, f"Pelayanan Surat ({storage})" + (f" {copy + 1}" if copies > 1 else ""), storage,
            repeat_after, pushed, compat, rows, split_after)
    document.save(path)


def sop(document, nama: str, storage: str, repeat_after: int | None, pushed: int | None, compat: int | None,
        rows: tuple[Row, ...], split_after: int | None = None) -> None:
    """One SOP: its identity block and sections, then its procedure table with the flowchart; with
    `split_after`, the table in two, a page each, the flow joined by off-page connectors "A"."""
    document.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
    identity(document, nama)
    document.add_page_break()  # the procedure on a page of its own, as the template prints it
    parts = [rows] if split_after is None else [
        tuple(r for r in rows if r.no <= split_after), tuple(r for r in rows if r.no > split_after)]
    tables = []
    for number, part in enumerate(parts):
        if number:
            document.add_page_break()
        tables.append(procedure_table(document, part, Layout(part, repeat_after), repeat_after))
    where = {row.no: (table, layout, row_of) for table, layout, row_of in tables for row in rows if row.no in row_of}
    by_no = {row.no: row for row in rows}
    shape_id = 100
    for row in rows:
        shape_id += 10
        table, layout, row_of = where[row.no]
        cx, cy = layout.centre(row)
        x, y = cx - SYMBOL_W // 2, cy - SYMBOL_H // 2  # the symbol's top-left, table coordinates
        anchor_column = 1 if row.no == pushed else 2 + row.actor
        origin_x = layout.col_x[anchor_column] + CELL_MARGIN
        origin_y = layout.row_top[row.no]
        cell = table.rows[row_of[row.no]].cells[anchor_column]
        paragraph = cell.paragraphs[0]._p
        pieces = []
        if storage == "vml":
            pieces.append(vml(row.symbol, x - origin_x, y - origin_y, SYMBOL_W, SYMBOL_H, shape_id, oval=row.no == 1))
        elif storage == "group":
            # the group's child space is twice its size: children are written at double scale
            body = ('<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/>'
                    f'<a:ext cx="{SYMBOL_W * 2 * EMU}" cy="{SYMBOL_H * 2 * EMU}"/><a:chOff x="0" y="0"/>'
                    f'<a:chExt cx="{SYMBOL_W * 4 * EMU}" cy="{SYMBOL_H * 4 * EMU}"/></a:xfrm></wpg:grpSpPr>'
                    + wsp(PRST[row.symbol], SYMBOL_W * 2, SYMBOL_H * 2, x=SYMBOL_W, y=SYMBOL_H)
                    + "</wpg:wgp>")
            # the group starts half a symbol up and left of the symbol, which sits at child (W, H)
            gx, gy = x - SYMBOL_W // 2, y - SYMBOL_H // 2
            pieces.append(anchor(body, gx - origin_x, gy - origin_y, SYMBOL_W * 2, SYMBOL_H * 2, shape_id, group=True))
        else:
            choice = anchor(wsp(PRST[row.symbol], SYMBOL_W, SYMBOL_H), x - origin_x, y - origin_y, SYMBOL_W,
                            SYMBOL_H, shape_id, layout_in_cell="0" if compat == 15 else "1")
            # the fallback deliberately in the No column: reading it would misplace every symbol
            wrong = vml(row.symbol, -origin_x + 50, y - origin_y, SYMBOL_W, SYMBOL_H, shape_id + 1)
            pieces.append(f'<mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                          f"<mc:Fallback>{wrong}</mc:Fallback></mc:AlternateContent>")
        # arrows: to the next row, or a decision's two labelled branches
        targets = [(row.ya, "Ya"), (row.tidak, "Tidak")] if row.symbol == "keputusan" else (
            [(row.no + 1, None)] if row.no + 1 in by_no else [])
        for offset, (target_no, label) in enumerate(targets):
            target = by_no[target_no]
            if where[target_no][0] is not table:
                # to the next page: an arrow down to connector A under this table; on the next page
                # connector A in the target's row, to the left of its symbol, and an arrow from it
                bottom = layout.row_top[row.no] + ROW_H
                tx, ty = cx, bottom + 150 + CONNECTOR // 2
                shape_id += 1
                pieces.append(anchor(wsp(PRST["penghubung"], CONNECTOR, CONNECTOR, inner="A"), tx - CONNECTOR // 2
                                     - origin_x, bottom + 150 - origin_y, CONNECTOR, CONNECTOR, shape_id))
                end = (tx, bottom + 150)
                next_table, next_layout, next_row_of = where[target_no]
                ncx, ncy = next_layout.centre(target)
                kx = next_layout.col_x[1] + KEGIATAN_W - CONNECTOR - 300  # in the Kegiatan column, at its right
                k_origin_x = next_layout.col_x[1] + CELL_MARGIN
                k_origin_y = next_layout.row_top[target_no]
                k_cell = next_table.rows[next_row_of[target_no]].cells[1].paragraphs[0]._p
                shape_id += 1
                k_cell.append(run_of(anchor(wsp(PRST["penghubung"], CONNECTOR, CONNECTOR, inner="A"), kx - k_origin_x,
                                            ncy - CONNECTOR // 2 - k_origin_y, CONNECTOR, CONNECTOR, shape_id)))
                onward = wsp("straightConnector1", ncx - SYMBOL_W // 2 - (kx + CONNECTOR), 1, connector=True, arrow=True)
                shape_id += 1
                k_cell.append(run_of(anchor(onward, kx + CONNECTOR - k_origin_x, ncy - k_origin_y,
                                            ncx - SYMBOL_W // 2 - (kx + CONNECTOR), 1, shape_id)))
                start = (cx + offset * 60, cy + SYMBOL_H // 2)
            else:
                tx, ty = layout.centre(target)
                # leave from the bottom edge (down) or the right edge (back up), arrive at the top or side
                if ty > cy:
                    start, end = (cx + offset * 60, cy + SYMBOL_H // 2), (tx, ty - SYMBOL_H // 2)
                else:
                    start, end = (cx + SYMBOL_W // 2, cy), (tx + SYMBOL_W // 2, ty)
            left, top = min(start[0], end[0]), min(start[1], end[1])
            width, height = max(abs(end[0] - start[0]), 1), max(abs(end[1] - start[1]), 1)
            flip = end[1] < start[1]
            shape_id += 1
            if storage == "vml":
                pieces.append(vml_line(start[0] - origin_x, start[1] - origin_y, end[0] - origin_x,
                                       end[1] - origin_y, shape_id))
            else:
                line = wsp("straightConnector1", width, height, connector=True, flip_h=end[0] < start[0],
                           flip_v=flip, arrow=True)
                pieces.append(anchor(line, left - origin_x, top - origin_y, width, height, shape_id))
            if label:
                # beside the arrow's start, inside the decision's row (an exact row clips what overflows)
                # the Ya of a downward arrow to its left, the Tidak of a rightward one above it
                width = 600 if label == "Ya" else 1000
                lx, ly = (start[0] - width - 40, start[1] - 120) if end[1] > start[1] else (start[0] + 40, start[1] - 210)
                shape_id += 1
                if storage == "vml":
                    pieces.append(vml("", lx - origin_x, ly - origin_y, width, 200, shape_id, text=label))
                else:
                    box = wsp("rect", width, 200, text=label)
                    pieces.append(anchor(box, lx - origin_x, ly - origin_y, width, 200, shape_id))
        for piece in pieces:
            paragraph.append(run_of(piece))


def procedure_table(document, rows: tuple[Row, ...], layout: "Layout", repeat_after: int | None):
    """The procedure table's text: header rows, then a row per activity; (table, layout, row_of)."""
    n_rows = 2 + len(rows) + (2 if repeat_after in {row.no for row in rows} else 0)
    table = document.add_table(rows=n_rows, cols=len(layout.widths))
    table.style = "Table Grid"
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), layout.widths):
        column.set(qn("w:w"), str(width))
    header_rows(table, 0, mark_repeat=True)
    index = 2
    row_of = {}
    for row in rows:
        tr = table.rows[index]
        tr.height, tr.height_rule = Twips(ROW_H), WD_ROW_HEIGHT_RULE.EXACTLY
        values = [str(row.no), row.kegiatan, *[""] * len(ACTORS), row.kelengkapan, row.waktu, row.output, ""]
        for column, value in enumerate(values):
            tr.cells[column].text = value
            tr.cells[column].width = Twips(layout.widths[column])
        row_of[row.no] = index
        index += 1
        if row.no == repeat_after:
            # typed again by hand: the same text, no w:tblHeader
            header_rows(table, index, mark_repeat=False)
            index += 2
    return table, layout, row_of


FIXTURES = {
    "drawingml-fallback.docx": dict(storage="drawingml", repeat_after=3, pushed=4),
    # old files: oval, rect, and v:shape of types 110 (decision), 177 (off-page) and 116 (terminator)
    "vml-only.docx": dict(storage="vml", rows=ROWS[:3] + (ROWS[3]._replace(symbol="penghubung"), ROWS[4])),
    "scaled-group.docx": dict(storage="group", pushed=2),
    "word2013-layout-in-cell.docx": dict(storage="drawingml", compat=15),
    # two SOPs in one document: one SOP per procedure table
    "two-sops.docx": dict(storage="drawingml", copies=2),
    # the table over two pages, two tables in the file: the decision's Ya goes through connector A
    "off-page.docx": dict(storage="drawingml", split_after=3),
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, options in FIXTURES.items():
        build(HERE / name, **options)
        print(f"wrote {HERE / name}", file=sys.stderr)


if __name__ == "__main__":
    main()
