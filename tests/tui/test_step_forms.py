"""The add-step form and the decision prompt start from what makes sense: the actors of the step
under the cursor (or none, never one picked silently), the next steps as ya / tidak (never the
step itself), and say how to fill them in."""

import pytest

from soptui.tui.screens import AddStep, EditValue
from soptui.tui.screens.dialogs import CheckList
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, SUMBERSUKO, running


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


def problem_shown(app) -> str:
    """What the open dialog says under its field, or "" when it says nothing there."""
    problem = app.screen.query_one("#problem")
    assert not problem.display or problem.region.y > app.screen.query_one("#value").region.y
    return str(problem.render()) if problem.display else ""


@pytest.mark.parametrize("typed, said", [
    ("2 1", "Langkah 1: keputusan tidak boleh menuju dirinya sendiri"),
    ("4", "tulis dua nomor langkah, ya lalu tidak, mis. 4 6 atau 4, 6"),
])
async def test_k_keeps_its_dialog_open_on_bad_exits_and_says_why_under_the_field(seeds, typed, said):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.query_one(ProcedureView).select_step(0)
        await pilot.press("k")
        await pilot.pause()
        app.screen.query_one("#value").value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue), "the dialog closed on bad exits"
        assert problem_shown(app) == said
        assert app.screen.query_one("#value").value == typed  # what was typed is kept
        assert not app.document.view.langkah[0].is_decision and not app.document.dirty
        app.screen.query_one("#value").value = "3 4"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditValue)
        assert (app.document.view.langkah[0].ya, app.document.view.langkah[0].tidak) == (3, 4)


@pytest.mark.parametrize("lang, typed, said", [
    ("id", "kasi", "tulis id = jabatan, mis. kasi_pem = Kasi Pemerintahan"),
    ("en", "Kepala Seksi = Kasi", "actor id: lowercase letters, digits and _, starting with a letter"),
    ("en", "camat = Camat", "actor `camat` already exists"),
    ("en", "kasi =", "the actor's title is required, e.g. kasi_pem = Kasi Pemerintahan"),
])
async def test_a_new_actor_that_cannot_be_added_keeps_the_dialog_open_and_says_why(seeds, lang, typed, said):
    async with running(AWAYAN, size=(120, 40), lang=lang) as (app, pilot):
        await pilot.press("P")
        await pilot.pause()
        app.screen.query_one("#value").value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue), "the dialog closed on a bad actor"
        assert problem_shown(app) == said
        assert app.screen.query_one("#value").value == typed and not app.document.dirty
        assert not [n for n in app._notifications if n.severity == "error"]  # not in a toast as well
        app.screen.query_one("#value").value = "kasi_pem = Kasi Pemerintahan"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditValue)
        assert app.document.view.pelaksana["kasi_pem"] == "Kasi Pemerintahan"


# The keys of a quick typist, as the terminal hands them over: in one burst, before the key that
# opens the form has been handled. At 80x24 they went nowhere, or after a Tab to the wrong field.
BURST = ["a", *"Kirim", "tab", "tab", *"Surat", "tab", *"5 menit"]


@pytest.mark.parametrize("burst", [False, True], ids=["key-by-key", "burst"])
async def test_keys_typed_quickly_after_a_land_in_the_fields_they_were_typed_for(seeds, burst):
    from textual import events

    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        if burst:
            for key in BURST:
                app.post_message(events.Key(key, key if len(key) == 1 else None))
        else:
            for key in BURST:
                await pilot.press(key)
        await pilot.pause()
        await pilot.pause(0.2)
        form = app.screen
        assert isinstance(form, AddStep) and len(app.screen_stack) == 2  # one form, nothing else opened
        values = {key: form.query_one(f"#{key}").value for key in ("kegiatan", "kelengkapan", "waktu", "output")}
        assert values == {"kegiatan": "Kirim", "kelengkapan": "Surat", "waktu": "5 menit", "output": ""}
        assert app.focused.id == "waktu" and not app.document.dirty
        body = form.query_one(".dialog-body")
        assert body.region.contains_region(app.focused.region)  # and in view, at 24 rows too


async def test_a_dialog_has_its_first_field_focused_before_it_takes_a_key(seeds):
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        seen = []
        app.query_one(ProcedureView).action_add_step()
        form = app.screen
        original = form.set_focus
        form.set_focus = lambda widget, *args, **kwargs: (seen.append(widget), original(widget, *args, **kwargs))[1]
        await pilot.pause()
        assert seen and seen[0] is form.query_one("#kegiatan")  # not the form's scrolling body first


async def test_a_tab_in_a_burst_typed_into_an_open_form_moves_on_before_the_keys_behind_it(seeds):
    """The form open and its field focused, then one burst (walk3: `30 menit`, Tab, `Format
    Terperiksa`): the Tab went to the field's queue behind the text and moved the focus only
    after the text after it had gone to the field it left."""
    from textual import events

    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.query_one(ProcedureView).select_step(2)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AddStep) and form.ready
        form.query_one("#waktu").focus()
        await pilot.pause()
        for key in [*"30 menit", "tab", *"Format Terperiksa", "shift+tab"]:
            character = " " if key == " " else key if len(key) == 1 else None
            app.post_message(events.Key("space" if key == " " else key, character))
        await pilot.pause()
        await pilot.pause(0.2)
        assert form.query_one("#waktu").value == "30 menit"
        assert form.query_one("#output").value == "Format Terperiksa"
        assert app.focused.id == "waktu"


async def test_removing_an_actor_that_is_not_declared_keeps_the_dialog_open_and_says_so(seeds):
    async with running(AWAYAN, size=(120, 40), lang="en") as (app, pilot):
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#value").value = "lurah"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue) and problem_shown(app) == "no actor `lurah`"
        app.screen.query_one("#value").value = "pelaksana"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditValue) and "pelaksana" not in app.document.view.pelaksana


@pytest.mark.parametrize("burst", [False, True], ids=["key-by-key", "burst"])
async def test_removing_an_actor_that_steps_use_names_them_and_asks_first(seeds, burst):
    """walk5 #5: `ctrl+r`, `tim`, Enter cleared step 7's pelaksana at once and silently. Now a
    question names the step, Batal has the focus and Hapus is red; a second Enter typed in the
    same burst answers nothing (it closed the next screen, or ended the app on an error)."""
    from textual import events

    from soptui.tui.screens.dialogs import Choose

    async with running(SUMBERSUKO, size=(120, 40)) as (app, pilot):
        before = app.document.text
        await pilot.press("ctrl+r")
        await pilot.pause()
        keys = [*"tim", "enter", "enter"] if burst else [*"tim", "enter"]
        if burst:
            for key in keys:
                app.post_message(events.Key(key, key if len(key) == 1 else None))
            await pilot.pause()
            await pilot.pause(0.2)
        else:
            await pilot.press(*keys)
            await pilot.pause()
        question = app.screen
        assert isinstance(question, Choose), app.screen
        assert "`tim`" in question.title_text and "langkah 7: menjadi tanpa pelaksana" in question.detail
        assert app.focused.id == "cancel" and question.query_one("#delete").variant == "error"
        await pilot.press("enter")  # Batal
        await pilot.pause()
        assert not isinstance(app.screen, Choose) and app.document.text == before
        await pilot.press("ctrl+r", *"tim", "enter")
        await pilot.pause()
        await pilot.press("left", "enter")  # Hapus
        await pilot.pause()
        assert "tim" not in app.document.view.pelaksana and app.document.view.langkah[6].pelaksana is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.document.text == before
