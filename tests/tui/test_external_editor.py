"""`e`: an editor that exits with a status other than 0 has abandoned the edit (vim's `:cq`)."""

import stat
import sys

from .conftest import AWAYAN, running


async def test_an_editor_that_exits_non_zero_changes_nothing_and_says_its_status(seeds, tmp_path, monkeypatch):
    editor = tmp_path / "bin" / "failing"
    editor.parent.mkdir()
    editor.write_text(f"#!{sys.executable}\nimport sys, pathlib\n"
                      "p = pathlib.Path(sys.argv[-1])\np.write_text(p.read_text() + 'bad = = 1\\n')\nsys.exit(3)\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(editor))
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        before = app.document.text
        await pilot.press("e")
        await pilot.pause()
        assert app.document.text == before and not app.document.dirty and not app.document.undo_stack
        assert "editor keluar dengan status 3; tidak ada yang berubah" in [str(n.message) for n in app._notifications]
