"""The layout at the three sizes a reviewer's terminal has: nothing past the screen, every
column reachable, every long text readable, dialogs that look like dialogs."""

from pathlib import Path

import pytest
from textual.widgets import Button

from soptui.tui.screens import Choose, HelpScreen
from soptui.tui.widgets.footer import KeysFooter
from soptui.tui.widgets.procedure import ProcedureView
from soptui.tui.widgets.steps_table import StepsTable

from .conftest import AWAYAN, LAMPIHONG, SIZES, running


def _scrolled_inside(widget) -> bool:
    node = widget.parent
    while node is not None and node is not widget.screen:
        if getattr(node, "is_scrollable", False) and (node.allow_horizontal_scroll or node.allow_vertical_scroll):
            return True
        node = node.parent
    return False


def outside(app, size) -> list[str]:
    width, height = size
    found = []
    for widget in app.screen.walk_children():
        if not widget.display or not widget.visible or _scrolled_inside(widget):
            continue
        region = widget.region
        if region.width and region.height and (region.right > width or region.bottom > height or region.x < 0):
            found.append(f"{type(widget).__name__}#{widget.id} {tuple(region)}")
    return found


def header_text(table: StepsTable) -> str:
    return "".join(segment.text for y in (0, 1) for segment in table.render_line(y))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_widget_reaches_past_the_screen_on_any_tab(seeds, size):
    async with running(AWAYAN, size=size) as (app, pilot):
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
            assert outside(app, size) == [], f"tab {key}"
        main = app.query_one("#tabs").region
        assert main.right <= size[0]
        if size[0] < 110:
            assert not app.query_one("#side").display  # the sidebar gives way on a narrow terminal
        else:
            assert app.query_one("#side").display and main.x >= app.query_one("#side").region.right


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_prosedur_column_can_be_brought_into_view_while_no_and_kegiatan_stay(seeds, size):
    async with running(AWAYAN, size=size) as (app, pilot):
        table = app.query_one("#steps", StepsTable)
        labels = [str(column.label).split("\n")[0] for column in table.ordered_columns]
        assert labels[-4:] == ["Kelengkapan", "Waktu", "Output", "Keterangan"]
        assert labels[-5].startswith("(tidak")  # Awayan's steps the source could not place have a column of their own
        for index, label in enumerate(labels):
            table.move_cursor(row=0, column=index)
            await pilot.pause()
            shown = header_text(table)
            assert label.strip() in shown, f"{label} not in view at {size}"
            assert "No" in shown and "Kegiatan" in shown  # the fixed columns stay


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_selected_steps_whole_text_and_findings_are_readable(seeds, size):
    async with running(AWAYAN, size=size) as (app, pilot):
        view = app.query_one(ProcedureView)
        sop = view.sop
        longest = max(sop.langkah, key=lambda step: len(step.kegiatan))
        assert len(longest.kegiatan) > 80  # longer than any screen's Kegiatan column
        view.select_step(longest.index)
        await pilot.pause()
        detail = app.query_one("#step-detail").content
        shown = " ".join(str(detail).split())
        assert " ".join(longest.kegiatan.split()) in shown
        for finding in view.step_findings.get(longest.index, []):
            assert " ".join(finding.message("id").split()) in shown
        pane = app.query_one("#step-detail")
        assert pane.region.right <= size[0] and pane.region.height >= 4


async def test_the_text_columns_grow_on_a_wide_screen(seeds):
    two_actors = seeds / "awayan" / "dua.toml"
    text = (seeds / "awayan" / "pengukuran-kinerja-triwulan.toml").read_text()
    two_actors.write_text(text.replace('kasubbag_pk = "Kasubbag Perencanaan dan Keuangan"\n', "")
                          .replace('pelaksana = "Pelaksana"\n', "", 1))
    widths = {}
    for size in ((120, 40), (200, 50)):
        async with running("sops/awayan/dua.toml", size=size) as (app, pilot):
            view = app.query_one(ProcedureView)
            widths[size[0]] = view.widths
            table = app.query_one("#steps", StepsTable)
            if size[0] == 200:
                assert table.virtual_size.width <= table.size.width  # it all fits: nothing to scroll
    assert widths[200]["kegiatan"] > widths[120]["kegiatan"] >= 30, widths
    assert widths[200]["output"] > widths[120]["output"]


