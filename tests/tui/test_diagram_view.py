"""The Diagram tab: it opens where the flow starts, moves sideways a lane's part at a press, and
keeps in place what tells the chart apart, as the Prosedur table keeps No, Kegiatan and its
header: the gutter of step numbers and finding marks does not scroll sideways, the lane headers
do not scroll up. Each step's note holds its whole kegiatan, wrapped in the width the screen
leaves. All read off the screen, as a reviewer sees it."""

import re
from pathlib import Path

import pytest

from soptui import diagram
from soptui.loading.discover import find_sop_files
from soptui.tui.widgets.diagram import DiagramView
from soptui.tui.widgets.marks import worst
from soptui.tui.widgets.procedure import step_index

from .conftest import AWAYAN, SEEDS, SIZES, SUMBERSUKO, WANGON, running

SEED_PATHS = [f"sops/{path.relative_to(SEEDS).as_posix()}" for path in find_sop_files([SEEDS])]
GUTTER = re.compile(r"^([✖▲●]?) +(\d+) *$")  # a box's line in the gutter: its mark, its number
CHART = re.compile(r"[│─┌┐└┘┼├┤┬┴▼▲◀═╪]")  # the glyphs of lines, frame and arrowheads


def view_lines(app) -> list[str]:
    """The Diagram tab's lines as the screen shows them (its scroll bars left out)."""
    strips = app.screen._compositor.render_strips()
    region = app.query_one(DiagramView).scrollable_content_region
    text = ["".join(segment.text for segment in strip) for strip in strips]
    return [line[region.x:region.right] for line in text[region.y:region.bottom]]


def header_height(app) -> int:
    """The lines of the frame's top, the lane headers and their rule, read off the screen
    scrolled to the top (the rule is the first line with a divider's ┼ or the frame's ├)."""
    return next(y for y, line in enumerate(view_lines(app)) if "┼" in line or "├" in line) + 1


def gutter_width(app) -> int:
    return 2 + max(len(str(step.no)) for step in app.document.sop.langkah) + 1  # mark, space, number, space


def gutter(app, chart_only: bool = True) -> list[tuple[str, int]]:
    """(mark, number) of each step whose box line is on screen, read from the gutter's columns
    (its last one is an edge while the lanes are scrolled sideways); the chart's lines only, not
    the notes' below it (which repeat them)."""
    view = app.query_one(DiagramView)
    chart = view.plan.bottom + 1 - int(view.scroll_y) if view.plan is not None and chart_only else None
    found = [GUTTER.match(line[:gutter_width(app) - 1]) for line in view_lines(app)[:chart]]
    return [(match[1], int(match[2])) for match in found if match]


def expected_marks(app) -> dict[int, str]:
    """The mark of each step's worst finding, by its number (MARKS: the diagram's own symbols)."""
    by_step: dict[int, list] = {}
    for finding in app.workspace.findings(app.document.path):
        index = step_index(finding.pointer)
        if index is not None:
            by_step.setdefault(index, []).append(finding)
    sop = app.document.sop
    return {sop.langkah[index].no: diagram.MARKS[worst(found).value][0] for index, found in by_step.items()}


async def show_diagram(app, pilot, path: str) -> DiagramView:
    app.open(Path(path))
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause(0.1)
    return app.query_one(DiagramView)


async def test_the_diagram_opens_with_the_first_step_in_view_and_scrolls_by_several_columns(seeds):
    async with running(SUMBERSUKO, size=(80, 24)) as (app, pilot):
        view = await show_diagram(app, pilot, SUMBERSUKO)
        first = view.plan.boxes[0]
        room = view.scrollable_content_region.width - view.plan.gutter  # the lanes' part, right of the gutter
        assert first.right - view.plan.gutter > room  # it would open on empty lanes unscrolled
        shown = view.scroll_x + view.plan.gutter  # the first column of the chart on screen
        assert shown <= first.x and first.right < shown + room
        assert any(first.text in line for line in view_lines(app))
        before = view.scroll_x
        await pilot.press("left")
        await pilot.pause()
        assert view.scroll_x == before - 8
        await pilot.press("1", "down", "3")  # the same SOP again: the reader's place is kept
        await pilot.pause(0.1)
        assert view.scroll_x == before - 8


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_gutter_shows_every_steps_number_and_mark_however_far_the_lanes_scroll(seeds, size):
    """walk2 4: the tab opened scrolled sideways, its gutter (numbers, marks) out of sight."""
    async with running(AWAYAN, size=size) as (app, pilot):
        marked = 0
        for path in SEED_PATHS:
            view = await show_diagram(app, pilot, path)
            marks = expected_marks(app)
            numbers = [step.no for step in app.document.sop.langkah]
            seen = gutter(app)
            assert seen and [no for _, no in seen] == numbers[:len(seen)], path  # the first steps, in order
            assert seen == [(marks.get(no, ""), no) for _, no in seen], path
            marked += sum(1 for mark, _ in seen if mark)
            for _ in range(6):  # the lanes scroll sideways, the gutter stays
                await pilot.press("right")
            await pilot.pause()
            assert view.scroll_x > 0 or view.max_scroll_x == 0
            assert gutter(app) == seen, path
            if view.scroll_x:  # what lies under the gutter is marked hidden, not read as the chart's edge
                edge = {line[gutter_width(app) - 1] for line in view_lines(app)[:view.plan.bottom + 1]}
                assert edge == {"┊"}, path
        assert marked  # marks were there to be seen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_lane_headers_stay_at_the_top_while_the_steps_scroll(seeds, size):
    """walk2 5: twelve steps down Wangon's fourteen, the lane names had gone."""
    async with running(WANGON, size=size) as (app, pilot):
        view = await show_diagram(app, pilot, WANGON)
        lanes = [label.split()[0] for _, label in diagram.lanes_of(app.document.sop)]
        height = header_height(app)
        top = "\n".join(view_lines(app)[:height])
        on_screen = [lane for lane in lanes if lane in top]
        assert on_screen
        for _ in range(12):
            await pilot.press("down")
        await pilot.pause()
        assert view.scroll_y > 0
        assert [lane for lane in lanes if lane in "\n".join(view_lines(app)[:height])] == on_screen
        assert gutter(app)[0][1] > 1  # the steps moved up under the header
        await pilot.press("pagedown")
        await pilot.pause()
        assert [lane for lane in lanes if lane in "\n".join(view_lines(app)[:height])] == on_screen
        await pilot.press("end")
        await pilot.pause()
        # the last step can be reached (its note's number, when the notes are below the chart)
        assert gutter(app, chart_only=not view.plan.below)[-1][1] == app.document.sop.langkah[-1].no


