"""The procedure pages: the flowchart table, paginated, with its symbols and arrows.

Columns: No | Kegiatan | one per pelaksana (headed by jabatan) | Kelengkapan | Waktu | Output |
Keterangan, under two header rows repeated on every page. A row is as tall as its longest cell
or its symbol needs, and never split; a page that continues ends with a band of off-page
connectors, and the next page begins with one, each edge crossing the break drawn as a lettered
pair (A on both sides).
"""

from __future__ import annotations

import string
from typing import NamedTuple

from ..lanes import UNASSIGNED, sop_lanes, step_lanes
from ..model import KEPUTUSAN, LOST_ACTORS, PENGHUBUNG, TERMINATOR, Sop, Step
from . import text
from .page import Cell, Grid, Line, Page, Shape, Words
from .routing import Lanes, Link, Node, Router

UNASSIGNED_LABEL = "(tanpa pelaksana)"
# The column of steps whose actor the source lost (`hilang_di_sumber = ["pelaksana"]`): the
# actor is not a gap to fill in this document but one the transcription could not recover.
LOST_LABEL = "(tidak ada di sumber)"

SIZE = 7.0  # body text
LANE_SIZES = (7.0, 6.5, 6.0, 5.5, 5.0)  # headings: the largest that breaks no word
PAD = 3.0  # inside a cell
NO_WIDTH = 20.0
MIN_LANE = 54.0
# Shares of the width for the text columns, before the lanes take what is left.
TEXT_SHARES = {"kegiatan": 0.21, "kelengkapan": 0.11, "waktu": 0.06, "output": 0.11, "keterangan": 0.09}
SYMBOL_HEIGHT = {TERMINATOR: 16.0, KEPUTUSAN: 24.0, PENGHUBUNG: 16.0}
PROCESS_HEIGHT = 16.0
SYMBOL_ROOM = 11.0  # above and below a symbol: where arrows turn and labels sit
BAND = 34.0  # a row of off-page connectors, with room above and below them for arrows to turn
CONNECTOR = 14.0
CONNECTOR_GAP = 4.0  # between two connectors side by side in a band


class Frame(NamedTuple):
    """Where the procedure goes on a page."""

    page_width: float
    page_height: float
    left: float
    top: float  # the table's top
    bottom: float  # the lowest a table may reach
    width: float  # of the table


class Layout(NamedTuple):
    """Columns and lanes, shared by every procedure page of one SOP."""

    columns: tuple[float, ...]
    lanes: list[tuple[str, str]]  # (pelaksana id, jabatan)
    lane_of: dict[int, int]  # step index -> lane
    header: tuple[float, float]  # the two header rows' heights
    symbol_width: float
    headings: tuple[Cell, ...]  # the two header rows' cells, repeated on every page
    # step index -> the other lanes a step of several actors is drawn in too, besides lane_of's
    also_in: dict[int, tuple[int, ...]] | None = None


def lanes_of(sop: Sop) -> list[tuple[str, str]]:
    """(id, jabatan) of each lane, in the document's order; "(tanpa pelaksana)" last when a step
    has no pelaksana or one the document does not declare, so that defect stays visible ("(tidak
    ada di sumber)" when the source lost the actor columns: not a defect of the document)."""
    unassigned = LOST_LABEL if sop.lost(LOST_ACTORS) else UNASSIGNED_LABEL
    lanes = [(lane, sop.pelaksana[lane] if lane != UNASSIGNED else unassigned) for lane in sop_lanes(sop)]
    return lanes or [(UNASSIGNED, unassigned)]


def _lanes_of_steps(sop: Sop, index: dict[str, int]) -> tuple[dict[int, int], dict[int, tuple[int, ...]]]:
    """The lane each step's arrows join (lane_of) and the other lanes it is drawn in. A step of
    several actors joins its arrows in the lane nearest the next step's, so that the arrow to
    the next row, which runs along the row, does not cross the step's own other symbols."""
    lane_of: dict[int, int] = {}
    also_in: dict[int, tuple[int, ...]] = {}
    following = None
    for step in reversed(sop.langkah):
        lanes = [index[actor] for actor in step_lanes(sop, step)]
        main = lanes[0] if following is None else min(lanes, key=lambda lane: (abs(lane - following), lanes.index(lane)))
        lane_of[step.index] = main
        also_in[step.index] = tuple(lane for lane in lanes if lane != main)
        following = main
    return lane_of, also_in


