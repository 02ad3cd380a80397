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


def _editor_appending(tmp_path, line: str):
    editor = tmp_path / "bin" / "appending"
    editor.parent.mkdir(exist_ok=True)
    editor.write_text(f"#!{sys.executable}\nimport sys, pathlib\n"
                      f"p = pathlib.Path(sys.argv[-1])\np.write_text(p.read_text() + {line!r})\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    return editor


async def test_an_edit_that_leaves_structural_problems_is_not_said_to_stop_the_file_loading(seeds, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", str(_editor_appending(tmp_path, "\n[[langkah]]\nno = 10\nkegiatan = 5\n")))
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        assert app.document.loads_partly
        said = [str(n.message) for n in app._notifications]
        assert "berkas kini bermasalah struktur: lihat tab Prosedur" in said
        assert not any("tidak termuat lagi" in message for message in said)


async def test_an_edit_that_breaks_the_toml_says_the_file_no_longer_loads(seeds, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", str(_editor_appending(tmp_path, "bad = = 1\n")))
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        assert "berkas tidak termuat lagi: lihat tab Prosedur" in [str(n.message) for n in app._notifications]
