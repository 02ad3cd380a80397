"""How the Prosedur table draws: a cursor move repaints the rows it leaves and enters and asks
for no new layout (a layout of the screen is what made each move cost several frames)."""

from pathlib import Path

from textual.widget import Widget

from soptui.tui.widgets.procedure import ProcedureView
from soptui.tui.widgets.steps_table import StepsTable

from .conftest import AWAYAN, running


def spy_refreshes(monkeypatch, table: Widget) -> tuple[list[str], list[tuple]]:
    """From now on, every widget that asks for a layout ("Type#id") and the regions of each
    refresh of `table` (none: the whole table)."""
    layouts, table_regions = [], []
    refresh = Widget.refresh

    def spy(self, *regions, repaint=True, layout=False, recompose=False):
        if layout:
            layouts.append(f"{type(self).__name__}#{self.id}")
        if self is table:
            table_regions.append(regions)
        return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(Widget, "refresh", spy)
    return layouts, table_regions


async def test_a_cursor_move_repaints_two_rows_and_asks_for_no_layout(unmarked, monkeypatch):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        view = app.query_one(ProcedureView)
        assert table.cursor_row == 0 and view.finding_under_cursor() is None
        layouts, table_regions = spy_refreshes(monkeypatch, table)
        await pilot.press("down")
        await pilot.pause()
        assert layouts == []
        # each refresh names a region of a row's height, never the whole table
        assert table_regions and all(regions and all(r.height <= 2 for r in regions) for regions in table_regions)
        assert view.finding_under_cursor() is not None  # the row under step 1 is its finding
        assert "▶" in app.query_one("#step-detail").content.plain  # and the detail marks it


async def test_fixed_columns_stay_and_the_rest_scrolls_in_the_drawn_lines(seeds):
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        first_row = "".join(segment.text for segment in table.render_line(table.header_height))
        table.move_cursor(column=len(table.ordered_columns) - 1)
        await pilot.pause()
        assert table.scroll_x > 0
        scrolled = "".join(segment.text for segment in table.render_line(table.header_height))
        kegiatan = table.ordered_columns[2].render_width + table.ordered_columns[1].render_width + 3
        assert scrolled[:kegiatan] == first_row[:kegiatan]  # mark, No and Kegiatan where they were
        assert scrolled[kegiatan:] != first_row[kegiatan:]
        assert len(scrolled) == table.size.width


async def test_a_click_moves_the_cursor_and_a_second_click_edits_the_cell(seeds):
    from soptui.tui.screens import EditValue

    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        view = app.query_one(ProcedureView)
        row = view.row_targets.index(("step", 1, -1))
        kegiatan_x = sum(c.render_width for c in table.ordered_columns[:2]) + 2
        offset = (kegiatan_x, table.cell_region((row, 2)).y)  # not scrolled: the table's own lines
        await pilot.click("#steps", offset=offset)
        await pilot.pause()
        assert table.cursor_coordinate == (row, 2) and view.current_step.index == 1
        await pilot.click("#steps", offset=offset)
        await pilot.pause()
        assert isinstance(app.screen, EditValue) and app.screen.value == view.sop.langkah[1].kegiatan


async def test_an_edit_repaints_the_rows_it_changes_and_shows_the_new_value(seeds, monkeypatch):
    from soptui.editing import set_value

    async with running(AWAYAN, size=(200, 50)) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        view = app.query_one(ProcedureView)
        row = view.row_targets.index(("step", 1, -1))
        y = table.cell_region((row, 0)).y
        lines_before = ["".join(s.text for s in table.render_line(line)) for line in range(table.size.height)]
        _, regions = spy_refreshes(monkeypatch, table)
        app.edit(lambda text: set_value(text, "/langkah/1/waktu", "3 Jam"))
        await pilot.pause()
        assert regions and all(found and all(r.height <= 2 for r in found) for found in regions)
        lines_after = ["".join(s.text for s in table.render_line(line)) for line in range(table.size.height)]
        assert "3 Jam" in lines_after[y] and "3 Jam" not in lines_before[y]
        assert [i for i, (a, b) in enumerate(zip(lines_before, lines_after)) if a != b] == [y]


