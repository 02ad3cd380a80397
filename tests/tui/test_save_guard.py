"""Every way of saving asks before writing a file an edit broke (`ctrl+s`, `S`, the quit
dialog's save), naming those files with ✖; with nothing changed there is nothing to save."""

from pathlib import Path

from soptui.tui.screens import Choose

from .conftest import AWAYAN, WANGON, running


def said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def break_awayan_edit_wangon(app, pilot) -> None:
    """Awayan edited into a text that does not load (as `e` with `bad = = 1` leaves it), Wangon
    edited and whole; Awayan open."""
    app.open(Path(WANGON))
    app.edit(lambda text: text.replace('waktu = "', 'waktu = "2 hari ', 1))
    app.open(Path(AWAYAN))
    app.document.apply(app.document.text + "bad = = 1\n")
    app.render_document()
    await pilot.pause()


async def test_save_all_names_the_files_a_save_would_break_and_saves_the_others_only_if_asked(seeds):
    awayan, wangon = seeds / "awayan" / "pengukuran-kinerja-triwulan.toml", seeds / "wangon" / "pengukuran-kinerja.toml"
    before = awayan.read_text()
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await break_awayan_edit_wangon(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, Choose) and app.focused.id == "cancel"
        assert "✖ awayan/pengukuran-kinerja-triwulan.toml: tidak termuat lagi" in app.screen.detail
        assert "● wangon/pengukuran-kinerja.toml" in app.screen.detail
        await pilot.press("enter")  # Batal: nothing written
        await pilot.pause()
        assert awayan.read_text() == before and "2 hari" not in wangon.read_text()
        await pilot.press("S")
        await pilot.pause()
        await pilot.click("#others")
        await pilot.pause()
        assert awayan.read_text() == before and "2 hari" in wangon.read_text()
        assert any("tidak disimpan: awayan/pengukuran-kinerja-triwulan.toml" in line for line in said(app))
        assert app.document.dirty  # the broken edit is still there, unsaved
        await pilot.press("S")
        await pilot.pause()
        await pilot.click("#save")  # Tetap simpan semua
        await pilot.pause()
        assert awayan.read_text().endswith("bad = = 1\n") and not app.workspace.dirty_documents()


async def test_the_quit_dialog_marks_the_files_a_save_would_break_and_asks_before_saving_them(seeds):
    awayan = seeds / "awayan" / "pengukuran-kinerja-triwulan.toml"
    before = awayan.read_text()
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await break_awayan_edit_wangon(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert "✖ awayan/pengukuran-kinerja-triwulan.toml: tidak termuat lagi" in app.screen.detail
        await pilot.click("#save")  # Simpan semua & keluar: asked again, the broken file named
        await pilot.pause()
        assert isinstance(app.screen, Choose) and app.is_running
        assert "✖ awayan/pengukuran-kinerja-triwulan.toml" in app.screen.detail
        await pilot.press("enter")  # Batal: back in the app, nothing written
        await pilot.pause()
        assert app.is_running and awayan.read_text() == before
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        await pilot.click("#save")  # Tetap simpan semua & keluar
        await pilot.pause()
        assert not app.is_running
    assert awayan.read_text().endswith("bad = = 1\n")


async def test_ctrl_s_with_nothing_changed_says_so_and_asks_nothing_on_a_file_with_structural_problems(seeds):
    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    path.write_text(path.read_text().replace("[[langkah]]\n", "[[langkah]]\nketerangan = 5\n", 1))
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        assert app.document.loads_partly
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, Choose)
        assert "Tidak ada perubahan untuk disimpan." in said(app)


async def test_ctrl_s_on_an_edit_that_gives_the_file_structural_problems_says_that_not_that_it_no_longer_loads(seeds):
    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        app.document.apply(app.document.text.replace("[[langkah]]\n", "[[langkah]]\nketerangan = 5\n", 1))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        question = app.screen.title_text
        assert "bermasalah struktur" in question and "tidak termuat" not in question
        await pilot.press("enter")
        await pilot.pause()
        assert "keterangan = 5" not in path.read_text()
