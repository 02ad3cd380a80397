"""`L`, `--lang` and the configuration switch every word on screen."""

from textual.widgets import TabbedContent

from soptui.cli import _language
from soptui.tui.screens import Choose, HelpScreen

from .conftest import AWAYAN, running


def footer_words(app) -> set[str]:
    return {active.binding.description for active in app.active_bindings.values() if active.binding.show}


async def test_L_switches_footer_tabs_headers_dialogs_help_and_palette(seeds):
    async with running(AWAYAN, size=(160, 40)) as (app, pilot):
        assert {"perbaiki", "keluar"} <= footer_words(app)
        await pilot.press("L")
        await pilot.pause()
        assert app.lang == "en"
        assert {"fix", "quit", "next finding"} <= footer_words(app)
        assert "perbaiki" not in footer_words(app)
        tabs = app.query_one(TabbedContent)
        assert [str(tabs.get_tab(t).label) for t in ("prosedur", "identitas", "diagram", "temuan")] == \
            ["Procedure", "Identity", "Diagram", "Findings"]
        headers = [str(c.label) for c in app.query_one("#steps").ordered_columns]
        assert "Activity" in headers and "Time" in headers and "(not in source)" in " ".join(headers).replace("\n", " ")
        await pilot.press("4")
        await pilot.pause()
        assert "Message" in [str(c.label) for c in app.query_one("#findings").ordered_columns]
        app.query_one("#findings").focus()
        await pilot.pause()
        assert "sort" in footer_words(app) and "urutkan" not in footer_words(app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"fix", "add step", "delete step"} <= set(titles) and "perbaiki" not in titles
        assert not any("_" in title for title in titles)  # human labels, no raw action ids
        await pilot.press("1")  # the step keys are the Prosedur table's
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, Choose) and "Delete" in str(app.screen.query_one("#delete").label)
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and "this help" in app.screen.text


async def test_lang_at_start_from_the_command_line_or_the_configuration(seeds):
    assert _language(["--lang", "en", "sops"]) == (["sops"], "en")
    assert _language(["--lang=en"]) == ([], "en")
    assert _language(["lint", "--lang", "en"]) == (["lint", "--lang", "en"], None)
    (seeds.parent / "soptui.toml").write_text('lang = "en"\n')
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        assert app.lang == "en" and "fix" in footer_words(app)


def keys_panel_words(app) -> list[str]:
    """Every description, tooltip and group title the Keys panel can show on this screen: the
    bindings of each part that can have the focus, as the panel lists them for it."""
    found = []
    for widget in [widget for widget in app.screen.query("*") if widget.focusable]:
        app.screen.set_focus(widget)
        for active in app.screen.active_bindings.values():
            found += [text for text in (active.binding.description, active.binding.tooltip) if text]
            found += [active.node.BINDING_GROUP_TITLE] if active.node.BINDING_GROUP_TITLE else []
    return found


async def test_the_keys_panel_and_the_theme_picker_are_indonesian_too(seeds):
    from textual.command import CommandPalette
    from textual.widgets import HelpPanel, Input

    from soptui.tui.strings import TEXTUAL_KEYS, WORDS, say

    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        for lang in ("id", "en"):
            if app.lang != lang:
                await pilot.press("L")
            app.action_show_help_panel()
            await pilot.pause()
            assert app.screen.query(HelpPanel)
            known = {words[0 if lang == "id" else 1] for words in WORDS.values()} | \
                (set(TEXTUAL_KEYS.values()) if lang == "id" else set(TEXTUAL_KEYS))
            shown = keys_panel_words(app)
            assert "Cursor up" in shown if lang == "en" else "kursor ke atas" in shown
            assert [text for text in shown if text not in known] == [], lang  # "Focus Next", "Input"... in Indonesian
            app.search_themes()
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            assert app.screen.query_one(Input).placeholder == say("theme_search", lang)
            await pilot.press("escape")
            await pilot.pause()


def test_textual_s_words_go_back_and_forth_one_to_one():
    from soptui.tui.strings import TEXTUAL_KEYS, WORDS

    # `reword_textual_keys` finds the English again from the Indonesian: no two alike, and none
    # of them one of soptui's own words, which `relabel` words
    assert len(set(TEXTUAL_KEYS.values())) == len(TEXTUAL_KEYS)
    ours = {text for pair in WORDS.values() for text in pair}
    assert not ours & (set(TEXTUAL_KEYS) | set(TEXTUAL_KEYS.values()))


def dialog_words(screen) -> str:
    from textual.widgets import Button, Label

    return " ".join(str(widget.render()) for widget in screen.query(Label)) + " " + \
        " ".join(str(button.label) for button in screen.query(Button))


async def test_every_word_of_the_add_step_and_edit_dialogs_is_english_in_english(seeds):
    """walk3: the add-step form said "Time  (mis. 15 menit)" in English; a cell's edit dialog
    was titled with the file's key ("Step 3 · waktu", "tanggal_efektif")."""
    from soptui.tui.messages import EditRequested
    from soptui.tui.screens import AddStep, EditValue
    from soptui.tui.widgets.procedure import ProcedureView

    async with running(AWAYAN, size=(120, 40), lang="en") as (app, pilot):
        app.query_one(ProcedureView).select_step(2)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddStep)
        words = dialog_words(app.screen)
        assert "Time" in words and "e.g. 15 menit" in words
        for indonesian in ("mis.", "Kegiatan", "Kelengkapan", "Waktu", "Pelaksana", "Tambah", "Batal", "setelah"):
            assert indonesian not in words, (indonesian, words)
        await pilot.press("escape")
        await pilot.pause()
        app.post_message(EditRequested("/langkah/2/waktu", "waktu", "1 Jam"))  # as Enter on step 3's Waktu asks
        await pilot.pause()
        assert isinstance(app.screen, EditValue) and app.screen.title_text == "Step 3 · Time"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")
        view = app.query_one("#identity")
        for pointer, title in (("/tanggal_efektif", "Date effective"), ("/dasar_hukum/0", "Legal basis 1"),
                               ("/dasar_hukum/+", "Legal basis: (add)")):
            view.move_cursor(row=next(i for i, meta in enumerate(view.rows_meta) if meta[0] == pointer))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, EditValue) and app.screen.title_text == title
            await pilot.press("escape")
            await pilot.pause()
