"""The defects of the fourth QA walk (stop 17) in the terminal UI: each test is named by what
the user should see, and its entry number in the walk's report follows it."""

from pathlib import Path

from soptui.tui.screens import EditValue

from .conftest import running


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
