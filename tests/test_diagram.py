"""The swimlane diagram: every edge of the flow drawn, on the seeds and on a knotted procedure.

Two levels: `layout` is checked as data (each edge has a route from beside its source box to an
arrowhead beside its target box, no two routes share a segment), and the painted lines are walked
cell by cell (each glyph on a route joins its neighbours on the route), so what `render` shows is
what the layout says.
"""

import random
from pathlib import Path

import pytest

from soptui import diagram
from soptui.loading.loader import load_file, load_text
from soptui.loading.discover import find_sop_files
from soptui.model import KEPUTUSAN, Sop

ROOT = Path(__file__).resolve().parent.parent
SEEDS = find_sop_files([ROOT / "sops"])
SUMBERSUKO = ROOT / "sops" / "sumbersuko" / "pengukuran-kinerja.toml"
AWAYAN = ROOT / "sops" / "awayan" / "pengukuran-kinerja-triwulan.toml"
RAPAT = ROOT / "tests" / "data" / "format" / "rapat-dua-pelaksana.toml"  # steps drawn in two actors' columns

# Every kind of edge at once: a decision with both branches long (2), a jump (3 → 6), a loop to
# itself (4 ya), loops back (4 → 2, 6 → 2), skips (2 → 5), a dangling exit (5 tidak → 42), an
# undeclared pelaksana ("zz") and a jabatan longer than a lane.
KNOTTED = """
nama = "UJI"
unit = "Uji"
[pelaksana]
a = "Kepala Seksi Pelayanan Umum dan Administrasi Kependudukan"
b = "Staf"
[[langkah]]
no = 1
kegiatan = "Mulai"
pelaksana = "a"
[[langkah]]
no = 2
kegiatan = "Periksa"
pelaksana = "b"
ya = 5
tidak = 4
[[langkah]]
no = 3
kegiatan = "Proses tiga"
pelaksana = "a"
lanjut = 6
[[langkah]]
no = 4
kegiatan = "Ulang"
pelaksana = "zz"
ya = 4
tidak = 2
[[langkah]]
no = 5
kegiatan = "Lima"
pelaksana = "b"
ya = 3
tidak = 42
[[langkah]]
no = 6
kegiatan = "Enam"
pelaksana = "a"
lanjut = 2
[[langkah]]
no = 7
kegiatan = "Selesai"
pelaksana = "b"
"""

# The neighbours each glyph joins: up, right, down, left.
JOINS = {
    "│": "NS", "─": "EW", "┌": "ES", "┐": "SW", "└": "NE", "┘": "NW", "┼": "NESW",
    "▼": "NESW", "▲": "NESW", "◀": "NESW", "→": "NESW",  # an arrowhead ends whichever way it is entered
}
STEP = {"N": (0, -1), "E": (1, 0), "S": (0, 1), "W": (-1, 0)}
VERTICAL_FRAME = set("│┼├┤┌┐└┘┬┴╪")  # ╪: a step of several actors joined across a divider


def seed(path: Path) -> Sop:
    return load_file(path).sop


def knotted() -> Sop:
    result = load_text(KNOTTED, "knotted.toml")
    assert result.problems == ()
    return result.sop


def tangled(number: int) -> Sop:
    """A random procedure: decisions and jumps anywhere, to steps that exist or not, repeated numbers."""
    rng = random.Random(number)
    steps, actors = rng.randint(1, 12), rng.randint(0, 4)
    text = 'nama = "ACAK"\nunit = "Uji"\n'
    if actors:
        text += "[pelaksana]\n" + "".join(f'p{i} = "Jabatan {"yang panjang " * rng.randint(0, 3)}{i}"\n'
                                           for i in range(actors))
    for i in range(1, steps + 1):
        no = i if rng.random() > 0.1 else rng.randint(1, steps + 2)
        text += f'[[langkah]]\nno = {no}\nkegiatan = "Langkah {i}"\n'
        if rng.random() > 0.2:
            text += f'pelaksana = "p{rng.randrange(actors + 1)}"\n'
        kind = rng.random()
        if kind < 0.3:
            text += f"ya = {rng.randint(1, steps + 3)}\ntidak = {rng.randint(1, steps + 3)}\n"
        elif kind < 0.4:
            text += f"lanjut = {rng.randint(1, steps + 3)}\n"
    return load_text(text, f"acak-{number}.toml").sop


