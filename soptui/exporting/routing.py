"""Arrows between the symbols of one page, routed orthogonally inside the rows.

A step leads most often to the row below: that arrow leaves the symbol's bottom (same column) or
the side facing the next actor's column, runs along the middle of the row and drops into the next
symbol's top. Every other arrow (a decision's branch back or forward, a `lanjut` jump, a connector
that is not adjacent) runs in a channel: a vertical track in the strip between a column's symbols
and its rules, entering the target from the side. Each strip holds a few tracks, and a track is
given to one arrow per run of rows, so no two arrows share a line and none runs along a rule;
each symbol side (port) carries one arrow.
"""

from __future__ import annotations

from typing import NamedTuple

from .page import Arrow, Point
from .text import width as text_width

TRACK_GAP = 3.5  # between two tracks of a strip, and between a rule and its first track
BAND_LEVEL = 2.5  # between the lines along which arrows reach a band's connectors
LABEL_SIZE = 6.0
HEAD_ROOM = 5.0  # how far below a symbol a bottom-port arrow turns


class Node(NamedTuple):
    """A symbol placed on the page: its row (page-local), column (lane) and centre."""

    key: object
    row: int
    lane: int
    x: float
    y: float
    width: float
    height: float
    kind: str = "proses"
    band: str = ""  # "top" or "bottom" for an off-page connector in a band
    band_edges: tuple[float, float] = (0.0, 0.0)  # the band's top and bottom rules

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2

    def port(self, side: str) -> Point:
        """Where an arrow meets the symbol: "left", "right", "top", "bottom", or "left-high" /
        "right-high", a second way in on a side, a quarter of the height above its middle."""
        if side == "top":
            return (self.x, self.top)
        if side == "bottom":
            return (self.x, self.bottom)
        sign = -1 if side.startswith("left") else 1
        if not side.endswith("-high"):
            return (self.x + sign * self.width / 2, self.y)
        half = self.width / 2
        if self.kind == "keputusan":  # the diamond's edge, halfway from its side vertex to its top
            half = self.width / 4
        elif self.kind == "terminator":  # the capsule's round end
            radius = self.height / 2
            half = self.width / 2 - radius + (radius ** 2 - (self.height / 4) ** 2) ** 0.5
        return (self.x + sign * half, self.y - self.height / 4)


class Link(NamedTuple):
    """An arrow to route: from one node to another (or nowhere: `target` None), labelled."""

    source: Node
    target: Node | None
    label: str = ""
    dangling_no: int | None = None


class Lanes(NamedTuple):
    """The columns the symbols stand in: left and right rule of each, and the symbols' width."""

    edges: tuple[float, ...]  # n + 1 x positions
    symbol_width: float

    def strip(self, lane: int, side: str) -> tuple[float, ...]:
        """The tracks of a lane's left or right strip, nearest the symbol first. In a wide strip
        the first keeps away from the symbols, leaving room for a Ya/Tidak label, and an arrow
        leaving a symbol's side is not mistaken for one joining the track."""
        left, right = self.edges[lane], self.edges[lane + 1]
        centre, half = (left + right) / 2, self.symbol_width / 2
        room = (right - left) / 2 - half
        first = min(max(TRACK_GAP, room * 0.45), 22.0)
        tracks = []
        if side == "left":
            x = centre - half - first
            while x >= left + TRACK_GAP - 0.01:
                tracks.append(x)
                x -= TRACK_GAP
        else:
            x = centre + half + first
            while x <= right - TRACK_GAP + 0.01:
                tracks.append(x)
                x += TRACK_GAP
        return tuple(tracks)


def _beside(lanes: "Lanes", node: "Node", side: str) -> tuple[float, ...]:
    """Every track on one side of a symbol, nearest first: its own column's strip, then the
    strips of the columns beyond, for when the near ones are taken."""
    tracks = [x for lane in range(len(lanes.edges) - 1) for strip in ("left", "right") for x in lanes.strip(lane, strip)]
    if side == "left":
        return tuple(sorted((x for x in tracks if x < node.x - node.width / 2), reverse=True))
    return tuple(sorted(x for x in tracks if x > node.x + node.width / 2))


