"""How the Prosedur table draws: a cursor move repaints the rows it leaves and enters and asks
for no new layout (a layout of the screen is what made each move cost several frames)."""

from pathlib import Path

from textual import events
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


async def test_kept_scroll_bars_draw_what_textuals_draw(seeds):
    """The bars draw their lines from lines kept by the segments of each (widgets/scroll_bars.py):
    at every place of the thumb the table's and the corpus list's bars are line for line the
    ones Textual's ScrollBar draws for the same state."""
    from textual.scrollbar import ScrollBar

    from soptui.tui.widgets.scroll_bars import KeptScrollBar

    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        compared = 0
        for y in range(0, int(table.max_scroll_y) + 1, 3):
            table.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            for widget in (table, app.query_one("#corpus"), app.query_one("#step-detail")):
                bars = [widget.vertical_scrollbar] if widget.show_vertical_scrollbar else []
                bars += [widget.horizontal_scrollbar] if widget.show_horizontal_scrollbar else []
                for bar in bars:
                    assert isinstance(bar, KeptScrollBar)
                    if not bar.size:
                        continue
                    whole = bar.size.region
                    kept = bar.render_lines(whole)
                    bar._styles_cache.clear()  # Textual's drawing from nothing kept
                    assert kept == ScrollBar.render_lines(bar, whole)
                    compared += 1
        assert compared >= 4 and table.max_scroll_y > 3  # the table's bar in several places


async def test_a_scroll_bar_line_never_drawn_is_built_as_textual_draws_it(seeds, monkeypatch):
    """A line of a bar not kept (the thumb somewhere new) is built from the styles Textual gave
    its segments' styles in other lines, not by Textual drawing the whole bar again: the same
    lines, at every place of the thumb."""
    from textual.scrollbar import ScrollBar

    from soptui.tui.widgets.scroll_bars import KeptScrollBar

    drawn = []
    textuals = ScrollBar.render_lines
    monkeypatch.setattr(ScrollBar, "render_lines", lambda bar, crop: drawn.append(bar) or textuals(bar, crop))
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        bar = table.vertical_scrollbar
        bar.render_lines(bar.size.region)  # Textual's styles learnt
        built = 0
        for y in range(0, int(table.max_scroll_y) + 1):
            table.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            KeptScrollBar._kept.clear()
            drawn.clear()
            lines = bar.render_lines(bar.size.region)
            built += not drawn
            bar._styles_cache.clear()
            assert lines == textuals(bar, bar.size.region)
        assert built >= 3 and table.max_scroll_y > 3


async def test_plain_lines_are_the_lines_textuals_style_cache_makes(seeds):
    """The corpus list and the tables hand their lines on without Textual's style cache
    (widgets/plain_lines.py): focused or not, scrolled or not, each line is the one the style
    cache makes of it."""
    from textual._styles_cache import StylesCache

    from soptui.tui.widgets.plain_lines import PlainLinesCache

    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        table, tree = app.query_one("#steps", StepsTable), app.query_one("#corpus")
        for state in range(3):
            if state == 1:
                await pilot.press("down", "down", "right")  # the cursor, the table focused
            if state == 2:
                tree.focus()
                table.scroll_to(y=3, animate=False, immediate=True)
            await pilot.pause()
            for widget in (table, tree):
                assert isinstance(widget._styles_cache, PlainLinesCache)
                whole = widget.size.region
                plain = widget.render_lines(whole)
                assert widget._styles_cache._plain  # the fast path was taken
                assert plain == StylesCache().render_widget(widget, whole)


class VirtualTerminal:
    """A terminal that takes the app's updates (each frame's changed parts) as the screen is
    written to: the cells it ends with are what the user sees. A repaint left out (a widget
    changed but not drawn again) leaves old cells behind, which a screenshot, drawn whole from
    the widgets, never shows."""

    def __init__(self, app) -> None:
        self.app = app
        width, height = app.size
        self.cells = [[("?", None)] * width for _ in range(height)]
        self.frames = 0

    def take(self, update) -> None:
        """An update as the terminal is written to: moves of the cursor and the cells after each."""
        from rich.segment import ControlType

        console = self.app.console
        x = y = 0
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            if segment.text != "\n":
                x = self._write(x, y, segment)
        self.frames += 1

    def _write(self, x: int, y: int, segment) -> int:
        style = segment.style.clear_meta_and_links() if segment.style else None
        for character in segment.text:
            if 0 <= y < len(self.cells) and 0 <= x < len(self.cells[y]):
                self.cells[y][x] = (character, style)
            x += 1
        return x

    def take_whole(self) -> None:
        """The screen drawn whole now (without taking what the next frame will paint)."""
        for y, strip in enumerate(self.app.screen._compositor.render_strips()):
            x = 0
            for segment in strip:
                x = self._write(x, y, segment)

    def differences(self) -> list[tuple[int, int]]:
        """The cells where the terminal shows something else than the screen drawn whole now."""
        whole = VirtualTerminal(self.app)
        whole.take_whole()
        return [(y, x) for y, (ours, theirs) in enumerate(zip(self.cells, whole.cells))
                for x, (a, b) in enumerate(zip(ours, theirs)) if a != b]