def meetings(number: int) -> Sop:
    """A tangled procedure whose steps are drawn in two or three actors' columns now and then."""
    sop = tangled(number)
    rng = random.Random(number + 1000)
    actors = list(sop.pelaksana) + ["zz"]  # an undeclared one too
    steps = tuple(step._replace(pelaksana_semua=tuple(rng.sample(actors, min(len(actors), rng.choice([2, 3])))))
                  if rng.random() < 0.4 else step for step in sop.langkah)
    return sop._replace(langkah=steps)


def wordy(number: int) -> Sop:
    """A tangled procedure with kegiatan of up to 60 words: notes of many lines, rows grown for them."""
    sop = tangled(number)
    rng = random.Random(number + 2000)
    return sop._replace(langkah=tuple(step._replace(kegiatan=" ".join(["Memeriksa"] + ["berkas"] * rng.randint(0, 60)))
                                      for step in sop.langkah))


def sops():
    return [pytest.param(seed(p), id=p.parent.name + "/" + p.stem) for p in SEEDS] + [
        pytest.param(knotted(), id="knotted"), pytest.param(load_file(RAPAT).sop, id="rapat"),
        pytest.param(load_text(KNOTTED.replace('pelaksana = "zz"', 'pelaksana = ["b", "zz", "a"]')
                               .replace('kegiatan = "Lima"\npelaksana = "b"', 'kegiatan = "Lima"\npelaksana = ["a", "b"]'),
                               "knotted.toml").sop, id="knotted-meetings"),
    ] + [pytest.param(tangled(n), id=f"random-{n}") for n in range(12)] + [
        pytest.param(meetings(n), id=f"meetings-{n}") for n in range(12)] + [
        pytest.param(wordy(n), id=f"wordy-{n}") for n in range(6)]


def edges(sop: Sop):
    return [edge for step in sop.langkah for edge in sop.flow.next(step)]


def plain(sop: Sop, **options) -> list[str]:
    return [line.plain for line in diagram.render(sop, **options)]


def note_start(plan: diagram.Layout, index: int) -> int:
    """The line step `index`'s note starts at: its box's, or below the chart its own."""
    return plan.note_heads[index][0] if plan.below else plan.boxes[index].y


def note_lines(plan: diagram.Layout, index: int) -> list[str]:
    """The lines of step `index`'s note: from its first line to the next note's (the end)."""
    start = note_start(plan, index)
    end = note_start(plan, index + 1) if index + 1 < len(plan.boxes) else plan.height
    return [text for line, text in plan.notes if start <= line < end]


def note_of(plan: diagram.Layout, index: int) -> str:
    return " ".join(" ".join(note_lines(plan, index)).split())


def at(lines: list[str], x: int, y: int) -> str:
    return lines[y][x] if x < len(lines[y]) else " "


def beside(box: diagram.Box, cell: tuple[int, int]) -> bool:
    """The cell touches the box: just above or below one of its characters, or just right of it."""
    x, y = cell
    return (y in (box.y - 1, box.y + 1) and box.x <= x <= box.right) or (y == box.y and x == box.right + 1)