class Router:
    """Routes the links of one page; `route` returns the arrows."""

    def __init__(self, lanes: Lanes) -> None:
        self.lanes = lanes
        self.used: dict[object, set[str]] = {}  # node key -> sides taken
        self.tracks: dict[float, list[tuple[int, int]]] = {}  # track x -> row spans taken
        self.levels: dict[int, int] = {}  # band row -> lines taken along it

    def route(self, links: list[Link]) -> list[Arrow]:
        # An arrow leaving a connector of the top band always turns inside the band (below the
        # connectors), so that arrows from neighbouring connectors never share a line.
        # Only one arrow comes down into a symbol's top: a decision whose two branches both go
        # to the next row sends the second round by a track, into the side.
        adjacent, into = [], set()
        for link in links:
            if link.target is not None and _adjacent(link) and not link.source.band and link.target.key not in into:
                adjacent.append(link)
                into.add(link.target.key)
        channelled = [link for link in links if link.target is not None and link not in adjacent]
        dangling = [link for link in links if link.target is None]
        for link in adjacent:  # their ports are the obvious ones: claim them first
            self._take(link.target, "top")
        arrows = [self._adjacent(link) for link in adjacent]
        channelled.sort(key=lambda link: abs(link.source.row - link.target.row))
        arrows += [self._channel(link) for link in channelled]
        arrows += [self._dangling(link) for link in dangling]
        boxes = {link.source.key: link.source for link in links}
        boxes.update({link.target.key: link.target for link in links if link.target is not None})
        # The lanes' rules, as thin boxes the labels keep off.
        rules = [(x - 0.3, -1e9, x + 0.3, 1e9) for x in self.lanes.edges]
        return _place_labels(arrows, [_box(node) for node in boxes.values()], rules,
                             (self.lanes.edges[0], self.lanes.edges[-1]))

    def _free(self, node: Node, side: str) -> bool:
        return side not in self.used.get(node.key, set())

    def _take(self, node: Node, side: str) -> None:
        self.used.setdefault(node.key, set()).add(side)

    def _adjacent(self, link: Link) -> Arrow:
        s, t = link.source, link.target
        if abs(s.x - t.x) < 0.5 and self._free(s, "bottom"):
            self._take(s, "bottom")
            return self._arrow([s.port("bottom"), t.port("top")], link, "bottom")
        side = "right" if t.x > s.x else "left"
        if self._free(s, side):
            self._take(s, side)
            start = s.port(side)
            return self._arrow([start, (t.x, s.y), t.port("top")], link, side)
        other = "left" if side == "right" else "right"
        if self._free(s, "bottom"):
            self._take(s, "bottom")
            turn = s.bottom + HEAD_ROOM
            return self._arrow([s.port("bottom"), (s.x, turn), (t.x, turn), t.port("top")], link, "bottom")
        self._take(s, other)  # a decision whose two branches both go to the next row
        start = s.port(other)
        away = start[0] + (-TRACK_GAP if other == "left" else TRACK_GAP)
        turn = s.bottom + HEAD_ROOM
        return self._arrow([start, (away, s.y), (away, turn), (t.x, turn), t.port("top")], link, other)

    def _level(self, node: Node) -> float:
        """The next free line inside a connector's band, counted from the band's rule nearest
        the page's steps: a band is crossed along its own lines, clear of its connectors."""
        taken = self.levels.get(node.row, 0)
        self.levels[node.row] = taken + 1
        top, bottom = node.band_edges
        offset = BAND_LEVEL * (taken + 1)
        return bottom - offset if node.band == "top" else top + offset

    def _into_band(self, link: Link) -> Arrow | None:
        """An arrow from a step to a connector of a band: along a track to the band, along a
        band line to above (or below) the connector, and into its top (or bottom)."""
        s, t = link.source, link.target
        rows = (min(s.row, t.row), max(s.row, t.row))
        towards = ("right", "left") if t.x > s.x else ("left", "right")
        for side in towards:
            for track in self.lanes.strip(s.lane, side):
                if not self._track_free(track, rows):
                    continue
                exit_side = "right" if track > s.x else "left"
                if self._free(s, exit_side):
                    start = [s.port(exit_side), (track, s.y)]
                elif self._free(s, "bottom"):
                    exit_side = "bottom"
                    turn = s.bottom + HEAD_ROOM
                    start = [s.port("bottom"), (s.x, turn), (track, turn)]
                else:
                    continue
                level = self._level(t)
                entry = "top" if t.band == "bottom" else "bottom"
                self._take(s, exit_side)
                self.tracks.setdefault(track, []).append(rows)
                return self._arrow([*start, (track, level), (t.x, level), t.port(entry)], link, exit_side)
        return None

    def _out_of_band(self, link: Link) -> Arrow | None:
        """An arrow from a band's connector to a step: out of its bottom (or top), along a band
        line to a track, along the track to the step's row, into its side."""
        s, t = link.source, link.target
        exit_side = "bottom" if s.band == "top" else "top"
        rows = (min(s.row, t.row), max(s.row, t.row))
        if t.row == s.row + 1 and self._free(t, "top"):  # into the first row's top
            self._take(t, "top")
            if abs(t.x - s.x) < 0.5:
                return self._arrow([s.port(exit_side), t.port("top")], link, exit_side)
            level = self._level(s)  # turning inside the band
            return self._arrow([s.port(exit_side), (s.x, level), (t.x, level), t.port("top")], link, exit_side)
        sides = ("left", "right") if t.x > s.x + 0.5 else ("right", "left")
        for entry in (*sides, *(f"{side}-high" for side in sides)):
            if not self._free(t, entry):
                continue
            end = t.port(entry)
            for track in _beside(self.lanes, t, entry.split("-")[0]):
                if self._track_free(track, rows):
                    level = self._level(s)
                    self._take(t, entry)
                    self.tracks.setdefault(track, []).append(rows)
                    return self._arrow([s.port(exit_side), (s.x, level), (track, level), (track, end[1]), end],
                                       link, exit_side)
        return None

    def _channel(self, link: Link) -> Arrow:
        s, t = link.source, link.target
        if s.band or t.band:
            arrow = self._out_of_band(link) if s.band else self._into_band(link)
            if arrow is not None:
                return arrow
        rows = (min(s.row, t.row), max(s.row, t.row))
        sides = ("left", "right") if t.x > s.x + 0.5 else ("right", "left")
        entries = (*sides, *(f"{side}-high" for side in sides))
        for entry in entries:
            if not self._free(t, entry):
                continue
            end = t.port(entry)
            for track in _beside(self.lanes, t, entry.split("-")[0]):
                if not self._track_free(track, rows):
                    continue
                exit_side = "right" if track > s.x else "left"
                if s.key == t.key and exit_side == entry:
                    continue  # a step back to itself leaves and returns by different ports
                if self._free(s, exit_side):
                    points = [s.port(exit_side), (track, s.y), (track, end[1]), end]
                elif self._free(s, "bottom"):
                    exit_side = "bottom"
                    turn = s.bottom + HEAD_ROOM
                    points = [s.port("bottom"), (s.x, turn), (track, turn), (track, end[1]), end]
                else:
                    continue
                self._take(s, exit_side)
                self._take(t, entry)
                self.tracks.setdefault(track, []).append(rows)
                return self._arrow(points, link, exit_side)
        # No free track or port (a page crowded with crossing jumps): a free port if any, and
        # the least used track beside the target; the arrow still reaches its step.
        exit_side = next((side for side in ("right", "left", "bottom", "top") if self._free(s, side)), "right")
        entry = next((side for side in ("right", "left", "right-high", "left-high") if self._free(t, side)), "right")
        tracks = _beside(self.lanes, t, entry.split("-")[0]) or (self.lanes.edges[t.lane + 1] - TRACK_GAP,)
        track = min(tracks, key=lambda x: sum(not (rows[1] < a or rows[0] > b) for a, b in self.tracks.get(x, [])))
        end = t.port(entry)
        start = s.port(exit_side)
        turn = {"bottom": s.bottom + HEAD_ROOM, "top": s.top - HEAD_ROOM}.get(exit_side, s.y)
        self._take(s, exit_side)
        self._take(t, entry)
        self.tracks.setdefault(track, []).append(rows)
        return self._arrow([start, (start[0], turn), (track, turn), (track, end[1]), end], link, exit_side)

    def _track_free(self, track: float, rows: tuple[int, int]) -> bool:
        return all(rows[1] < a or rows[0] > b for a, b in self.tracks.get(track, []))

    def _dangling(self, link: Link) -> Arrow:
        s = link.source
        for side in ("right", "left", "bottom"):
            if self._free(s, side):
                break
        self._take(s, side)
        start = s.port(side)
        reach = min(14.0, self.lanes.symbol_width / 2)
        if side == "bottom":
            end = (start[0], start[1] + HEAD_ROOM + 2)
        else:
            end = (start[0] + (reach if side == "right" else -reach), start[1])
        return self._arrow([start, end], link, side, dangling=True)

    def _arrow(self, points: list[Point], link: Link, side: str, dangling: bool = False) -> Arrow:
        label = {"ya": "Ya", "tidak": "Tidak"}.get(link.label, "")
        if dangling:
            label = f"{label} {link.dangling_no}?".strip()
        return Arrow(tuple(_simplify(points)), label, (0.0, 0.0), dangling)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _box(node: Node) -> Box:
    return (node.x - node.width / 2, node.top, node.x + node.width / 2, node.bottom)


