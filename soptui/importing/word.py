"""Word (.docx) -> SOPs, with python-docx for the tables and lxml queries for the shapes.

The text of the identity block and the sections is laid out as the lines extracted text gives
(cells separated by tabs) and read by the same code (`text.read_front`); the procedure table's
cells are read by python-docx, grid-aligned. What Word adds is the flowchart: floating shapes that
python-docx does not expose. They are read from the cells' XML:

- DrawingML (`wps:wsp`, its `a:prstGeom`), in groups (`wpg:wgp`) with their own coordinates;
- VML (`v:rect`, `v:oval`, `v:shape` with its `o:spt`), for old files;
- `mc:AlternateContent` once: the Choice, never the Fallback, which repeats the same shape.

Each shape is placed by geometry, never by the cell that holds its anchor: a `wrapNone` shape can
be drawn columns or rows away from it. Horizontally, the grid's column widths, the cell margin and
the offset (`relativeFrom`) give its x; from Word 2013 on, an anchor in a cell counts from that cell
(`layoutInCell`, compatibility mode 15). Vertically, rows are as tall as `w:trHeight` says; a
row with no height, or an "at least" height, makes a position past it an estimate, and the file
says so. Text boxes are labels (Ya, Tidak); connectors are arrows, whose ends are plain geometry.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from lxml import etree

from ..i18n import Text
from .draft import Draft, StepDraft, Unreadable
from .flowchart import Band, Column, Drawing, Shape, assign, moved as _moved
from .fields import (actor_ids, clean, is_table_header, keep_lost_actors, match_label, read_header,
                     IDENTITY_LABELS)
from .text import NO_TABLE, ROW_NUMBER, front_lines, read_front, step_from_cells

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}
W = "{%s}" % NS["w"]
EMU_PER_TWIP = 635
DEFAULT_CELL_MARGIN = 108  # twips: Word's left and right cell margin when the table sets none
ESTIMATED_ROW = 600  # twips: a row with no height given; its real height is Word's to decide
ESTIMATED_LINE = 276  # twips: a paragraph of Word's default single line (11 pt); its height is Word's to decide
NEAR = 200  # twips: how far an arrow's end may be from the shape it leaves or reaches
LABEL_REACH = 800  # twips: how far a Ya/Tidak label may be from its arrow's start
TABLE_GAP = 10 ** 6  # twips between one table's drawing and the next one's: no arrow spans it

SYMBOLS = {
    # DrawingML preset geometries
    "flowChartTerminator": "terminator", "roundRect": "terminator", "ellipse": "terminator",
    "flowChartProcess": "proses", "rect": "proses",
    "flowChartDecision": "keputusan", "diamond": "keputusan",
    "flowChartOffpageConnector": "penghubung", "homePlate": "penghubung", "flowChartConnector": "penghubung",
    # VML shape types (MSOSPT): 116 is the terminator, whatever a widely copied XSLT says
    "spt1": "proses", "spt2": "terminator", "spt3": "terminator", "spt4": "keputusan",
    "spt109": "proses", "spt110": "keputusan", "spt116": "terminator", "spt120": "penghubung",
    "spt177": "penghubung",
}
CONNECTOR_PRESETS = re.compile(r"^(?:line|straightConnector1|bentConnector[2-5]|curvedConnector[2-5])$")
VML_LINE_TYPES = {"spt20", "spt32", "spt33", "spt34", "spt35"}
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")
LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[-\u2022\u00b7*])\s")


def read_docx(path: Path) -> list[Draft]:
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, etree.XMLSyntaxError, ValueError) as error:
        raise Unreadable(Text(f"dokumen Word rusak, tidak dapat dibuka ({error})",
                              f"a damaged Word document that cannot be opened ({error})")) from None
    compat = _compatibility_mode(document)
    if _written_by_libreoffice(document):
        # LibreOffice writes layoutInCell="0" and mode 14 yet lays the shapes out in their cells,
        # and so does Word 2013 for anchors in cells: what the author saw is the cell rule
        compat = max(compat, 15)
    numbering = _Numbering(document)
    drafts: list[Draft] = []
    lines: list[str] = []
    page = _PageCursor(document)
    readers: list[_ProcedureTable] = []  # read once the drawings anchored after them are known
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            lines.append(_paragraph_text(child, numbering))
            page.paragraph(child, readers)
        elif child.tag == W + "tbl":
            table = Table(child, document)
            header = _procedure_header(table)
            top = page.table(child)
            if header is None:
                lines.extend(_table_lines(table.rows, numbering))
                continue
            # the template may hold the identity block and the procedure in one table
            lines.extend(_table_lines(table.rows[:header], numbering))
            continuing = drafts and not any(match_label(clean(line.replace("\t", " ")), IDENTITY_LABELS)
                                            for line in lines)
            if continuing:
                draft = drafts[-1]
            else:
                draft = Draft(path.name)
                draft.flowchart = Drawing()
                read_front(lines, draft)
                drafts.append(draft)
            reader = _ProcedureTable(table, header, draft, compat, document)
            reader.page, reader.top_on_page, reader.top_known = page.number, top, page.exact
            readers.append(reader)
            lines = []
    for reader in readers:
        reader.read()
    if not drafts:
        raise Unreadable(NO_TABLE)
    for draft in drafts:
        flow = draft.flowchart
        assign(flow.shapes, flow.rows, flow.columns, draft, NEAR, LABEL_REACH)
    if len(drafts) > 1:
        for number, draft in enumerate(drafts):
            draft.part = f"SOP {number + 1} of {len(drafts)}"
    return drafts


def _compatibility_mode(document) -> int:
    found = _xp(document.settings.element, './/w:compatSetting[@w:name="compatibilityMode"]/@w:val')
    try:
        return int(found[0]) if found else 12
    except ValueError:
        return 12


def _written_by_libreoffice(document) -> bool:
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            return b"LibreOffice" in part.blob
    return False


class _PageCursor:
    """Where on its page each table and paragraph starts, from the top, as far as the file tells:
    exact where every height before it on the page is exact (rows of `hRule="exact"`, paragraphs
    of exact line spacing, as soptui's own export writes them), an estimate otherwise. Shapes
    anchored outside a table, to the page or the margin (a drawing laid over the table from the
    paragraph after it), are placed in that table through it."""

    def __init__(self, document) -> None:
        section = document.sections[0]
        self.top_margin = section.top_margin.twips if section.top_margin is not None else 1440
        self.number = 0
        self.y = float(self.top_margin)
        self.exact = True

    def _new_page(self) -> None:
        self.number += 1
        self.y, self.exact = float(self.top_margin), True

    def table(self, tbl) -> float:
        """The table's top on its page; moves past it."""
        top = self.y
        for height, exact in _row_heights(tbl):
            self.y += height
            self.exact = self.exact and exact
        return top

    def paragraph(self, p, readers: list["_ProcedureTable"]) -> None:
        if _xp(p, "./w:pPr/w:pageBreakBefore[not(@w:val='0') and not(@w:val='false')]"):
            self._new_page()
        top = self.y
        for anchor in _xp(p, ".//wp:anchor[not(ancestor::mc:Fallback)]"):
            v = anchor.find("wp:positionV", NS)
            relative = v.get("relativeFrom", "paragraph") if v is not None else "paragraph"
            origin = {"page": 0.0, "margin": float(self.top_margin), "topMargin": 0.0}.get(relative, top)
            for reader in reversed(readers):  # the table on this page the drawing lies over
                if reader.page == self.number:
                    reader.outside.append((anchor, origin - reader.top_on_page, reader.top_known and self.exact))
                    break
        spacing = _xp(p, "./w:pPr/w:spacing")
        rule = spacing[0].get(W + "lineRule") if spacing else None
        line = spacing[0].get(W + "line") if spacing else None
        if rule == "exact" and line:
            before, after = (int(spacing[0].get(W + side, "0") or 0) for side in ("before", "after"))
            self.y += int(line) + before + after
        else:
            self.y += ESTIMATED_LINE
            self.exact = False
        if _xp(p, ".//w:br[@w:type='page'] | ./w:pPr/w:sectPr"):
            self._new_page()


# --- text of paragraphs and front tables ---------------------------------------------------------


class _Numbering:
    """Which numbered lists are bullets: Word keeps list numbers out of the text."""

    def __init__(self, document) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(W + "abstractNumId"): a for a in root.findall(W + "abstractNum")}
        for num in root.findall(W + "num"):
            ref = num.find(W + "abstractNumId")
            definition = abstract.get(ref.get(W + "val")) if ref is not None else None
            if definition is None:
                continue
            for level in definition.findall(W + "lvl"):
                fmt = level.find(W + "numFmt")
                self.formats[(num.get(W + "numId"), level.get(W + "ilvl"))] = (
                    fmt.get(W + "val") if fmt is not None else "decimal")

        # a list style ("List Number", "List Bullet") carries its numbering in styles.xml
        self.styles: dict[str, tuple[str, str]] = {}
        for style in document.styles.element.findall(W + "style"):
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None:
                self.styles[style.get(W + "styleId")] = _num_key(num)

    def bullet(self, num_id: str, level: str) -> bool:
        return self.formats.get((num_id, level)) == "bullet"

    def of(self, p) -> tuple[str, str] | None:
        """The paragraph's list (numId, level), its own or its style's; None when not in one."""
        num = p.find(f"{W}pPr/{W}numPr")
        if num is not None:
            return _num_key(num)
        style = p.find(f"{W}pPr/{W}pStyle")
        return self.styles.get(style.get(W + "val")) if style is not None else None