@pytest.mark.parametrize("sop", sops())
def test_every_edge_of_the_flow_has_one_route_from_its_source_to_an_arrowhead_at_its_target(sop):
    plan = diagram.layout(sop)
    assert [route.edge for route in plan.routes] == edges(sop)
    for route in plan.routes:
        cells = route.cells()
        assert beside(plan.boxes[route.edge.source.index], cells[0]), route
        if route.edge.target is None:
            assert route.dangling == f"{route.edge.to_no}?"
            assert cells[-1][0] > plan.dividers[-1] and route.arrow == "→"
        else:
            target = plan.boxes[route.edge.target.index]
            assert beside(target, cells[-1]), route
            # The arrowhead points into the box.
            x, y = cells[-1]
            assert route.arrow == ("▼" if y < target.y else "▲" if y > target.y else "◀")
        # Orthogonal, one cell at a time, never through a box or the header.
        for (x0, y0), (x1, y1) in zip(cells, cells[1:]):
            assert abs(x1 - x0) + abs(y1 - y0) == 1
        for box in (*plan.boxes, *plan.also):
            assert not any(y == box.y and box.x <= x <= box.right for x, y in cells), (route, box)
        for copy in plan.also:  # nor along the line from a step's copies to its box
            box = plan.boxes[copy.step.index]
            assert not any(y == box.y and min(copy.x, box.x) <= x <= max(copy.right, box.right) for x, y in cells)
        assert min(y for _, y in cells) >= plan.top


@pytest.mark.parametrize("sop", sops())
def test_no_two_edges_share_a_segment(sop):
    plan = diagram.layout(sop)
    seen: dict = {}
    for route in plan.routes:
        for segment in route.segments():
            assert segment not in seen, (route.edge, seen.get(segment))
            seen[segment] = route.edge
    # Nor does one cell carry two lines the same way (two corners meeting would read as a junction).
    for route in plan.routes:
        for other in plan.routes:
            if other is not route:
                for cell in set(route.cells()) & set(other.cells()):
                    assert _way(route, cell) != _way(other, cell), (route.edge, other.edge, cell)


def _way(route, cell) -> str:
    """'-' or '|': how the route runs through a cell it crosses straight."""
    cells = route.cells()
    k = cells.index(cell)
    neighbours = cells[max(0, k - 1): k + 2]
    if all(y == cell[1] for _, y in neighbours):
        return "-"
    if all(x == cell[0] for x, _ in neighbours):
        return "|"
    return "corner"


@pytest.mark.parametrize("sop", sops())
def test_the_painted_lines_follow_every_route_from_box_to_arrowhead(sop):
    plan = diagram.layout(sop)
    lines = plain(sop)
    labelled = {
        (route.label_at[0] + k, route.label_at[1])
        for route in plan.routes if route.label
        for k in range(len(route.label))
    }
    for route in plan.routes:
        cells = route.cells()
        x, y = cells[-1]
        assert at(lines, x, y) == route.arrow
        if route.dangling:
            assert lines[y][x:].startswith(f"→ {route.dangling}")
        for (x0, y0), (x1, y1) in zip(cells, cells[1:]):
            for (xa, ya), (xb, yb) in (((x0, y0), (x1, y1)), ((x1, y1), (x0, y0))):
                if (xa, ya) in labelled:
                    continue  # a label sits on a horizontal stretch
                glyph = at(lines, xa, ya)
                way = next(d for d, step in STEP.items() if step == (xb - xa, yb - ya))
                assert way in JOINS.get(glyph, ""), (route.edge, (xa, ya), glyph, way)


@pytest.mark.parametrize("sop", sops())
def test_every_decision_labels_both_branches_where_they_leave(sop):
    plan = diagram.layout(sop)
    lines = plain(sop)
    for step in sop.langkah:
        if sop.symbol(step) != KEPUTUSAN:
            continue
        routes = [r for r in plan.routes if r.edge.source is step]
        assert sorted(r.label for r in routes) == sorted(e.label for e in sop.flow.next(step))
        for route in routes:
            x, y = route.label_at
            assert lines[y][x: x + len(route.label)] == route.label
            # At the start of the branch: within the source's lane, next to where the route leaves its box.
            lane = plan.lanes[plan.boxes[step.index].lane]
            assert lane.x <= x and x + len(route.label) <= lane.x + lane.width
            cells = route.cells()
            goes_down = route.edge.target is not None and route.edge.target.index == step.index + 1
            if goes_down and route.label_at not in cells:
                # The straight branch: the label stands left of the line as it leaves the box.
                assert (x + len(route.label) + 1, y) == cells[0]
            else:  # on the route, just past its first corner
                assert all((x + k, y) in cells for k in range(len(route.label)))
                assert cells.index((x, y)) <= abs(y - plan.boxes[step.index].y) + 2