def _label_spots(arrow: Arrow) -> list[Point]:
    """Where a label may go (left end of its baseline), best first: beside the arrow's first
    segment, below or above it (left or right of it when it runs down); a dangling arrow's
    number at its end."""
    (x, y), (nx, ny) = arrow.points[0], arrow.points[1]
    w = text_width(arrow.label, LABEL_SIZE)
    if arrow.dangling:
        ex, ey = arrow.points[-1]
        if abs(ey - y) < 0.01:  # a stub to the side
            return [(ex + 2, ey + 2) if nx > x else (ex - 2 - w, ey + 2)]
        return [(ex + 2, ey + LABEL_SIZE)]
    if abs(ny - y) < 0.01:  # leaves sideways: along its first segment, nearest the symbol first
        spots, along = [], 1.5
        while along == 1.5 or along + w <= abs(nx - x):
            left = x + along if nx > x else x - along - w
            spots += [(left, y + LABEL_SIZE + 0.5), (left, y - 1.5)]
            along += 3.0
        if len(arrow.points) > 2:  # a short first run: beside the second, after the turn
            (bx, by), (_, cy) = arrow.points[1], arrow.points[2]
            step = -3.0 if cy < by else 3.0
            for i in range(4):
                baseline = by + (-2.0 if cy < by else LABEL_SIZE + 2.0) + step * i
                spots += [(bx + 1.5, baseline), (bx - 1.5 - w, baseline)]
        return spots
    return [(x + 2, y + LABEL_SIZE + 0.5), (x - 2 - w, y + LABEL_SIZE + 0.5), (x + 2, y + 2 * LABEL_SIZE + 1)]