def _num_key(num) -> tuple[str, str]:
    num_id, level = num.find(W + "numId"), num.find(W + "ilvl")
    return (num_id.get(W + "val") if num_id is not None else "0",
            level.get(W + "val") if level is not None else "0")


def _paragraph_text(p, numbering: _Numbering, counter: dict | None = None) -> str:
    """A paragraph's text, without text boxes; a Word-numbered item gets its number written out."""
    nodes = _xp(p, "./w:r/w:t | ./w:hyperlink/w:r/w:t | ./w:r/w:tab")
    text = "".join(" " if node.tag == W + "tab" else (node.text or "") for node in nodes)
    key = numbering.of(p) if counter is not None and text.strip() else None
    if key is None:
        return text
    if numbering.bullet(*key):
        return f"- {text}"
    counter[key] = counter.get(key, 0) + 1
    return f"{counter[key]}. {text}"


def _cell_paragraphs(cell, numbering: _Numbering) -> list[str]:
    """The cell's paragraphs as lines; a line that hangs indented under a list item, unmarked (a
    list item broken into one paragraph a line, as soptui's export and PDF-to-Word converters
    write them), is joined to that item."""
    counter: dict = {}
    lines: list[str] = []
    in_item = False
    for p in cell._tc.iterchildren(W + "p"):
        text = _paragraph_text(p, numbering, counter).strip()
        if not text:
            continue
        marked = bool(LIST_MARKER.match(text))
        if in_item and not marked and _hangs(p):
            lines[-1] = f"{lines[-1]} {text}"
            continue
        lines.append(text)
        in_item = marked
    return lines