def test_sumbersuko_draws_the_loops_back_to_steps_5_and_6():
    sop = seed(SUMBERSUKO)
    plan = diagram.layout(sop)
    by_step = {(r.edge.source.no, r.edge.to_no, r.edge.label): r for r in plan.routes}
    assert set(by_step) == {(1, 2, None), (2, 3, None), (3, 4, None), (4, 5, None), (5, 6, None),
                            (6, 7, "ya"), (6, 5, "tidak"), (7, 8, "ya"), (7, 6, "tidak"), (8, 9, None)}
    for key, target in (((6, 5, "tidak"), 5), ((7, 6, "tidak"), 6)):
        route = by_step[key]
        ys = [y for _, y in route.cells()]
        assert ys[-1] < ys[0]  # it climbs
        assert max(x for x, _ in route.cells()) > plan.dividers[-1]  # through the channel right of the lanes
        assert route.edge.target is sop.langkah[target - 1]
    lines = plain(sop)
    box6 = plan.boxes[5]
    assert "<  6  >─tidak─" in lines[box6.y]
    assert lines[box6.y + 1][plan.boxes[5].x:].lstrip().startswith("ya")


@pytest.mark.parametrize("sop", sops())
def test_every_lane_has_a_divider_on_both_sides_down_the_whole_height(sop):
    plan = diagram.layout(sop)
    lines = plain(sop)
    assert len(plan.dividers) == len(plan.lanes) + 1
    assert len(lines) == plan.height
    for lane, left, right in zip(plan.lanes, plan.dividers, plan.dividers[1:]):
        assert left < lane.x and lane.x + lane.width == right
    for x in plan.dividers:
        column = "".join(at(lines, x, y) for y in range(plan.height))
        assert set(column) <= VERTICAL_FRAME, (x, column)


@pytest.mark.parametrize("sop", sops())
def test_headers_hold_the_full_jabatan_of_every_lane(sop):
    plan = diagram.layout(sop)
    lines = plain(sop, lane_width=12)  # the narrowest: long labels wrap
    plan = diagram.layout(sop, lane_width=12)
    labels = [label for _, label in diagram.lanes_of(sop)]
    assert [lane.label for lane in plan.lanes] == labels
    for lane in plan.lanes:
        header = [lines[y][lane.x: lane.x + lane.width] for y in range(1, plan.top - 1)]
        assert all(len(part.rstrip()) <= lane.width for part in header)
        assert "".join("".join(header).split()) == "".join(lane.label.split())


def test_a_jabatan_longer_than_a_lane_wraps_over_several_lines():
    sop = seed(ROOT / "sops" / "awayan" / "pengukuran-kinerja-triwulan.toml")
    plan = diagram.layout(sop, lane_width=12)
    lane = next(lane for lane in plan.lanes if lane.id == "kasubbag_pk")
    assert lane.header == ("Kasubbag", "Perencanaan", "dan", "Keuangan")


def test_awayan_shows_the_lane_of_steps_without_a_pelaksana():
    # Awayan's source lost its actor columns: that lane is named as the export and the
    # Prosedur table name it; a document that leaves steps without an actor gets the other name
    sop = seed(AWAYAN)
    assert sop.lost("pelaksana")
    plan = diagram.layout(sop)
    assert [lane.label for lane in plan.lanes][-1] == "(tidak ada di sumber)"
    unassigned = len(plan.lanes) - 1
    for box in plan.boxes:
        assert (box.lane == unassigned) == (box.step.pelaksana not in sop.pelaksana)
    assert any("(tidak ada di sumber)" in line for line in plain(sop, lane_width=26))
    assert diagram.layout(sop, lang="en").lanes[-1].label == "(not in source)"
    kept = sop._replace(hilang_di_sumber=())
    assert diagram.layout(kept).lanes[-1].label == "(tanpa pelaksana)"
    assert diagram.layout(kept, lang="en").lanes[-1].label == "(no actor)"  # the Prosedur column's English, not the key


