"""The terminal UI driven with Textual's pilot: every interaction a reviewer makes."""

import os
import stat
import sys

import pytest

from soptui.tui.screens import AddStep, Choose, EditValue, Preview
from soptui.tui.widgets.footer import KeysFooter
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import names, running
from .test_layout import footer_line

SOP = '''#:schema ../../schemas/sop.schema.json
# Awayan-like: the numbering jumps from 2 to 5
nama = "Pelaksanaan Pengukuran Kinerja Triwulan"
unit = "Kecamatan Awayan"
dasar_hukum = ["Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil"]

[pelaksana]
camat = "Camat"
staf = "Staf"

[[langkah]]
no = 1
kegiatan = "Memerintahkan pengukuran kinerja"
pelaksana = "camat"
waktu = "10 menit"

[[langkah]]
no = 2
kegiatan = "Membuat format pengukuran"
pelaksana = "staf"
waktu = "1 jam"

[[langkah]]
no = 5  # printed as 5 in the signed document
kegiatan = "Menyampaikan laporan kepada Camat"
pelaksana = "staf"
waktu = "1 jam"
'''

PENGUKURAN = "sops/awayan/pengukuran.toml"  # the SOP the tests open, of the two in `corpus`


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "sops" / "awayan"
    folder.mkdir(parents=True)
    (folder / "pengukuran.toml").write_text(SOP)
    (folder / "lain.toml").write_text(SOP.replace("Pelaksanaan Pengukuran", "Lain").replace("no = 5", "no = 4"))
    return folder / "pengukuran.toml"


async def test_tree_lists_files_with_counts_and_filter_narrows_it(corpus):
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        tree = app.query_one("#corpus")
        labels = [str(app.query_one("#sidebar").label(leaf.data)) for folder in tree.root.children for leaf in folder.children]
        assert any("pengukuran " in label and "✖" in label.split("pengukuran")[0] for label in labels)
        assert len(labels) == 2
        app.query_one("#filter").value = "lain"
        await pilot.pause()
        labels = [str(app.query_one("#sidebar").label(leaf.data)) for folder in tree.root.children for leaf in folder.children]
        assert len(labels) == 1 and "lain" in labels[0]


async def test_fix_with_one_key_then_undo_redo_and_save_keeps_comments(corpus):
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        assert "step-numbering" in names(app)
        app.query_one(ProcedureView).select_step(2)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, Preview) and "+no = 3" in app.screen.diff
        await pilot.press("enter")
        await pilot.pause()
        assert "step-numbering" not in names(app)
        assert "● " in str(app.sub_title) or "●" in str(app.sub_title)
        await pilot.press("ctrl+z")
        assert "step-numbering" in names(app)
        await pilot.press("ctrl+y")
        assert "step-numbering" not in names(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = corpus.read_text()
    assert "no = 3  # printed as 5 in the signed document" in saved
    assert "# Awayan-like: the numbering jumps from 2 to 5" in saved


async def test_editing_a_cell_shows_a_bad_waktu_inline(corpus):
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        view = app.query_one(ProcedureView)
        view.select_step(1)
        table = app.query_one("#steps")
        waktu_column = [c.key for c in table.ordered_columns].index("waktu")
        table.move_cursor(row=view.row_targets.index(("step", 1, -1)), column=waktu_column)
        await pilot.press("enter")
        assert isinstance(app.screen, EditValue)
        app.screen.query_one("#value").value = "abc"
        await pilot.press("enter")
        await pilot.pause()
        errors = [f for f in app.workspace.findings(app.document.path) if f.name == "waktu-format"]
        assert errors and "'abc'" in errors[0].message.en and errors[0].line == 21
        assert view.sop is not None and view.step_findings.get(1)  # the table stays, the error under step 2
        await pilot.press("ctrl+z")
        assert app.document.load.ok


async def test_quitting_with_unsaved_changes_asks_first(corpus):
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        await pilot.press("a")  # add a step: the document is now dirty
        await pilot.pause()
        assert isinstance(app.screen, AddStep)
        await pilot.press("enter")
        await pilot.pause()
        assert app.document.dirty
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, Choose)
    assert corpus.read_text() == SOP  # nothing was written


async def test_saving_over_a_file_changed_on_disk_asks_reload_overwrite_or_cancel(corpus):
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        app.edit(lambda text: text.replace("1 jam", "2 jam", 1))
        corpus.write_text(SOP.replace("Kecamatan Awayan", "Kecamatan Halong"))
        os.utime(corpus, ns=(1, 1))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        await pilot.click("#reload")
        await pilot.pause()
        assert "Kecamatan Halong" in app.document.text and not app.document.dirty


