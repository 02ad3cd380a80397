"""The Temuan tab always lists the open SOP's findings, and `f` and `w` on a row act on the file
that row's finding is in (the QA walk's defect 1: a SOP opened while Temuan was not on screen
left the previous SOP's rows there, and `w` wrote a suppression into the wrong file)."""

from pathlib import Path

from soptui.tui.screens import EditValue
from soptui.tui.widgets.findings import FindingsTable

from .conftest import AWAYAN, LAMPIHONG, running


def rows_of(table: FindingsTable) -> set[str]:
    """The files of the findings the table holds and draws (as many rows drawn as it holds)."""
    assert table.row_count == len(table.findings)
    return {f.path for f in table.findings}


async def test_temuan_shows_the_sop_opened_while_another_tab_was_on_screen_and_w_writes_there(seeds):
    awayan_before = (seeds / "awayan" / "pengukuran-kinerja-triwulan.toml").read_text()
    async with running(size=(120, 40)) as (app, pilot):
        assert str(app.document.path) == str(Path(AWAYAN))  # the first SOP opens on its own
        for key in ["4", "1", "slash", *"lampihong", "enter", "down", "enter", "4"]:
            await pilot.press(key)
            await pilot.pause()
        assert str(app.document.path) == str(Path(LAMPIHONG))
        table = app.query_one("#findings", FindingsTable)
        assert app.focused is table
        assert rows_of(table) == {str(Path(LAMPIHONG))}
        assert sorted(map(id, table.findings)) == sorted(map(id, app.workspace.findings(LAMPIHONG)))
        finding = table.current_finding
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, EditValue) and finding.name in app.screen.title_text
        await pilot.press(*"uji", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert f"# soptui: ignore[{finding.name}] -- uji" in (seeds / "lampihong" / "pengukuran-kinerja.toml").read_text()
    assert (seeds / "awayan" / "pengukuran-kinerja-triwulan.toml").read_text() == awayan_before


async def test_a_table_not_on_screen_holds_no_row_of_the_list_it_was_given_before(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        assert rows_of(table) == {str(Path(AWAYAN))} and table.current_finding is not None
        await pilot.press("1")
        await pilot.pause()
        table.show(app.workspace.findings(LAMPIHONG), "id")  # while Prosedur is on screen
        # whether drawn now or when shown, the rows are lampihong's; none of awayan's is left
        assert table.current_finding is None or table.current_finding.path == str(Path(LAMPIHONG))
        await pilot.press("4")
        await pilot.pause()
        assert rows_of(table) == {str(Path(LAMPIHONG))}


async def test_w_and_f_on_a_row_of_another_file_act_in_that_file(seeds):
    """Whatever put it there, a row's finding is waived or fixed in its own file, opened for it."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        table.show(app.workspace.findings(LAMPIHONG), "id")  # rows of a file that is not open
        await pilot.pause()
        row = next(i for i, f in enumerate(table.findings) if f.fix is None)
        table.move_cursor(row=row)
        finding = table.current_finding
        await pilot.press("w")
        await pilot.pause()
        assert str(app.document.path) == str(Path(LAMPIHONG))
        assert isinstance(app.screen, EditValue)
        await pilot.press(*"uji", "enter")
        await pilot.pause()
        assert f"ignore[{finding.name}] -- uji" in app.document.text
        assert not app.workspace.documents[str(Path(AWAYAN))].dirty


async def test_temuan_shows_the_file_T_opened_for_f_and_w_writes_there(seeds):
    """The walk's second way in: `T`, filter, Enter, `f` (opens the other file), Esc, `4`."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        await pilot.press(*"lampihong order", "enter")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("escape")  # the preview, not applied
        await pilot.pause()
        assert str(app.document.path) == str(Path(LAMPIHONG)) and not app.document.dirty
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        assert rows_of(table) == {str(Path(LAMPIHONG))}


async def test_temuan_first_shown_a_while_after_start_draws_its_rows(seeds):
    """Pressed once the app has gone idle (as a reviewer does), the Temuan tab showed its order
    line over no rows: its table had no width when the tab was drawn, and a pane shown without
    a layout gets its size with no Resize to draw the rows by."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.pause(0.6)  # idle: the full collection and the corpus list settle
        await pilot.press("4")
        await pilot.pause()
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        assert table.findings and rows_of(table) == {str(Path(AWAYAN))}


def drawn(table: FindingsTable) -> str:
    return "\n".join(strip.text for strip in table.render_lines(table.region.reset_offset))


async def test_the_temuan_tab_and_the_corpus_list_mark_the_rows_f_fixes(seeds):
    async with running(AWAYAN, size=(200, 50)) as (app, pilot):
        fixable = [f for f in app.workspace.findings(app.document.path) if f.fix is not None]
        assert fixable  # step-numbering's 5 -> 8
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        assert drawn(table).count("[f: perbaiki]") == len(fixable)
        await pilot.press("T")
        await pilot.pause()
        listed = app.screen.query_one(FindingsTable)
        assert "[f: perbaiki]" in drawn(listed)
