"""Acting on what the reviewer looks at: `f`, `F`, `w` and Enter on a finding."""

from pathlib import Path

from soptui.tui.screens import CorpusFindings, EditValue, Preview
from soptui.tui.widgets.findings import FindingsTable
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, LAMPIHONG, SUMBERSUKO, names, running


async def test_f_on_a_step_without_a_fixable_finding_says_so_and_changes_nothing(unmarked):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        assert any(f.fix for f in app.workspace.findings(app.document.path))  # dasar-hukum-order could be fixed
        app.query_one(ProcedureView).select_step(0)  # step 1: unassigned-actor only, no fix
        await pilot.press("f")
        await pilot.pause()
        assert not isinstance(app.screen, Preview)
        assert not app.document.dirty
        assert any("Tidak ada perbaikan otomatis" in n.message for n in app._notifications)


async def test_f_on_the_step_row_previews_its_fix_and_enter_applies_it(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        view = app.query_one(ProcedureView)
        jump = next(s for s in view.sop.langkah if s.no == 8)
        view.select_step(jump.index)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, Preview)
        assert "-no = 8" in app.screen.diff and "+no = 6" in app.screen.diff
        assert "step-numbering" in app.screen.title_text and "TIDAK AMAN" not in app.screen.title_text  # safe
        await pilot.press("escape")
        await pilot.pause()
        assert not app.document.dirty  # Escape changed nothing
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "step-numbering" not in names(app) and app.document.dirty


async def test_f_in_temuan_fixes_the_highlighted_finding_not_another(seeds):
    async with running(LAMPIHONG, size=(120, 40)) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        row = next(i for i, f in enumerate(table.findings) if f.name == "citation-title-mismatch")
        table.move_cursor(row=row)
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, Preview) and "citation-title-mismatch" in app.screen.title_text
        # the title comes from a registry entry not marked verified: the preview says it is unsafe
        assert app.screen.title_text.startswith("⚠ PERBAIKAN TIDAK AMAN")
        await pilot.press("enter")
        await pilot.pause()
        assert "citation-title-mismatch" not in names(app)
        assert names(app).count("dasar-hukum-order") == 2  # the other fixable findings are untouched


async def test_f_in_the_corpus_list_opens_that_file_and_fixes_its_finding(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, CorpusFindings)
        table = app.screen.query_one(FindingsTable)
        row = next(i for i, f in enumerate(table.findings) if f.name == "citation-title-mismatch" and "lampihong" in f.path)
        await pilot.press("enter")  # from the filter, focused on opening, to the list
        table.move_cursor(row=row)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, Preview)
        assert "lampihong" in str(app.document.path)
        await pilot.press("enter")
        await pilot.pause()
        assert "citation-title-mismatch" not in names(app)
        assert not app.workspace.documents[str(Path(AWAYAN))].dirty  # the file that was open is untouched


async def test_fix_all_previews_every_fix_of_the_open_sop(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, Preview)
        assert "+no = 6" in app.screen.diff  # the renumbering and the dasar hukum order, together
        await pilot.press("enter")
        await pilot.pause()
        assert not [f for f in app.workspace.findings(app.document.path) if f.fix is not None]
        await pilot.press("F")
        await pilot.pause()
        assert not isinstance(app.screen, Preview)  # nothing left: said so, no empty preview


async def test_w_waives_the_finding_under_the_cursor_with_a_reason_written_in_the_file(unmarked):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        view = app.query_one(ProcedureView)
        view.select_step(0)
        before = len(view.step_findings[0])
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)
        app.screen.query_one("#value").value = "Kasubbag mengerjakan sendiri"
        await pilot.press("enter")
        await pilot.pause()
        assert "soptui: ignore[unassigned-actor] -- Kasubbag mengerjakan sendiri" in app.document.text
        assert len(view.step_findings.get(0, [])) == before - 1
        assert "unused-suppression" not in names(app)


