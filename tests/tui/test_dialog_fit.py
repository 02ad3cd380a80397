"""Dialogs on a terminal of 24 rows: the body (a diff, a form, a list) scrolls inside the dialog,
and the buttons and the key line always show, inside the screen and inside the dialog's frame.
A long diff line wraps with its continuation marked, so it never reads as a diff line of its own."""

from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Button

from soptui.tui.app import SoptuiApp
from soptui.tui.screens import Choose, Preview
from soptui.tui.screens.dialogs import AddStep, WrappedDiff
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, SIZES, running, start

SMALL = (80, 24)


def assert_keys_and_buttons_shown(app, size=SMALL) -> None:
    box = app.screen.query_one(".dialog").region
    assert box.bottom <= size[1] and box.right <= size[0]
    inner = box.shrink(app.screen.query_one(".dialog").styles.gutter)
    shown = list(app.screen.query(Button))
    footer = app.screen.query_one(".own-footer").region  # the keys, said once, on the bottom line
    assert footer.y == size[1] - 1 and footer.height == 1 and footer.right <= size[0]
    for widget in shown:
        region = widget.region
        assert region.height > 0, widget
        assert inner.contains_region(region), (widget, region, inner)
    body = app.screen.query_one(".dialog-body").region
    assert inner.contains_region(body)


async def _step_8(app, pilot):
    await start(app, pilot, AWAYAN)
    view = app.query_one(ProcedureView)
    view.select_step(next(s for s in view.sop.langkah if s.no == 8).index)
    await pilot.pause()
    return view


async def test_the_fix_preview_keeps_its_buttons_and_keys_on_a_small_terminal_and_scrolls_the_diff(seeds):
    app = SoptuiApp(Path("sops"))
    async with app.run_test(size=SMALL) as pilot:
        await _step_8(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, Preview)
        assert_keys_and_buttons_shown(app)
        keys = app.screen.query_one(".own-footer")
        assert "Esc" in str(keys.render())
        diff = app.screen.query_one("#diff")
        assert diff.max_scroll_y > 0  # the diff is longer than the room: it scrolls, the buttons stay
        await pilot.press("end")
        await pilot.pause()
        assert diff.scroll_y == diff.max_scroll_y
        await pilot.press("enter")  # Enter still applies
        await pilot.pause()
        assert not isinstance(app.screen, Preview) and app.document.dirty


async def test_the_fix_preview_fits_again_when_the_terminal_shrinks(seeds):
    app = SoptuiApp(Path("sops"))
    async with app.run_test(size=(120, 40)) as pilot:
        await _step_8(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.pause()
        assert_keys_and_buttons_shown(app)


async def test_the_quit_question_with_a_long_list_keeps_its_buttons(seeds):
    async with running(AWAYAN, size=SMALL) as (app, pilot):
        for path in sorted(Path("sops").rglob("*.toml")):  # every SOP with an unsaved edit
            app.open(path)
            document = app.document
            document.edit(lambda text: text + "\n# catatan\n")
        await pilot.press("q")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        assert_keys_and_buttons_shown(app)


async def test_the_add_step_form_keeps_its_buttons_inside_the_dialog(seeds):
    async with running(AWAYAN, size=SMALL) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AddStep)
        assert_keys_and_buttons_shown(app)


def test_a_wrapped_diff_line_continues_indented_after_a_mark():
    long = "+kegiatan = \"" + "Menyampaikan Laporan Pengukuran Kinerja Triwulan kepada Camat " * 2 + "\""
    diff = f"--- a/x.toml\n+++ b/x.toml\n@@ -1,2 +1,2 @@\n-no = 8\n{long}\n context\n"
    console = Console(width=40, record=True, color_system=None)
    console.print(WrappedDiff(diff))
    lines = console.export_text().splitlines()
    start_of_long = lines.index(next(line for line in lines if line.startswith("+kegiatan")))
    continued = lines[start_of_long + 1:lines.index(" context")]
    assert len(continued) >= 2  # the line was long enough to wrap more than once
    assert all(line.startswith(WrappedDiff.CONTINUATION) for line in continued)
    assert all(len(line) <= 40 for line in lines)
    # every word kept, in order
    words = " ".join([lines[start_of_long], *(line[len(WrappedDiff.CONTINUATION):] for line in continued)]).split()
    assert words == long.split()


@pytest.mark.parametrize("lang, hint", [("id", "Tab"), ("en", "Tab")])
async def test_the_step_detail_cut_by_a_short_terminal_says_there_is_more_and_scrolls(seeds, lang, hint):
    app = SoptuiApp(Path("sops"), lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        view = await _step_8(app, pilot)
        pane = app.query_one("#step-detail")
        assert pane.virtual_size.height > pane.size.height  # Keterangan and the finding are below
        assert pane.border_title and hint in pane.border_title
        assert ("more" in pane.border_title) == (lang == "en")
        pane.focus()
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 0
        assert not pane.border_title  # the bottom reached: nothing more to say
        view.select_step(0)  # a short step fits: no hint
        app.query_one("#steps").focus()
        await pilot.pause()


# The dialogs the walk saw overflow (walk3 5: add-step at 120x40, `x` and `D` at 80x24) and the
# other one-field ones, opened on step 3.
DIALOG_KEYS = ["a", "x", "D", "k", "ctrl+r"]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_widget_of_every_dialog_lies_inside_its_frame(seeds, size):
    """The frame's inside (the box less its border and padding) holds every widget across; down,
    every one outside the scrolling body, which clips what it scrolls. (The walk's PNGs showed the
    fields running past the frame: the screenshot's font, not the layout, whose cells a terminal
    draws inside it; this keeps the layout so.)"""
    from textual.widget import Widget

    async with running(AWAYAN, size=size, lang="en") as (app, pilot):
        for key in DIALOG_KEYS:
            app.query_one(ProcedureView).select_step(2)
            app.query_one("#steps").focus()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            box = next(iter(app.screen.query(".dialog")), None)
            assert box is not None, (key, app.screen)
            inner = box.region.shrink(box.styles.gutter)
            assert app.screen.region.contains_region(box.region), key
            body = next(iter(box.query(".dialog-body")), None)
            for widget in box.query(Widget):
                region = widget.region
                if not region.area:
                    continue  # not shown (the key line, said on the bottom line instead)
                assert inner.x <= region.x and region.right <= inner.right, (key, widget, region, inner)
                if body is None or body not in widget.ancestors:
                    assert inner.y <= region.y and region.bottom <= inner.bottom, (key, widget, region, inner)
            await pilot.press("escape")
            await pilot.pause()
            assert len(app.screen_stack) == 1, key
