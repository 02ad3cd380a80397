"""The filters take text only while the reviewer means to type: the sidebar's is left with Esc,
and `T` opens with its filter focused ("type to filter"), its list taking the keys as commands
(the QA walk's defect 2: `q` after Esc typed a q; letters typed on `T` ran as commands)."""

from textual.widgets import Input

from soptui.tui.screens import CorpusFindings, EditValue
from soptui.tui.widgets.findings import FindingsTable

from .conftest import AWAYAN, running


async def test_esc_leaves_the_sidebar_filter_so_q_quits(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("slash", *"lampihong", "escape")
        await pilot.pause()
        assert app.focused.id == "corpus"
        assert app.query_one("#filter", Input).value == "" and len(app.query_one("#sidebar").nodes) == 5
        await pilot.press("slash")  # `/` goes back to the filter, not into it
        await pilot.pause()
        assert app.focused.id == "filter" and app.query_one("#filter", Input).value == ""
        await pilot.press("escape", "q")
        await pilot.pause()
        assert app.query_one("#filter", Input).value == ""
    assert app.return_code == 0  # q quit the app


async def test_T_opens_with_its_filter_focused_and_letters_filter(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorpusFindings)
        table = screen.query_one(FindingsTable)
        assert screen.focused is screen.query_one(Input)
        await pilot.press(*"dasar-hukum-order")  # s, k, e: commands elsewhere
        await pilot.pause()
        assert app.screen is screen and not app.document.dirty
        assert screen.query_one(Input).value == "dasar-hukum-order"
        assert table.findings and all(f.name == "dasar-hukum-order" for f in table.findings)
        await pilot.press("enter")
        assert screen.focused is table
        await pilot.press("slash")
        assert screen.focused is screen.query_one(Input)
        await pilot.press("escape")  # clears the filter, goes to the list
        await pilot.pause()
        assert screen.query_one(Input).value == "" and screen.focused is table
        assert len(table.findings) == len(app.workspace.all_findings())
        await pilot.press("escape")  # in the list: closes
        await pilot.pause()
        assert not isinstance(app.screen, CorpusFindings)


async def test_the_open_sops_keys_do_nothing_over_T(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("tab")  # from the filter to the list
        await pilot.pause()
        screen = app.screen
        assert screen.focused is screen.query_one(FindingsTable)
        await pilot.press("w", "4", "x", "L")
        await pilot.pause()
        assert app.screen is screen and app.lang == "id"
        assert app.query_one("TabbedContent").active == "prosedur"
        assert not [s for s in app.screen_stack if isinstance(s, EditValue)]
        active = {b.binding.action for b in screen.active_bindings.values()}
        assert {"waive", "external_editor", "corpus_findings"}.isdisjoint(active)
        assert {"help", "quit", "fix", "close", "cycle_sort"} <= active


async def test_the_palette_over_T_offers_none_of_the_open_sops_commands(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        main = {command.title for command in app.get_system_commands(app.screen)}
        assert "abaikan temuan" in {title.casefold() for title in main}
        await pilot.press("T")
        await pilot.pause()
        over_T = {command.title for command in app.get_system_commands(app.screen)}
        assert over_T < main and not {title.casefold() for title in over_T} & {"abaikan temuan", "tambah langkah"}