async def test_enter_on_a_finding_in_temuan_goes_to_its_step(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        row = next(i for i, f in enumerate(table.findings) if f.name == "step-numbering")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#tabs").active == "prosedur"
        view = app.query_one(ProcedureView)
        assert view.current_step.no == 8
        assert view.finding_under_cursor().name == "step-numbering"


async def test_x_exports_the_open_sop_with_its_unsaved_edits(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.edit(lambda text: text.replace("Pengukuran Kinerja Triwulan\"", "Pengukuran Kinerja Triwulan Baru\"", 1))
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)
        assert app.screen.value.endswith("pengukuran-kinerja-triwulan.pdf")
        app.screen.query_one("#value").value = str(seeds.parent / "out.pdf")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = (seeds.parent / "out.pdf").read_bytes()
    assert written.startswith(b"%PDF")
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(written)) as pdf:
        assert "Baru" in " ".join(page.extract_text() or "" for page in pdf.pages)


async def test_fix_all_applies_safe_fixes_and_names_the_unsafe_ones_it_leaves_out(seeds):
    async with running(SUMBERSUKO, size=(120, 40)) as (app, pilot):
        unsafe_before = [f.name for f in app.workspace.findings(app.document.path)
                         if f.fix is not None and f.fix.applicability == "unsafe"]
        assert {"citation-title-mismatch", "doubled-word"} <= set(unsafe_before)
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, Preview)
        title = app.screen.title_text
        assert "hanya perbaikan aman" in title and "citation-title-mismatch, doubled-word" in title
        assert "Tata Cara Reviu" not in app.screen.diff  # the unsafe title completion is not in the change
        await pilot.press("enter")
        await pilot.pause()
        left = [f.name for f in app.workspace.findings(app.document.path) if f.fix is not None]
        assert sorted(left) == sorted(unsafe_before)  # every safe fix made, every unsafe one left


async def test_D_on_a_step_a_decision_points_to_says_the_exit_goes_and_removes_it(seeds):
    """walk2 #2: the dialog said only "dirujuk oleh", and the delete re-aimed step 6's `tidak`
    at the step taking number 5 (itself)."""
    from soptui.tui.screens import Choose

    async with running(SUMBERSUKO, size=(120, 40)) as (app, pilot):
        app.query_one(ProcedureView).select_step(4)  # step 5, step 6's `tidak`
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        assert "langkah 6 (tidak): jalur ini dihapus; tentukan lagi tujuannya" in app.screen.detail
        app.screen.query_one("#delete").press()
        await pilot.pause()
        decision = next(s for s in app.document.view.langkah if s.no == 5)
        assert decision.is_decision and (decision.ya, decision.tidak) == (6, None)
        await pilot.press("ctrl+z")  # one edit: one undo brings the step and the exit back
        await pilot.pause()
        assert [(s.no, s.tidak) for s in app.document.view.langkah if s.is_decision] == [(6, 5), (7, 6)]


def _blank_first_output(seeds) -> None:
    """Step 1's one output item blank: removing it (empty-value's fix) would leave the step with
    no output (missing-mutu-baku), so the fix guard refuses, as `soptui lint --fix` does."""
    path = seeds.parent / AWAYAN
    path.write_text(path.read_text().replace('output = ["Surat Terdisposisi"]', 'output = [" "]', 1))


async def test_f_on_a_fix_the_guard_refuses_says_so_in_the_preview_and_changes_nothing(seeds):
    _blank_first_output(seeds)
    async with running(AWAYAN, size=(120, 40), lang="en") as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        table.move_cursor(row=next(i for i, f in enumerate(table.findings) if f.name == "empty-value"))
        await pilot.press("f")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, Preview) and preview.refused  # the dialog says it, not a toast alone
        said = str(preview.query_one(".refusal").render())
        assert said.startswith("The fix guard refused this fix; nothing was changed") and "SOP102" in said
        assert '-output = [" "]' in preview.diff  # what it would have done
        assert not preview.query("#apply")  # nothing to apply
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, Preview)
        assert not app.document.dirty and "empty-value" in names(app)


async def test_fix_all_on_a_sop_the_guard_refuses_says_so_in_the_preview_and_changes_nothing(seeds):
    _blank_first_output(seeds)
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("F")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, Preview) and preview.refused
        assert str(preview.query_one(".refusal").render()).startswith("Perbaikan ditolak pemeriksa perbaikan")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, Preview) and not app.document.dirty
