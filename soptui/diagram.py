"""The swimlane flowchart of a procedure, drawn in text: one lane per pelaksana.

`layout` places everything and routes every edge of `Sop.flow`; `render` paints that layout
into lines of rich `Text`. The layout is plain data (boxes, routes, labels), so the tests check
the drawing as data: every edge has a route, no two routes share a segment.

- Lanes: one per declared pelaksana, in the document's order, plus "(tanpa pelaksana)" when a
  step has none or an undeclared one; vertical dividers between them, the full jabatan wrapped
  in the header.
- Steps: one row each, in the actor's lane, with its symbol: ``( 1 )`` terminator, ``[ 2 ]``
  process, ``< 3 >`` decision, ``⬠ 4`` off-page connector. A step of several actors (a meeting)
  has its symbol in each of their lanes, joined on its line by ``═`` (``╪`` across a divider), as
  the exported document draws it; its edges leave and enter the rightmost one. The gutter on the left marks the
  step's findings (``✖ ▲ ●``) and repeats its number; a note on the right gives the whole
  kegiatan, wrapped to the width the screen leaves (a step's rows grow to hold it), and where
  the step leads.
- Edges: an edge to the next row runs straight down, turning across lanes. Every other edge
  (a skip, a loop back, a decision's second branch) runs through its own column of the channel
  right of the lanes, so two edges never share a segment; where two cross, the crossing is
  drawn ``┼``. A decision's branches are labelled ya/tidak where they leave the step. An edge to
  a number no step carries ends right of the channel, marked ``→ N?``.

How a long edge avoids the others: each one leaves and enters its steps on a line of its own
(the box's own line, or a line above or below it, reached through a "port" on the box's top or
bottom edge). Along the right side the ends are ordered so that edges nest (the end of a short
edge sits outside the ends of a long one that surrounds it) and the channel columns go by
length, shortest nearest the lanes: nested edges never cross, only interleaved ones must.
"""

from __future__ import annotations

import textwrap
from typing import NamedTuple

from rich.text import Text

from . import i18n
from .flow import Edge
from .lanes import UNASSIGNED, sop_lanes, step_lanes
from .model import KEPUTUSAN, LOST_ACTORS, PENGHUBUNG, TERMINATOR, Sop, Step
from .one_cell import one_cell

MIN_LANE_WIDTH = 12
DEFAULT_LANE_WIDTH = 16
WIDEST_WORD_LANE = 24  # a lane widens to fit a long word of its jabatan, up to this; longer words break
MAX_FITTED_LANE = 30  # lanes fitted to a wide screen stop here: wider ones only spread the chart thin
# The notes' width: lanes fitted to a screen leave it for them when the lanes still get their
# least width; otherwise the lanes take the screen and the notes go below the chart, each under
# its step's number, as wide as the screen (beside the chart they lay past the screen's edge,
# read only scrolled sideways, away from the lanes).
NOTE_WIDTH = 40
NOTE_MIN = 24  # narrower than this, what a screen leaves right of the chart is not used
NOTE_INDENT = "  "  # a note's second and later lines: a step's note told from the next one's

NO_STEPS = i18n.Text("(tidak ada langkah)", "(no steps)")
UNASSIGNED_LABEL = i18n.Text("(tanpa pelaksana)", "(no actor)")  # as the Prosedur table heads it
# the lane of steps whose actor the source lost (`hilang_di_sumber = ["pelaksana"]`): not a
# defect of the document, named as the export and the Prosedur table name it
LOST_LABEL = i18n.Text("(tidak ada di sumber)", "(not in source)")
BRANCH_LABELS = {"ya": i18n.Text("ya", "yes"), "tidak": i18n.Text("tidak", "no")}
START, END = i18n.Text("mulai", "start"), i18n.Text("selesai", "end")
JOIN, JOIN_DIVIDER = "═", "╪"  # the line joining the symbols of one step in several lanes

MARKS = {"error": ("✖", "bold red"), "warning": ("▲", "bold yellow"), "info": ("●", "bold cyan")}
_BRACKETS = {TERMINATOR: ("(", ")"), KEPUTUSAN: ("<", ">"), PENGHUBUNG: ("⬠", " ")}

