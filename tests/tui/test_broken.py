"""A file that does not load: its problem in the Prosedur tab, the editor at its line, a warning
before saving it."""

import stat
import sys
from pathlib import Path

from soptui.tui.app import editor_command
from soptui.source import source_window
from soptui.tui.screens import Choose

from .conftest import WANGON, running


def broken(seeds) -> Path:
    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    lines = path.read_text().splitlines(keepends=True)
    line = next(i for i, text in enumerate(lines) if text.startswith("waktu = "))
    lines[line] = 'waktu = "sebentar\n'  # an unclosed string
    path.write_text("".join(lines))
    return path, line + 1


async def test_a_broken_file_shows_its_problem_with_line_column_and_source_in_prosedur(seeds):
    path, line = broken(seeds)
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        panel = app.query_one("#load-problem")
        assert panel.display and panel.region.height > 3
        shown = str(panel.render())
        assert f"{line}:" in shown and 'waktu = "sebentar' in shown and "^" in shown
        assert "e" in shown  # how to get to it


def test_a_long_source_line_is_shown_around_the_column_so_the_caret_stays_under_it():
    line = ("dasar_hukum = [" + ", ".join(f'"Peraturan nomor {n}"' for n in range(12)) + ' "tanpa koma", '
            + ", ".join(f'"Peraturan nomor {n}"' for n in range(12, 20)) + "]")
    col = line.index('"tanpa koma"') + 1
    part, at = source_window(line, col, 60)
    assert len(part) == 60 and part.startswith("…") and part.endswith("…")
    assert part[at:].startswith('"tanpa') and line[col - 1:].startswith('"tanpa')
    assert source_window("nama = 1", 8, 60) == ("nama = 1", 7)  # a line that fits: whole
    assert source_window(line, 2, 60)[0].startswith("dasar_hukum")  # near its start: no "…" there


async def test_a_broken_file_at_80_columns_shows_its_problem_hint_and_caret_in_view(seeds):
    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    text = path.read_text()
    long = "dasar_hukum = [" + ", ".join(f'"Peraturan nomor {n}"' for n in range(12)) + ' "tanpa koma"]\n'
    path.write_text(text + "\n" + long)
    async with running(WANGON, size=(80, 24)) as (app, pilot):
        panel = app.query_one("#load-problem")
        rendered = [line.text for line in panel.render_lines(panel.region.reset_offset)]
        source = next(i for i, line in enumerate(rendered) if "│ " in line and "Peraturan" in line)
        caret = rendered[source + 1]
        assert caret.rstrip(" │").endswith("^")  # the panel's frame aside
        column = caret.index("^")
        assert rendered[source][column:].startswith('"tanpa') or rendered[source][column:].startswith(', "tanpa')
        assert "Tekan e untuk membukanya" in "".join(rendered)  # the hint, in view
        assert panel.region.bottom <= app.screen.region.bottom


async def test_a_file_with_a_structural_problem_shows_what_could_be_read_and_says_so(seeds):
    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    text = path.read_text()
    first = text.index('waktu = "')
    path.write_text(text[:first] + "waktu = 15" + text[text.index("\n", first):])  # a wrong type
    async with running(WANGON, size=(120, 40), lang="en") as (app, pilot):
        shown = str(app.query_one("#load-problem").render())
        assert "structural problems" in shown and "does not load" not in shown
        assert "without the broken parts" in shown
        assert app.query_one("StepsTable").display  # the steps that could be read
        assert "SOP010" in {f.code for f in app.document.findings}


async def test_at_80x24_a_panel_of_several_problems_keeps_its_hint_in_view(seeds):
    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    text = path.read_text()
    first = text.index('waktu = "')
    broken_lines = "waktu = 15\nfoo = 1\nbar = 2\nketerangan = 5"  # four structural problems in one step
    path.write_text(text[:first] + broken_lines + text[text.index("\n", first):])
    async with running(WANGON, size=(80, 24), lang="en") as (app, pilot):
        panel = app.query_one("#load-problem")
        rendered = "".join(line.text for line in panel.render_lines(panel.region.reset_offset))
        assert "Press e to open it in your editor" in rendered  # cut off at the panel's end before
        assert app.query_one("StepsTable").display  # the steps still below it