def test_lanes_follow_the_documents_order():
    sop = seed(SUMBERSUKO)
    assert [lane.id for lane in diagram.layout(sop).lanes] == [*sop.pelaksana, diagram.UNASSIGNED]


def test_english_labels_the_branches_yes_and_no():
    sop = seed(SUMBERSUKO)
    plan = diagram.layout(sop, lang="en")
    assert sorted(r.label for r in plan.routes if r.label) == ["no", "no", "yes", "yes"]
    text = "\n".join(line[:plan.notes_x] for line in plain(sop, lang="en"))  # the notes quote the kegiatan
    assert "─no─" in text and "tidak" not in text
    assert "─tidak─" in "\n".join(plain(sop))


def test_a_dangling_exit_runs_past_the_channel_marked_with_its_number():
    sop = knotted()
    plan = diagram.layout(sop)
    (route,) = [r for r in plan.routes if r.edge.target is None]
    x, y = route.points[-1]
    assert x > max(x for r in plan.routes if r.edge.target is not None for x, _ in r.cells())
    assert "→ 42?" in plain(sop)[y]


def test_long_edges_each_take_their_own_column_of_the_channel():
    sop = knotted()
    plan = diagram.layout(sop)
    columns = []
    for route in plan.routes:
        beyond = {x for x, _ in route.cells() if x > plan.dividers[-1]}
        if route.edge.target is not None and beyond:
            columns.append(max(beyond))
    assert len(columns) == len(set(columns)) == 7  # 2 → 5, 2 → 4, 3 → 6, 4 → 4, 4 → 2, 5 → 3, 6 → 2
    lines = plain(sop)
    assert any("┼" in line[plan.dividers[-1] + 1:] for line in lines)  # interleaved edges cross, drawn so


def test_straight_edges_stay_in_the_lanes():
    plan = diagram.layout(seed(ROOT / "sops" / "wangon" / "pengukuran-kinerja.toml"))
    assert all(x < plan.dividers[-1] for route in plan.routes for x, _ in route.cells())


def test_marks_put_each_steps_worst_finding_in_the_gutter():
    sop = seed(SUMBERSUKO)
    lines = diagram.render(sop, marks={0: "error", 5: "warning", 6: "info"})
    plan = diagram.layout(sop)
    for index, (symbol, colour) in {0: ("✖", "red"), 5: ("▲", "yellow"), 6: ("●", "cyan")}.items():
        line = lines[plan.boxes[index].y]
        assert line.plain[0] == symbol
        assert any(span.start == 0 and colour in str(span.style) for span in line.spans)
    assert lines[plan.boxes[1].y].plain[0] == " "
    assert [line.plain[0] for line in diagram.render(sop) if line.plain] == [
        line.plain[0] for line in diagram.render(sop, marks={}) if line.plain
    ]


def test_the_width_is_shared_among_the_lanes_at_least_12_each():
    sop = seed(ROOT / "sops" / "wangon" / "pengukuran-kinerja.toml")  # no long edges, no decisions
    lanes = len(diagram.lanes_of(sop))
    gutter = 2 + 2 + 1
    channel = 2 + 1  # no long edges: the channel's margin, and a gap before the notes
    plan = diagram.layout(sop, width=200)  # room for the lanes beside NOTE_WIDTH columns of notes
    assert plan.lanes[0].width == (200 - gutter - (lanes + 1) - channel - diagram.NOTE_WIDTH) // lanes
    assert plan.notes_x + plan.note_width == 200
    plan = diagram.layout(sop, width=110)  # no room for the notes beside 12-column lanes: the lanes fill it
    assert plan.lanes[0].width == (110 - gutter - (lanes + 1) - channel) // lanes
    assert plan.below > plan.bottom and plan.notes_x == gutter and plan.note_width == 110 - gutter  # under it
    assert diagram.layout(sop, width=40).lanes[0].width == 18  # the longest word, PENGADMINISTRASI
    assert diagram.layout(seed(AWAYAN), width=40).lanes[0].width == 13  # "Perencanaan" + 2
    assert diagram.layout(sop, lane_width=20).lanes[0].width == 20
    assert diagram.layout(sop, width=1000).lanes[0].width == diagram.MAX_FITTED_LANE


