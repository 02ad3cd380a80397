"""The defects of the fourth QA walk (stop 17) in the terminal UI: each test is named by what
the user should see, and its entry number in the walk's report follows it."""

from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import Button

from soptui.tui.screens import Choose, EditValue, Preview
from soptui.tui.widgets.findings import FindingsTable

from .conftest import AWAYAN, WANGON, running


async def test_ctrl_n_refuses_a_name_that_leaves_the_corpus_under_the_field(seeds):  # 10
    async with running(size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+n", *"../escape.toml", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)  # kept open, what was typed kept
        problem = app.screen.query_one("#problem")
        assert problem.display and "di luar folder korpus" in str(problem.render())
        assert app.screen.query_one("#value").value == "../escape.toml"
        assert not (seeds.parent / "escape.toml").exists()
        await pilot.press("escape")
        await pilot.press("ctrl+n", *"unit/baru", "enter")
        await pilot.pause()
        assert app.document.path == Path("sops/unit/baru.toml") and app.document.path in app.workspace.files


@pytest.mark.parametrize("modal", ["f1", "ctrl+n"])
async def test_after_a_modal_over_a_sop_that_does_not_load_command_keys_are_commands_again(seeds, modal):  # 1
    wangon = seeds / "wangon" / "pengukuran-kinerja.toml"
    wangon.write_text(wangon.read_text().replace("\nno = 5\n", "\nno = = 5\n"))
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        assert not app.document.load.ok
        filter_box = app.query_one("#filter")
        panel = app.query_one("#load-problem")
        assert app.screen.focused is panel  # why it does not load, in place of the steps
        await pilot.press(modal)
        await pilot.pause()
        assert app.screen is not app.screen_stack[0]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("L")  # a command, not a letter for the filter
        await pilot.pause()
        assert app.lang == "en" and filter_box.value == "" and app.screen.focused is not filter_box
        assert app.screen.focused is panel
        # `a` (nothing to add a step to) leaves the footer the room for `L` and `q`
        bottom = "".join(segment.text for segment in app.screen._compositor.render_strips()[-1])
        assert "L Bahasa Indonesia" in bottom and "q quit" in bottom and "add step" not in bottom


async def test_s_in_the_temuan_tab_changes_the_order_each_press_and_the_line_above_says_which(seeds):  # 4
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        table, status = app.query_one("#findings", FindingsTable), app.query_one("#temuan-status")
        count = len(app.workspace.findings(app.document.path))
        assert str(status.render()) == f"{count} · urut menurut tingkat (s)"
        assert status.region.bottom <= table.region.y  # above the list, not over it
        seen = {}
        for said in ["aturan", "baris", "tingkat"]:
            rows = [(f.code, f.line) for f in table.findings]
            await pilot.press("s")
            await pilot.pause()
            assert str(status.render()) == f"{count} · urut menurut {said} (s)"
            assert [(f.code, f.line) for f in table.findings] != rows  # each press moves the rows
            seen[said] = [f.line for f in table.findings]
        assert seen["baris"] == sorted(seen["baris"])
        app.action_toggle_language()
        await pilot.pause()
        assert str(status.render()) == f"{count} · sorted by severity (s)"


def bottom_line(app) -> str:
    return "".join(segment.text for segment in app.screen._compositor.render_strips()[-1])


def filled(dialog) -> list[str]:
    """The ids of the buttons that look chosen: filled with the theme's primary or error colour."""
    colours = dialog.app.get_css_variables()
    fills = {Color.parse(colours["primary"]), Color.parse(colours["error"])}
    return [button.id for button in dialog.query(Button) if button.styles.background in fills]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_in_the_quit_dialog_the_button_that_looks_chosen_is_the_one_enter_presses(seeds, size):  # 9
    async with running(AWAYAN, size=size) as (app, pilot):
        app.edit(lambda text: text.replace('waktu = "10 Menit"', 'waktu = "15 Menit"', 1))
        await pilot.press("q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Choose) and app.focused.id == "cancel"  # the safe choice (issue 15)
        assert filled(dialog) == ["cancel"] and "Enter: Batal" in bottom_line(app)
        await pilot.press("left", "left")
        await pilot.pause()
        assert app.focused.id == "save" and filled(dialog) == ["save"]
        assert "Enter: Simpan semua & keluar" in bottom_line(app)
        await pilot.press("right")
        await pilot.pause()
        assert filled(dialog) == ["discard"] and "Enter: Keluar tanpa simpan" in bottom_line(app)
        await pilot.press("right", "enter")  # back on Batal: Enter closes the dialog, as the screen says
        await pilot.pause()
        assert app.screen is app.screen_stack[0] and app.document.dirty


async def test_in_the_fix_preview_enter_presses_the_button_that_looks_chosen(seeds):  # 9
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        before = app.document.text
        await pilot.press("F")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Preview) and app.focused.id == "diff"
        assert filled(dialog) == ["apply"] and "Enter: Terapkan" in bottom_line(app)
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert app.focused.id == "cancel" and filled(dialog) == ["cancel"] and "Enter: Batal" in bottom_line(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0] and app.document.text == before  # not applied