# Which neighbours a line cell joins: the glyph follows from the set.
N, E, S, W = 1, 2, 4, 8
_GLYPHS = {
    N | S: "│", E | W: "─", S | E: "┌", S | W: "┐", N | E: "└", N | W: "┘",
    N: "│", S: "│", E: "─", W: "─",  # a path's loose end (it touches a box)
}
_CROSSING = "┼"
_ARROWS = {(0, 1): "▼", (0, -1): "▲", (-1, 0): "◀", (1, 0): "→"}  # by the direction of the last step

_STYLE = {
    "divider": "dim",
    "header": "bold",
    "box": "bold",
    "edge": "",
    "arrow": "bold",
    "ya": "green",
    "tidak": "magenta",
    "dangling": "bold red",
    "note": "dim",
    "join": "bold",
    "number": "dim",
}


class Lane(NamedTuple):
    """One pelaksana's column."""

    id: str
    label: str  # the full jabatan
    x: int  # first column inside the lane (right of its left divider)
    width: int
    header: tuple[str, ...]  # the label wrapped to the lane's width


class Box(NamedTuple):
    """A step's symbol, on its own line, in its actor's lane (one of them, for a step of several)."""

    step: Step
    lane: int
    x: int  # column of the symbol's first character
    y: int
    text: str  # "[  6  ]"

    @property
    def right(self) -> int:
        return self.x + len(self.text) - 1


class Route(NamedTuple):
    """The drawn path of one edge: from the cell beside the source box to the arrowhead."""

    edge: Edge
    points: tuple[tuple[int, int], ...]  # (x, y) corners; the first touches the source box, the last is the arrowhead
    label: str | None = None  # "ya" / "tidak" (or "yes" / "no"), written where the branch leaves
    label_at: tuple[int, int] | None = None
    dangling: str | None = None  # "12?" written after the arrowhead when no step carries the number

    @property
    def arrow(self) -> str:
        (x0, y0), (x1, y1) = self.points[-2], self.points[-1]
        return _ARROWS[((x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0))]

    def cells(self) -> list[tuple[int, int]]:
        """Every cell of the path, in order from the source to the arrowhead."""
        cells = [self.points[0]]
        for (x0, y0), (x1, y1) in zip(self.points, self.points[1:]):
            dx, dy = (x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0)
            x, y = x0, y0
            while (x, y) != (x1, y1):
                x, y = x + dx, y + dy
                cells.append((x, y))
        return cells

    def segments(self) -> set[frozenset[tuple[int, int]]]:
        """The unit segments between neighbouring cells: two routes that share one overlap."""
        cells = self.cells()
        return {frozenset(pair) for pair in zip(cells, cells[1:])}


class Layout(NamedTuple):
    """Everything `render` paints, in character cells: x the column, y the line, from 0."""

    lanes: tuple[Lane, ...]
    dividers: tuple[int, ...]  # x of every divider, the outer two included
    top: int  # first line of the steps' area (below the header)
    bottom: int  # the closing line
    boxes: tuple[Box, ...]  # one per step, in the steps' order
    routes: tuple[Route, ...]  # one per edge of the flow
    gutter: int  # width of the column of marks and numbers
    notes_x: int
    notes: tuple[tuple[int, str], ...]  # (line, text): each step's note, wrapped, from its box's line
    # A step of several actors: its symbol again in each lane besides its box's, on the box's line
    also: tuple[Box, ...] = ()
    note_width: int = NOTE_WIDTH  # the notes' lines are no longer than this
    # The first line of the notes when they are below the chart (0: beside it), and each one's
    # first line there with its step, whose number and mark it repeats.
    below: int = 0
    note_heads: tuple[tuple[int, Box], ...] = ()

    @property
    def height(self) -> int:
        return max(self.bottom, self.notes[-1][0] if self.notes else 0) + 1