def _place_labels(arrows: list[Arrow], boxes: list[Box], rules: list[Box],
                  within: tuple[float, float]) -> list[Arrow]:
    """Each label at its first spot that crosses no other arrow, no symbol, no other label and
    no rule, and lies nearer its own arrow than any other. Where no spot is clear (narrow
    columns crowded with tracks), the least bad: a label across a rule still reads, one across
    an arrow or nearer another arrow misleads, and one outside the lanes (over the Kegiatan or
    Kelengkapan text) is never chosen while another spot exists."""
    segments = [(arrow, a, b) for arrow in arrows for a, b in zip(arrow.points, arrow.points[1:])]
    taken: list[Box] = []
    placed = []
    for arrow in arrows:
        if not arrow.label:
            placed.append(arrow)
            continue
        w = text_width(arrow.label, LABEL_SIZE)
        spots = _label_spots(arrow)

        def collisions(spot: Point) -> int:
            box = (spot[0], spot[1] - LABEL_SIZE * 0.75, spot[0] + w, spot[1] + LABEL_SIZE * 0.2)
            centre = (spot[0] + w / 2, spot[1] - LABEL_SIZE * 0.3)
            own = min(_distance(centre, a, b) for a, b in list(zip(arrow.points, arrow.points[1:]))[:2])
            # A label nearer another arrow than its own would be read as that arrow's.
            misleading = any(_distance(centre, a, b) < own + 1.0 for owner, a, b in segments if owner is not arrow)
            crossed = sum(_meets(box, a, b) for owner, a, b in segments if owner is not arrow or a != arrow.points[0])
            covered = sum(_overlaps(box, other) for other in [*boxes, *taken])
            outside = box[0] < within[0] + 0.5 or box[2] > within[1] - 0.5
            return 100 * outside + 3 * (crossed + covered + misleading) + sum(_overlaps(box, r) for r in rules)

        spot = min(spots, key=collisions)  # the first clear one, else the least crowded
        taken.append((spot[0], spot[1] - LABEL_SIZE * 0.75, spot[0] + w, spot[1] + LABEL_SIZE * 0.2))
        placed.append(arrow._replace(label_at=spot))
    return placed


def _distance(point: Point, a: Point, b: Point) -> float:
    """From a point to an axis-parallel segment."""
    x = min(max(point[0], min(a[0], b[0])), max(a[0], b[0]))
    y = min(max(point[1], min(a[1], b[1])), max(a[1], b[1]))
    return ((point[0] - x) ** 2 + (point[1] - y) ** 2) ** 0.5


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _meets(box: Box, a: Point, b: Point) -> bool:
    """Whether an axis-parallel segment passes through a box."""
    segment = (min(a[0], b[0]) - 0.4, min(a[1], b[1]) - 0.4, max(a[0], b[0]) + 0.4, max(a[1], b[1]) + 0.4)
    return _overlaps(box, segment)


def _adjacent(link: Link) -> bool:
    return link.target.row == link.source.row + 1


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    kept: list[Point] = []
    for point in points:
        if kept and abs(kept[-1][0] - point[0]) < 0.01 and abs(kept[-1][1] - point[1]) < 0.01:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (abs(ax - bx) < 0.01 and abs(bx - point[0]) < 0.01) or (abs(ay - by) < 0.01 and abs(by - point[1]) < 0.01):
                kept[-1] = point
                continue
        kept.append(point)
    return kept