def test_decision_lanes_widen_for_their_labels():
    plan = diagram.layout(seed(SUMBERSUKO), lane_width=12)
    assert plan.lanes[0].width > 12
    box = plan.boxes[5]
    lane = plan.lanes[box.lane]
    assert box.right + 1 + len("─tidak─") <= lane.x + lane.width


def test_a_procedure_without_steps_says_so():
    sop = Sop(Path("kosong.toml"), "KOSONG", "Uji", ())
    assert [line.plain for line in diagram.render(sop)] == ["(tidak ada langkah)"]
    assert [line.plain for line in diagram.render(sop, lang="en")] == ["(no steps)"]


def test_symbols_and_notes():
    sop = seed(SUMBERSUKO)
    plan = diagram.layout(sop)
    lines = plain(sop)
    assert [box.text for box in plan.boxes] == [
        "(  1  )", "[  2  ]", "[  3  ]", "[  4  ]", "[  5  ]", "<  6  >", "<  7  >", "[  8  ]", "(  9  )"
    ]
    assert note_of(plan, 5).endswith("(ya → 7 · tidak → 5)")
    assert note_of(plan, 0).endswith("(mulai)") and note_of(plan, 8).endswith("(selesai)")
    assert lines[plan.boxes[5].y][plan.notes_x:].startswith("Memeriksa hasil")


def test_each_symbol_has_its_box():
    text = KNOTTED.replace('kegiatan = "Proses tiga"', 'kegiatan = "Proses tiga"\nsimbol = "penghubung"')
    sop = load_text(text, "knotted.toml").sop
    texts = [box.text.split()[0] + box.text.split()[-1] for box in diagram.layout(sop).boxes]
    assert [t[0] for t in texts] == ["(", "<", "⬠", "<", "<", "[", "("]
    assert texts[2] == "⬠3"


def test_a_step_of_several_actors_stands_in_each_of_its_lanes_joined_on_its_line():
    sop = load_file(RAPAT).sop
    plan = diagram.layout(sop)
    lines = plain(sop)
    ids = [lane.id for lane in plan.lanes]
    for step in sop.langkah:
        box = plan.boxes[step.index]
        copies = [copy for copy in plan.also if copy.step is step]
        drawn = sorted([box, *copies], key=lambda b: b.x)
        assert {ids[b.lane] for b in drawn} == set(step.pelaksana_semua), step.no
        assert drawn[-1] is box  # the edges join the rightmost: the side exit to the channel crosses none of them
        for one in drawn:
            assert lines[one.y][one.x: one.right + 1] == box.text
        for left, right in zip(drawn, drawn[1:]):  # joined: one step, not two
            assert set(lines[box.y][left.right + 1: right.x]) <= set(diagram.JOIN + diagram.JOIN_DIVIDER)
    # step 2 (Camat and Sekretaris Camat) and step 4 (Camat and Staf, across Sekretaris Camat's lane)
    assert "(  2  )═" not in lines[plan.boxes[1].y] and "[  2  ]═══" in lines[plan.boxes[1].y]
    assert diagram.JOIN_DIVIDER in lines[plan.boxes[3].y]
    assert lines[plan.boxes[3].y].count("[  4  ]") == 2
    text = "\n".join(lines)
    assert "bersama Sekretaris Camat" not in text and "bersama Staf" not in text  # the lanes say who: no note


def test_a_meeting_of_an_undeclared_and_a_declared_actor_stands_in_both_lanes():
    sop = load_text(KNOTTED.replace('pelaksana = "zz"', 'pelaksana = ["b", "zz", "a"]'), "knotted.toml").sop
    plan = diagram.layout(sop)
    ids = [lane.id for lane in plan.lanes]
    step = sop.langkah[3]
    drawn = [plan.boxes[3], *(copy for copy in plan.also if copy.step is step)]
    assert sorted(ids[b.lane] for b in drawn) == sorted(["a", "b", diagram.UNASSIGNED])



