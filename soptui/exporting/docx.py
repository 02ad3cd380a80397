"""The Word back-end (python-docx + lxml): the laid-out `Document` as an editable .docx.

Each page is a real Word table (exact row heights and column widths, merged cells) placed at the
layout's position, followed by one paragraph anchoring the page's drawing: every symbol a Word
flowchart shape (flowChartTerminator, -Process, -Decision, -OffpageConnector), every arrow a
polyline shape with an arrowhead, every label a text box, all at integer EMU offsets from the
page's corner. The document asks for Word 2013+ layout (compatibilityMode 15), and the page
breaks are the layout's own.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.image.image import Image
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Emu
from lxml import etree

from ..model import KEPUTUSAN, PENGHUBUNG, TERMINATOR
from .page import ARROW_WIDTH, SYMBOL_WIDTH, Document, Grid, Page, Shape
from .routing import LABEL_SIZE
from .text import LEADING
from .text import width as text_width

EMU = 12700  # per point
FONT = "Arial"
PRESETS = {TERMINATOR: "flowChartTerminator", KEPUTUSAN: "flowChartDecision",
           PENGHUBUNG: "flowChartOffpageConnector"}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def emu(points: float) -> int:
    return int(round(points * EMU))


def twips(points: float) -> int:
    return int(round(points * 20))


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    first = document.pages[0]
    top = min(grid.y for page in document.pages for grid in page.grids)
    left = min(grid.x for page in document.pages for grid in page.grids)
    bottom = min(page.height - max(grid.row_y[-1] for grid in page.grids) for page in document.pages)
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Emu(emu(first.width)), Emu(emu(first.height))
    section.top_margin, section.left_margin, section.right_margin = Emu(emu(top)), Emu(emu(left)), Emu(emu(left))
    # The body reaches below every table, so the anchoring paragraph after each stays on its page.
    section.bottom_margin = Emu(emu(max(bottom - 10, 12)))
    section.footer_distance = Emu(emu(18))
    _footer(section, document.nomor)
    _compatibility(word)
    word.core_properties.title = document.title
    body = word.element.body
    for p in list(body):
        if p.tag != qn("w:sectPr"):
            body.remove(p)
    ids = iter(range(1, 1_000_000))
    pages = document.pages
    for number, page in enumerate(pages):
        for grid in page.grids:
            if grid.y - top > 0.5:
                body.insert(len(body) - 1, _spacer(grid.y - top))
            body.insert(len(body) - 1, _table(grid))
        logo = _logo(word, page.logo, document.logo_file, next(ids)) if page.logo is not None else ""
        body.insert(len(body) - 1, _drawing_paragraph(page, ids, logo, last=number == len(pages) - 1))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _compatibility(word) -> None:
    settings = word.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def _footer(section, nomor: str) -> None:
    footer = section.footer.paragraphs[0]
    width = section.page_width - section.left_margin - section.right_margin
    fields = (f'<w:r><w:t xml:space="preserve">Nomor SOP: {escape(nomor)}</w:t></w:r><w:r><w:tab/></w:r>'
              '<w:r><w:t xml:space="preserve">Halaman </w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
              '<w:r><w:t xml:space="preserve"> dari </w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    run_props = f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/><w:sz w:val="14"/></w:rPr>'
    fields = fields.replace("<w:r>", f"<w:r>{run_props}")
    paragraph = parse_xml(f'<w:p {NS}><w:pPr><w:tabs><w:tab w:val="right" w:pos="{int(width / 635)}"/></w:tabs>'
                          f'</w:pPr>{fields}</w:p>')
    footer._p.getparent().replace(footer._p, paragraph)


def _spacer(height: float):
    return parse_xml(f'<w:p {NS}><w:pPr><w:spacing w:before="0" w:after="0" w:line="{twips(height)}" '
                     'w:lineRule="exact"/></w:pPr></w:p>')


def _run(text: str, size: float, bold: bool) -> str:
    weight = "<w:b/>" if bold else ""
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>{weight}'
            f'<w:sz w:val="{int(round(size * 2))}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


def _paragraph(line, size: float, align: str) -> str:
    jc = '<w:jc w:val="center"/>' if align == "center" else ""
    indent = f'<w:ind w:left="{twips(line.indent)}"/>' if line.indent else ""
    return (f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{twips(size * LEADING)}" w:lineRule="exact"/>'
            f'{indent}{jc}</w:pPr>{_run(line.text, size, line.bold) if line.text else ""}</w:p>')


def _table(grid: Grid):
    """The grid as a Word table: one w:tc per grid position, merges by gridSpan and vMerge."""
    starts = {(c.row, c.col): c for c in grid.cells}
    covered: dict[tuple[int, int], object] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                if (r, c) != (cell.row, cell.col):
                    covered[(r, c)] = cell
    pad = grid.cells[0].pad if grid.cells else 3.0
    columns = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in grid.columns)
    rows = []
    for r, height in enumerate(grid.rows):
        cells = []
        c = 0
        while c < len(grid.columns):
            cell = starts.get((r, c))
            owner = covered.get((r, c))
            if owner is not None and owner.col != c:
                c += 1
                continue  # inside a gridSpan already written
            span_cell = cell or owner
            span = span_cell.colspan if span_cell is not None else 1
            w = sum(grid.columns[c: c + span])
            props = [f'<w:tcW w:w="{twips(w)}" w:type="dxa"/>']
            if span > 1:
                props.append(f'<w:gridSpan w:val="{span}"/>')
            if span_cell is not None and span_cell.rowspan > 1:
                props.append('<w:vMerge w:val="restart"/>' if cell is not None else "<w:vMerge/>")
            if span_cell is not None and span_cell.middle:
                props.append('<w:vAlign w:val="center"/>')
            if cell is not None:
                content = "".join(_paragraph(line, cell.size, cell.align) for line in cell.lines) or "<w:p/>"
            else:
                content = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
            cells.append(f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr>{content}</w:tc>')
            c += span
        header = "<w:tblHeader/>" if r < grid.header_rows else ""
        rows.append(f'<w:tr><w:trPr><w:cantSplit/>{header}<w:trHeight w:val="{twips(height)}" w:hRule="exact"/>'
                    f'</w:trPr>{"".join(cells)}</w:tr>')
    border = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    xml = (f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{twips(sum(grid.columns))}" w:type="dxa"/>'
           f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:top w:w="{twips(pad)}" w:type="dxa"/><w:left w:w="{twips(pad)}" w:type="dxa"/>'
           f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{twips(pad)}" w:type="dxa"/></w:tblCellMar>'
           f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{columns}</w:tblGrid>{"".join(rows)}</w:tbl>')
    return parse_xml(xml)


def _drawing_paragraph(page: Page, ids, logo: str, last: bool):
    runs = [logo] + [_shape(shape, next(ids)) for shape in page.shapes]
    runs += [_arrow(arrow, next(ids)) for arrow in page.arrows]
    for arrow in page.arrows:
        if arrow.label:
            x, y = arrow.label_at
            runs.append(_text_box(x, y - LABEL_SIZE, arrow.label, LABEL_SIZE, False, next(ids),
                                  "C00000" if arrow.dangling else "000000"))
    for words in page.words:
        if words.text.startswith(("Nomor SOP:", "Halaman ")):
            continue  # the section footer carries these, with live page fields
        x = words.x if words.align == "left" else words.x - text_width(words.text, words.size, words.bold)
        runs.append(_text_box(x, words.y - words.size, words.text, words.size, words.bold, next(ids)))
    brk = "" if last else '<w:r><w:br w:type="page"/></w:r>'
    return parse_xml(f'<w:p {NS}><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                     f'</w:pPr>{"".join(runs)}{brk}</w:p>')


def _logo(word, box, logo_file: str | None, shape_id: int) -> str:
    """The logo, fitted into its box and centred there; without a file, a dashed place for it."""
    left, top, w, h = box
    if not logo_file:
        body = (f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/>'
                f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
                f'{_line(0.5, dashed=True)}</wps:spPr>'
                f'<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run("LOGO", 6, False)}</w:p>'
                f'</w:txbxContent></wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"/></wps:wsp>')
        return _anchor(left, top, w, h, shape_id, "Logo", body)
    image = Image.from_file(logo_file)
    scale = min(w / image.px_width, h / image.px_height)
    fit_w, fit_h = image.px_width * scale, image.px_height * scale
    inline = word.part.new_pic_inline(logo_file, Emu(emu(fit_w)), Emu(emu(fit_h)))
    graphic = etree.tostring(inline.find(qn("a:graphic"))).decode()
    x, y = left + (w - fit_w) / 2, top + (h - fit_h) / 2
    return (f'<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>{emu(x)}</wp:posOffset>'
            f'</wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>{emu(y)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{emu(fit_w)}" cy="{emu(fit_h)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{shape_id}" name="Logo"/><wp:cNvGraphicFramePr/>{graphic}</wp:anchor></w:drawing></w:r>')


def _anchor(x: float, y: float, w: float, h: float, shape_id: int, name: str, body: str) -> str:
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="page"><wp:posOffset>{emu(x)}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{emu(y)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{max(emu(w), 1)}" cy="{max(emu(h), 1)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="{escape(name)}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'{body}</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>')


def _line(width: float, dashed: bool = False, head: bool = False, colour: str = "000000") -> str:
    dash = '<a:prstDash val="dash"/>' if dashed else ""
    tail = '<a:tailEnd type="triangle" w="sm" len="med"/>' if head else ""
    return f'<a:ln w="{emu(width)}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>{dash}{tail}</a:ln>'


def _shape(shape: Shape, shape_id: int) -> str:
    left, top, right, bottom = shape.box
    w, h = right - left, bottom - top
    preset = PRESETS.get(shape.kind, "flowChartProcess")
    text = ""
    if shape.letter:
        text = (f'<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="0"/>'
                f'</w:pPr>{_run(shape.letter, 7, True)}</w:p></w:txbxContent></wps:txbx>')
    name = f"Penghubung {shape.letter}" if shape.letter else f"Langkah {shape.step}"
    body = (f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
            f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
            f'{_line(SYMBOL_WIDTH)}</wps:spPr>{text}<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"/></wps:wsp>')
    return _anchor(left, top, w, h, shape_id, name, body)


def _arrow(arrow, shape_id: int) -> str:
    xs, ys = [p[0] for p in arrow.points], [p[1] for p in arrow.points]
    left, top = min(xs), min(ys)
    w, h = max(xs) - left, max(ys) - top
    pw, ph = max(emu(w), 1), max(emu(h), 1)
    points = [(emu(x - left), emu(y - top)) for x, y in arrow.points]
    path = f'<a:moveTo><a:pt x="{points[0][0]}" y="{points[0][1]}"/></a:moveTo>'
    path += "".join(f'<a:lnTo><a:pt x="{x}" y="{y}"/></a:lnTo>' for x, y in points[1:])
    colour = "C00000" if arrow.dangling else "000000"
    body = (f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{pw}" cy="{ph}"/></a:xfrm>'
            f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
            f'<a:pathLst><a:path w="{pw}" h="{ph}" fill="none">{path}</a:path></a:pathLst></a:custGeom>'
            f'<a:noFill/>{_line(ARROW_WIDTH, arrow.dangling, True, colour)}</wps:spPr><wps:bodyPr/></wps:wsp>')
    return _anchor(left, top, w, h, shape_id, f"Panah {arrow.label}".strip(), body)


def _text_box(x: float, y: float, text: str, size: float, bold: bool, shape_id: int, colour: str = "000000") -> str:
    w = text_width(text, size, bold) + 2
    h = size * LEADING
    run = _run(text, size, bold).replace("<w:rPr>", f'<w:rPr><w:color w:val="{colour}"/>')
    body = (f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/>'
            f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>{run}</w:p>'
            f'</w:txbxContent></wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" wrap="none"/></wps:wsp>')
    return _anchor(x, y, w, h, shape_id, f"Teks {text}", body)