async def test_the_terminal_shows_what_the_widgets_hold_after_each_key(seeds):
    """Each key's changes go out as the parts of the screen that changed (a pane shown without a
    layout, lines handed on as drawn, no whole-screen repaint on a change of focus): after every
    key, the terminal built from those parts is cell for cell the screen drawn whole."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        terminal = VirtualTerminal(app)
        terminal.take_whole()  # what is on screen once started
        display = app._display

        def written(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None and screen is app.screen:
                terminal.take(renderable)

        app._display = written
        keys = ["n"] * 14 + ["2", "down", "down", "1", "down", "N", "N", "N", "4", "down", "3", "2", "3", "1",
                             "ctrl+b", "n", "n", "ctrl+b"]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            assert terminal.differences() == [], key
        assert terminal.frames >= len(keys)
        app.edit(lambda text: text.replace("menit", "jam", 1))
        await pilot.pause()
        app.open(next(Path("sops/lampihong").glob("*.toml")))
        await pilot.pause()
        assert terminal.differences() == []


async def test_each_tab_shown_first_after_opening_shows_its_rows_on_the_terminal(seeds):
    """The tabs' widgets are filled while their panes are hidden; the first showing of a pane
    (a key pressed straight after the SOP opened) must paint them. The Temuan tab once showed
    its order line over blank rows until something else repainted it."""
    for key in ("4", "2", "3"):
        async with running(AWAYAN, size=(120, 40)) as (app, pilot):
            terminal = VirtualTerminal(app)
            terminal.take_whole()
            display = app._display

            def written(screen, renderable) -> None:
                display(screen, renderable)
                if renderable is not None and screen is app.screen:
                    terminal.take(renderable)

            app._display = written
            await pilot.press(key)
            await pilot.pause()
            assert terminal.differences() == [], key


async def test_n_into_another_tab_is_one_frame(seeds):
    """`n` from a step's finding to one of Identitas, and back: each is painted in one frame (the
    pane shown without a layout, the footer's keys fitted and the table focused in the key's
    turn, every repaint, scroll bars' included, told to the screen before it paints); Textual's
    own way took three, each up to a frame's period after the last. At the size bench/tui.py
    measures at: at 120x40 one more frame follows (the footer's keys fitted again, the table
    repainted), docs/tui.md says so."""
    async with running(AWAYAN, size=(160, 45)) as (app, pilot):
        painted = []
        display = app._display

        def written(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                painted.append(renderable)

        app._display = written
        tabs = app.query_one("#tabs")
        crossings = []
        for _ in range(30):
            before = tabs.active
            await pilot.pause()
            painted.clear()
            app.post_message(events.Key("n", None))  # as bench/tui.py presses it
            await pilot.pause()
            if tabs.active != before:
                crossings.append((before, tabs.active, len(painted)))
        assert {(a, b) for a, b, _ in crossings} >= {("prosedur", "identitas"), ("identitas", "prosedur")}
        assert [frames for _, _, frames in crossings] == [1] * len(crossings)


async def test_n_into_another_tab_repaints_the_tab_not_the_screen(seeds):
    """`n` into another tab paints the tab area, its tab bar and the footer: not the corpus list
    beside it nor the header, which did not change (unless the file did: its line in the list
    and its name in the header). Textual's map of what is on screen was thrown away by the first
    question of where a widget was after the tab changed, and by every layout (a restyled
    table's scroll bars ask for one), and the next change of tab repainted the whole screen."""
    from textual._compositor import ChopsUpdate

    async with running(AWAYAN, size=(160, 45)) as (app, pilot):
        painted = []
        display = app._display

        def written(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                painted.append(renderable)

        app._display = written
        tabs = app.query_one("#tabs")
        side = app.query_one("#side").region
        crossings = []
        for _ in range(40):
            before, document = tabs.active, app.document
            await pilot.pause()
            painted.clear()
            app.post_message(events.Key("n", None))
            await pilot.pause()
            if tabs.active != before:
                crossings.append((app.document is document, list(painted)))
        assert len(crossings) >= 3 and any(same_file for same_file, _ in crossings)
        for same_file, frames in crossings:
            assert frames and all(isinstance(frame, ChopsUpdate) for frame in frames)
            if same_file:
                spans = {span for frame in frames for span in frame.spans}
                assert not [(y, x) for y, x, _ in spans if y < side.bottom - 1 and x < side.right], \
                    "the corpus list was painted again"
                assert not [y for y, _, _ in spans if y == 0], "the header was painted again"


async def test_a_table_that_lost_the_focus_out_of_sight_is_drawn_unfocused_when_shown_so(seeds):
    """The steps table, left focused for Identitas by `n`, keeps its look while hidden; shown
    again by a click on its tab, the focus elsewhere, it is drawn as unfocused (not tinted, its
    cursor the blurred one), and focused again it is tinted again."""
    async with running(AWAYAN, size=(160, 45)) as (app, pilot):
        tabs = app.query_one("#tabs")
        table = app.query_one("#steps", StepsTable)
        assert table.has_focus and table.styles.background_tint.a > 0
        for _ in range(40):
            app.post_message(events.Key("n", None))
            await pilot.pause()
            if tabs.active == "identitas":
                break
        assert tabs.active == "identitas" and not table.has_focus
        await pilot.click("#--content-tab-prosedur")
        await pilot.pause()
        assert tabs.active == "prosedur" and not table.has_focus
        assert table.styles.background_tint.a == 0
        app.action_tab("prosedur")
        await pilot.pause()
        assert table.has_focus and table.styles.background_tint.a > 0


def test_an_actor_header_keeps_words_whole_and_cuts_a_long_one_with_an_ellipsis():
    from soptui.tui.widgets.procedure import actor_header

    text, width = actor_header("Kasubbag Perencanaan dan Keuangan")
    assert width == 10
    assert text.split("\n") == ["Kasubbag", "Perencana…"]  # not "Kasubbag P" over "…"
    text, width = actor_header("KASI/KASUBBAG UMPEG")
    assert text.split("\n") == ["KASI/KASU…", "UMPEG"]
    assert actor_header("Camat") == ("Camat", 5)
    assert actor_header("Sekretaris Camat") == ("Sekretaris\nCamat", 10)
