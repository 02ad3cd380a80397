"""The defects of the fifth QA walk (stop 18) in the terminal UI that fixtui5 fixed: each test is
named by what the user should see, and its entry number in the walk's report follows it."""

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Tree

from soptui.tui.screens import CorpusFindings, EditValue, Preview
from soptui.tui.widgets.findings import FindingsTable

from .conftest import AWAYAN, LAMPIHONG, WANGON, running


async def burst(app, pilot, keys) -> None:
    """`keys` in one burst, as a terminal hands over a paste or a quick typist's keys: all
    queued before the first is handled."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause()
    await pilot.pause(0.2)


async def test_keys_in_a_burst_after_enter_in_the_list_filter_act_on_the_list(seeds):  # 1
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("slash", *"wangon")
        await pilot.pause()
        await burst(app, pilot, ["enter", "down", "enter"])
        assert str(app.document.path) == str(Path(WANGON))  # the last Enter opened it


async def test_a_whole_burst_from_slash_to_enter_filters_then_opens_the_first_match(seeds):  # 1, 7
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await burst(app, pilot, ["slash", *"lampi", "enter", "enter"])
        assert app.query_one("#filter", Input).value == "lampi"
        assert str(app.document.path) == str(Path(LAMPIHONG))


async def test_keys_in_a_burst_after_enter_in_the_T_filter_act_on_the_list(seeds):  # 1
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T", *"awayan")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorpusFindings)
        sorts = screen.query_one(FindingsTable).sort_key
        await burst(app, pilot, ["enter", "s"])
        assert screen.query_one(Input).value == "awayan"  # not `awayans`
        assert screen.focused is screen.query_one(FindingsTable)
        assert screen.query_one(FindingsTable).sort_key != sorts  # `s` sorted the list


async def test_a_new_filter_puts_the_cursor_on_its_first_match_and_enter_opens_it(seeds):  # 7
    (seeds / "wangon" / "a-sop-baru.toml").write_text((seeds / "wangon" / "pengukuran-kinerja.toml").read_text())
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("slash", *"lampi", "enter", "down", "enter")
        await pilot.pause()
        assert str(app.document.path) == str(Path(LAMPIHONG))
        await pilot.press("slash", "ctrl+u", *"wangon", "enter")
        await pilot.pause()
        tree = app.query_one("#corpus", Tree)
        assert tree.cursor_node.data == str(Path("sops/wangon/a-sop-baru.toml"))  # the first file shown
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.document.path) == str(Path("sops/wangon/a-sop-baru.toml"))


async def test_escape_then_a_key_in_a_burst_in_the_T_filter_clears_it_and_acts_on_the_list(seeds):  # 1
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T", *"awayan")
        await pilot.pause()
        screen = app.screen
        sorts = screen.query_one(FindingsTable).sort_key
        await burst(app, pilot, ["escape", "s"])
        assert app.screen is screen and screen.query_one(Input).value == ""
        assert screen.query_one(FindingsTable).sort_key != sorts


async def test_f_in_the_corpus_list_opens_the_sop_under_its_cursor_and_previews_its_first_fix(seeds):  # 8
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.action_tab("identitas")  # the open SOP's Identitas, on a row without a finding
        await pilot.press("slash", *"wangon", "enter")
        await pilot.pause()
        assert app.focused.id == "corpus"
        await pilot.press("f")
        await pilot.pause()
        assert str(app.document.path) == str(Path(WANGON))
        first = next(f for f in app.workspace.findings(WANGON) if f.fix is not None)
        assert isinstance(app.screen, Preview) and first.name in app.screen.title_text
        assert f"b/{Path(WANGON).relative_to('sops')}" in app.screen.diff  # a change of that SOP


async def test_f_on_a_folder_of_the_corpus_list_says_there_is_nothing_there(seeds):  # 8
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("slash", *"wangon", "enter", "up", "f")
        await pilot.pause()
        tree = app.query_one("#corpus", Tree)
        assert tree.cursor_node.data is None and not isinstance(app.screen, Preview)
        assert str(app.document.path) == str(Path(AWAYAN))
        assert "Tidak ada temuan di sini." in [str(n.message) for n in app._notifications]


def no_match_row(app) -> str:
    from textual.command import CommandList
    results = app.screen.query_one(CommandList)
    return " ".join(str(results.get_option_at_index(index).prompt.renderable)
                    for index in range(results.option_count) if results.get_option_at_index(index).disabled)


@pytest.mark.parametrize("switch, said", [(False, "Tidak ada yang cocok"), (True, "No matches found")],
                         ids=["id", "L-to-en"])
async def test_the_palette_says_nothing_matches_in_the_uis_language(seeds, switch, said):  # 2
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        if switch:
            await pilot.press("L")
        await pilot.press("ctrl+p", *"tombolzz")
        await pilot.pause(0.8)  # the palette says so after half a second without a match
        assert no_match_row(app) == said


@pytest.mark.parametrize("name, said", [
    ("tiadafolder/ekspor.pdf", "folder tiadafolder tidak ada"),
    ("out.txt", "nama berkas harus berakhiran .pdf atau .docx"),
    ("sops", "sops adalah folder; beri nama berkas"),
])
async def test_x_keeps_its_dialog_open_on_a_bad_name_the_problem_under_the_field(seeds, name, said):  # 6
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("x", "ctrl+u", *name, "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)  # kept open, what was typed kept
        problem = app.screen.query_one("#problem")
        assert problem.display and str(problem.render()) == said
        assert app.screen.query_one("#value").value == name
        assert not list(seeds.parent.glob("*.txt"))
