"""The second QA walk's defects in dialogs, help, palette, toasts and tables (/tmp/walk2's
report, numbers 6-21): each test fails on the code before its fix."""

import re
from collections import Counter
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from soptui.tui.app import SoptuiApp
from soptui.tui.screens import AddStep, Choose, EditValue, HelpScreen
from soptui.tui.widgets.findings import FindingsTable

from .conftest import AWAYAN, LAMPIHONG, WANGON, names, running, start


def screen_lines(widget) -> list[str]:
    """The text of each line `widget` draws now."""
    return ["".join(segment.text for segment in widget.render_line(y)) for y in range(widget.size.height)]


async def test_the_rule_column_holds_the_longest_rule_name_whole(seeds):  # 13
    async with running(LAMPIHONG, size=(120, 40)) as (app, pilot):
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#findings", FindingsTable)
        names = {f.name for f in table.findings}
        assert "citation-title-mismatch" in names  # 23 letters: one more than the column held
        for row, finding in enumerate(table.findings):
            table.move_cursor(row=row, animate=False)
            await pilot.pause()
            assert any(finding.name in line for line in screen_lines(table)), finding.name


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_palette_lists_its_commands_in_one_order_whatever_their_case(seeds, lang):  # 15
    async with running(LAMPIHONG, size=(120, 40), lang=lang) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(CommandList)
        titles = [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]
        assert len(titles) > 20, titles
        assert titles == sorted(titles, key=str.casefold), titles
        undo = next(t for t in titles if t in ("urungkan", "undo"))
        assert undo == ("urungkan" if lang == "id" else "undo")
        assert "batal" not in titles  # the Cancel of every dialog


@pytest.mark.parametrize("width", [80, 110, 120, 200])
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_sidebars_no_match_line_fits_the_sidebar_at_every_width(seeds, width, lang):  # 19
    async with running(size=(width, 30), lang=lang) as (app, pilot):
        if not app.query_one("#side").display:
            await pilot.press("ctrl+b")  # shown by hand on a narrow terminal
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        status = app.query_one("#filter-status")
        assert status.display
        text, side = str(status.render()), app.query_one("#side")
        # The label grows to its text; the sidebar cuts what passes its edge (at 120: "…denga").
        assert status.content_region.x + len(text) <= side.content_region.right, (text, side.content_region)
        assert text in screen_lines(status)[0]


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_toast_after_F_says_how_many_fixes_of_which_rules(seeds, lang):  # 16
    async with running(AWAYAN, size=(120, 40), lang=lang) as (app, pilot):
        before = names(app)
        app.clear_notifications()
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        gone = Counter(before) - Counter(names(app))
        assert gone, "F fixed nothing on the seed"
        word = "perbaikan diterapkan" if lang == "id" else "fixes applied" if sum(gone.values()) > 1 else "fix applied"
        said = f"{sum(gone.values())} {word} ({', '.join(sorted(gone))})"
        assert said in toasts(app), toasts(app)


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_w_with_no_reason_keeps_the_dialog_open_and_says_why_under_the_field(seeds, lang):  # 7
    async with running(AWAYAN, size=(120, 40), lang=lang) as (app, pilot):
        await pilot.press("n")
        await pilot.pause()
        finding = app.findings_here()[0]
        await pilot.press("w", "space", "enter")  # a reason of blanks only is none
        await pilot.pause()
        assert isinstance(app.screen, EditValue), "the dialog closed on an empty reason"
        problem = app.screen.query_one("#problem")
        assert problem.display and problem.region.y > app.screen.query_one("#value").region.y
        said = str(problem.render())
        assert said == ("alasan wajib diisi" if lang == "id" else "a reason is required")
        assert said in screen_lines(problem)[0]
        await pilot.press(*"uji")
        assert app.screen.query_one("#value").value == " uji"  # what was typed is kept
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditValue)
        assert f"# soptui: ignore[{finding.name}] -- uji" in app.document.text


async def test_x_suggests_a_file_outside_the_corpus_and_asks_before_replacing_one(seeds, monkeypatch):  # 8
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        exported = []
        monkeypatch.setattr(app, "export_document", lambda sop, out, to: exported.append((out, to)))
        await pilot.press("x")
        await pilot.pause()
        suggested = app.screen.query_one("#value").value
        assert suggested == "awayan-pengukuran-kinerja-triwulan.pdf"  # the current folder, not sops/awayan/
        Path(suggested).write_bytes(b"an older export")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Choose) and suggested in app.screen.title_text
        assert app.screen.focused.id == "cancel"
        await pilot.press("enter")  # the safe choice
        await pilot.pause()
        assert exported == [] and Path(suggested).read_bytes() == b"an older export"
        await pilot.press("x", "enter", "left", "enter")  # Timpa
        await pilot.pause()
        assert exported == [(Path(suggested), "pdf")]