def _hangs(p) -> bool:
    indent = _xp(p, "./w:pPr/w:ind/@w:left | ./w:pPr/w:ind/@w:start")
    try:
        return bool(indent) and int(indent[0]) > 0
    except ValueError:
        return False


def _table_lines(table_rows, numbering: _Numbering) -> list[str]:
    """A table before the procedure table (the identity block, the sections) as text lines; a
    merged cell, which python-docx returns in every row and column it covers, counts once."""
    rows: list[list[list[str]]] = []
    seen: set = set()
    for row in table_rows:
        cells = []
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                cells.append(_cell_paragraphs(cell, numbering))
        rows.append(cells)
    return front_lines(rows)


# --- the procedure table -------------------------------------------------------------------------


def _row_texts(row) -> list[str]:
    return [" ".join(p.strip() for p in cell.text.split("\n") if p.strip()) for cell in row.cells]


def _procedure_header(table: Table) -> int | None:
    for index, row in enumerate(table.rows):
        if is_table_header(_row_texts(row)):
            return index
    return None


def _is_header_row(row) -> bool:
    return row._tr.find(f"{W}trPr/{W}tblHeader") is not None


class _ProcedureTable:
    def __init__(self, table: Table, header: int, draft: Draft, compat: int, document) -> None:
        self.table, self.header, self.draft, self.compat = table, header, draft, compat
        self.document = document
        tbl = table._tbl
        self.widths = [int(col.get(W + "w", "0")) for col in tbl.tblGrid.findall(W + "gridCol")]
        self.col_x = [sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        margin = _xp(tbl, "./w:tblPr/w:tblCellMar/w:left/@w:w | ./w:tblPr/w:tblCellMar/w:start/@w:w")
        self.margin = int(margin[0]) if margin else DEFAULT_CELL_MARGIN
        indent = _xp(tbl, "./w:tblPr/w:tblInd/@w:w")
        self.indent = int(indent[0]) if indent else 0
        section = document.sections[-1]
        self.page_margin = section.left_margin.twips if section.left_margin is not None else 1440
        # set by read_docx: the page the table starts on, its top there, and whether that is exact
        self.page, self.top_on_page, self.top_known = 0, 0.0, False
        # drawings anchored outside the table that lie over it: (anchor, the y of what the anchor's
        # vertical offset counts from, in the table's coordinates, whether that is exact)
        self.outside: list[tuple[object, float, bool]] = []
        self.row_top: list[float] = []
        self.row_height: list[float] = []
        self.row_exact: list[bool] = []
        top = 0.0
        for height, exact in _row_heights(tbl):
            self.row_top.append(top)
            self.row_height.append(height)
            self.row_exact.append(exact)
            top += height

    def read(self) -> None:
        rows = self.table.rows
        index = self.header
        header = [_row_texts(rows[index])]
        while index + 1 < len(rows) and (_is_header_row(rows[index + 1]) or is_table_header(_row_texts(rows[index + 1]))):
            index += 1
            header.append(_row_texts(rows[index]))
        columns = read_header(header)
        keep_lost_actors(self.draft, columns)
        if not self.draft.actors:
            names = [name for _, name in columns.actors]
            self.draft.actors.update(zip(actor_ids(names), names))
        self.actor_of = {column: actor for (column, _), actor in zip(columns.actors, self.draft.actors)}
        step_rows: dict[int, StepDraft] = {}
        for position in range(index + 1, len(rows)):
            texts = _row_texts(rows[position])
            if is_table_header(texts) or _is_header_row(rows[position]):
                continue  # the header again: the next page's, or typed again by hand
            if not ROW_NUMBER.match(texts[0] if texts else "") or not any(c.isalpha() for c in texts[1]):
                continue
            step = step_from_cells(texts, columns, self.actor_of)
            step.values.pop("pelaksana", None)
            step.notes.pop("pelaksana", None)
            step_rows[position] = step
            self.draft.steps.append(step)
        self._flowchart(step_rows)

    # --- shapes ----------------------------------------------------------------------------------

    def _shapes(self) -> list[Shape]:
        shapes: list[Shape] = []
        seen: set = set()
        for position, row in enumerate(self.table.rows):
            for column, cell in enumerate(row.cells):
                tc = cell._tc
                if tc in seen:
                    continue
                seen.add(tc)
                start_column = column  # python-docx repeats a spanned cell: its first grid column
                origin = (self.col_x[start_column] + self.margin, self.row_top[position])
                width = self.col_x[min(start_column + 1, len(self.widths))] - self.col_x[start_column]
                beyond = not self.row_exact[position]
                # an inline shape (wp:inline) has no offsets: it sits in its own cell
                for drawing in _xp(tc, ".//wp:anchor[not(ancestor::mc:Fallback)] | "
                                       ".//wp:inline[not(ancestor::mc:Fallback)]"):
                    shapes.extend(self._anchor(drawing, origin, width, beyond))
                for pict in _xp(tc, ".//w:pict[not(ancestor::mc:Fallback)]"):
                    shapes.extend(self._vml(pict, origin, beyond))
        for anchor, y, exact in self.outside:
            width = self.col_x[-1]
            found = self._anchor(anchor, (0.0, y), width, beyond=False, in_table=False)
            # from the page's corner, through exact heights: as sure as a shape in its cell
            h = anchor.find("wp:positionH", NS)
            sure = exact and h is not None and h.get("relativeFrom") in ("page", "margin")
            shapes.extend(shape._replace(estimated=not sure) for shape in found)
        return shapes

    def _anchor(self, anchor, origin, cell_width, beyond, in_table: bool = True) -> list[Shape]:
        in_cell = in_table and (anchor.get("layoutInCell") != "0" or self.compat >= 15)
        estimated = False
        extent = anchor.find("wp:extent", NS)
        cx = int(extent.get("cx", "0")) / EMU_PER_TWIP if extent is not None else 0
        cy = int(extent.get("cy", "0")) / EMU_PER_TWIP if extent is not None else 0
        h = anchor.find("wp:positionH", NS)
        relative = h.get("relativeFrom", "column") if h is not None else "column"
        if in_cell and relative in ("column", "character", "insideMargin", "outsideMargin"):
            base = origin[0]
        elif relative in ("margin", "leftMargin", "column", "character"):
            base, estimated = -self.indent, True
        elif relative == "page":
            base, estimated = -self.indent - self.page_margin, True
        else:
            base, estimated = origin[0], True
        x = base + self._offset(h, cell_width, cx)
        v = anchor.find("wp:positionV", NS)
        if v is not None and v.get("relativeFrom", "paragraph") not in ("paragraph", "line"):
            estimated = True
        y = origin[1] + self._offset(v, 0, cy)
        graphic = anchor.find("a:graphic/a:graphicData", NS)
        if graphic is None:
            return []
        found: list[Shape] = []
        for child in graphic:
            if child.tag == "{%s}wsp" % NS["wps"]:
                found.extend(self._wsp(child, (x, y, x + cx, y + cy)))
            elif child.tag == "{%s}wgp" % NS["wpg"]:
                found.extend(self._group(child, (x, y, x + cx, y + cy)))
        return [shape._replace(estimated=estimated or self._past_row(shape, origin[1], beyond)) for shape in found]

    @staticmethod
    def _past_row(shape: Shape, row_top: float, beyond: bool) -> bool:
        """A shape's row is an estimate when it lies past a row whose height is not exact."""
        return beyond and shape.centre[1] > row_top + ESTIMATED_ROW

    @staticmethod
    def _offset(position, span: float, size: float) -> float:
        if position is None:
            return 0
        offset = position.find("wp:posOffset", NS)
        if offset is not None and offset.text:
            return int(offset.text.strip()) / EMU_PER_TWIP
        # Word 2010's relative offset, in thousandths of a percent of what it is relative to
        percent = position.find("{http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing}pctPosHOffset")
        if percent is not None and percent.text and span:
            return int(percent.text.strip()) / 100000 * span
        align = position.find("wp:align", NS)
        where = align.text.strip() if align is not None and align.text else "left"
        return {"center": (span - size) / 2, "right": span - size, "bottom": span - size}.get(where, 0)

    def _group(self, group, box) -> list[Shape]:
        """A group's children, mapped from the group's own coordinates to its box on the page."""
        xfrm = group.find("wpg:grpSpPr/a:xfrm", NS)
        return self._children(group, xfrm, box)

    def _children(self, group, xfrm, box) -> list[Shape]:
        if xfrm is None:
            return []
        ch_off, ch_ext = xfrm.find("a:chOff", NS), xfrm.find("a:chExt", NS)
        cx0 = int(ch_off.get("x", "0")) if ch_off is not None else 0
        cy0 = int(ch_off.get("y", "0")) if ch_off is not None else 0
        cw = int(ch_ext.get("cx", "1")) if ch_ext is not None else 1
        chh = int(ch_ext.get("cy", "1")) if ch_ext is not None else 1
        sx = (box[2] - box[0]) / (cw or 1)
        sy = (box[3] - box[1]) / (chh or 1)

        def place(element) -> tuple[float, float, float, float] | None:
            child = element.find("a:xfrm", NS)
            if child is None:
                return None
            off, ext = child.find("a:off", NS), child.find("a:ext", NS)
            x = box[0] + (int(off.get("x", "0")) - cx0) * sx
            y = box[1] + (int(off.get("y", "0")) - cy0) * sy
            return x, y, x + int(ext.get("cx", "0")) * sx, y + int(ext.get("cy", "0")) * sy

        found: list[Shape] = []
        for child in group:
            if child.tag == "{%s}wsp" % NS["wps"]:
                inner = place(child.find("wps:spPr", NS))
                if inner:
                    found.extend(self._wsp(child, inner))
            elif child.tag == "{%s}grpSp" % NS["wpg"]:
                inner_xfrm = child.find("wpg:grpSpPr/a:xfrm", NS)
                inner = place(child.find("wpg:grpSpPr", NS))
                if inner:
                    found.extend(self._children(child, inner_xfrm, inner))
        return found

    def _wsp(self, wsp, box) -> list[Shape]:
        x0, y0, x1, y1 = box
        prst_found = _xp(wsp, "./wps:spPr/a:prstGeom/@prst")
        prst = prst_found[0] if prst_found else ""
        text = " ".join(t.strip() for t in _xp(wsp, "./wps:txbx//w:t/text()") if t.strip())
        if wsp.find("wps:cNvCnPr", NS) is not None or CONNECTOR_PRESETS.match(prst):
            xfrm = wsp.find("wps:spPr/a:xfrm", NS)
            flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
            flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")
            start = (x1 if flip_h else x0, y1 if flip_v else y0)
            end = (x0 if flip_h else x1, y0 if flip_v else y1)
            tail = _xp(wsp, "./wps:spPr/a:ln/a:tailEnd/@type")
            head = _xp(wsp, "./wps:spPr/a:ln/a:headEnd/@type")
            if head and head[0] != "none" and not (tail and tail[0] != "none"):
                start, end = end, start  # the arrowhead is drawn at the line's first point
            return [Shape("arrow", min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), start=start, end=end)]
        path = self._open_path(wsp, box)
        if path is not None:
            return [path]
        if _xp(wsp, "./wps:cNvSpPr/@txBox") in (["1"], ["true"]) or (text and self._invisible(wsp)):
            # a text box; LibreOffice writes one as a rect with no outline and no txBox mark
            return [Shape("label", x0, y0, x1, y1, text=text)] if text else []
        symbol = SYMBOLS.get(prst) or (_snake(prst) if prst else None)
        if symbol is None:
            return [Shape("label", x0, y0, x1, y1, text=text)] if text else []
        return [Shape("symbol", x0, y0, x1, y1, symbol=symbol, text=text)]

    @staticmethod
    def _open_path(wsp, box) -> Shape | None:
        """A freeform line with an arrowhead (`a:custGeom`, one unfilled path, as soptui's export
        and Word's freeform tool draw a routed arrow): an arrow from its first point to its last,
        reversed when the head is at the first. Its corners between do not matter here."""
        paths = _xp(wsp, "./wps:spPr/a:custGeom/a:pathLst/a:path")
        heads = [e for e in _xp(wsp, "./wps:spPr/a:ln/a:tailEnd/@type | ./wps:spPr/a:ln/a:headEnd/@type") if e != "none"]
        if len(paths) != 1 or paths[0].get("fill") != "none" or not heads:
            return None
        points = _xp(paths[0], "./a:moveTo/a:pt | ./a:lnTo/a:pt | ./a:cubicBezTo/a:pt[last()]")
        if len(points) < 2:
            return None
        x0, y0, x1, y1 = box
        pw = float(paths[0].get("w") or 0) or 1.0
        ph = float(paths[0].get("h") or 0) or 1.0

        def place(pt) -> tuple[float, float]:
            return (x0 + float(pt.get("x", "0")) / pw * (x1 - x0), y0 + float(pt.get("y", "0")) / ph * (y1 - y0))

        start, end = place(points[0]), place(points[-1])
        tail = _xp(wsp, "./wps:spPr/a:ln/a:tailEnd/@type")
        if not (tail and tail[0] != "none"):
            start, end = end, start  # the arrowhead is drawn at the path's first point
        return Shape("arrow", min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), start=start, end=end)

    @staticmethod
    def _invisible(wsp) -> bool:
        return bool(_xp(wsp, "./wps:spPr/a:ln/a:noFill"))

    def _vml(self, pict, origin, beyond) -> list[Shape]:
        found: list[Shape] = []
        for element in pict:
            local = etree.QName(element).localname
            if local == "shapetype":
                continue
            style = _style(element.get("style", ""))
            x = origin[0] + _length(style.get("margin-left", "0"))
            y = origin[1] + _length(style.get("margin-top", "0"))
            w, h = _length(style.get("width", "0")), _length(style.get("height", "0"))
            relative = style.get("mso-position-horizontal-relative", "text")
            estimated = relative not in ("text", "char")
            text = " ".join(t.strip() for t in _xp(element, ".//v:textbox//w:t/text()") if t.strip())
            spt = self._spt(element, local)
            if local == "line" or spt in VML_LINE_TYPES:
                start = _point(element.get("from", "0,0"), origin)
                end = _point(element.get("to", "0,0"), origin)
                stroke = element.find("v:stroke", NS)
                if stroke is not None and stroke.get("startarrow") not in (None, "none") and \
                        stroke.get("endarrow") in (None, "none"):
                    start, end = end, start
                shape = Shape("arrow", min(start[0], end[0]), min(start[1], end[1]), max(start[0], end[0]),
                              max(start[1], end[1]), start=start, end=end, estimated=estimated)
            elif spt == "spt202" or (text and spt not in SYMBOLS):
                shape = Shape("label", x, y, x + w, y + h, text=text, estimated=estimated)
            elif spt in SYMBOLS:
                shape = Shape("symbol", x, y, x + w, y + h, symbol=SYMBOLS[spt], text=text, estimated=estimated)
            else:
                continue
            found.append(shape._replace(estimated=shape.estimated or self._past_row(shape, origin[1], beyond)))
        return found

    def _spt(self, element, local: str) -> str | None:
        if local == "rect":
            return "spt1"
        if local == "roundrect":
            return "spt2"
        if local == "oval":
            return "spt3"
        if local == "line":
            return "spt20"
        spt = element.get("{%s}spt" % NS["o"])
        if spt:
            return f"spt{spt}"
        kind = element.get("type", "").lstrip("#")
        if not kind:
            return None
        types = _xp(element.getroottree().getroot(), f'.//v:shapetype[@id="{kind}"]/@o:spt')
        if types:
            return f"spt{types[0]}"
        digits = re.search(r"(\d+)$", kind)
        return f"spt{int(digits[1])}" if digits else None

    # --- from shapes to steps --------------------------------------------------------------------

    def _flowchart(self, step_rows: dict[int, StepDraft]) -> None:
        """This table's shapes, rows and columns, for the draft's flowchart: moved down by the
        tables before it, so that one SOP's tables (one a page) make one drawing, joined through
        their off-page connectors."""
        flow = self.draft.flowchart
        dy = flow.height
        rows = [Band(dy + self.row_top[position], dy + self.row_top[position] + self.row_height[position], step)
                for position, step in sorted(step_rows.items())]
        bottom = self.row_top[-1] + self.row_height[-1] if self.row_top else 0
        columns = [Column(self.col_x[column], self.col_x[column + 1], dy - LABEL_REACH, dy + bottom + LABEL_REACH,
                          self.actor_of.get(column)) for column in range(len(self.widths))]
        for shape in self._shapes():
            flow.shapes.append(_moved(shape, dy))
        flow.rows.extend(rows)
        flow.columns.extend(columns)
        flow.height = dy + bottom + TABLE_GAP