async def test_the_sidebar_toggle_is_kept_and_shown_in_the_footer(seeds):
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        assert not app.query_one("#side").display
        toggle = [key for key in app.query_one(KeysFooter).shown if key.key == "ctrl+b"]
        assert toggle and toggle[0].right <= 80  # in the footer, and on the screen
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.query_one("#side").display
        await pilot.resize_terminal(90, 24)
        await pilot.pause()
        assert app.query_one("#side").display  # the user's choice wins over the automatic one
        assert outside(app, (90, 24)) == []


async def test_the_sidebar_gives_way_when_a_running_terminal_is_made_narrow(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        assert app.query_one("#side").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.size == (80, 24)
        assert not app.query_one("#side").display
        assert outside(app, (80, 24)) == []
        assert app.query_one("#tabs").region.x == 0  # the tables take the whole width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.query_one("#side").display  # and comes back when it is wide again
        assert outside(app, (120, 40)) == []


async def test_a_sidebar_toggle_holds_until_the_width_crosses_the_threshold(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("ctrl+b")  # hidden by hand on a wide terminal
        await pilot.pause()
        await pilot.resize_terminal(140, 40)  # wider still: no crossing, the choice holds
        await pilot.pause()
        assert not app.query_one("#side").display
        await pilot.resize_terminal(80, 24)  # narrow: hidden by itself
        await pilot.pause()
        assert not app.query_one("#side").display
        await pilot.press("ctrl+b")  # shown by hand on a narrow terminal
        await pilot.pause()
        assert app.query_one("#side").display
        await pilot.resize_terminal(100, 24)  # still narrow: the choice holds
        await pilot.pause()
        assert app.query_one("#side").display and outside(app, (100, 24)) == []
        await pilot.resize_terminal(120, 40)  # crossing: the automatic choice again
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.query_one("#side").display


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_dialogs_are_centred_framed_and_focus_the_safe_choice(seeds, size):
    async with running(AWAYAN, size=size) as (app, pilot):
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        box = app.screen.query_one(".dialog").region
        assert abs((box.x + box.right) / 2 - size[0] / 2) <= 2 and abs((box.y + box.bottom) / 2 - size[1] / 2) <= 2
        assert box.width < size[0] and box.height < size[1]  # the app stays visible around it
        assert app.screen.query_one(".dialog").styles.border.top[0] != ""
        assert app.screen.styles.background.a < 1  # and behind it
        assert app.focused.id == "cancel"
        assert app.screen.query_one("#delete", Button).variant == "error"
        await pilot.press("enter")  # Enter on the focused, safe choice
        await pilot.pause()
        assert not isinstance(app.screen, Choose) and len(app.document.view.langkah) == 7


async def test_help_scrolls_by_keyboard_to_its_last_row(seeds):
    async with running(AWAYAN, size=(80, 24)) as (app, pilot):
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y


async def test_screenshots_of_every_tab_at_every_size(seeds, snapshot):
    snapshot.snapshot_dir = Path(__file__).parent / "snapshots"
    for size in SIZES:
        async with running(AWAYAN, size=size) as (app, pilot):
            for number, tab in enumerate(("prosedur", "identitas", "diagram", "temuan"), 1):
                await pilot.press(str(number))
                app.clear_notifications()  # a toast's timing is the machine's, not the layout's
                await pilot.pause()
                snapshot.assert_match(app.export_screenshot(), f"{tab}-{size[0]}x{size[1]}.svg")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_add_step_form_keeps_its_buttons_on_screen(seeds, size):
    async with running(AWAYAN, size=size) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        for button in app.screen.query(Button):
            assert button.region.bottom <= size[1] and button.region.height > 0, button.id
        assert outside(app, size) == []


def footer_line(app) -> str:
    """The footer's row as the terminal shows it: every key drawn, the docked palette key over them."""
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for segment in strips[app.screen.size.height - 1])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_every_key_the_footer_shows_is_whole(seeds, size, lang):
    """At 120 columns the docked palette key covered the last key's label ("L Eng▏^p palette"):
    a key that does not fit left of the palette key is left out, never cut."""
    async with running(AWAYAN, size=size, lang=lang) as (app, pilot):
        for tab in ("1", "4"):  # the Prosedur table's keys, then Temuan's
            await pilot.press(tab)
            await pilot.pause()
            footer = app.screen.query_one(KeysFooter)
            palette, shown = footer.palette, footer.shown
            assert len(shown) >= 4, [key.key for key in shown]
            line = footer_line(app)
            assert line.rstrip().endswith(palette.description)
            for key in shown:
                assert key.right <= palette.x, (key.key, key, palette)
                assert key.description in line, (key.description, line)
            if size[0] >= 200:  # room for every key the focus makes active
                active = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
                assert {key.action for key in shown} == active - {palette.action}


def assert_footer_whole(app) -> list[str]:
    """Every key shown lies before the palette key with its whole label on screen; the keys shown."""
    footer = app.screen.query_one(KeysFooter)
    palette, shown = footer.palette, footer.shown
    line = footer_line(app)
    for key in shown:
        assert key.right <= palette.x and key.description in line, (key.key, line)
    return [key.key for key in shown]


async def test_the_footer_fits_its_keys_again_after_a_resize_and_a_change_of_language(seeds):
    async with running(AWAYAN, size=(200, 50)) as (app, pilot):
        wide = assert_footer_whole(app)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        narrow = assert_footer_whole(app)
        assert narrow == wide[:len(narrow)] and len(narrow) < len(wide)  # the last ones left out, in order
        await pilot.press("L")
        await pilot.pause()
        assert_footer_whole(app)
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert len(assert_footer_whole(app)) == len(wide)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_what_is_drawn_blank_looks_as_it_did(seeds, size):
    """The screen, the tabs' container, its switcher and the panes draw their own lines blank
    (BLANK), in their background, not through the style cache: each tab at each size looks the
    same as with them drawn as Textual draws them."""
    import re

    def screenshot(app) -> str:  # without the SVG's hash of the styles, which differs
        return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())

    async with running(AWAYAN, size=size) as (app, pilot):
        tabs = app.query_one("#tabs")
        blank = [app.screen, tabs, tabs.query_one("ContentSwitcher"), *tabs.query("StackedPane")]
        assert all(widget.BLANK for widget in blank)
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            app.clear_notifications()
            await pilot.pause()
            drawn_blank = screenshot(app)
            for widget in blank:
                widget.BLANK = False
                widget.refresh()
            await pilot.pause()
            assert screenshot(app) == drawn_blank, f"tab {key}"
            for widget in blank:
                widget.BLANK = True
                widget.refresh()