async def test_x_run_from_inside_the_corpus_suggests_the_folder_above_it(seeds, monkeypatch):  # 8
    monkeypatch.chdir(seeds / "awayan")
    app = SoptuiApp(Path(".."))
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot, "pengukuran-kinerja-triwulan.toml")
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#value").value == "../../awayan-pengukuran-kinerja-triwulan.pdf"


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_an_edit_of_a_sop_that_no_longer_loads_is_refused_at_its_key_in_the_users_words(seeds, lang):  # 6, 17
    async with running(AWAYAN, size=(120, 40), lang=lang) as (app, pilot):
        await pilot.press("down", "down")
        text = app.document.text
        app.document.apply(text.replace('waktu = "1 Jam"', 'waktu = "1 Jam', 1))  # as the walk's editor did
        app.render_document()
        await pilot.pause()
        broken = app.document.text
        line = app.document.load.problems[0].pos.line
        assert app.query_one("#load-problem").display and app.document.view is not None  # the last good steps
        for key in ["a", "D", "k", "ctrl+up", "ctrl+down", "P", "ctrl+r", "plus", "enter", "F", "2", "enter", "1"]:
            if key in "12":
                await pilot.press(key)  # Identitas' Enter too
                continue
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.screen_stack[0], f"{key} opened {app.screen}"
            said = toasts(app)
            assert said == [f"berkas ini tidak termuat: perbaiki dulu baris {line} (e membukanya di editor)" if lang == "id"
                            else f"this file does not load: mend line {line} first (e opens it in your editor)"], (key, said)
        assert app.document.text == broken


async def test_an_empty_corpus_says_so_in_the_main_area_until_ctrl_n_makes_a_sop(tmp_path, monkeypatch):  # 21
    (tmp_path / "sops").mkdir()
    monkeypatch.chdir(tmp_path)
    async with running(size=(120, 40)) as (app, pilot):
        await pilot.pause(0.2)
        hint = app.query_one("#empty-corpus")
        assert hint.display and not app.query_one("#tabs").display
        assert hint.region.width > 60 and hint.region.height > 20  # the main area, not a corner
        shown = " ".join(line.strip() for line in screen_lines(hint) if line.strip())
        assert "ctrl+n" in shown and "tidak ada berkas SOP" in shown
        app.action_toggle_language()  # `L`, which the focused filter would take as a letter
        await pilot.pause()
        assert "no SOP files here" in " ".join(screen_lines(hint))
        await pilot.press("ctrl+n", *"unit/baru", "enter")
        await pilot.pause()
        assert not hint.display and app.query_one("#tabs").display
        assert app.document is not None and app.document.path.name == "baru.toml"


def bottom_line(app) -> str:
    """The screen's last line as drawn, the dialog and what shows through included."""
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for segment in strips[-1])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("keys", [["down"] * 7 + ["f"], ["n", "w"], ["a"], ["D"], ["x"], ["f1"], ["D", "left", "enter", "q"], ["ctrl+p"]])
async def test_under_a_dialog_the_bottom_line_has_its_own_keys_not_the_main_screens(seeds, keys, size):  # 20
    async with running(AWAYAN, size=size) as (app, pilot):
        main = bottom_line(app)
        assert "bantuan" in main and "simpan" in main  # the main screen's footer: f1 bantuan, ^s simpan
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        assert app.screen is not app.screen_stack[0]
        line = bottom_line(app)
        assert "Esc" in line and "bantuan" not in line and "simpan" not in line, (keys, line)


def screen_text(app) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_help_has_each_key_whole_on_one_line_and_a_screenful_of_them_at_80x24(seeds, size, lang):  # 14
    async with running(AWAYAN, size=size, lang=lang) as (app, pilot):
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows, found = app.screen.rows, set()

        def on_screen() -> set[int]:
            lines = screen_text(app)
            return {number for number, (key, action) in enumerate(rows)
                    if any(re.search(rf"{re.escape(key)} +{re.escape(action.split()[0])}", line) for line in lines)}

        first = on_screen()
        assert len(first) >= (9 if size == (80, 24) else 20), first  # the walk saw three at 80x24
        for _ in range(6):
            found |= on_screen()
            await pilot.press("pagedown")
            await pilot.pause()
        assert found == set(range(len(rows))), [rows[n] for n in set(range(len(rows))) - found]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_prosedur_scrolled_sideways_shows_no_stub_of_a_hidden_column_beside_kegiatan(seeds, size):  # 11
    async with running(AWAYAN, size=size) as (app, pilot):
        await pilot.press(*["down"] * 7)
        table = app.query_one("#steps")
        stubs = 0
        for _ in range(14):
            await pilot.press("right")
            await pilot.pause()
            lefts = [0]
            for column in table.ordered_columns:
                lefts.append(lefts[-1] + column.render_width)
            fixed, edge = lefts[table.fixed_columns], lefts[table.fixed_columns] + int(table.scroll_x)
            end = next((left for left in lefts if left >= edge), edge)  # where the first whole column starts
            if end == edge:
                continue
            stubs += 1
            for line in screen_lines(table):
                assert not line[fixed:fixed + end - edge].strip(), (table.scroll_x, line)
        assert size == (200, 50) or stubs, "the walk's scroll left no column cut at the edge"


async def test_edits_of_a_text_that_loads_over_a_file_broken_on_disk_are_not_refused(seeds):  # 6
    import os

    path = seeds / "wangon" / "pengukuran-kinerja.toml"
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        app.edit(lambda text: text.replace('waktu = "', 'waktu = "2 hari ', 1))
        path.write_text(path.read_text().replace('kegiatan = "', 'kegiatan = "\n', 1))  # another program broke it
        os.utime(path, ns=(1, 1))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#reload")
        await pilot.pause()
        assert app.query_one("#load-problem").display and app.document.load.ok  # the file's problem, the edits load
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddStep)
