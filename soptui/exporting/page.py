"""What the layout engine hands a back-end: pages of positioned pieces, in points.

Coordinates are PostScript points (1/72 inch) from the page's top-left corner, y growing down,
as a reader reads a page; each back-end turns them into its own units (the PDF's bottom-left
origin, Word's EMU). The back-ends decide nothing: every position, size and line break is here.
"""

from __future__ import annotations

from typing import NamedTuple

MM = 72 / 25.4

# Landscape sizes (width, height): the standard's flowchart is drawn across the long side.
PAPERS = {
    "a4": (297 * MM, 210 * MM),
    "f4": (330 * MM, 215 * MM),  # folio, common in Indonesian offices
}

# Stroke widths tell the pieces apart on paper and for anyone reading a PDF back (the tests do):
# table rules are hairlines, arrows thinner than the symbols they join.
RULE_WIDTH = 0.5
ARROW_WIDTH = 0.8
SYMBOL_WIDTH = 1.1

Point = tuple[float, float]


class Line(NamedTuple):
    """One line of a cell's text, already broken to fit."""

    text: str
    bold: bool = False
    indent: float = 0.0  # a list item's continuation lines hang under its text, not its number


class Cell(NamedTuple):
    """A cell of a grid, spanning rows [row, row + rowspan) and columns [col, col + colspan)."""

    row: int
    col: int
    lines: tuple[Line, ...]
    rowspan: int = 1
    colspan: int = 1
    size: float = 7.5  # font size, points
    align: str = "left"  # or "center"
    middle: bool = False  # centred vertically (headers) rather than from the top
    pad: float = 3.0  # between the rules and the text


class Grid(NamedTuple):
    """A ruled table: column widths, row heights, and the cells that carry text."""

    x: float
    y: float
    columns: tuple[float, ...]
    rows: tuple[float, ...]
    cells: tuple[Cell, ...]
    header_rows: int = 0  # repeated on every page of the procedure

    @property
    def column_x(self) -> tuple[float, ...]:
        """Left edge of every column, then the right edge of the last."""
        edges, x = [self.x], self.x
        for width in self.columns:
            x += width
            edges.append(x)
        return tuple(edges)

    @property
    def row_y(self) -> tuple[float, ...]:
        edges, y = [self.y], self.y
        for height in self.rows:
            y += height
            edges.append(y)
        return tuple(edges)

    def rules(self) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
        """The table's rules, merged cells left open: (y, x0, x1) horizontals and (x, y0, y1)
        verticals, each a maximal run."""
        xs, ys = self.column_x, self.row_y
        rows, cols = len(self.rows), len(self.columns)
        covered_h: set[tuple[int, int]] = set()  # (boundary above row r, column c) inside a merge
        covered_v: set[tuple[int, int]] = set()  # (boundary left of column c, row r) inside a merge
        for cell in self.cells:
            for r in range(cell.row + 1, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    covered_h.add((r, c))
            for c in range(cell.col + 1, cell.col + cell.colspan):
                for r in range(cell.row, cell.row + cell.rowspan):
                    covered_v.add((c, r))
        horizontals = [(ys[r], xs[a], xs[b]) for r in range(rows + 1)
                       for a, b in _runs([(r, c) not in covered_h for c in range(cols)])]
        verticals = [(xs[c], ys[a], ys[b]) for c in range(cols + 1)
                     for a, b in _runs([(c, r) not in covered_v for r in range(rows)])]
        return horizontals, verticals


def _runs(drawn: list[bool]) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    runs, start = [], None
    for i, on in enumerate([*drawn, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start, i))
            start = None
    return runs


class Shape(NamedTuple):
    """A flowchart symbol: `kind` is one of model.SYMBOLS; (x, y) is its centre."""

    kind: str
    x: float
    y: float
    width: float
    height: float
    step: int | None = None  # the step's `no`; None for an off-page connector
    letter: str = ""  # an off-page connector's letter

    @property
    def box(self) -> tuple[float, float, float, float]:
        """left, top, right, bottom"""
        return (self.x - self.width / 2, self.y - self.height / 2,
                self.x + self.width / 2, self.y + self.height / 2)


class Arrow(NamedTuple):
    """An orthogonal polyline, its head at the last point; a label (Ya, Tidak) near its start."""

    points: tuple[Point, ...]
    label: str = ""
    label_at: Point = (0.0, 0.0)  # left end of the label's baseline
    dangling: bool = False  # leads to a step number no step carries; drawn dashed, with its number


class Words(NamedTuple):
    """Free text outside the grids: captions, the footer, a dangling edge's number."""

    x: float
    y: float  # baseline
    text: str
    size: float = 7.5
    bold: bool = False
    align: str = "left"  # "left": x is the start; "right": x is the end; "center"


class Page(NamedTuple):
    width: float
    height: float
    grids: tuple[Grid, ...] = ()
    shapes: tuple[Shape, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    words: tuple[Words, ...] = ()
    kind: str = "procedure"  # "identity", "procedure" or "findings"
    logo: tuple[float, float, float, float] | None = None  # left, top, width, height of the logo


class Document(NamedTuple):
    title: str
    nomor: str
    paper: str
    pages: tuple[Page, ...]
    logo_file: str | None = None