def plan(sop: Sop, frame: Frame) -> Layout:
    lanes = lanes_of(sop)
    index = {lane_id: i for i, (lane_id, _) in enumerate(lanes)}
    lane_of, also_in = _lanes_of_steps(sop, index)
    room = frame.width - NO_WIDTH
    shares = sum(TEXT_SHARES.values())
    scale = 1.0
    lane = (room - room * shares) / len(lanes)
    if lane < MIN_LANE:  # many actors: the text columns give way, down to 60 % of their share
        scale = max(0.6, (room - MIN_LANE * len(lanes)) / (room * shares))
        lane = (room - room * shares * scale) / len(lanes)
    text_columns = {name: room * share * scale for name, share in TEXT_SHARES.items()}
    columns = (NO_WIDTH, text_columns["kegiatan"], *([lane] * len(lanes)),
               text_columns["kelengkapan"], text_columns["waktu"], text_columns["output"],
               text_columns["keterangan"])
    strip = max(8.0, lane * 0.16)
    symbol_width = min(lane - 2 * strip, 52.0)
    # Headings in the largest type that breaks no word ("PENGADMINISTRASI", "Keterangan" in a
    # narrow column); the jabatan of all lanes in one type.
    lane_size = next((size for size in LANE_SIZES
                      if not any(text.splits_words(label, lane - 2 * PAD, size, True) for _, label in lanes)),
                     LANE_SIZES[-1])
    n = len(lanes)
    first = [_heading(0, 0, "No", columns, rowspan=2), _heading(0, 1, "Kegiatan", columns, rowspan=2),
             _heading(0, 2, "Pelaksana", columns, colspan=n), _heading(0, 2 + n, "Mutu Baku", columns, colspan=3),
             _heading(0, 5 + n, "Keterangan", columns, rowspan=2)]
    second = [_heading(1, 2 + i, label, columns, sizes=(lane_size,)) for i, (_, label) in enumerate(lanes)]
    second += [_heading(1, 2 + n, "Kelengkapan", columns), _heading(1, 3 + n, "Waktu", columns),
               _heading(1, 4 + n, "Output", columns)]

    def needs(cell: Cell) -> float:
        return text.height(len(cell.lines), cell.size) + 2 * PAD

    top = max(needs(c) for c in first if c.rowspan == 1)
    below = max(needs(c) for c in second)
    below = max(below, max(needs(c) for c in first if c.rowspan == 2) - top)
    return Layout(columns, lanes, lane_of, (top, below), symbol_width, tuple(first + second), also_in)


def _heading(row: int, col: int, label: str, columns: tuple[float, ...], rowspan: int = 1, colspan: int = 1,
             sizes: tuple[float, ...] = LANE_SIZES) -> Cell:
    width = sum(columns[col: col + colspan]) - 2 * PAD
    size = next((size for size in sizes if not text.splits_words(label, width, size, True)), sizes[-1])
    lines = tuple(Line(t, True) for t in text.wrap(label, width, size, True))
    return Cell(row, col, lines, rowspan, colspan, size, "center", middle=True, pad=PAD)


def _step_cells(sop: Sop, step: Step, layout: Layout) -> dict[int, tuple[Line, ...]]:
    """Column -> lines of one step's row (the symbol's column carries no text)."""
    n = len(layout.lanes)
    cols = layout.columns

    def lines(value: str, column: int) -> tuple[Line, ...]:
        return tuple(Line(t) for t in text.wrap(value, cols[column] - 2 * PAD, SIZE))

    def items(values: tuple[str, ...], column: int) -> tuple[Line, ...]:
        out: list[Line] = []
        for value in values:
            out += lines(value, column)
        return tuple(out)

    return {
        0: (Line(str(step.no)),),
        1: lines(step.kegiatan, 1),
        2 + n: items(step.kelengkapan, 2 + n),
        3 + n: lines(step.waktu or "", 3 + n) if step.waktu else (),
        4 + n: items(step.output, 4 + n),
        5 + n: lines(step.keterangan or "", 5 + n) if step.keterangan else (),
    }


def _row_height(sop: Sop, step: Step, cells: dict[int, tuple[Line, ...]]) -> float:
    tallest = max(text.height(len(lines), SIZE) for lines in cells.values()) + 2 * PAD
    return max(tallest, _symbol_height(sop.symbol(step)) + 2 * SYMBOL_ROOM)


