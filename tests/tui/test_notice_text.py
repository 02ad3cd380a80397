"""soptui's notifications are text, not Rich markup: most quote a file's name, a value or an
error, and a toast read as markup lost its "[...]" or, for a "[/b]", raised MarkupError when it
was drawn, which ended the app."""

import shutil
from pathlib import Path

from soptui.tui.app import SoptuiApp

from .conftest import SEEDS, start


def drawn(app) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


async def test_the_saved_notice_names_a_file_whose_path_holds_brackets_as_written(tmp_path, monkeypatch):
    # a folder "x[" holding "b]y.toml": the notice says "x[/b]y.toml", a closing tag to markup
    (tmp_path / "sops" / "x[").mkdir(parents=True)
    shutil.copy(SEEDS / "awayan" / "pengukuran-kinerja-triwulan.toml", tmp_path / "sops" / "x[" / "b]y.toml")
    monkeypatch.chdir(tmp_path)
    app = SoptuiApp(Path("sops"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:  # toasts drawn
        await start(app, pilot, "sops/x[/b]y.toml")
        table = app.query_one("#steps")
        table.focus()
        table.move_cursor(row=0, column=2)  # Kegiatan
        await pilot.press("enter", "end", "x", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert not app.document.dirty
        assert "x[/b]y.toml" in drawn(app).split("tersimpan:")[1]  # the toast, drawn as written
    assert app.return_code in (None, 0)  # no MarkupError ended it
