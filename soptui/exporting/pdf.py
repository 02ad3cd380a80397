"""The PDF back-end (reportlab): draws a laid-out `Document`, deciding nothing of its own.

Table rules are single line segments, symbols closed paths (the process a rectangle), arrows
open polylines with a filled head: the pieces a reader of the PDF (pdfplumber, the tests) finds
again, told apart by kind and stroke width (page.RULE_WIDTH, ARROW_WIDTH, SYMBOL_WIDTH).
"""

from __future__ import annotations

import io
import math

from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas

from ..model import KEPUTUSAN, PENGHUBUNG, TERMINATOR
from .page import ARROW_WIDTH, RULE_WIDTH, SYMBOL_WIDTH, Document, Grid, Page, Shape
from .routing import LABEL_SIZE
from .text import BOLD, LEADING, REGULAR, register_fonts, width

HEAD_LENGTH, HEAD_HALF = 4.5, 2.2
DANGLING = Color(0.75, 0.0, 0.0)
ASCENT = 0.76  # of the font size: the first baseline's drop below a line's top


def render_pdf(document: Document) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    first = document.pages[0]
    canvas = Canvas(buffer, pagesize=(first.width, first.height), pageCompression=1)
    canvas.setTitle(document.title)
    canvas.setSubject(f"SOP {document.nomor}")
    canvas.setCreator("soptui")
    for page in document.pages:
        canvas.setPageSize((page.width, page.height))
        _page(canvas, page, document.logo_file)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page(canvas: Canvas, page: Page, logo_file: str | None) -> None:
    h = page.height
    for grid in page.grids:
        _grid(canvas, grid, h)
    if page.logo is not None:
        _logo(canvas, page.logo, h, logo_file)
    for shape in page.shapes:
        _shape(canvas, shape, h)
    for arrow in page.arrows:
        _arrow(canvas, arrow, h)
    for words in page.words:
        canvas.setFont(BOLD if words.bold else REGULAR, words.size)
        draw = {"left": canvas.drawString, "right": canvas.drawRightString, "center": canvas.drawCentredString}
        draw[words.align](words.x, h - words.y, words.text)


def _grid(canvas: Canvas, grid: Grid, h: float) -> None:
    canvas.setLineWidth(RULE_WIDTH)
    canvas.setStrokeColor(black)
    horizontals, verticals = grid.rules()
    for y, x0, x1 in horizontals:
        canvas.line(x0, h - y, x1, h - y)
    for x, y0, y1 in verticals:
        canvas.line(x, h - y0, x, h - y1)
    xs, ys = grid.column_x, grid.row_y
    for cell in grid.cells:
        left, right = xs[cell.col], xs[cell.col + cell.colspan]
        top, bottom = ys[cell.row], ys[cell.row + cell.rowspan]
        line_height = cell.size * LEADING
        block = line_height * len(cell.lines)
        y = top + cell.pad if not cell.middle else top + (bottom - top - block) / 2
        for line in cell.lines:
            baseline = y + (line_height - cell.size) / 2 + cell.size * ASCENT + cell.size * 0.12
            font = BOLD if line.bold else REGULAR
            canvas.setFont(font, cell.size)
            if cell.align == "center":
                x = (left + right) / 2 - width(line.text, cell.size, line.bold) / 2
            else:
                x = left + cell.pad + line.indent
            canvas.drawString(x, h - baseline, line.text)
            y += line_height


def _logo(canvas: Canvas, box, h: float, logo_file: str | None) -> None:
    left, top, w, hh = box
    if logo_file:
        canvas.drawImage(logo_file, left, h - top - hh, w, hh, preserveAspectRatio=True, mask="auto")
        return
    canvas.saveState()  # a place for the logo, to paste or stamp
    canvas.setLineWidth(RULE_WIDTH)
    canvas.setDash(2, 2)
    canvas.rect(left, h - top - hh, w, hh)
    canvas.setFont(REGULAR, 6)
    canvas.drawCentredString(left + w / 2, h - top - hh / 2 - 2, "LOGO")
    canvas.restoreState()


def _shape(canvas: Canvas, shape: Shape, h: float) -> None:
    left, top, right, bottom = shape.box
    canvas.setLineWidth(SYMBOL_WIDTH)
    canvas.setStrokeColor(black)
    canvas.setFillColor(white)
    if shape.kind == TERMINATOR:
        canvas.roundRect(left, h - bottom, shape.width, shape.height, shape.height / 2, stroke=1, fill=1)
    elif shape.kind == KEPUTUSAN:
        _polygon(canvas, [(shape.x, top), (right, shape.y), (shape.x, bottom), (left, shape.y)], h)
    elif shape.kind == PENGHUBUNG:  # the off-page connector: a pentagon pointing down the page
        shoulder = top + shape.height * 0.6
        _polygon(canvas, [(left, top), (right, top), (right, shoulder), (shape.x, bottom), (left, shoulder)], h)
        if shape.letter:
            canvas.setFillColor(black)
            canvas.setFont(BOLD, 7)
            canvas.drawCentredString(shape.x, h - (top + shape.height * 0.45) - 2.5, shape.letter)
    else:
        canvas.rect(left, h - bottom, shape.width, shape.height, stroke=1, fill=1)
    canvas.setFillColor(black)


def _polygon(canvas: Canvas, points, h: float) -> None:
    path = canvas.beginPath()
    path.moveTo(points[0][0], h - points[0][1])
    for x, y in points[1:]:
        path.lineTo(x, h - y)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)


def _arrow(canvas: Canvas, arrow, h: float) -> None:
    canvas.saveState()
    colour = DANGLING if arrow.dangling else black
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(ARROW_WIDTH)
    if arrow.dangling:
        canvas.setDash(2, 1.5)
    (ax, ay), (bx, by) = arrow.points[-2], arrow.points[-1]
    length = math.hypot(bx - ax, by - ay) or 1.0
    ux, uy = (bx - ax) / length, (by - ay) / length
    # The line stops at the head's base, so the head's point is the arrow's true end.
    base = (bx - ux * HEAD_LENGTH, by - uy * HEAD_LENGTH)
    path = canvas.beginPath()
    path.moveTo(arrow.points[0][0], h - arrow.points[0][1])
    for x, y in (*arrow.points[1:-1], base):
        path.lineTo(x, h - y)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setDash()
    head = canvas.beginPath()
    head.moveTo(bx, h - by)
    head.lineTo(base[0] - uy * HEAD_HALF, h - (base[1] + ux * HEAD_HALF))
    head.lineTo(base[0] + uy * HEAD_HALF, h - (base[1] - ux * HEAD_HALF))
    head.close()
    canvas.setLineWidth(0.1)
    canvas.drawPath(head, stroke=0, fill=1)
    if arrow.label:
        canvas.setFont(REGULAR, LABEL_SIZE)
        canvas.drawString(arrow.label_at[0], h - arrow.label_at[1], arrow.label)
    canvas.restoreState()