def _row_heights(tbl) -> list[tuple[int, bool]]:
    """Each row's height in twips as `w:trHeight` gives it (ESTIMATED_ROW when it gives none),
    and whether that is exact (`hRule="exact"`) rather than Word's to decide."""
    heights = []
    for tr in tbl.iterchildren(W + "tr"):
        height = _xp(tr, "./w:trPr/w:trHeight")
        value = int(height[0].get(W + "val", "0") or 0) if height else 0
        heights.append((value or ESTIMATED_ROW, bool(height) and height[0].get(W + "hRule") == "exact"))
    return heights


def _xp(element, path: str) -> list:
    """XPath with this module's prefixes: python-docx's elements override `xpath` with their own
    namespace map, which lacks wps, wpg, v and mc, so lxml's own method is called."""
    return etree._Element.xpath(element, path, namespaces=NS)


def _snake(name: str) -> str:
    return _CAMEL.sub("_", name.replace("flowChart", "")).lower().strip("_") or "bentuk"


def _style(style: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in style.split(";") if ":" in part)
    return {key.strip().lower(): value.strip() for key, value in pairs}


_UNITS = {"pt": 20.0, "in": 1440.0, "cm": 566.93, "mm": 56.693, "px": 15.0, "emu": 1 / EMU_PER_TWIP, "": 1 / EMU_PER_TWIP}
_LENGTH = re.compile(r"^(-?[\d.]+)\s*([a-z]*)$")


def _length(text: str) -> float:
    """A VML length in twips ("12pt", "0.5in"; a bare number is EMU)."""
    found = _LENGTH.match(text.strip().lower())
    if not found:
        return 0.0
    return float(found[1]) * _UNITS.get(found[2], 20.0)


def _point(text: str, origin) -> tuple[float, float]:
    x, _, y = text.partition(",")
    return origin[0] + _length(x or "0"), origin[1] + _length(y or "0")
