"""Help names the keys that are bound (the QA walk's defect 7: it said ctrl+shift+s saves all,
a key terminals send as ctrl+s; the binding is S)."""

import re

from soptui.tui.app import SoptuiApp
from soptui.tui.screens import HelpScreen
from soptui.tui.screens.help import KEYS, help_rows
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, running


async def test_help_shows_the_bound_keys(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows, text = dict(app.screen.rows), app.screen.text
    assert rows["ctrl+s / S"] == "simpan / simpan semua"
    assert "ctrl+shift+s" not in text
    for shown in ("F1", "ctrl+p", "/", "1 2 3 4", "n / N", "ctrl+↑ / ctrl+↓", "P / ctrl+r", "+"):
        assert shown in rows, shown


def test_every_binding_has_a_help_row_and_every_row_a_binding():
    words = {word for _, _, word, _ in (*SoptuiApp.KEYS, *ProcedureView.KEYS)}
    in_help = {word for template, _, _ in KEYS for word in re.findall(r"\{(\w+)\}", template)}
    assert in_help - {"palette"} == words


def test_help_follows_a_binding_that_changes():
    bound = {word: key for key, _, word, _ in (*SoptuiApp.KEYS, *ProcedureView.KEYS)}
    rows = help_rows("en", {**bound, "save_all": "ctrl+alt+s", "palette": "ctrl+p"})
    assert ("ctrl+s / ctrl+alt+s", "save / save all") in rows