async def test_a_tab_shown_again_is_repainted_not_laid_out(seeds, monkeypatch):
    """The panes stay laid out while hidden (widgets/stacked_pane.py): going back to a tab
    changes which pane is visible, and nothing inside the pane asks for a layout or redraws
    its scroll bars (a frame more each)."""
    from textual.scrollbar import ScrollBar

    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        steps = app.query_one("#steps", StepsTable)
        size = steps.size
        await pilot.press("2")
        await pilot.pause()
        assert not steps.visible and app.query_one("#identity").size.width > 0
        refreshed = []
        refresh = Widget.refresh

        def spy(self, *regions, repaint=True, layout=False, recompose=False):
            refreshed.append((self, layout))
            return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

        monkeypatch.setattr(Widget, "refresh", spy)
        await pilot.press("1")
        await pilot.pause()
        pane = app.query_one("#prosedur")
        inside = [w for w, layout in refreshed if layout and pane in w.ancestors]
        assert inside == [] and steps.visible and steps.size == size
        # ScrollView updates its scroll bars after every layout of the screen, sizes changed or
        # not, and repaints them (a frame more): FixedSize does it only when a size changed.
        refreshed.clear()
        steps._scroll_update(steps.virtual_size)
        assert not any(isinstance(w, ScrollBar) and w.parent is steps for w, _ in refreshed)
        # a hidden pane's widgets are out of the focus chain
        assert app.query_one("#identity") not in app.screen.focus_chain and steps in app.screen.focus_chain


async def test_n_into_another_tab_focuses_it_and_moves_the_underline_at_once(seeds):
    """What `n` changes is drawn in the frame that shows the tab: the focus (and so the footer's
    keys) and the tab bar's underline are set before the key's handler returns."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        finding = next(f for f in app.workspace.findings(Path(AWAYAN)) if f.pointer.startswith("/dasar_hukum"))
        app.go_to(finding)
        tabs = app.query_one("#tabs")
        label = tabs.get_tab("identitas").virtual_region.shrink(tabs.get_tab("identitas").styles.gutter)
        underline = tabs.query_one("Underline")
        assert app.screen.focused is app.query_one("#identity")
        assert (underline.highlight_start, underline.highlight_end) == label.column_span
        await pilot.pause()
        assert (underline.highlight_start, underline.highlight_end) == label.column_span


async def test_the_identitas_findings_panel_changes_without_a_layout(seeds, monkeypatch):
    """Rows with more or fewer findings: the panel under the form keeps its height."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("2")
        await pilot.pause()
        view = app.query_one("#identity")
        with_findings = next(i for i, meta in enumerate(view.rows_meta) if meta[0] == "/dasar_hukum/0")
        layouts, _ = spy_refreshes(monkeypatch, view)
        for row in (with_findings, 0, with_findings):
            view.move_cursor(row=row)
            await pilot.pause()
        assert layouts == []
        assert app.query_one("#identity-findings").content.plain


async def test_the_cursor_row_is_marked_across_the_table_not_only_in_its_cell(seeds):
    # a cell cursor on the gutter alone left the reviewer guessing which row the detail shows
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        assert table.cursor_coordinate == (0, 0)

        def kegiatan_background(row: int):
            y = table.header_height + table._row_tops[row]
            x = sum(c.render_width for c in table.ordered_columns[:2]) + 1  # inside Kegiatan
            segments, at = table.render_line(y), 0
            for segment in segments:
                if at <= x < at + segment.cell_length:
                    return segment.style.bgcolor
                at += segment.cell_length

        other = next(i for i in range(1, len(table.rows)) if table.rows[i].cells[1][0].strip())
        assert kegiatan_background(0) != kegiatan_background(other)
        table.move_cursor(row=other)
        await pilot.pause()
        assert kegiatan_background(other) != kegiatan_background(0)
        assert kegiatan_background(0) == kegiatan_background(next(
            i for i in range(1, len(table.rows)) if i != other))
