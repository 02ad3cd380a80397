"""A table drawn line by line (Textual's Line API), for the Prosedur tab's steps.

Textual's DataTable renders every visible cell again, each through a Rich Padding, whenever
anything in the table changes, the cursor included. This table holds plain cells (text and a
style), turns a row into segments once and keeps them until the rows or the styles change, and
on a cursor move repaints only the two rows the cursor leaves and enters.

What it keeps of DataTable: a two-line header, fixed columns on the left while the others
scroll sideways, rows of one or more lines, a cell cursor with DataTable's keys (arrows,
page up/down, home/end, ctrl+home/end, enter) and mouse clicks, the `CellHighlighted` and
`CellSelected` messages, and DataTable's look (its component classes' colours).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...one_cell import one_cell
from .fixed_size import FixedSize
from .plain_lines import PlainLines

PADDING = 1  # a blank cell each side of a cell's text


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # "\n" between the header's lines
    width: int  # of the text; the column takes PADDING more each side
    style: str = ""  # of the label

    @property
    def render_width(self) -> int:
        return self.width + 2 * PADDING


@dataclass(frozen=True)
class Row:
    """A row: one cell per column, each its text ("\n" between lines) and its style."""

    key: str
    cells: tuple[tuple[str, str], ...]
    height: int = 1


class StepsTable(PlainLines, FixedSize, ScrollView, can_focus=True):
    BINDINGS = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor(-1, 0)", "Cursor up", show=False),
        Binding("down", "cursor(1, 0)", "Cursor down", show=False),
        Binding("left", "cursor(0, -1)", "Cursor left", show=False),
        Binding("right", "cursor(0, 1)", "Cursor right", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("ctrl+home", "first_row", "Top", show=False),
        Binding("ctrl+end", "last_row", "Bottom", show=False),
        Binding("home", "first_column", "Home", show=False),
        Binding("end", "last_column", "End", show=False),
    ]
    COMPONENT_CLASSES = {
        "steps-table--header",
        "steps-table--cursor", "steps-table--fixed-cursor", "steps-table--cursor-row",
    }
    # DataTable's colours, so the table looks as it did.
    DEFAULT_CSS = """
    StepsTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .steps-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .steps-table--header { background-tint: $foreground 5%; }
            & > .steps-table--fixed-cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
        & > .steps-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .steps-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .steps-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .steps-table--fixed-cursor { background: $block-cursor-blurred-background; color: $foreground; }
        /* the rest of the cursor's row, so the row read is plain across the table */
        & > .steps-table--cursor-row { background: $block-cursor-background 22%; }
    }
    """

    class CellHighlighted(Message):
        """The cursor is on a new cell."""

        def __init__(self, table: StepsTable, coordinate: Coordinate) -> None:
            super().__init__()
            self.table = table
            self.coordinate = coordinate

        @property
        def control(self) -> StepsTable:
            return self.table

    class CellSelected(Message):
        """Enter (or a click) on the cell under the cursor."""

        def __init__(self, table: StepsTable, coordinate: Coordinate, column_key: str) -> None:
            super().__init__()
            self.table = table
            self.coordinate = coordinate
            self.column_key = column_key

        @property
        def control(self) -> StepsTable:
            return self.table

    def __init__(self, *, fixed_columns: int = 0, header_height: int = 2, cursor_type: str = "cell",
                 on_highlight: Callable[[Coordinate], None] | None = None, **kwargs) -> None:
        """`cursor_type` "cell" or "row" (the whole row highlighted, left and right scroll).
        `on_highlight` is called with the cursor's new cell before the move returns, so what it
        changes is painted in the same frame as the cursor (a message would come a frame later);
        the `CellHighlighted` message is posted as well."""
        super().__init__(**kwargs)
        self.cursor_type = cursor_type
        self.on_highlight = on_highlight
        self.fixed_columns = fixed_columns
        self.header_height = header_height
        self.ordered_columns: list[Column] = []
        self.rows: list[Row] = []
        self._row_tops: list[int] = []  # each row's first line, below the header
        self._line_rows: list[tuple[int, int]] = []  # per line below the header: (row, line in row)
        self._cursor = Coordinate(0, 0)
        # A row's segments, by its cells, the column widths, the line and the cursor's column in
        # it (-1: none): they outlive a rebuild that leaves the row as it was (an edit elsewhere).
        self._segments: LRUCache[tuple, tuple[list[Segment], list[Segment]]] = LRUCache(4000)
        self._styles: dict[str, Style] = {}
        self._combined: dict[tuple, tuple[Style, Style]] = {}  # a cell's styles, by what they are made of

    # -- content ---------------------------------------------------------------------------------
    def set_table(self, columns: list[Column], rows: list[Row], cursor: Coordinate | None = None,
                  scroll: tuple[float, float] | None = None) -> None:
        """Show `columns` and `rows`, the cursor at `cursor`, scrolled to `scroll` (x, y). When
        the columns and the rows' heights are as they were (an edit of a value), only the rows
        that differ, and the cursor's, are repainted."""
        before, before_cursor = (self.ordered_columns, self.rows), self._cursor
        self.ordered_columns, self.rows = list(columns), list(rows)
        self._row_tops, self._line_rows, top = [], [], 0
        for index, row in enumerate(self.rows):
            self._row_tops.append(top)
            self._line_rows.extend((index, line) for line in range(row.height))
            top += row.height
        self.virtual_size = Size(sum(c.render_width for c in self.ordered_columns), self.header_height + top)
        self._cursor = self._clamp(cursor or self._cursor)
        if scroll is not None:
            self.scroll_to(*scroll, animate=False, immediate=True)
        old_columns, old_rows = before
        if scroll is None and old_columns == self.ordered_columns and \
                [row.height for row in old_rows] == [row.height for row in self.rows]:
            for index, (old, new) in enumerate(zip(old_rows, self.rows)):
                if old != new:
                    self._refresh_row(index)
            if self._cursor != before_cursor:
                self._refresh_row(before_cursor.row)
                self._refresh_row(self._cursor.row)
        else:
            self.refresh()
        self._highlighted()

    def clear(self) -> None:
        self.set_table([], [])

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    @property
    def cursor_column(self) -> int:
        return self._cursor.column

    def _clamp(self, coordinate: Coordinate) -> Coordinate:
        row = max(0, min(coordinate.row, len(self.rows) - 1))
        column = max(0, min(coordinate.column, len(self.ordered_columns) - 1))
        return Coordinate(row, column)

    # -- the cursor ------------------------------------------------------------------------------
    def move_cursor(self, *, row: int | None = None, column: int | None = None, animate: bool = False,
                    scroll: bool = True) -> None:
        old = self._cursor
        new = self._clamp(Coordinate(old.row if row is None else row, old.column if column is None else column))
        self._cursor = new
        if new != old:
            self._refresh_row(old.row)
            self._refresh_row(new.row)
            self._highlighted()
        if scroll:
            self.scroll_cursor_into_view(animate=animate)

    def _highlighted(self) -> None:
        if self.on_highlight is not None:
            self.on_highlight(self._cursor)
        self.post_message(self.CellHighlighted(self, self._cursor))

    def _refresh_row(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.refresh_lines(self.header_height + self._row_tops[index], self.rows[index].height)

    def _fixed_width(self) -> int:
        return sum(c.render_width for c in self.ordered_columns[: self.fixed_columns])

    def cell_region(self, coordinate: Coordinate) -> Region:
        """Where a cell lies in the table's virtual space (all columns side by side)."""
        row, column = coordinate
        x = sum(c.render_width for c in self.ordered_columns[:column])
        return Region(x, self.header_height + self._row_tops[row], self.ordered_columns[column].render_width,
                      self.rows[row].height)

    def scroll_cursor_into_view(self, animate: bool = False) -> None:
        if not self.rows or not self.ordered_columns:
            return
        spacing = Spacing(self.header_height, 0, 0, self._fixed_width())
        self.scroll_to_region(self.cell_region(self._cursor), animate=animate, spacing=spacing, force=True,
                              immediate=True)

    def action_cursor(self, rows: int, columns: int) -> None:
        if self.cursor_type == "row" and columns:
            self.scroll_relative(x=columns * 4, animate=False)
            return
        self.move_cursor(row=self._cursor.row + rows, column=self._cursor.column + columns)

    def action_page(self, direction: int) -> None:
        """A screenful of lines up or down, the cursor going with it."""
        height = max(1, self.scrollable_content_region.height - self.header_height)
        lines, row = 0, self._cursor.row
        while 0 <= row + direction < len(self.rows) and lines + self.rows[row + direction].height <= height:
            row += direction
            lines += self.rows[row].height
        self.scroll_relative(y=direction * height, animate=False, force=True, immediate=True)
        self.move_cursor(row=row, scroll=False)

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=len(self.rows) - 1)

    def action_first_column(self) -> None:
        self.move_cursor(column=0)

    def action_last_column(self) -> None:
        self.move_cursor(column=len(self.ordered_columns) - 1)

    def action_select_cursor(self) -> None:
        if self.rows and self.ordered_columns:
            self.post_message(self.CellSelected(self, self._cursor, self.ordered_columns[self._cursor.column].key))

    async def _on_click(self, event: events.Click) -> None:
        here = self.cell_at(event.x, event.y)
        if here is None:
            return
        event.stop()
        if here == self._cursor:
            self.action_select_cursor()
        else:
            self.move_cursor(row=here.row, column=here.column)

    def cell_at(self, x: int, y: int) -> Coordinate | None:
        """The cell at (x, y) on the widget, if any (not the header)."""
        if y < self.header_height:
            return None
        line = y - self.header_height + int(self.scroll_y)
        if not 0 <= line < len(self._line_rows):
            return None
        fixed = self._fixed_width()
        virtual_x = x if x < fixed else x + int(self.scroll_x)
        left = 0
        for index, column in enumerate(self.ordered_columns):
            if index < self.fixed_columns and x >= fixed:
                left += column.render_width
                continue
            if left <= virtual_x < left + column.render_width:
                return Coordinate(self._line_rows[line][0], index)
            left += column.render_width
        return None

    # -- focus -----------------------------------------------------------------------------------
    # The app gives a table the focus in the key's own turn, styles and all (SoptuiApp._focus_now),
    # so that the frame showing a tab shows its table focused. Textual's Focus and Blur events come
    # after that frame, and Widget's handlers repaint the table again, in a frame of their own:
    # here the events that find the table as it already is only go on to its parent, as Widget's do.

    def _on_focus(self, event: events.Focus) -> None:
        if self.has_focus:
            event.prevent_default()
            if self.parent is not None:
                self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        if not self.has_focus:
            event.prevent_default()
            if self.parent is not None:
                self.parent.post_message(events.DescendantBlur(self))

    # -- drawing ---------------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._combined.clear()
        self._segments.clear()

    def _style(self, name: str) -> Style:
        """A component class's style, or a cell's own style by its name ("bold red")."""
        style = self._styles.get(name)
        if style is None:
            if name.startswith("steps-table--"):
                style = self.get_component_styles(name).rich_style
            elif name == "":
                style = self.rich_style
            else:
                style = Style.parse(name)
            self._styles[name] = style
        return style

    def _cell(self, text: str, width: int, style: Style) -> Segment:
        # a value's control codes (a TOML "\u001b") drawn, not sent to the terminal
        return Segment(" " * PADDING + set_cell_size(one_cell(text), width) + " " * PADDING, style)

    def _row_segments(self, index: int, line: int, cursor_column: int) -> tuple[list[Segment], list[Segment]]:
        """One line of a row (index -1: the header) as the fixed part and all the columns."""
        columns = self.ordered_columns
        header = index < 0
        cells = tuple((c.label, c.style) for c in columns) if header else self.rows[index].cells
        key = (cells, tuple(c.width for c in columns), line, cursor_column)  # cursor_column -2: the row
        cached = self._segments.get(key)
        if cached is not None:
            return cached
        style = self._style
        base = style("steps-table--header") if header else style("")
        # The fixed columns' cells in the row's colours: a background of their own (DataTable's
        # `--fixed`) read as a selected or striped row that stopped at Kegiatan.
        fixed_base = base
        cursor = style("steps-table--cursor")
        if cursor_column >= 0 and not header:  # a cell cursor: its row marked too, more faintly
            base = base + style("steps-table--cursor-row")
            fixed_base = fixed_base + style("steps-table--cursor-row")
        fixed_segments, segments = [], []
        combined = self._combined
        for number, (column, (text, cell_style)) in enumerate(zip(columns, cells)):
            lines = text.split("\n")
            shown = lines[line] if line < len(lines) else ""
            in_cursor = number == cursor_column or cursor_column == -2
            fixed_cursor = in_cursor and number < self.fixed_columns and not header
            # A cell's style from the few it is made of, added once for each combination.
            combination = (header, cursor_column >= 0, cell_style, in_cursor, fixed_cursor)
            styles = combined.get(combination)
            if styles is None:
                over = style(cell_style) if cell_style else Style()
                if in_cursor:
                    cursor_style = cursor + (style("steps-table--fixed-cursor") if fixed_cursor else Style())
                    # The cursor's colour over the cell's own, its background under it (as DataTable).
                    over = cursor_style + over + Style(color=cursor_style.color)
                styles = combined[combination] = (base + over, fixed_base + over)
            segments.append(self._cell(shown, column.width, styles[0]))
            if number < self.fixed_columns:
                fixed_segments.append(self._cell(shown, column.width, styles[1]))
        self._segments[key] = (fixed_segments, segments)
        return fixed_segments, segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._style("")  # the widget's own style: worked out up the tree, so kept
        if y < self.header_height:
            index, line = -1, y
        else:
            at = y - self.header_height + int(self.scroll_y)
            if at >= len(self._line_rows) or not self.ordered_columns:
                return Strip.blank(width, base)
            index, line = self._line_rows[at]
        cursor_column = -1
        if index == self._cursor.row:
            cursor_column = -2 if self.cursor_type == "row" else self._cursor.column
        fixed, scrollable = self._row_segments(index, line, cursor_column)
        if cursor_column == -2:  # a row cursor reaches the right edge
            base = base + self._style("steps-table--cursor")
        fixed_width = self._fixed_width()
        scroll_x = int(self.scroll_x)
        # the columns end where the vertical scroll bar begins (the line goes on under it)
        end = scroll_x + width - self.scrollbar_size_vertical
        segments = [*fixed, *self._window(scrollable, fixed_width + scroll_x, end)]
        used = sum(column.render_width for column in self.ordered_columns[:self.fixed_columns]) + \
            sum(segment.cell_length for segment in segments[len(fixed):])
        if used > width:  # a screen narrower than the fixed columns
            return Strip(segments).crop(0, width)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width)

    def _window(self, segments: list[Segment], start: int, end: int) -> list[Segment]:
        """The cells of a line between `start` and `end` (cells from its left), cut where the
        ends fall inside a cell: a line's one cell a column, each its column's width."""
        shown, left = [], 0
        for column, segment in zip(self.ordered_columns, segments):
            right = left + column.render_width
            if right > start and left < end:
                if left < start:
                    # The last cells of a column scrolled under the fixed ones read as text of
                    # their own ("at", "P…" beside Kegiatan): drawn blank, in the colours they
                    # had, for a clean edge.
                    segment = Segment(" " * (min(right, end) - start), segment.style)
                elif right > end:
                    # The column the right edge cuts: where its text goes on past the edge, its
                    # last cell shown is "…" ("Pelaks…", not "Pelaks", which reads as a word).
                    kept, cut = segment.split_cells(end - left)
                    if end - left > PADDING and cut.text.strip() and kept.text[-1:]:
                        kept = Segment(set_cell_size(kept.text, end - left - 1) + "…", kept.style)
                    segment = kept
                shown.append(segment)
            left = right
        return shown
