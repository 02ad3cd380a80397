"""The review page `--with-findings` adds: every finding of the SOP, by line, in a table."""

from __future__ import annotations

from ..checker.rule import SEVERITY_WORDS, Severity
from . import text
from .page import Cell, Grid, Line, Page, Words

SIZE = 7.0
PAD = 3.0
HEADINGS = (("Baris", "Line"), ("Kode", "Code"), ("Tingkat", "Severity"), ("Temuan", "Finding"))


def findings_pages(findings, lang: str, page_width: float, page_height: float, left: float, top: float,
                   bottom: float) -> list[Page]:
    width = page_width - 2 * left
    columns = (width * 0.07, width * 0.09, width * 0.09, width * 0.75)
    heading = tuple(Line(en if lang == "en" else id_, True) for id_, en in HEADINGS)
    header_height = text.height(1, SIZE) + 2 * PAD
    rows: list[tuple[tuple[Line, ...], ...]] = []
    for f in findings:
        message = f.message(lang) if callable(f.message) else str(f.message)
        severity = _severity_word(f.severity, lang)
        rows.append(((Line(f"{f.line}:{f.col}"),), (Line(f.code),), (Line(severity),),
                     tuple(Line(t) for t in text.wrap(message, columns[3] - 2 * PAD, SIZE))))
    if not rows:
        none = "Tidak ada temuan." if lang != "en" else "No findings."
        rows.append(((Line("-"),), (Line("-"),), (Line("-"),), (Line(none),)))
    caption = "Temuan pemeriksaan" if lang != "en" else "Review findings"
    pages: list[Page] = []
    heights, cells = [header_height], [Cell(0, c, (line,), size=SIZE, middle=True, pad=PAD) for c, line in enumerate(heading)]
    room = bottom - top
    for row in rows:
        height = text.height(max(len(cell) for cell in row), SIZE) + 2 * PAD
        if sum(heights) + height > room and len(heights) > 1:
            pages.append(_page(page_width, page_height, left, top, columns, heights, cells, caption))
            heights, cells = [header_height], [Cell(0, c, (line,), size=SIZE, middle=True, pad=PAD) for c, line in enumerate(heading)]
        r = len(heights)
        heights.append(height)
        cells += [Cell(r, c, lines, size=SIZE, pad=PAD) for c, lines in enumerate(row)]
    pages.append(_page(page_width, page_height, left, top, columns, heights, cells, caption))
    return pages


def _page(page_width, page_height, left, top, columns, heights, cells, caption) -> Page:
    grid = Grid(left, top, columns, tuple(heights), tuple(cells), header_rows=1)
    return Page(page_width, page_height, grids=(grid,), words=(Words(left, top - 6, caption, 8, bold=True),),
                kind="findings")


def _severity_word(severity, lang: str) -> str:
    """The severity as the text report says it in `lang` ("peringatan"), not its value ("warning")."""
    try:
        return SEVERITY_WORDS["en" if lang == "en" else "id"][Severity(severity)]
    except ValueError:
        return str(severity)