class _End(NamedTuple):
    """Where a long edge attaches to one of its steps."""

    edge: int  # index into the long edges
    leaves: bool  # the edge's source end, else its target end
    order: tuple  # sort key along the step's right side, top to bottom


def lanes_of(sop: Sop, lang: str = "id") -> list[tuple[str, str]]:
    """(id, label) of each lane, in the document's order, plus the lane of steps without a
    declared pelaksana when one needs it."""
    unassigned = (LOST_LABEL if sop.lost(LOST_ACTORS) else UNASSIGNED_LABEL)(lang)
    return [(lane, unassigned if lane == UNASSIGNED else sop.pelaksana[lane]) for lane in sop_lanes(sop)]


def layout(sop: Sop, lane_width: int | None = None, lang: str = "id", width: int | None = None) -> Layout:
    """Place lanes, boxes, notes and the route of every edge; lines and columns count from 0.

    The lane width is `lane_width`, else what `width` leaves for each lane after NOTE_WIDTH
    columns of notes (all of it, when that would leave less than 12 a lane), else 16; never less
    than 12 nor than the boxes, branch labels and the longest word of a jabatan need. The notes
    take what `width` leaves right of the chart, or when that is less than NOTE_MIN, go below
    the chart, `width` less the gutter wide. Without `width`, NOTE_WIDTH beside the chart.
    """
    steps = sop.langkah
    lanes = lanes_of(sop, lang)
    lane_index = {lane_id: i for i, (lane_id, _) in enumerate(lanes)}
    in_lanes = {s.index: sorted(lane_index[lane] for lane in step_lanes(sop, s)) for s in steps}
    # A step of several lanes joins its edges in the rightmost: the edge leaving its side runs
    # right, to the channel, and would cross the step's own symbols from any other.
    lane_of = {index: lanes_in[-1] for index, lanes_in in in_lanes.items()}
    straight, long_edges = _split_edges(sop)
    labels = [_branch_label(edge, lang) for edge in long_edges]
    ends = _Ends.of(steps, long_edges)
    half = {s.index: max(3, 2 * ends.ports(s.index) + 1) for s in steps}  # over every port of its edges

    left, right = _reach(ends, half, labels, [_branch_label(edge, lang) for edge in straight.values()])
    gutter = _gutter(sop)
    right_of_lanes = _right_of_lanes(long_edges)
    if lane_width is None and width is not None:
        lane_width = _fitted_lane_width(width - gutter - len(lanes) - 1 - right_of_lanes, len(lanes))
    if lane_width is None:
        lane_width = DEFAULT_LANE_WIDTH
    longest_word = max(len(word) for _, label in lanes for word in label.split())
    lane_w = max(MIN_LANE_WIDTH, lane_width, left + right, min(WIDEST_WORD_LANE, longest_word + 2))
    centre = max(left, min(lane_w // 2, lane_w - right))  # centred, unless the labels need the room

    wrapped = [_wrap(label, lane_w - 2) for _, label in lanes]
    top = 1 + max(len(w) for w in wrapped) + 1  # the frame's top line, the header, its rule
    dividers = tuple(gutter + k * (lane_w + 1) for k in range(len(lanes) + 1))
    notes_x = dividers[-1] + right_of_lanes
    note_width = NOTE_WIDTH
    below = width is not None and width - notes_x < NOTE_MIN
    if below:  # under the chart, from the gutter to the screen's edge
        notes_x, note_width = gutter, max(NOTE_MIN, width - gutter)
    elif width is not None:  # what the screen leaves right of the chart
        note_width = width - notes_x
    notes = [_note(sop, step, lang, note_width) for step in steps]
    rows = _Rows.of(steps, straight, ends, top, lambda i: bool(_branch_label(straight.get(i), lang)),
                    [1] * len(notes) if below else [len(note) for note in notes])

    lane_list = tuple(Lane(lane_id, label, dividers[k] + 1, lane_w, tuple(wrapped[k]))
                      for k, (lane_id, label) in enumerate(lanes))
    cx = {s.index: lane_list[lane_of[s.index]].x + centre for s in steps}
    boxes = tuple(
        Box(s, lane_of[s.index], cx[s.index] - half[s.index], rows.box[s.index], _box_text(sop, s, half[s.index]))
        for s in steps
    )
    also = tuple(box._replace(lane=k, x=lane_list[k].x + centre - half[box.step.index])
                 for box in boxes for k in in_lanes[box.step.index][:-1])

    # The channel: one column per long edge, the shortest nearest the lanes, so nested edges never cross.
    routed = [k for k, edge in enumerate(long_edges) if edge.target is not None]
    span = {k: abs(rows.end[k, True][0] - rows.end[k, False][0]) for k in routed}
    by_length = sorted(routed, key=lambda k: (span[k], rows.end[k, True][0]))
    column = {k: dividers[-1] + 2 + 2 * c for c, k in enumerate(by_length)}
    dangling_x = dividers[-1] + 2 * len(routed) + 2  # right of the last channel column

    def out(k: int, leaves: bool, x_far: int) -> list[tuple[int, int]]:
        """The path from the box at one end of long edge k out to column x_far."""
        edge = long_edges[k]
        box = boxes[(edge.source if leaves else edge.target).index]
        line, port = rows.end[k, leaves]
        if port == 0:
            return [(box.right + 1, line), (x_far, line)]
        x = cx[box.step.index] + port
        return [(x, box.y - 1 if line < box.y else box.y + 1), (x, line), (x_far, line)]

    routes: list[Route] = []
    long_index = {id(edge): k for k, edge in enumerate(long_edges)}  # by identity: the flow keeps its edges
    for step in steps:
        for edge in sop.flow.next(step):
            if straight.get(step.index) is edge:
                routes.append(_straight_route(edge, cx, rows, lang))
                continue
            k = long_index[id(edge)]
            if edge.target is None:
                points, dangling = out(k, True, dangling_x), f"{edge.to_no}?"
            else:
                points, dangling = out(k, True, column[k]) + out(k, False, column[k])[::-1], None
            label_at = None
            if labels[k]:  # on the line out of the box, just past its first corner
                (x0, y0), (x1, y1) = points[0], points[1]
                label_at = (x0 + 1, y0) if y0 == y1 else (x1 + 2, y1)
            routes.append(Route(edge, _simplify(points), labels[k], label_at, dangling))

    heads: list[tuple[int, Box]] = []
    if below:  # after a blank line, one after another
        placed, y = [], rows.bottom + 2
        for box, note in zip(boxes, notes):
            heads.append((y, box))
            placed += [(y + k, line) for k, line in enumerate(note)]
            y += len(note)
        placed_notes = tuple(placed)
    else:
        placed_notes = tuple((box.y + k, line) for box, note in zip(boxes, notes) for k, line in enumerate(note))
    return Layout(lane_list, dividers, top, rows.bottom, boxes, tuple(routes), gutter, notes_x, placed_notes, also,
                  note_width, rows.bottom + 2 if below else 0, tuple(heads))


def scrollable_width(plan: Layout, drawn: int, width: int) -> int:
    """The width a view `width` columns wide scrolls over, the drawing being `drawn` columns:
    when it is wider than the view, one lane wider, so that the view can stop with a lane's
    edge at either of its own (else, with the notes below the chart, no stop may show the last
    lane without cutting the first one's header)."""
    if drawn <= width or not plan.lanes:
        return drawn
    return drawn + max(lane.width for lane in plan.lanes)


def opening_scroll(plan: Layout, width: int, height: int, max_scroll: int) -> int:
    """The sideways scroll a view `width` columns wide (the gutter's included) and `height` lines
    high opens at: as much of the drawing as fits in view. First the first step's box whole,
    where reading starts; then no lane header cut by an edge of the view (a header's line cut
    reads as a word missing: "(tidak ada" over "sumber)"); then the most boxes whole on the
    lines in view; then the most of the boxes, lines and labels on them; then the least scroll."""
    boxes = [box for box in plan.boxes if box.y < height]
    ink = [0] * (max([plan.notes_x, width + max(0, max_scroll)]) + 1)  # cells drawn in each column

    def add(x: int, y: int, length: int = 1) -> None:
        if y < height:
            for column in range(x, min(x + length, len(ink))):
                ink[column] += 1

    for box in plan.boxes + plan.also:
        add(box.x, box.y, len(box.text))
    for route in plan.routes:
        if min(y for _, y in route.points) >= height:
            continue  # all of it below the view (and its cells are the cost, on a long SOP)
        for x, y in set(route.cells()):
            add(x, y)
        if route.label:
            add(*route.label_at, len(route.label))
    before = [0]  # before[x]: the cells drawn left of column x
    for cells in ink:
        before.append(before[-1] + cells)
    headers = [(lane.x + len(line) - len(line.lstrip()), len(line.strip()))
               for lane in plan.lanes for line in (text.center(lane.width) for text in lane.header) if line.strip()]

    def merit(scroll: int) -> tuple:
        left, right = scroll + plan.gutter, min(scroll + width, len(ink))  # in view: left <= x < right
        cut = sum(x < left < x + length or x < right < x + length for x, length in headers)
        return (left <= plan.boxes[0].x and plan.boxes[0].right < right, -cut,
                sum(left <= box.x and box.right < right for box in boxes), before[right] - before[left], -scroll)

    return max(range(max(0, max_scroll) + 1), key=merit)


def _right_of_lanes(long_edges: list[Edge]) -> int:
    """Columns from the last divider to the notes: the channel, the dangling ends' marks, a gap."""
    dangling_x = 2 * sum(1 for edge in long_edges if edge.target is not None) + 2
    marks = [dangling_x + 3 + len(f"{edge.to_no}?") for edge in long_edges if edge.target is None]
    return max(marks + [dangling_x]) + 1


def _fitted_lane_width(room: int, lanes: int) -> int:
    """The lane width for `room` columns of lanes and notes: NOTE_WIDTH left for the notes when
    the lanes still get their least, else all of it to the lanes (the notes right of the screen)."""
    beside_notes = (room - NOTE_WIDTH) // lanes
    return min(MAX_FITTED_LANE, beside_notes if beside_notes >= MIN_LANE_WIDTH else room // lanes)


def _split_edges(sop: Sop) -> tuple[dict[int, Edge], list[Edge]]:
    """The edge each step sends straight down to the next row, and every other ("long") edge."""
    straight: dict[int, Edge] = {}
    long_edges: list[Edge] = []
    for step in sop.langkah:
        for edge in sop.flow.next(step):
            if edge.target is not None and edge.target.index == step.index + 1 and step.index not in straight:
                straight[step.index] = edge
            else:
                long_edges.append(edge)
    return straight, long_edges


class _Ends(NamedTuple):
    """Each step's long-edge ends: those above its box, the one on the box's own line, those below."""

    above: dict[int, list[_End]]
    beside: dict[int, _End]
    below: dict[int, list[_End]]

    @classmethod
    def of(cls, steps: tuple[Step, ...], long_edges: list[Edge]) -> "_Ends":
        above, beside, below = {}, {}, {}
        for index, own in _ends_by_step(steps, long_edges).items():
            if own:
                slot = next((i for i, end in enumerate(own) if end.leaves), 0)  # a branch leaves best sideways
                above[index], beside[index], below[index] = own[:slot], own[slot], own[slot + 1:]
        return cls(above, beside, below)

    def ports(self, index: int) -> int:
        return max(len(self.above.get(index, ())), len(self.below.get(index, ())))


class _Rows(NamedTuple):
    """The lines of the steps' area, top to bottom, for each step: its turn line (where the edge
    from the row above turns across), a line per end above, the arrow line, the box, the stub
    line (a straight branch's label, arrowheads coming up), a line per end below; and lines
    more, above the next step's turn line, where the step's note needs them."""

    box: dict[int, int]  # step index -> its box's line
    turn: dict[int, int]  # step index -> the line where the edge from the row above turns
    # (long edge, leaves) -> (line, port): the port is the offset from the box's centre, 0 for beside it
    end: dict[tuple[int, bool], tuple[int, int]]
    bottom: int  # the frame's closing line

    @classmethod
    def of(cls, steps, straight, ends: _Ends, top: int, labelled, note_lines: list[int]) -> "_Rows":
        box, turn, end_at = {}, {}, {}
        y = top
        for step in steps:
            i = step.index
            if i > 0:
                # the note of the step above ends before this one's box: only vertical lines
                # (the edges down, the channel's) run through the lines added for it
                to_box = 1 + len(ends.above.get(i, ())) + bool((i - 1) in straight or ends.above.get(i))
                y = max(y, box[i - 1] + note_lines[i - 1] - to_box)
                turn[i], y = y, y + 1
            for j, end in enumerate(ends.above.get(i, ()), start=1):
                end_at[end.edge, end.leaves], y = (y, 2 * j), y + 1  # the top one leftmost: no line crosses another
            if (i - 1) in straight or ends.above.get(i):
                y += 1  # the arrow line
            box[i] = y
            if i in ends.beside:
                end_at[ends.beside[i].edge, ends.beside[i].leaves] = (y, 0)
            y += 1
            under = ends.below.get(i, [])
            if under or labelled(i):
                y += 1  # the stub line
            for j, end in enumerate(under):
                end_at[end.edge, end.leaves], y = (y, 2 * (len(under) - j)), y + 1  # the top one rightmost
        if steps:  # the last note may run along the closing line (right of the frame), not past it
            y = max(y, box[steps[-1].index] + note_lines[-1] - 1)
        return cls(box, turn, end_at, y)


def _reach(ends: _Ends, half: dict[int, int], labels: list[str | None], straight_labels) -> tuple[int, int]:
    """How many columns a lane needs left of its centre line and right of it (the divider included)."""
    left = max([max(half.values())] + [len(label) + 1 for label in straight_labels if label]) + 1
    right = max(half.values())
    for index, end in ends.beside.items():
        if end.leaves and labels[end.edge]:
            right = max(right, half[index] + 1 + len(labels[end.edge]))
    for group in list(ends.above.values()) + list(ends.below.values()):
        right = max([right] + [2 * len(group) + 1 + len(labels[e.edge]) for e in group if e.leaves and labels[e.edge]])
    return left, right + 2  # a stretch of line after a label, then the divider


def _gutter(sop: Sop) -> int:
    """The mark, a space, the widest step number, a space."""
    return 2 + max(len(str(step.no)) for step in sop.langkah) + 1


def render(
    sop: Sop,
    lane_width: int | None = None,
    lang: str = "id",
    marks: dict[int, str] | None = None,
    width: int | None = None,
    plan: Layout | None = None,
) -> list[Text]:
    """The flowchart as lines of rich Text; `marks` maps a step's index to its worst severity.
    `plan`: the layout already made of `sop` (by one who needs its places too)."""
    if not sop.langkah:
        return [Text(NO_STEPS(lang))]
    plan = plan or layout(sop, lane_width=lane_width, lang=lang, width=width)
    canvas = _Canvas(plan.height)
    _paint_frame(canvas, plan)
    _paint_joins(canvas, plan)
    for box in plan.also:
        canvas.write(box.x, box.y, box.text, _STYLE["box"])
    for box in plan.boxes:
        canvas.write(box.x, box.y, box.text, _STYLE["box"])
    for y, box in [(box.y, box) for box in plan.boxes] + list(plan.note_heads):
        canvas.write(2, y, f"{box.step.no:>{plan.gutter - 3}}", _STYLE["number"])
        mark = MARKS.get((marks or {}).get(box.step.index, ""))
        if mark:
            canvas.write(0, y, *mark)
    _paint_routes(canvas, plan)
    for line, note in plan.notes:
        if note:
            canvas.write(plan.notes_x, line, note, _STYLE["note"])
    return canvas.lines()


class _Canvas:
    """A grid of characters with a style each, painted in layers, read out as Text lines."""

    def __init__(self, height: int) -> None:
        self.rows: list[dict[int, tuple[str, str]]] = [{} for _ in range(height)]

    def write(self, x: int, y: int, text: str, style: str = "") -> None:
        # one cell a character, as the layout counts them: no control code reaches the screen
        for k, char in enumerate(one_cell(text)):
            self.rows[y][x + k] = (char, style)

    def lines(self) -> list[Text]:
        lines = []
        for row in self.rows:
            line = Text(no_wrap=True)
            run, run_style = [], ""
            for x in range(max(row, default=-1) + 1):
                char, style = row.get(x, (" ", ""))
                if style != run_style and run:
                    line.append("".join(run), run_style)
                    run = []
                run_style = style
                run.append(char)
            line.append("".join(run), run_style)
            line.rstrip()
            lines.append(line)
        return lines


def _paint_frame(canvas: _Canvas, plan: Layout) -> None:
    first, last = plan.dividers[0], plan.dividers[-1]
    rule_y = plan.top - 1
    for y in range(plan.bottom + 1):  # the frame's: the notes below it have none
        for x in plan.dividers:
            canvas.write(x, y, "│", _STYLE["divider"])
    for y, (left, middle, right) in ((0, "┌┬┐"), (rule_y, "├┼┤"), (plan.bottom, "└┴┘")):
        canvas.write(first, y, "─" * (last - first + 1), _STYLE["divider"])
        for x in plan.dividers[1:-1]:
            canvas.write(x, y, middle, _STYLE["divider"])
        canvas.write(first, y, left, _STYLE["divider"])
        canvas.write(last, y, right, _STYLE["divider"])
    for lane in plan.lanes:
        for k, text in enumerate(lane.header):
            canvas.write(lane.x, 1 + k, text.center(lane.width), _STYLE["header"])


def _paint_joins(canvas: _Canvas, plan: Layout) -> None:
    """The line from the leftmost symbol of a step of several actors to its box (the rightmost),
    under the symbols between. Nothing else runs on a box's line inside the lanes."""
    dividers = set(plan.dividers)
    for copy in plan.also:
        box = plan.boxes[copy.step.index]
        for x in range(copy.right + 1, box.x):
            canvas.write(x, box.y, JOIN_DIVIDER if x in dividers else JOIN, _STYLE["join"])


def _paint_routes(canvas: _Canvas, plan: Layout) -> None:
    """Lines first, each cell's glyph from the neighbours it joins; then arrowheads and labels on top."""
    joins: dict[tuple[int, int], list[int]] = {}  # the bits each route brings to a cell
    for route in plan.routes:
        bits: dict[tuple[int, int], int] = {}
        cells = route.cells()
        for (x0, y0), (x1, y1) in zip(cells, cells[1:]):
            bits[x0, y0] = bits.get((x0, y0), 0) | _direction(x0, y0, x1, y1)
            bits[x1, y1] = bits.get((x1, y1), 0) | _direction(x1, y1, x0, y0)
        source = plan.boxes[route.edge.source.index]
        x, y = cells[0]
        bits[x, y] = bits.get((x, y), 0) | (W if y == source.y else N if y > source.y else S)  # joins its box
        for cell, b in bits.items():
            joins.setdefault(cell, []).append(b)
    dividers = set(plan.dividers)
    for (x, y), bits in joins.items():
        crossing = len(bits) > 1 or (x in dividers and bits[0] == E | W)
        canvas.write(x, y, _CROSSING if crossing else _GLYPHS.get(bits[0], _CROSSING), _STYLE["edge"])
    for route in plan.routes:
        x, y = route.points[-1]
        canvas.write(x, y, route.arrow, _STYLE["arrow"])
        if route.dangling:
            canvas.write(x + 2, y, route.dangling, _STYLE["dangling"])
        if route.label:
            canvas.write(*route.label_at, route.label, _STYLE[route.edge.label])


def _direction(x0: int, y0: int, x1: int, y1: int) -> int:
    return E if x1 > x0 else W if x1 < x0 else S if y1 > y0 else N


def _straight_route(edge: Edge, cx: dict[int, int], rows: _Rows, lang: str) -> Route:
    """Down from the box, across on the turn line to the next row's lane, down to its arrow."""
    source, target = edge.source.index, edge.target.index
    a, b, turn = cx[source], cx[target], rows.turn[target]
    points = [(a, rows.box[source] + 1), (a, turn), (b, turn), (b, rows.box[target] - 1)]
    label = _branch_label(edge, lang)
    label_at = (a - 1 - len(label), rows.box[source] + 1) if label else None
    return Route(edge, _simplify(points), label, label_at)


def _simplify(points: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Drop repeated points and the middle of three in a line, keeping the ends."""
    kept: list[tuple[int, int]] = []
    for point in points:
        if kept and kept[-1] == point:
            continue
        if len(kept) >= 2:
            (x0, y0), (x1, y1) = kept[-2], kept[-1]
            if (x0 == x1 == point[0]) or (y0 == y1 == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    if len(kept) == 1:  # a path one cell long still needs a direction for its arrowhead
        kept.insert(0, kept[0])
    return tuple(kept)


def _ends_by_step(steps: tuple[Step, ...], long_edges: list[Edge]) -> dict[int, list[_End]]:
    """Each step's long-edge ends in the order they take along its right side, top to bottom.

    Ends whose other end lies above come first, then a loop to the step itself, then ends whose
    other end lies below, then edges to nowhere. Within the first and third groups the other
    end's row decides (later rows first); two edges between the same two steps take opposite
    orders at their two ends. That order makes every pair of edges that can nest, nest.
    """
    ends: dict[int, list[_End]] = {step.index: [] for step in steps}
    for k, edge in enumerate(long_edges):
        s = edge.source.index
        if edge.target is None:
            ends[s].append(_End(k, True, (3, k)))
            continue
        t = edge.target.index
        for here, other, leaves in ((s, t, True), (t, s, False)):
            if other < here:
                order = (0, -other, -k)
            elif other > here:
                order = (2, -other, k)
            else:  # a loop to the step itself: in above, out below, between the two groups
                order = (1, 0, k) if not leaves else (1, 1, -k)
            ends[here].append(_End(k, leaves, order))
    for own in ends.values():
        own.sort(key=lambda end: end.order)
    return ends


def _branch_label(edge: Edge | None, lang: str) -> str | None:
    label = BRANCH_LABELS.get(edge.label) if edge is not None else None
    return label(lang) if label else None


def _wrap(label: str, width: int) -> list[str]:
    return textwrap.wrap(label, width, break_long_words=True, break_on_hyphens=False) or [""]


def _box_text(sop: Sop, step: Step, half: int) -> str:
    left, right = _BRACKETS.get(sop.symbol(step), ("[", "]"))
    return f"{left}{str(step.no).center(2 * half - 1)}{right}"


def _note(sop: Sop, step: Step, lang: str, width: int) -> list[str]:
    """The kegiatan and, where it is not the next row, where the step leads, wrapped to `width`:
    the later lines indented, the "where" part whole on a line when it fits one."""
    parts = []
    following = sop.langkah[step.index + 1] if step.index + 1 < len(sop.langkah) else None
    edges = sop.flow.next(step)
    for edge in edges:
        target = f"{edge.to_no}" if edge.target is not None else f"{edge.to_no}?"
        label = _branch_label(edge, lang)
        if label:
            parts.append(f"{label} → {target}")
        elif edge.target is not following:
            parts.append(f"→ {target}")
    if step.index == 0:
        parts.insert(0, START(lang))
    elif not edges:
        parts.append(END(lang))
    lines = textwrap.wrap(" ".join(step.kegiatan.split()), width, subsequent_indent=NOTE_INDENT,
                          break_on_hyphens=False)
    if parts:
        where = f"({' · '.join(parts)})"
        if lines and len(lines[-1]) + 2 + len(where) <= width:
            lines[-1] += "  " + where
        else:
            indent = NOTE_INDENT if lines else ""
            lines += textwrap.wrap(where, width, initial_indent=indent, subsequent_indent=NOTE_INDENT,
                                   break_on_hyphens=False)
    return lines