def _symbol_height(kind: str) -> float:
    return SYMBOL_HEIGHT.get(kind, PROCESS_HEIGHT)


def paginate(heights: list[float], room: float) -> list[list[int]]:
    """Row indexes of each page: whole rows only; a page that continues keeps a band for its
    connectors at the bottom, and a continuation page one at the top. A last page never holds
    one row alone while the page before could give it a companion."""
    pages: list[list[int]] = []
    i = 0
    while i < len(heights):
        top = BAND if pages else 0.0
        rest = sum(heights[i:])
        if rest + top <= room:
            pages.append(list(range(i, len(heights))))
            break
        used, page = top + BAND, []
        while i < len(heights) and (not page or used + heights[i] <= room):
            used += heights[i]
            page.append(i)
            i += 1
        pages.append(page)
    if len(pages) > 1 and len(pages[-1]) == 1 and len(pages[-2]) > 2:
        moved = pages[-2].pop()
        if heights[moved] + heights[pages[-1][0]] + BAND <= room:
            pages[-1].insert(0, moved)
        else:
            pages[-2].append(moved)
    return pages


def procedure_pages(sop: Sop, frame: Frame) -> list[Page]:
    layout = plan(sop, frame)
    steps = sop.langkah
    cells = [_step_cells(sop, step, layout) for step in steps]
    heights = [_row_height(sop, step, c) for step, c in zip(steps, cells)]
    room = frame.bottom - frame.top - sum(layout.header)
    # A row taller than a page (a kegiatan of many hundred words) keeps what fits, marked cut.
    for i, h in enumerate(heights):
        if h > room - 2 * BAND:
            cells[i] = _cut(cells[i], room - 2 * BAND)
            heights[i] = room - 2 * BAND
    pages = paginate(heights, room) if steps else [[]]
    page_of = {steps[i].index: p for p, rows in enumerate(pages) for i in rows}
    crossings = _crossings(sop, page_of)
    return [_page(sop, frame, layout, rows, cells, heights, p, len(pages), crossings)
            for p, rows in enumerate(pages)]


def _cut(cells: dict[int, tuple[Line, ...]], room: float) -> dict[int, tuple[Line, ...]]:
    keep = max(1, int((room - 2 * PAD) / text.height(1, SIZE)))
    return {c: (lines if len(lines) <= keep else (*lines[: keep - 1], Line("[...]"))) for c, lines in cells.items()}


class Crossing(NamedTuple):
    """An edge whose ends are on different pages, drawn as connector `letter` on both."""

    source: Step
    target: Step
    label: str | None
    letter: str


def _crossings(sop: Sop, page_of: dict[int, int]) -> list[Crossing]:
    found = []
    for step in sop.langkah:
        for edge in sop.flow.next(step):
            if edge.target is not None and page_of[edge.target.index] != page_of[step.index]:
                found.append(Crossing(step, edge.target, edge.label, _letter(len(found))))
    return found


