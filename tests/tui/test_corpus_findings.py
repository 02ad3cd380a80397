"""The `T` screen's status line and footer (the QA walk's defects 6 and 9)."""

import pytest

from soptui.tui.screens import CorpusFindings
from soptui.tui.widgets.findings import FindingsTable

from .conftest import AWAYAN, SIZES, running
from .test_layout import assert_footer_whole


def status(app) -> str:
    return str(app.screen.query_one("#findings-status").render())


async def test_the_status_line_counts_every_finding_and_names_the_sort_s_chose(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, CorpusFindings)
        table = app.screen.query_one(FindingsTable)
        every = len(app.workspace.all_findings())
        assert len(table.findings) == every > 0
        assert status(app) == f"{every} · urut menurut tingkat (s)"  # not "nothing matches"
        await pilot.press("tab")  # to the list
        for word in ("aturan", "unit", "berkas", "tingkat"):
            await pilot.press("s")
            await pilot.pause()
            assert status(app) == f"{every} · urut menurut {word} (s)"
        await pilot.press("slash", *"zzzz-nothing")
        await pilot.pause()
        assert status(app) == "tidak ada yang cocok"


@pytest.mark.parametrize("size", [*SIZES, (60, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_T_footer_shows_only_whole_keys_as_the_main_one_does(seeds, size):
    """At 120x40 its footer read `T semua temuan  L▏^p palette`, at 80x24 `^s sim`. (At 60
    columns T's own keys are more than fit.)"""
    async with running(AWAYAN, size=size) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        in_filter = assert_footer_whole(app)
        assert "escape" in in_filter
        await pilot.press("tab")
        await pilot.pause()
        in_list = assert_footer_whole(app)
        assert {"s", "escape"} <= set(in_list) and (size[0] < 80 or "f" in in_list)
        assert not {"T", "L", "ctrl+s", "n"} & set(in_filter + in_list)  # the open SOP's keys are off here