def test_the_editor_command_takes_the_line_when_the_editor_understands_plus_line(monkeypatch):
    monkeypatch.setenv("VISUAL", "vim -u NONE")
    assert editor_command("/tmp/x.toml", 12) == ["vim", "-u", "NONE", "+12", "/tmp/x.toml"]
    monkeypatch.setenv("VISUAL", "code --wait")
    assert editor_command("/tmp/x.toml", 12) == ["code", "--wait", "/tmp/x.toml"]


async def test_e_opens_the_editor_at_the_error_line_on_a_scratch_copy_outside_the_corpus(seeds, tmp_path, monkeypatch):
    path, line = broken(seeds)
    record = tmp_path / "argv.txt"
    editor = tmp_path / "bin" / "vi"  # an editor that takes +LINE
    editor.parent.mkdir()
    editor.write_text(f"#!{sys.executable}\nimport sys, pathlib\n"
                      f"pathlib.Path({str(record)!r}).write_text('\\n'.join(sys.argv[1:]))\n"
                      "p = pathlib.Path(sys.argv[-1])\np.write_text(p.read_text().replace('\"sebentar', '\"1 jam\"'))\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(editor))
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        assert not app.document.load.ok
        await pilot.press("e")
        await pilot.pause()
        argv = record.read_text().splitlines()
        assert argv[0] == f"+{line}"
        assert not Path(argv[1]).resolve().is_relative_to(seeds.resolve())  # the scratch copy is elsewhere
        assert not Path(argv[1]).exists()  # and gone
        assert app.document.load.ok and app.document.dirty
        assert not app.query_one("#load-problem").display


async def test_saving_a_file_that_no_longer_loads_asks_first(seeds):
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        before = (seeds / "wangon" / "pengukuran-kinerja.toml").read_text()
        app.edit(lambda text: text.replace('waktu = "', 'waktu = "x', 1).replace('nama = "', 'nama = ', 1))
        assert not app.document.load.ok
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choose) and app.focused.id == "cancel"
        await pilot.press("enter")
        await pilot.pause()
        assert (seeds / "wangon" / "pengukuran-kinerja.toml").read_text() == before


async def test_a_file_broken_on_disk_under_unsaved_edits_shows_where_and_keeps_the_edits(seeds):
    import os

    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        app.edit(lambda text: text.replace('waktu = "', 'waktu = "2 hari ', 1))
        edited = app.document.text
        lines = path.read_text().splitlines(keepends=True)
        number = next(i for i, text in enumerate(lines) if text.startswith("kegiatan = ")) + 1
        lines[number - 1] = 'kegiatan = "dipotong\n'  # another program broke it
        path.write_text("".join(lines))
        os.utime(path, ns=(1, 1))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        await pilot.click("#reload")
        await pilot.pause()
        assert app.document.text == edited and app.document.dirty  # the edits are not lost
        panel = app.query_one("#load-problem")
        assert panel.display
        shown = str(panel.render())
        assert f"{number}:" in shown and 'kegiatan = "dipotong' in shown and "^" in shown  # line, column, source
        assert "disk" in shown
        table = app.query_one("#steps")
        assert table.display and table.row_count  # the view is still there, with the edit
        assert "2 hari" in str(app.query_one("#step-detail").content) or any(
            "2 hari" in str(step.waktu) for step in app.document.view.langkah)
        path.unlink()  # and a file that is gone: a notice, not a crash
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#reload")
        await pilot.pause()
        assert app.is_running and app.document.text == edited


def test_a_corpus_that_cannot_be_read_is_one_message_not_a_traceback(tmp_path, capsys, monkeypatch):
    from soptui.loading import discover
    from soptui.tui import app as tui

    def refuse(paths, **kwargs):
        raise discover.UnusablePath(f"{tmp_path}: folder tidak dapat dibaca (cannot read the folder)")

    monkeypatch.setattr(tui, "find_sop_files", refuse)
    assert tui.run(tmp_path) == 2
    assert "cannot read the folder" in capsys.readouterr().err
