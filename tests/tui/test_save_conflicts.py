"""Another program's write and a save (walk5 #3, #10), and a file that is not UTF-8 (walk5 #9):
every way of saving asks before overwriting that write, and the file is what `soptui lint` says."""

import os
import stat
import sys
from pathlib import Path

from soptui.loading.loader import load_file
from soptui.tui.screens import Choose

from .conftest import AWAYAN, WANGON, running


def said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def another_program_writes(path: Path, old: str, new: str) -> str:
    text = path.read_text().replace(old, new, 1)
    path.write_text(text)
    os.utime(path, ns=(1, 1))
    return text


async def fix_awayans_step_8(app, pilot) -> None:
    """Walk5's edit: the 5 -> 8 jump in Awayan's numbering fixed (`f`, Enter)."""
    gap = next(f for f in app.workspace.findings(app.document.path) if f.fix is not None and f.name == "step-numbering")
    app.fix_finding(gap)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert app.document.dirty


async def test_undo_past_a_reload_then_ctrl_s_asks_before_overwriting_the_other_programs_write(seeds):
    path = seeds / "awayan" / "pengukuran-kinerja-triwulan.toml"
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await fix_awayans_step_8(app, pilot)
        theirs = another_program_writes(path, 'waktu = "10 Menit"', 'waktu = "15 Menit"')
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#reload")
        await pilot.pause()
        assert app.document.text == theirs and not app.document.dirty
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.document.dirty and "simpan akan bertanya" in said(app)[-1]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choose) and "sebelum dimuat ulang" in app.screen.title_text
        await pilot.press("escape")  # Batal
        await pilot.pause()
        assert path.read_text() == theirs and app.document.dirty


async def test_quits_save_all_asks_reload_or_overwrite_for_each_file_another_program_changed(seeds):
    awayan, wangon = seeds / "awayan" / "pengukuran-kinerja-triwulan.toml", seeds / "wangon" / "pengukuran-kinerja.toml"
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        app.edit(lambda text: text.replace('waktu = "', 'waktu = "2 hari ', 1))
        app.open(Path(AWAYAN))
        await fix_awayans_step_8(app, pilot)
        another_program_writes(awayan, 'waktu = "10 Menit"', 'waktu = "15 Menit"')
        ours = app.document.text
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#save")  # Simpan semua & keluar
        await pilot.pause()
        assert isinstance(app.screen, Choose) and app.is_running
        assert "awayan/pengukuran-kinerja-triwulan.toml: Berkas berubah di disk" in app.screen.title_text
        await pilot.press("escape")  # Batal: back in the app, Awayan not written
        await pilot.pause()
        assert app.is_running and 'waktu = "15 Menit"' in awayan.read_text()
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        await pilot.click("#overwrite")  # Timpa: written, the other file saved, then quit
        await pilot.pause()
        assert not app.is_running
    assert awayan.read_text() == ours and '"2 hari ' in wangon.read_text()


def latin1(seeds) -> Path:
    """Walk5's file: Awayan with a Windows-1252 "é" in its name, as an old Word saves it."""
    path = seeds / "awayan" / "pengukuran-kinerja-triwulan.toml"
    path.write_bytes(path.read_bytes().replace(b'Kinerja Triwulan"', b'Kinerja Triwulan caf\xe9"', 1))
    return path


async def test_a_file_that_is_not_utf8_shows_lints_load_error_and_refuses_edits_at_their_key(seeds):
    path = latin1(seeds)
    problem = load_file(path).problems[0]
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        assert [(f.code, f.line, f.col) for f in app.workspace.findings(app.document.path)] == [("SOP000", 5, 52)]
        shown = str(app.query_one("#load-problem").render())
        assert f"5:52  {problem.message('id')}" in shown and 'Kinerja Triwulan caf\ufffd"' in shown
        await pilot.press("4")  # Temuan: its one finding, the load-error
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(app.screen, Choose) and "perbaiki dulu baris 5" in said(app)[-1]
        assert not app.document.dirty


def _editor_copying_to(tmp_path, copy: Path) -> Path:
    """An editor that keeps a copy of the file it was handed and changes nothing."""
    editor = tmp_path / "bin" / "looking"
    editor.parent.mkdir(exist_ok=True)
    editor.write_text(f"#!{sys.executable}\nimport sys, shutil\nshutil.copy(sys.argv[-1], {str(copy)!r})\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    return editor


async def test_e_hands_the_editor_the_files_own_bytes_and_an_unchanged_binary_file_is_not_edited(seeds, tmp_path,
                                                                                              monkeypatch):
    copy = tmp_path / "handed"
    monkeypatch.setenv("VISUAL", str(_editor_copying_to(tmp_path, copy)))
    path = latin1(seeds)
    binary = seeds / "wangon" / "pengukuran-kinerja.toml"
    binary.write_bytes(bytes(range(256)) * 8 + b"\r\n\r\xff")
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        assert copy.read_bytes() == path.read_bytes() and not app.document.dirty
        app.open(Path(WANGON))
        await pilot.press("e")
        await pilot.pause()
        assert copy.read_bytes() == binary.read_bytes() and not app.document.dirty
        assert "●" not in app.sub_title
