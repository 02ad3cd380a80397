"""What the app opens without is said inside it, never on the terminal behind it: a plugin that
fails to import, a file name it cannot use. A plugin with an unknown hook stops it in one line,
as it stops `soptui lint`; an exception that ends the app is not a success."""

import os
from pathlib import Path

import soptui.tui.app as tui_app
from soptui.tui.app import SoptuiApp, build_workspace

from .conftest import running



def install(site: Path, name: str, source: str, version: str = "1.2.3") -> None:
    """A plugin installed the light way (as tests/test_plugins.py does): a `.dist-info` folder
    with its entry point, and its module, in `site`."""
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[soptui]\n{name} = plugin_{name}\n")
    (site / f"plugin_{name}.py").write_text(source)


def said(app) -> str:
    return "\n".join(str(n.title) + ": " + n.message for n in app._notifications)


async def test_a_plugin_that_fails_to_import_is_said_in_the_app(seeds, tmp_path, monkeypatch, capfd):
    site = tmp_path / "site"
    install(site, "brokenui", "import this_module_does_not_exist_ui\n", version="0.1.0")
    monkeypatch.syspath_prepend(str(site))
    async with running(size=(120, 40)) as (app, pilot):
        shown = said(app)
        assert "Tidak semua termuat" in shown and "plugin 'brokenui' 0.1.0" in shown
        assert "this_module_does_not_exist_ui" in shown
        assert len(app.workspace.files) == 5  # the built-in rules still run
    out, err = capfd.readouterr()
    assert "brokenui" not in out + err


def test_a_misspelled_hook_stops_the_ui_in_one_line_not_a_traceback(seeds, tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    install(site, "typoui", "from soptui.hookspecs import hookimpl\n\n@hookimpl\ndef soptui_rule():\n    return []\n")
    monkeypatch.syspath_prepend(str(site))
    assert tui_app.run(Path("sops"), lang="en") == 2
    err = capsys.readouterr().err
    assert err == "soptui: plugin 'typoui' implements unknown hook 'soptui_rule'; did you mean 'soptui_rules'?\n"


def test_an_exception_that_ends_the_app_exits_2(seeds, monkeypatch, capsys):
    def crash(app):  # what Textual leaves after an unhandled exception, its traceback shown
        app._return_code = 1

    monkeypatch.setattr(SoptuiApp, "run", crash)
    assert tui_app.run(Path("sops")) == 2
    assert "kesalahan internal" in capsys.readouterr().err


def test_the_ui_opens_a_folder_with_names_it_cannot_use_and_a_link_whose_file_is_gone(seeds):
    bad = os.fsencode(str(seeds)) + b"/awayan/nama\xff.toml"
    with open(bad, "w") as handle:
        handle.write("nama = 1\n")
    (seeds / "awayan" / "gone.toml").symlink_to("nowhere.toml")
    (seeds / "wangon" / "loop.toml").symlink_to("loop.toml")
    notes = []
    workspace, _ = build_workspace(seeds, notes)
    assert [note.en for note in notes] == [
        f"{seeds}/awayan/nama\\xff.toml: the file name is not UTF-8: rename it",
        f"{seeds}/wangon/loop.toml: a symbolic link that leads to no file: Too many levels of symbolic links"]
    gone = seeds / "awayan" / "gone.toml"
    assert len(workspace.files) == 6 and gone in workspace.files
    workspace.lint_all()
    assert [f.name for f in workspace.findings(gone)] == ["load-error"]


async def test_the_ui_says_what_it_could_not_use_and_opens_the_first_file_it_can_read(seeds):
    with open(os.fsencode(str(seeds)) + b"/nama\xff.toml", "w") as handle:
        handle.write("nama = 1\n")
    (seeds / "awayan" / "dangling.toml").symlink_to("gone.toml")  # the first file of the list
    async with running(size=(120, 40), lang="en") as (app, pilot):
        assert "Not everything loaded" in said(app) and "the file name is not UTF-8" in said(app)
        assert len(app.workspace.files) == 6
        assert "cannot be opened: awayan/dangling.toml: a symbolic link that leads to no file" in said(app)
        assert app.document.path == Path("sops/awayan/pengukuran-kinerja-triwulan.toml")
        app.clear_notifications()
        (gone,) = [f for f in app.workspace.all_findings() if f.path.endswith("dangling.toml")]
        app.go_to(gone)  # from the corpus's findings: said again, the open SOP kept
        await pilot.pause()
        assert "cannot be opened" in said(app) and app.document.path.name == "pengukuran-kinerja-triwulan.toml"
