"""The add-step form and the decision prompt start from what makes sense: the actors of the step
under the cursor (or none, never one picked silently), the next steps as ya / tidak (never the
step itself), and say how to fill them in."""

from pathlib import Path

import pytest

from soptui.tui.app import SoptuiApp
from soptui.tui.screens import AddStep, EditValue
from soptui.tui.screens.dialogs import CheckList
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import start

AWAYAN = "sops/awayan/pengukuran-kinerja-triwulan.toml"


def rows(check_list) -> list[str]:
    return ["".join(segment.text for segment in check_list.render_line(y)).rstrip()
            for y in range(check_list.option_count)]


async def test_a_step_added_after_one_without_an_actor_has_only_the_actor_picked(seeds):
    app = SoptuiApp(Path("sops"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot, AWAYAN)
        view = app.query_one(ProcedureView)
        view.select_step(2)  # step 3: its pelaksana lost in the source
        assert not any(view.current_step.pelaksana_semua)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddStep)
        actors = app.screen.query_one("#pelaksana", CheckList)
        assert actors.selected == []  # nothing ticked for the user
        assert all(row.lstrip().startswith("[ ]") for row in rows(actors)), rows(actors)
        app.screen.query_one("#kegiatan").value = "Memeriksa laporan"
        await pilot.press("tab", "down", "down", "space")  # as the QA did: only the Kasubbag
        await pilot.pause()
        shown = rows(actors)
        assert [row.lstrip()[:3] for row in shown] == ["[ ]", "[ ]", "[x]", "[ ]"], shown
        assert "Kasubbag" in shown[2]
        app.screen.query_one("#kegiatan").focus()
        await pilot.press("enter")
        await pilot.pause()
        new = app.document.view.langkah[3]
        assert new.kegiatan == "Memeriksa laporan" and new.pelaksana_semua == ("kasubbag_pk",)
        block = app.document.text.split('kegiatan = "Memeriksa laporan"')[1].split("[[langkah]]")[0]
        assert 'pelaksana = "kasubbag_pk"' in block


async def test_the_add_step_form_ticks_the_actor_of_the_step_under_the_cursor(seeds):
    app = SoptuiApp(Path("sops"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot, AWAYAN)
        view = app.query_one(ProcedureView)
        view.select_step(1)  # step 2, the Kasubbag's
        assert view.current_step.pelaksana_semua == ("kasubbag_pk",)
        await pilot.press("a")
        await pilot.pause()
        actors = app.screen.query_one("#pelaksana", CheckList)
        assert actors.selected == ["kasubbag_pk"]
        assert [row.lstrip()[:3] for row in rows(actors)] == ["[ ]", "[ ]", "[x]", "[ ]"]
