"""The palette's "Tangkapan layar" saves where it can, never in the corpus, and names the file in
the UI's language (Textual's own went to ~/Downloads only, and failed in English without it)."""

from pathlib import Path

from soptui.tui.app import SoptuiApp, screenshot_folders

from .conftest import start


def test_a_screenshot_goes_to_the_current_folder_unless_it_is_in_the_corpus_then_to_a_temporary_one(tmp_path):
    corpus = tmp_path / "sops"
    (corpus / "awayan").mkdir(parents=True)
    assert screenshot_folders(tmp_path, corpus)[0] == tmp_path.resolve()
    for inside in (corpus, corpus / "awayan"):
        assert all(not folder.is_relative_to(corpus.resolve()) for folder in screenshot_folders(inside, corpus))


async def take_screenshot(app, pilot, title: str = "tangkapan") -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    await pilot.press(*title)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause(0.5)


def said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_the_palettes_screenshot_is_saved_in_the_current_folder_without_a_downloads_folder(seeds, tmp_path,
                                                                                                  monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # a server account: no ~/Downloads
    app = SoptuiApp(Path("sops"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot)
        await take_screenshot(app, pilot)
        saved = list(tmp_path.glob("soptui-*.svg"))
        assert len(saved) == 1 and "<svg" in saved[0].read_text()
        assert f"tangkapan layar disimpan: {saved[0].name}" in said(app)


async def test_run_inside_the_corpus_the_screenshot_goes_to_the_temporary_folder(seeds, tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    monkeypatch.chdir(seeds / "awayan")
    before = set(seeds.rglob("*"))
    app = SoptuiApp(seeds, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot)
        await take_screenshot(app, pilot, "screenshot")
        saved = list(temporary.glob("soptui-*.svg"))
        assert len(saved) == 1 and set(seeds.rglob("*")) == before
        assert f"screenshot saved: {saved[0]}" in said(app)
