"""The cosmetic defects uifix6 fixed: the Identitas findings pane's empty scroll bar, the fixed
columns' own background, the column the right edge cuts, a binary file's control bytes."""

from textual.coordinate import Coordinate

from soptui.one_cell import one_cell
from soptui.tui.screens.dialogs import WrappedDiff

from .conftest import AWAYAN, WANGON, running


def screen_lines(app):
    return app.screen._compositor.render_strips()


def cells(strip, start, end):
    """(character, background) of each cell of a drawn line from `start` to `end`."""
    out = []
    for segment in strip.crop(start, end):
        for char in segment.text:
            out.append((char, segment.style.bgcolor if segment.style else None))
    return out


async def test_the_identitas_findings_pane_draws_no_scroll_bar_with_nothing_to_scroll(seeds):
    """At 120x40 its always-there bar drew an empty track beside "no findings here": a black
    block under the form's bar, a column left of it."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.action_tab("identitas")
        await pilot.pause()
        pane = app.query_one("#identity-findings")
        assert pane.virtual_size.height <= pane.size.height  # nothing to scroll
        assert not pane.show_vertical_scrollbar
        region = pane.content_region
        background = pane.rich_style.bgcolor
        strips = screen_lines(app)
        for y in range(region.y, region.bottom):
            assert {bg for _, bg in cells(strips[y], region.right - 3, region.right)} == {background}


async def test_a_row_has_one_background_across_fixed_and_scrolled_columns(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        table = app.query_one("#steps")
        table.focus()
        await pilot.pause()
        assert table.cursor_row == 0
        region = table.region
        fixed = table._fixed_width()
        strips = screen_lines(app)
        for row in (0, 1, 3):  # the cursor's row (faintly marked across), and two others
            y = region.y + table.header_height + table._row_tops[row]
            line = cells(strips[y], region.x, region.x + table.size.width - table.scrollbar_size_vertical)
            # the cursor's cell itself, the mark column's
            marked = table.ordered_columns[0].render_width if row == table.cursor_row else 0
            backgrounds = {bg for _, bg in line[marked:fixed]} | {bg for _, bg in line[fixed:]}
            assert len(backgrounds) == 1, (row, backgrounds)


async def test_the_column_the_right_edge_cuts_ends_with_an_ellipsis_and_every_column_scrolls_into_view(seeds):
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        table = app.query_one("#steps")
        table.focus()
        await pilot.pause()
        region = table.region
        right = region.x + table.size.width - table.scrollbar_size_vertical
        header = "".join(char for char, _ in cells(screen_lines(app)[region.y], region.x, right))
        assert header.rstrip().endswith("…"), header  # "Pelak…", not "Pelaks"
        # each column still comes whole into view, the last one included
        for column in range(len(table.ordered_columns)):
            table.move_cursor(column=column)
            await pilot.pause()
            cell = table.cell_region(Coordinate(table.cursor_row, column))
            left = cell.x - int(table.scroll_x) if column >= table.fixed_columns else cell.x
            assert left >= 0 and left + cell.width <= right - region.x, (column, left, cell)
            label = table.ordered_columns[column].label.split("\n")[0]
            header = "".join(char for char, _ in cells(screen_lines(app)[region.y], region.x, right))
            assert label in header, (column, label, header)


def test_control_characters_are_drawn_one_cell_each():
    assert one_cell('a\x00b\x1b[31m\x7f\x9b\ud889\u202e\tz') == "a␀b␛[31m␡\ufffd\ufffd\ufffd z"
    assert one_cell("Kegiatan ✓") == "Kegiatan ✓"
    assert all(len(one_cell(chr(code))) == 1 and one_cell(chr(code)).isprintable() 
               for code in [*range(0x20), *range(0x7f, 0xa0)])


async def test_a_binary_file_s_control_bytes_are_escaped_in_the_load_problem_and_its_caret_under_its_column(seeds):
    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    path.write_bytes(b'nama = "SOP"\x00\x01\x1b[31mMERAH\x1b[0m\x07\x08 ekor\n' + path.read_bytes())
    async with running(WANGON, size=(120, 40)) as (app, _pilot):
        panel = app.query_one("#load-problem")
        assert panel.display
        shown = str(panel.render())
        assert not any(char < " " and char != "\n" or char == "\x7f" for char in shown), repr(shown)
        assert 'nama = "SOP"␀␁␛[31mMERAH␛[0m␇␈ ekor' in shown
        lines = shown.split("\n")
        source = next(i for i, line in enumerate(lines) if "MERAH" in line)
        assert lines[source + 1].index("^") == lines[source].index("␀")  # 1:13, the NUL
        # the panel's frame drawn whole on that line: every character one cell
        strips = screen_lines(app)
        drawn = "".join(segment.text for segment in strips[panel.region.y + 1 + source])
        assert drawn.rstrip().endswith("│") and len(drawn) == 120


def test_a_diff_of_the_file_draws_its_control_codes_escaped():
    import io

    from rich.console import Console
    console = Console(width=80, file=io.StringIO())
    lines = list(WrappedDiff("--- a\n+++ b\n-x = \"\x1b[2J\"\n+x = 1\n").__rich_console__(console, console.options))
    assert "␛[2J" in "".join(line.plain for line in lines)
    assert not any("\x1b" in line.plain for line in lines)
