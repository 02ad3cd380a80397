"""The Diagram tab opens where the flow starts and moves sideways a lane's part at a press."""

from soptui import diagram
from soptui.tui.widgets.diagram import DiagramView

from .conftest import SUMBERSUKO, running


async def test_the_diagram_opens_with_the_first_step_in_view_and_scrolls_by_several_columns(seeds):
    async with running(SUMBERSUKO, size=(80, 24)) as (app, pilot):
        await pilot.press("3")
        await pilot.pause(0.1)
        view = app.query_one(DiagramView)
        width = view.scrollable_content_region.width
        first = diagram.layout(app.document.sop, width=max(60, view.size.width) - 2).boxes[0]
        assert first.right > width  # it would open on empty lanes unscrolled
        assert view.scroll_x <= first.x and first.right < view.scroll_x + width
        before = view.scroll_x
        await pilot.press("left")
        await pilot.pause()
        assert view.scroll_x == before - 8
        await pilot.press("1", "down", "3")  # the same SOP again: the reader's place is kept
        await pilot.pause(0.1)
        assert view.scroll_x == before - 8