async def test_external_editor_round_trip_and_a_file_that_no_longer_parses(corpus, tmp_path, monkeypatch):
    editor = tmp_path / "fake-editor"
    editor.write_text(f"#!{sys.executable}\nimport sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
                      "p.write_text(p.read_text().replace('waktu = \"1 jam\"', 'waktu = \"2 jam\"', 1))\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(editor))
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        assert 'waktu = "2 jam"' in app.document.text and app.document.dirty
        broken = tmp_path / "broken-editor"
        broken.write_text(f"#!{sys.executable}\nimport sys, pathlib\npathlib.Path(sys.argv[1]).write_text('nama = \"x\\n')\n")
        broken.chmod(broken.stat().st_mode | stat.S_IEXEC)
        monkeypatch.setenv("VISUAL", str(broken))
        await pilot.press("e")
        await pilot.pause()
        assert not app.document.load.ok
        assert app.query_one("#tabs").active == "prosedur"
        assert app.query_one("#load-problem").display
        assert sorted(p.name for p in corpus.parent.iterdir()) == ["lain.toml", "pengukuran.toml"]  # no scratch copy


async def test_next_finding_crosses_files_and_language_switch(corpus):
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        first = app.document.path
        for _ in range(len(app.workspace.all_findings()) + 1):
            await pilot.press("n")
            await pilot.pause()
            if app.document.path != first:
                break
        assert app.document.path != first
        await pilot.press("L")
        assert app.lang == "en"
        table = app.query_one("#findings")
        assert all(row for row in table.findings)


async def test_identity_tab_shows_the_highlighted_rows_findings_and_fixes_with_f(corpus):
    corpus.write_text(SOP.replace('dasar_hukum = ["Peraturan', 'dasar_hukum = ["Peraturan Pemerintah Nomor 46 Tahun 2011 tentang '
                                  'Penilaian Prestasi Kerja Pegawai Negeri Sipil", "Peraturan'))
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        await pilot.press("2")
        view = app.query_one("#identity")
        row = next(i for i, meta in enumerate(view.rows_meta) if meta[0] == "/dasar_hukum/0")
        view.move_cursor(row=row)
        # in the frame that moves the cursor, not after a message a frame later
        assert "revoked-regulation" in app.query_one("#identity-findings").content.plain
        await pilot.pause()
        panel = app.query_one("#identity-findings").content.plain
        assert "PP 46/2011" in panel and "revoked-regulation" in panel


async def test_the_footer_shows_the_focused_widgets_keys_without_a_layout(seeds):
    """Textual's Footer mounted all its keys again on every change of focus (a new layout and
    frames, for `n` into another tab), and showing and hiding kept keys still laid the screen out;
    the keys shown must still follow the focus, drawn on the footer's one line."""
    async with running("sops/awayan/pengukuran-kinerja-triwulan.toml", size=(120, 40)) as (app, pilot):
        footer = app.query_one(KeysFooter)
        shown = lambda: [key.key for key in footer.shown]  # noqa: E731
        assert shown()[0] == "a" and "f1" in shown()  # the Prosedur table's own key first, while it has the focus
        assert not footer.children  # no widget a key, to mount or lay out
        laid_out = []
        original = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *args, **kwargs: (
            laid_out.append({*app.screen._layout_widgets, *(w for ws in app.screen._layout_widgets.values() for w in ws)}),
            original(*args, **kwargs))
        await pilot.press("2")
        await pilot.pause()
        assert "a" not in shown() and "f1" in shown()
        assert not any(footer in widgets for widgets in laid_out)  # the footer repainted, not laid out
        await pilot.press("4")
        await pilot.pause()
        assert shown()[0] == "s"  # Temuan's sort key
        assert all(key.right <= 120 for key in footer.shown)
        await pilot.press("1")
        await pilot.pause()
        assert shown()[0] == "a" and "s" not in shown()
        await pilot.press("L")  # other words
        await pilot.pause()
        assert any(key.description == "add step" for key in footer.shown)
        assert "add step" in footer_line(app)


async def test_a_click_on_a_footer_key_presses_it(seeds):
    async with running("sops/awayan/pengukuran-kinerja-triwulan.toml", size=(120, 40)) as (app, pilot):
        footer = app.query_one(KeysFooter)
        toggle = next(key for key in footer.shown if key.key == "ctrl+b")
        shown = app.query_one("#side").display
        await pilot.click(KeysFooter, offset=(toggle.x + 1, 0))
        await pilot.pause()
        assert app.query_one("#side").display is not shown


async def test_identity_editor_takes_a_month_only_date_and_refuses_a_wrong_one(corpus):
    async with running(PENGUKURAN, size=(120, 36)) as (app, pilot):
        await pilot.press("2")
        view = app.query_one("#identity")
        view.move_cursor(row=next(i for i, meta in enumerate(view.rows_meta) if meta[0] == "/tanggal_pembuatan"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue) and "September 2019" in app.screen.hint
        app.screen.query_one("#value").value = "Sept 2019"
        await pilot.press("enter")
        await pilot.pause()
        assert 'tanggal_pembuatan = "2019-09"' in app.document.text
        assert app.document.sop.tanggal_pembuatan.isoformat() == "2019-09"
        row = next(i for i, meta in enumerate(view.rows_meta) if meta[0] == "/tanggal_pembuatan")
        assert view.rows_meta[row][2] == "2019-09"  # the form shows what the file holds
        view.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#value").value = "kemarin"
        await pilot.press("enter")
        await pilot.pause()
        assert 'tanggal_pembuatan = "2019-09"' in app.document.text  # refused, the file unchanged
        assert isinstance(app.screen, EditValue) and "YYYY-MM" in str(app.screen.query_one("#problem").render())


@pytest.mark.parametrize("lang, typed, said", [
    ("id", "2024-02-31", "31 Februari 2024 tidak ada: Februari 2024 hanya 29 hari"),
    ("en", "2024-02-31", "31 February 2024 does not exist: February 2024 has 29 days"),
    ("id", "2019-13", "bulan 13 tidak ada"),
    ("id", "31 Juni 2023", "31 Juni 2023 tidak ada"),
])
async def test_an_impossible_date_keeps_the_dialog_open_saying_that_day_does_not_exist(corpus, lang, typed, said):
    async with running(PENGUKURAN, size=(100, 30), lang=lang) as (app, pilot):
        await pilot.press("2")
        view = app.query_one("#identity")
        view.move_cursor(row=next(i for i, meta in enumerate(view.rows_meta) if meta[0] == "/tanggal_pembuatan"))
        before = app.document.text
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#value").value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue), "the dialog closed"
        assert app.screen.query_one("#value").value == typed  # what was typed, kept to mend
        problem = app.screen.query_one("#problem")
        assert problem.display and said in str(problem.render())
        assert "YYYY-MM-DD" not in str(problem.render())  # it was written so: the day is what is wrong
        assert app.document.text == before and not app.document.dirty
        app.screen.query_one("#value").value = "2024-02-29"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditValue) and "tanggal_pembuatan = 2024-02-29" in app.document.text


async def test_plus_draws_a_step_in_a_second_actors_column_and_takes_it_out_again(corpus):
    from soptui.tui.widgets.steps_table import StepsTable

    async with running(PENGUKURAN, size=(160, 40)) as (app, pilot):
        view = app.query_one(ProcedureView)
        view.select_step(0)
        table = view.query_one(StepsTable)
        keys = [column.key for column in table.ordered_columns]
        table.move_cursor(column=keys.index("actor:staf"))
        table.focus()
        await pilot.press("plus")
        await pilot.pause()
        assert 'pelaksana = ["camat", "staf"]' in app.document.text
        step = app.document.view.langkah[0]
        assert (step.pelaksana, step.pelaksana_semua) == ("camat", ("camat", "staf"))
        row = table.rows[0].cells  # the symbol in both actors' columns
        assert row[keys.index("actor:camat")][0] and row[keys.index("actor:staf")][0]
        assert "Camat, Staf" in app.query_one("#step-detail").content.plain
        await pilot.press("plus")  # out of the Staf column again: one actor, written as an id
        await pilot.pause()
        assert 'pelaksana = "camat"' in app.document.text
        await pilot.press("enter")  # Enter: the step in the Staf column alone
        await pilot.pause()
        assert app.document.view.langkah[0].pelaksana_semua == ("staf",)


async def test_the_add_step_form_takes_several_actors(corpus):
    from textual.widgets import SelectionList

    async with running(PENGUKURAN, size=(120, 40)) as (app, pilot):
        app.query_one(ProcedureView).select_step(0)  # after step 1, the Camat's: the form ticks the Camat
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddStep)
        actors = app.screen.query_one("#pelaksana", SelectionList)
        assert actors.selected == ["camat"]
        actors.focus()
        await pilot.press("down", "space")  # tick the Staf too
        app.screen.query_one("#kegiatan").value = "Rapat bersama"
        app.screen.query_one("#kegiatan").focus()
        await pilot.press("enter")
        await pilot.pause()
        step = app.document.view.langkah[1]
        assert (step.kegiatan, step.pelaksana_semua) == ("Rapat bersama", ("camat", "staf"))
        assert 'pelaksana = ["camat", "staf"]' in app.document.text
