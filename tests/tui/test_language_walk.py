"""Every screen in one language: walked in English and in Indonesian, each screen's text is
searched for words of the other language (a short list of words that only one of them uses)."""

import errno
import re
from pathlib import Path

import pytest
from textual.command import CommandPalette

from soptui.tui.app import SoptuiApp
from soptui.tui.screens import HelpScreen
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, running, start


# Words only English uses, and words only Indonesian uses, as the UI would show them. The SOPs'
# own text is Indonesian in either language; these words are not in it ("Prosedur" and an actor
# "Pelaksana" are, so only the UI's phrases with them are looked for).
ENGLISH = ("Search for commands", "Keys", "Maximize", "Quit", "Screenshot", "Theme", "Symbol", "steps",
           "palette", "Permission denied", "plus", "slash", "the", "help", "without", "Identity", "Procedure",
           "Findings", "every fix")
INDONESIAN = ("Cari perintah", "Kunci", "Perbesar", "keluar", "Tangkapan", "Tema", "Simbol", "langkah",
              "palet", "izin", "bantuan", "tanpa", "Identitas", "Temuan", "proses", "keputusan",
              "simpan", "gagal", "Kegiatan", "Pelaksana:", "tidak ada di sumber", "tab Prosedur", "tabel Prosedur")


def screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def others(text: str, lang: str) -> list[str]:
    words = INDONESIAN if lang == "en" else ENGLISH
    return [word for word in words if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


def test_the_word_lists_find_what_they_look_for():
    assert others("Search for commands… · 1 steps", "id") == ["Search for commands", "steps"]
    assert others("Simbol: proses", "en") == ["Simbol", "proses"]
    assert others("step-numbering", "id") == []  # a rule's name is the same in both


async def walk(app, pilot) -> dict[str, str]:
    """The text of every screen worth reading, by name."""
    shown: dict[str, str] = {}
    await start(app, pilot, AWAYAN)
    view = app.query_one(ProcedureView)
    view.select_step(next(s for s in view.sop.langkah if s.no == 8).index)  # a step with a finding
    await pilot.pause()
    for key, tab in zip("1234", ("prosedur", "identitas", "diagram", "temuan")):
        await pilot.press(key)
        app.clear_notifications()
        await pilot.pause()
        shown[tab] = screen_text(app)
    await pilot.press("1")
    shown["detail"] = str(app.query_one("#step-detail").content) + "\n" + str(app.query_one("#total").render())
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    shown["help"] = app.screen.text + "\n" + screen_text(app)
    await pilot.press("escape")
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    shown["palette"] = screen_text(app) + "\n" + "\n".join(
        f"{command.title} {command.help}" for command in app.get_system_commands(app.screen_stack[0]))
    await pilot.press("escape")
    await pilot.pause()

    def refused(force=False):
        raise PermissionError(errno.EACCES, "Permission denied", str(app.document.path))

    app.edit(lambda text: text + "\n# catatan\n")
    app.document.save = refused
    await pilot.press("ctrl+s")
    await pilot.pause()
    shown["save error"] = "\n".join(notification.message for notification in app._notifications)
    return shown


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_every_screen_is_in_one_language(seeds, lang):
    app = SoptuiApp(Path("sops"), lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        shown = await walk(app, pilot)
    assert "pengukuran-kinerja-triwulan.toml" in shown["save error"]  # the walk reached every screen
    found = {screen: others(text, lang) for screen, text in shown.items()}
    assert {screen: words for screen, words in found.items() if words} == {}


@pytest.mark.parametrize("lang, wanted", [
    ("en", ("Symbol: process", "1 step without time", "Procedure tab", "Search for commands…")),
    ("id", ("Simbol: proses", "1 langkah tanpa waktu", "tab Prosedur", "Cari perintah…")),
])
async def test_the_words_the_qa_walk_found_untranslated(seeds, lang, wanted):
    async with running(AWAYAN, size=(120, 40), lang=lang) as (app, pilot):
        view = app.query_one(ProcedureView)
        view.select_step(next(s for s in view.sop.langkah if s.no == 8).index)
        app.edit(lambda text: text.replace('waktu = "1 Jam"\n', "", 1))  # one step without time
        await pilot.pause()
        view.select_step(next(s for s in view.sop.langkah if s.no == 8).index)
        await pilot.pause()
        text = str(app.query_one("#step-detail").content) + str(app.query_one("#total").render())
        await pilot.press("ctrl+p")
        await pilot.pause()
        text += screen_text(app) + "".join(f"{c.title} {c.help}" for c in app.get_system_commands(app.screen_stack[0]))
        for word in wanted:
            assert word in text, word
        keys = {c.title: c.help for c in app.get_system_commands(app.screen_stack[0])}  # the screen under the palette
        assert keys[("also in this column" if lang == "en" else "juga di kolom ini")].startswith("+ ")
        assert keys[("filter list" if lang == "en" else "saring daftar")] == "/"
