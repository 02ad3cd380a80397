"""The add-step form and the decision prompt start from what makes sense: the actors of the step
under the cursor (or none, never one picked silently), the next steps as ya / tidak (never the
step itself), and say how to fill them in."""

import pytest

from soptui.tui.screens import AddStep, EditValue
from soptui.tui.screens.dialogs import CheckList
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, running


def rows(check_list) -> list[str]:
    return ["".join(segment.text for segment in check_list.render_line(y)).rstrip()
            for y in range(check_list.option_count)]


async def test_a_step_added_after_one_without_an_actor_has_only_the_actor_picked(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
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
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        view = app.query_one(ProcedureView)
        view.select_step(1)  # step 2, the Kasubbag's
        assert view.current_step.pelaksana_semua == ("kasubbag_pk",)
        await pilot.press("a")
        await pilot.pause()
        actors = app.screen.query_one("#pelaksana", CheckList)
        assert actors.selected == ["kasubbag_pk"]
        assert [row.lstrip()[:3] for row in rows(actors)] == ["[ ]", "[ ]", "[x]", "[ ]"]


@pytest.mark.parametrize("numbers, index, exits", [
    ([1, 2, 3, 4, 5, 8, 9], 0, [2, 3]),   # step 1: the next two, never 1 itself
    ([1, 2, 3, 4, 5, 8, 9], 3, [5, 8]),   # by number, as the table shows them
    ([1, 2, 3, 4, 5, 8, 9], 5, [9, 5]),   # one after it: the nearest before it for tidak
    ([1, 2, 3, 4, 5, 8, 9], 6, [8, 5]),   # the last step: the two before it
    ([1, 2], 0, [2]),                     # one other step: the user writes the second
    ([1], 0, []),
])
def test_a_decisions_prefilled_exits_are_other_steps(numbers, index, exits):
    from soptui.tui.widgets.procedure import decision_exits

    assert decision_exits(numbers, index) == exits
    assert numbers[index] not in decision_exits(numbers, index)


@pytest.mark.parametrize("value, exits", [
    ("4 6", (4, 6)), ("4, 6", (4, 6)), ("4,6", (4, 6)), (" 4 ,  6 ", (4, 6)),
    ("4", None), ("4 6 7", None), ("4 x", None), ("ya tidak", None), ("4-6", None),
])
def test_the_two_exits_are_read_with_a_space_or_a_comma(value, exits):
    from soptui.tui.widgets.procedure import parse_exits

    assert parse_exits(value) == exits


@pytest.mark.parametrize("lang, words", [("id", ("ya lalu tidak", "4 6")), ("en", ("yes then no", "4 6"))])
async def test_k_on_step_1_prefills_the_next_two_steps_and_says_how_to_write_them(seeds, lang, words):
    async with running(AWAYAN, size=(120, 40), lang=lang) as (app, pilot):
        app.query_one(ProcedureView).select_step(0)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)
        assert app.screen.query_one("#value").value == "2 3"  # not "2 1", a loop to itself
        hint = str(app.screen.query_one(".hint").render())
        assert all(word in hint for word in words), hint
        app.screen.query_one("#value").value = "4, 5"
        await pilot.press("enter")
        await pilot.pause()
        first = app.document.view.langkah[0]
        assert first.is_decision and (first.ya, first.tidak) == (4, 5)
        assert "SOP204" not in {f.code for f in app.workspace.findings(app.document.path)}


async def test_k_refuses_a_decision_leading_to_itself(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.query_one(ProcedureView).select_step(0)
        await pilot.press("k")
        await pilot.pause()
        app.screen.query_one("#value").value = "2 1"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.document.view.langkah[0].is_decision and not app.document.dirty
        assert any("dirinya sendiri" in n.message for n in app._notifications)
