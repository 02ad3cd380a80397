"""What the stop-29 walk as a new reviewer found: the lost-actor column's header unreadable, the
Identitas and Diagram tabs of a broken file blank, the delete question cutting the step's text."""

import pytest
from textual.geometry import Region

from soptui.tui.screens import Choose
from soptui.tui.widgets.findings import FindingsTable
from soptui.tui.widgets.procedure import ProcedureView, actor_header

from .conftest import AWAYAN, WANGON, running
from .test_broken import broken


def words_in(app, widget) -> str:
    """The words drawn in `widget`'s region, one space between them."""
    region = widget.region
    strips = app.screen._compositor.render_strips()
    return " ".join(" ".join("".join(s.text for s in strips[y].crop(region.x, region.right))
                             for y in range(region.y, region.bottom)).split())


def test_a_header_of_short_words_takes_two_whole_lines_when_the_widest_column_holds_them():
    assert actor_header("(tidak ada di sumber)") == ("(tidak ada\ndi sumber)", 10)  # was "(tidak\nada di…"
    assert actor_header("Kasubag Renvapor") == ("Kasubag\nRenvapor", 8)  # fitted already: as it was
    assert actor_header("Camat") == ("Camat", 5)


async def test_the_lost_actor_column_header_reads_in_full(seeds):
    async with running(AWAYAN, size=(200, 50)) as (app, pilot):
        table = app.query_one("#steps")
        strips = app.screen._compositor.render_strips()
        header = ["".join(s.text for s in strips[table.region.y + y]) for y in range(table.header_height)]
        assert "(tidak ada" in header[0] and "di sumber)" in header[1], header


async def test_identitas_and_diagram_of_a_broken_file_say_where_its_problem_is_shown(seeds):
    broken(seeds)
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        for tab, view in (("identitas", "#identity"), ("diagram", "#diagram-view")):
            app.action_tab(tab)
            await pilot.pause()
            screen = words_in(app, app.query_one(view))
            assert "Berkas ini tidak termuat: tab Prosedur menunjukkan baris masalahnya" in screen, tab


async def test_the_delete_question_names_the_whole_kegiatan(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        view = app.query_one(ProcedureView)
        view.query_one("#steps").focus()
        view.select_step(5)  # step 8, 97 characters
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        screen = words_in(app, app.screen.query_one(".dialog-title"))
        assert "kepada Camat, untuk Disetujui dan Ditandatangani\"?" in screen


async def test_a_sorted_list_is_drawn_with_its_new_row_heights_in_the_first_frame(seeds):
    """Rows of different heights, sorted: DataTable works out the row heights when idle, so the
    frame before that drew each row at the old rows' heights (a row showed a third line that was
    another row's)."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        table = app.screen.query_one(FindingsTable)
        table.focus()
        await pilot.pause()
        for _ in range(3):  # aturan, unit, berkas: each order puts other heights first
            table.action_cycle_sort()
            region = Region(0, 0, table.size.width, table.size.height)
            first = [strip.text for strip in table.render_lines(region)]  # before any idle
            await pilot.pause()
            table._line_cache.clear()
            settled = [strip.text for strip in table.render_lines(region)]
            assert first == settled, table.sort_key


async def test_another_programs_write_of_the_open_file_is_taken_or_said(seeds):
    """A `git checkout` while the app was open went unseen: the old text stayed on screen, and
    only a save found out."""
    path = seeds.parent / AWAYAN
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        assert app.WATCH_SECONDS <= 5 and "Triwulan Baru" not in app.document.text
        path.write_text(path.read_text().replace("Pengukuran Kinerja Triwulan", "Pengukuran Kinerja Triwulan Baru", 1))
        app._watch_open_file()  # as its timer does
        await pilot.pause()
        assert "Triwulan Baru" in app.document.text and not app.document.dirty
        assert any("diubah di luar soptui" in str(n.message) for n in app._notifications)
        # with unsaved edits: they stay, and the write is said once
        app.document.edit(lambda text: text.replace('waktu = "10 Menit"', 'waktu = "15 menit"', 1))
        assert app.document.dirty
        edited = app.document.text
        path.write_text(path.read_text() + "\n# another write\n")
        before = len(app._notifications)
        app._watch_open_file()
        app._watch_open_file()
        await pilot.pause()
        assert app.document.text == edited
        assert len(app._notifications) == before + 1


@pytest.mark.parametrize("lang, said", [("id", "Tekan q untuk keluar"), ("en", "Press q to quit")])
async def test_ctrl_c_says_the_key_that_quits_in_the_reviewers_language(seeds, lang, said):
    async with running(AWAYAN, size=(120, 40), lang=lang) as (app, pilot):
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert said in [str(n.message) for n in app._notifications]