def _letter(n: int) -> str:
    letters = string.ascii_uppercase
    return letters[n] if n < 26 else letters[n // 26 - 1] + letters[n % 26]


def _page(sop: Sop, frame: Frame, layout: Layout, rows: list[int], cells, heights,
          number: int, total: int, crossings: list[Crossing]) -> Page:
    steps = sop.langkah
    n = len(layout.lanes)
    on_page = {steps[i].index for i in rows}
    outgoing = [c for c in crossings if c.source.index in on_page]
    incoming = [c for c in crossings if c.target.index in on_page]
    # Bands: connectors to later pages and from earlier ones at the bottom/top by direction.
    top_band = [c for c in incoming if c.source.index < c.target.index] + \
               [c for c in outgoing if c.target.index < c.source.index]
    bottom_band = [c for c in outgoing if c.target.index > c.source.index] + \
                  [c for c in incoming if c.source.index > c.target.index]
    row_heights = [*layout.header]
    grid_rows: list[str | int] = ["h1", "h2"]
    if top_band:
        row_heights.append(BAND)
        grid_rows.append("band")
    for i in rows:
        row_heights.append(heights[i])
        grid_rows.append(i)
    if bottom_band:
        row_heights.append(BAND)
        grid_rows.append("band")

    grid_cells = list(layout.headings)
    for r, what in enumerate(grid_rows):
        if isinstance(what, int):
            for col, lines in cells[what].items():
                if lines:
                    grid_cells.append(Cell(r, col, lines, size=SIZE, align="center" if col in (0, 3 + n) else "left", pad=PAD))
    grid = Grid(frame.left, frame.top, layout.columns, tuple(row_heights), tuple(grid_cells), header_rows=2)

    # Symbols and the nodes the router joins.
    column_x = grid.column_x
    row_y = grid.row_y
    lane_edges = tuple(column_x[2: 3 + n])

    def centre(lane: int) -> float:
        return (lane_edges[lane] + lane_edges[lane + 1]) / 2

    shapes: list[Shape] = []
    nodes: dict[object, Node] = {}
    for r, what in enumerate(grid_rows):
        if not isinstance(what, int):
            continue
        step = steps[what]
        kind = sop.symbol(step)
        lane = layout.lane_of[step.index]
        x, y = centre(lane), (row_y[r] + row_y[r + 1]) / 2
        shape_h = _symbol_height(kind)
        shape_w = CONNECTOR if kind == PENGHUBUNG else layout.symbol_width
        shapes.append(Shape(kind, x, y, shape_w, shape_h, step=step.no))
        nodes[("step", step.index)] = Node(("step", step.index), r, lane, x, y, shape_w, shape_h, kind)
        # a step of several actors: the same symbol in each of their columns, as documents draw
        # a meeting; the arrows join the one in lane_of's column
        for other in (layout.also_in or {}).get(step.index, ()):
            shapes.append(Shape(kind, centre(other), y, shape_w, shape_h, step=step.no))

    def band_nodes(band: list[Crossing], r: int, side: str) -> None:
        # Each connector stands under (or over) the step on this page, in its column, beside
        # another there when the column is taken, else in the nearest column with room.
        lane_half = (lane_edges[1] - lane_edges[0]) / 2
        offsets = [0.0]
        while abs(offsets[-1]) + CONNECTOR_GAP + CONNECTOR * 1.5 <= lane_half - 2:
            step = abs(offsets[-1]) + CONNECTOR + CONNECTOR_GAP
            offsets += [-step, step]
        taken: set[tuple[int, float]] = set()
        for c in band:
            here = c.source if c.source.index in on_page else c.target
            want = layout.lane_of[here.index]
            lane, offset = min(((l, o) for l in range(n) for o in offsets if (l, o) not in taken),
                               key=lambda spot: (abs(spot[0] - want), offsets.index(spot[1]), spot[0]),
                               default=(want, 0.0))
            taken.add((lane, offset))
            x, y = centre(lane) + offset, (row_y[r] + row_y[r + 1]) / 2
            shapes.append(Shape(PENGHUBUNG, x, y, CONNECTOR, CONNECTOR, letter=c.letter))
            nodes[("connector", c.letter, side)] = Node(("connector", c.letter, side), r, lane, x, y, CONNECTOR, CONNECTOR,
                                                         PENGHUBUNG, side, (row_y[r], row_y[r + 1]))

    if top_band:
        band_nodes(top_band, 2, "top")
    if bottom_band:
        band_nodes(bottom_band, len(grid_rows) - 1, "bottom")

    links: list[Link] = []
    for i in rows:
        step = steps[i]
        for edge in sop.flow.next(step):
            source = nodes[("step", step.index)]
            if edge.target is None:
                links.append(Link(source, None, edge.label or "", edge.to_no))
            elif edge.target.index in on_page:
                links.append(Link(source, nodes[("step", edge.target.index)], edge.label or ""))
    for c in outgoing:
        side = "bottom" if c.target.index > c.source.index else "top"
        links.append(Link(nodes[("step", c.source.index)], nodes[("connector", c.letter, side)], c.label or ""))
    for c in incoming:
        side = "top" if c.source.index < c.target.index else "bottom"
        links.append(Link(nodes[("connector", c.letter, side)], nodes[("step", c.target.index)]))
    arrows = Router(Lanes(lane_edges, layout.symbol_width)).route(links)

    caption = Words(frame.left, frame.top - 6, f"Prosedur: {sop.nama}", 8, bold=True)
    return Page(frame.page_width, frame.page_height, grids=(grid,), shapes=tuple(shapes),
                arrows=tuple(arrows), words=(caption,), kind="procedure")