@pytest.mark.parametrize("width", [58, 90, 158, 260])
@pytest.mark.parametrize("sop", [pytest.param(seed(p), id=p.parent.name + "/" + p.stem) for p in SEEDS] + [
    pytest.param(wordy(n), id=f"wordy-{n}") for n in range(3)])
def test_each_note_holds_the_whole_kegiatan_wrapped_to_its_width(sop, width):
    plan = diagram.layout(sop, width=width)
    lines = plain(sop, width=width, plan=plan)
    for index, step in enumerate(sop.langkah):
        own = note_lines(plan, index)
        assert own and own[0] == lines[note_start(plan, index)][plan.notes_x:]  # from the box's own line, or below
        assert note_of(plan, index).startswith(" ".join(step.kegiatan.split()))  # every word, none cut
        assert all(len(line) <= plan.note_width for line in own)
        assert all(line.startswith(diagram.NOTE_INDENT) for line in own[1:])  # told from the next note
    assert len(plan.notes) == len({line for line, _ in plan.notes})  # no two notes on one line


def test_the_notes_use_the_width_a_wide_screen_leaves():
    sop = seed(AWAYAN)  # kegiatan up to 110 characters
    plan = diagram.layout(sop, width=158)  # the Diagram tab at 200x50
    assert plan.notes_x + diagram.NOTE_WIDTH <= 158 and plan.notes_x + plan.note_width == 158
    assert max(len(text) for _, text in plan.notes) > 36  # longer than the excerpt notes were cut to
    narrow = diagram.layout(sop, width=90)  # at 120x40 the lanes fill the screen; the notes go below it
    assert narrow.below and narrow.notes_x + narrow.note_width == 90 and narrow.note_width > diagram.NOTE_WIDTH
    assert not any("…" in text for _, text in plan.notes + narrow.notes)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.parent.name + "/" + p.stem)
@pytest.mark.parametrize("width, height", [(60, 19), (78, 19), (88, 35), (148, 46)])
def test_the_opening_scroll_shows_the_first_box_whole_and_cuts_no_lane_header(path, width, height):
    """walk3 6 and 8: a view's edge through a header read as a word missing ("(tidak ada" over
    "sumber)"); the scroll that showed the first box as far left as it could cut lanes off."""
    sop = load_file(path).sop
    plan = diagram.layout(sop, width=width)
    chart = max(line.cell_len for line in diagram.render(sop, width=width, plan=plan))
    chart = diagram.scrollable_width(plan, chart, width)
    scroll = diagram.opening_scroll(plan, width, height, chart - width)
    left, right = scroll + plan.gutter, scroll + width
    assert 0 <= scroll <= max(0, chart - width)
    assert left <= plan.boxes[0].x and plan.boxes[0].right < right
    for lane in plan.lanes:
        for text in lane.header:
            line = text.center(lane.width)
            start = lane.x + len(line) - len(line.lstrip())
            end = start + len(text.strip())  # the header line's columns: start <= x < end
            assert end <= left or start >= right or (left <= start and end <= right), (lane.label, scroll)


@pytest.mark.parametrize("width", [58, 78, 86, 90, 118])  # the Diagram tab at 80 and 120 columns, sidebar or none
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.parent.name)
def test_every_note_is_within_the_screens_width_however_many_lanes(path, width):
    """With 5 to 7 lanes at 80 and 120 columns the lanes took the screen and the notes lay past
    its right edge, read only scrolled sideways: now they go below the chart, each under its
    step's number and mark, and the chart's rows no longer grow for them."""
    sop = seed(path)
    plan = diagram.layout(sop, width=width)
    assert all(plan.notes_x + len(text) <= width for _, text in plan.notes)
    lines = plain(sop, width=width, plan=plan, marks={0: "error"})
    for index, step in enumerate(sop.langkah):
        assert note_of(plan, index).startswith(" ".join(step.kegiatan.split()))
        if plan.below:
            assert lines[note_start(plan, index)][:plan.gutter].split()[-1] == str(step.no)
    if plan.below:
        assert plan.below > plan.bottom and lines[note_start(plan, 0)].startswith("✖")
        assert all("│" not in line for line in lines[plan.below:])  # the frame ends above them