async def test_kegiatan_takes_its_share_of_a_wide_screen_beside_five_actor_lanes(seeds):
    widths = {}
    for size in SIZES:  # Lampihong: five actors and a column of steps the source could not place
        async with running(LAMPIHONG, size=size) as (app, pilot):
            view = app.query_one(ProcedureView)
            table = app.query_one("#steps", StepsTable)
            assert len([c for c in table.ordered_columns if c.key.startswith("actor:")]) == 6
            widths[size[0]] = view.widths["kegiatan"]
            if size[0] == 200:
                row = "".join(segment.text for segment in table.render_line(2))
                first = view.sop.langkah[0].kegiatan
                assert first[:widths[200] - 1] in row  # the row shows that much of it, not 30 cells
    assert widths[80] >= 30 and widths[120] >= 30
    assert widths[200] >= 45, widths  # it was 30 at 200 columns: the actors' lanes took the rest


@pytest.mark.parametrize("width", [110, 120, 160, 200, 300])
async def test_the_sidebar_takes_a_share_of_a_wide_screen_up_to_a_cap(seeds, width):
    async with running(LAMPIHONG, size=(width, 40)) as (app, pilot):
        side = app.query_one("#side").region
        assert 28 <= side.width <= 60
        assert side.width >= min(60, width // 4)  # a quarter: at 200 columns it was 40
        assert app.query_one("#tabs").region.x >= side.right and outside(app, (width, 40)) == []
        if width >= 200:  # the open SOP's nama begins to read, not only its file name (it was "Pelak")
            tree = app.query_one("#corpus")
            lines = ["".join(s.text for s in tree.render_line(y)) for y in range(tree.size.height)]
            assert any("pengukuran-kinerja  Pelaksanaan Pen" in line for line in lines), lines


@pytest.mark.parametrize("width", [80, 90, 110, 120, 140, 200])
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_filter_placeholder_fits_the_sidebar_at_every_width(seeds, width, lang):
    async with running(size=(width, 30), lang=lang) as (app, pilot):
        if not app.query_one("#side").display:
            await pilot.press("ctrl+b")  # shown by hand on a narrow terminal
            await pilot.pause()
        box = app.query_one("#filter")
        assert len(box.placeholder) <= box.content_region.width, (box.placeholder, box.content_region)
        shown = "".join(s.text for s in box.render_line(0))
        assert box.placeholder in shown


async def test_the_app_makes_pythons_full_collections_when_no_key_has_come_for_a_moment(seeds, monkeypatch):
    """Made by the collector itself, a full collection fell in the middle of a key press and held
    it up by its whole walk (tens of milliseconds); the app makes them between keys instead."""
    import gc
    import time

    from soptui import gcpolicy

    before = gc.get_threshold()
    made = []
    monkeypatch.setattr(gcpolicy.gc, "collect", lambda *args: made.append(args))
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        assert gc.get_threshold()[2] > gcpolicy.FULL_AT_THE_LATEST
        app._last_input = float("-inf")
        monkeypatch.setattr(gcpolicy.gc, "get_count", lambda: (0, 0, gcpolicy.FULL_AFTER))
        await pilot.pause(app.IDLE_BEFORE_COLLECTING * 3)
        assert made, "no full collection while idle"
        made.clear()
        await pilot.press("j")
        assert app._last_input > time.monotonic() - 5  # the key was seen
        app._last_input = time.monotonic() + 60  # keys keep coming (the pause below is no gap)
        await pilot.pause(app.IDLE_BEFORE_COLLECTING * 3)
        assert not made, "a full collection right after a key"
        app._last_input = float("-inf")
        app.open(Path(LAMPIHONG))  # by a message, no key: the frame that draws it is no idle time either
        app._collect_when_idle()
        assert not made, "a full collection right after opening a SOP"
    assert gc.get_threshold() == before


async def test_the_table_n_left_in_another_tab_is_styled_unfocused_by_the_time_it_is_seen(seeds):
    """The table left by `n` into another tab keeps its look out of sight (restyled there, it
    was drawn again from nothing when `n` came back to it, and its scroll bars laid the screen
    out for a tab no one saw); shown again with the focus elsewhere (a click on its tab), it is
    restyled for its lost focus before it is seen."""
    from textual.widgets import TabbedContent

    from soptui.tui.widgets.identity import IdentityView

    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        tabs = app.query_one(TabbedContent)
        left = set()
        for _ in range(40):
            before, focused = tabs.active, app.screen.focused
            await pilot.press("n")
            if tabs.active == before:
                continue
            await pilot.pause()
            assert isinstance(focused, (StepsTable, IdentityView)) and not focused.has_focus
            now = tabs.active
            await pilot.click(f"#--content-tab-{before}")  # seen again, the focus left where it was
            await pilot.pause()
            assert tabs.active == before and not focused.has_focus
            assert not focused.has_pseudo_class("focus")
            cursor = focused.get_component_styles("steps-table--cursor").background
            app.stylesheet.update_nodes([focused])  # restyled from scratch: nothing changes
            assert focused.get_component_styles("steps-table--cursor").background == cursor
            app.action_tab(now)  # back where `n` went, to go on from there
            await pilot.pause()
            left.add(before)
            if len(left) == 2:
                break
        assert left == {"prosedur", "identitas"}


async def test_a_tab_shown_again_is_drawn_for_its_width(seeds):
    """`n` into Identitas of the next SOP, then `1`, `2`, `1`: the Prosedur table is built for
    the width it has. (Textual's map of the screen, rebuilt while the tab was hidden, was asked
    where the table was as the tab was shown again: not in it, the table had no width, and was
    built for the 120 columns it falls back on, its Kegiatan column too wide at 120x40.)"""
    from soptui.tui.widgets.procedure import ProcedureView

    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        for key in ["n"] * 8 + ["1", "2", "1"]:
            await pilot.press(key)
            await pilot.pause()
        procedure = app.query_one(ProcedureView)
        assert app.query_one("#tabs").active == "prosedur" and procedure.size.width < 120
        assert procedure._built_for_width == procedure.size.width