async def test_a_page_down_skips_no_line_under_the_header(seeds):
    async with running(WANGON, size=(80, 24)) as (app, pilot):
        view = await show_diagram(app, pilot, WANGON)
        height, last_seen = header_height(app), view_lines(app)[-1]
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y == len(view_lines(app)) - height  # a page: the lines under the header
        await pilot.press("up")
        await pilot.pause()
        assert view_lines(app)[height] == last_seen  # so no line was skipped


async def test_every_kegiatan_is_on_screen_in_full_at_200x50(seeds):
    """walk2 12: kegiatan were cut at about 35 characters with 60 columns free."""
    async with running(AWAYAN, size=(200, 50)) as (app, pilot):
        for path in SEED_PATHS:
            view = await show_diagram(app, pilot, path)
            height, notes = header_height(app), []
            while True:
                notes += [CHART.split(line)[-1].strip() for line in view_lines(app)[height:]]
                if view.scroll_y >= view.max_scroll_y:
                    break
                await pilot.press("pagedown")
                await pilot.pause()
            text = " ".join(" ".join(notes).split())
            for step in app.document.sop.langkah:
                assert " ".join(step.kegiatan.split()) in text, (path, step.no)


async def test_the_chart_is_laid_out_again_for_the_width_the_tab_gets(seeds):
    """The sidebar hidden (ctrl+b), the tab is wider: the notes take the new room."""
    async with running(AWAYAN, size=(200, 50)) as (app, pilot):
        view = await show_diagram(app, pilot, AWAYAN)
        before = view.plan.notes_x + view.plan.note_width
        assert before == view.scrollable_content_region.width
        await pilot.press("ctrl+b")
        await pilot.pause(0.1)
        assert view.scrollable_content_region.width > before
        assert view.plan.notes_x + view.plan.note_width == view.scrollable_content_region.width


def header_cells(app) -> list[str]:
    """The text between the dividers on each header line on screen, left to right."""
    lines = view_lines(app)[1:header_height(app) - 1]  # under the frame's top, above its rule
    return [cell.strip() for line in lines for cell in re.split(r"[│┊]", line[gutter_width(app) - 1:])]


BOX = re.compile(r"[(\[<⬠] +(\d+) +[)\]> ]")  # a step's symbol: ( 1 ), [ 2 ], < 3 >, ⬠ 4


def boxes_on_screen(app) -> set[int]:
    return {int(match[1]) for line in view_lines(app) for match in BOX.finditer(line)}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_lane_header_opens_cut_by_an_edge_of_the_view(seeds, size):
    """walk3 6: "(tidak ada di sumber)" read "(tidak ada / sumber)", the view's edge through it."""
    async with running(AWAYAN, size=size) as (app, pilot):
        for path in SEED_PATHS:
            await show_diagram(app, pilot, path)
            whole = {line.strip() for lane in app.query_one(DiagramView).plan.lanes for line in lane.header}
            assert set(header_cells(app)) <= whole | {""}, path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_diagram_opens_showing_as_much_of_the_drawing_as_fits(seeds, size):
    """walk3 8: at 120x40 Sumbersuko opened with the lanes cut on the left and its tidak edges
    running off the right edge. Its boxes span more than the view: all but step 8's fit, with the
    edges right of them whole."""
    async with running(SUMBERSUKO, size=size) as (app, pilot):
        view = await show_diagram(app, pilot, SUMBERSUKO)
        plan, region = view.plan, view.scrollable_content_region
        first, leftmost = plan.boxes[0], min(plan.boxes, key=lambda box: box.x)
        assert first.right + 1 - leftmost.x > region.width - plan.gutter  # not all of them fit
        in_view = [box.step.no for box in plan.boxes if box.y < region.height]
        assert boxes_on_screen(app) == set(in_view) - {leftmost.step.no}
        right = view.scroll_x + region.width  # nothing drawn on the lines in view runs off the right edge
        assert all(x < right for route in plan.routes for x, y in route.cells() if y < region.height)
