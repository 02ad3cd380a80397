"""Keys typed into a dialog act as typed, whether one by one or in one burst: Backspace, Home,
End and the arrows on the characters typed before them, not after; and a field the focus comes
back to keeps what was typed in it."""

import pytest
from textual import events

from soptui.tui.screens import AddStep, EditValue
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, running

FIELDS = ("kegiatan", "kelengkapan", "waktu", "output")


async def type_keys(app, pilot, keys, burst: bool) -> None:
    """`keys` one by one, each handled before the next (`pilot.press`), or in one burst, as a
    terminal hands over a quick typist's keys: all queued before the first is handled."""
    if burst:
        for key in keys:
            character = " " if key in (" ", "space") else key if len(key) == 1 else None
            app.post_message(events.Key("space" if key == " " else key, character))
    else:
        await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause(0.2)


async def open_add_step(app, pilot) -> AddStep:
    app.query_one(ProcedureView).select_step(0)  # step 1: its output "Surat Terdisposisi" prefills kelengkapan
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, AddStep) and app.screen.ready
    return app.screen


@pytest.mark.parametrize("burst", [False, True], ids=["key-by-key", "burst"])
@pytest.mark.parametrize("keys, values", [
    ([*"abc", "backspace", "x"], {"kegiatan": "abx"}),
    ([*"abc", "home", "x"], {"kegiatan": "xabc"}),
    ([*"abc", "left", "left", "x"], {"kegiatan": "axbc"}),
    ([*"abc", "home", "x", "end", "y"], {"kegiatan": "xabcy"}),
    ([*"abcd", "left", "left", "delete", "backspace", "x"], {"kegiatan": "axd"}),
    # the Tabs pass the actor list; the suggested kelengkapan is replaced by what is typed
    ([*"abc", "backspace", "tab", "tab", *"de", "left", "z", "tab", *"5 mnt", "backspace", "backspace", *"enit"],
     {"kegiatan": "ab", "kelengkapan": "dze", "waktu": "5 menit"}),
], ids=["backspace", "home", "left", "end", "delete", "across-fields"])
async def test_editing_keys_act_on_the_text_typed_before_them_in_a_burst_too(seeds, keys, values, burst):
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        form = await open_add_step(app, pilot)
        await type_keys(app, pilot, keys, burst)
        typed = {key: form.query_one(f"#{key}").value for key in FIELDS}
        assert typed == {"kegiatan": "", "kelengkapan": "Surat Terdisposisi", "waktu": "", "output": "", **values}


@pytest.mark.parametrize("burst", [False, True], ids=["key-by-key", "burst"])
async def test_enter_in_a_burst_submits_the_text_as_its_editing_keys_left_it(unmarked, burst):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.query_one(ProcedureView).select_step(0)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)
        await type_keys(app, pilot, [*"ujix", "backspace", "home", "U", "delete", "end", "i", "enter"], burst)
        assert not isinstance(app.screen, EditValue)
        assert " -- Ujii\n" in app.document.text


@pytest.mark.parametrize("burst", [False, True], ids=["key-by-key", "burst"])
async def test_keys_typed_with_the_key_that_opens_the_form_are_edited_in_order_too(seeds, burst):
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        app.query_one(ProcedureView).select_step(0)
        await type_keys(app, pilot, ["a", *"Kirimx", "backspace", "home", "left", "end", "!"], burst)
        assert isinstance(app.screen, AddStep) and len(app.screen_stack) == 2
        assert app.screen.query_one("#kegiatan").value == "Kirim!"


@pytest.mark.parametrize("burst", [False, True], ids=["key-by-key", "burst"])
async def test_shift_tab_back_into_a_field_puts_the_cursor_after_its_text_with_nothing_selected(seeds, burst):
    """Shift+Tab back into a field selected its whole text, so the next key typed replaced it."""
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        form = await open_add_step(app, pilot)
        await type_keys(app, pilot, [*"Kirim", "tab", "tab", "tab", *"5 menit", "shift+tab", "shift+tab", "shift+tab"], burst)
        kegiatan = form.query_one("#kegiatan")
        assert app.focused is kegiatan
        assert kegiatan.selection.is_empty and kegiatan.cursor_position == len("Kirim")
        await type_keys(app, pilot, [*" surat", "tab", "tab", "tab", "x"], burst)
        assert kegiatan.value == "Kirim surat" and form.query_one("#waktu").value == "5 menitx"  # Tab forward: the same


async def test_a_field_that_still_holds_the_forms_suggestion_has_it_selected_for_a_key_to_replace(seeds):
    """Kelengkapan suggests the step's output: Tab into it, or back into it, selects it, as
    before, so that typing replaces it; once typed in, it is the user's text, kept."""
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        form = await open_add_step(app, pilot)
        kelengkapan = form.query_one("#kelengkapan")
        await pilot.press("tab", "tab", "tab", "shift+tab")
        await pilot.pause()
        assert app.focused is kelengkapan and kelengkapan.selected_text == "Surat Terdisposisi"
        await pilot.press(*"Nota", "tab", "shift+tab", "!")
        await pilot.pause()
        assert kelengkapan.value == "Nota!"


@pytest.mark.parametrize("burst", [False, True], ids=["key-by-key", "burst"])
async def test_enter_typed_with_the_key_that_opens_a_preview_applies_it_as_typed_slowly(seeds, burst):
    """A priority binding (the preview's Enter) typed before the dialog could take it was handed
    to its scrolling diff, past the binding: the preview stayed open, nothing applied."""
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await type_keys(app, pilot, ["F", "enter"], burst)
        assert len(app.screen_stack) == 1 and app.document.dirty
        assert not [f for f in app.workspace.findings(app.document.path) if f.fix is not None]
