"""The sidebar: the corpus as a tree of units and files, with finding counts, each SOP's nama,
the open SOP marked, and a filter."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.strip import Strip
from textual.widgets import Label, Tree
from textual.widgets.tree import TreeNode

from ...one_cell import one_cell
from ...workspace import Workspace
from ..messages import FileChosen
from ..strings import say
from .filter_box import FilterBox
from .fixed_size import FixedSize
from .marks import MARK, SEVERITIES, STYLE
from .plain_lines import PlainLines


def matches(query: str, path: str, identity: dict) -> bool:
    """Whether a file matches the filter: every word in its name, nama, nomor or unit."""
    haystack = " ".join([Path(path).as_posix(), *identity.values()]).casefold()
    return all(word in haystack for word in query.casefold().split())


# Above this many files, folders start closed and get their files when opened: a tree of ten
# thousand lines is not read but filtered, and building it would hold up the first screen.
OPEN_FOLDERS_UP_TO = 500
NULL = Style()
# Tree's style of a folder's open/close icon: a click on it toggles the folder.
TOGGLE_STYLE = Style.from_meta({"toggle": True})


@lru_cache(maxsize=4096)
def meta_style(key: str, value: int) -> Style:
    """Tree's style that tells a click which line or node it hit: made once for each (a Style
    with meta pickles it, and a line drawn needs two of them)."""
    return Style(meta={key: value})


class CorpusTree(PlainLines, FixedSize, Tree):
    """A tree whose file labels are drawn when they are on screen, from the workspace's state at
    that moment: ten thousand files cost what the twenty lines in view cost."""

    def __init__(self, workspace: Workspace, parts_of, *args, **kwargs) -> None:
        """`parts_of(path)`: a file's label as (text, style) parts."""
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.parts_of = parts_of
        self._frame_styles: dict[tuple, object] = {}
        self._frame_style = Style()
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)

    _adding = False

    @contextmanager
    def adding(self) -> Iterator[None]:
        """Nodes added within it cost one reset of Tree's caches, not one each (a folder of a
        hundred SOPs opened)."""
        if self._adding:  # within another
            yield
            return
        self._adding = True
        try:
            yield
        finally:
            self._adding = False
            self._invalidate()

    def _invalidate(self) -> None:
        if self._adding:
            return
        # Tree lays the screen out again on every change of its nodes (a folder opened, filled);
        # the list's size is the stylesheet's, so a repaint does (see FixedSize).
        with self.repaint_only():
            super()._invalidate()

    def get_label_width(self, node) -> int:
        # Tree measures every label to size its scroll area; building ten thousand labels for it
        # would undo the point of drawing them lazily. Marks and counts take at most 16 cells.
        # The tree is measured again whenever a folder opens: string arithmetic, not a Path or a
        # rendered label a line.
        if not node.data:
            return len(self.ICON_NODE_EXPANDED) + node.label.cell_len  # a folder: its icon, its name
        result = self.workspace.results.get(node.data)
        nama = result.identity.get("nama", "") if result is not None else ""
        stem = os.path.splitext(os.path.basename(node.data))[0]
        return 16 + len(stem) + (len(nama) + 2 if nama else 0)

    # -- drawing ---------------------------------------------------------------------------------
    # Tree draws a line by building a Rich Text of its guides and label and rendering it, with its
    # styles worked out up the tree of widgets on every line: about a millisecond a line here, so
    # the repaint after opening a folder cost more than the rest of the frame. This draws the same
    # segments directly (tests/tui/test_corpus.py compares the two), the styles once a frame.

    def render_lines(self, crop):
        self._frame_styles = {}
        self._frame_style = self.rich_style
        self._frame = None
        return super().render_lines(crop)

    _frame: tuple | None = None

    def _frame_state(self) -> tuple:
        """What every line of a frame is drawn for, read once a frame (each is a reactive or a
        lookup of the widget's region)."""
        if self._frame is None:
            scroll_x, scroll_y = self.scroll_offset
            self._frame = (scroll_x, scroll_y, self.size.width, self.virtual_size.width, self.cursor_line,
                           self.hover_line, self.has_focus)
        return self._frame

    def _styles(self, name: str, partial: bool = False):
        key = (name, partial)
        if key not in self._frame_styles:
            self._frame_styles[key] = self.get_component_rich_style(name, partial=partial)
        return self._frame_styles[key]

    def _label_style(self, style: str, label_style: Style) -> Style:
        """A label part's style over the label's: once a frame for each pair."""
        key = ("part", style, label_style)
        combined = self._frame_styles.get(key)
        if combined is None:
            combined = self._frame_styles[key] = (Style.parse(style) if style else NULL) + label_style
        return combined

    def _hidden(self, name: str) -> bool:
        """Whether the stylesheet hides a kind of guide (a transparent colour), as Tree reads it."""
        key = (name, "hidden")
        if key not in self._frame_styles:
            self._frame_styles[key] = self.get_component_styles(name).color.a == 0
        return self._frame_styles[key]

    def _guides(self, style: Style, hidden: bool) -> tuple[str, str, str, str]:
        if self.show_guides and not hidden:
            lines = self.LINES["bold" if style.bold else "double" if style.underline2 else "default"]
        else:
            lines = ("  ", "  ", "  ", "  ")
        depth = max(0, self.guide_depth - 2)
        return tuple(f"{characters[0]}{characters[1] * depth} " for characters in lines)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y, width, virtual_width, cursor_line, hover_line, has_focus = self._frame_state()
        lines = self._tree_lines
        number = y + scroll_y
        if number >= len(lines):
            return Strip.blank(width, self._frame_style)
        line = lines[number]
        # A line is drawn again only when something it shows changed: scrolling the list (the
        # cursor going to another SOP of the same folder) repaints every line from here. The key
        # is Tree's own (its `_updates` moves when lines are added or taken away), with the cursor.
        key = (number, self._updates, self._frame_style, self._pseudo_class_state, width, virtual_width,
               cursor_line == number, hover_line == number, hover_line >= 0, has_focus,
               tuple((node._id, node._updates, node._hover, node._selected) for node in line.path), line.last)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = Strip(self._line_segments(number, line, width))
        return strip.crop(scroll_x, scroll_x + width)

    def _line_segments(self, y: int, line, width: int) -> list[Segment]:
        """Line `y` of the tree as Tree._render_line draws it, as segments."""
        styles = self._styles
        _, _, _, virtual_width, cursor_line, hover_line, has_focus = self._frame_state()
        path, node = line.path, line.node
        is_hover = hover_line >= 0 and any(n._hover for n in path)
        line_style = (styles("tree--highlight-line") if is_hover else self._frame_style) + meta_style("line", y)
        segments: list[Segment] = []
        base_guide = styles("tree--guides", partial=True)
        guide_style, hidden = base_guide, True
        hover, selected = path[0]._hover, path[0]._selected and has_focus
        for step in path[1:]:
            hidden = self._hidden("tree--guides")
            if hover:
                guide_style = base_guide + styles("tree--guides-hover", partial=True)
                hidden = self._hidden("tree--guides-hover")
            if selected:
                guide_style = base_guide + styles("tree--guides-selected", partial=True)
                hidden = self._hidden("tree--guides-selected")
            if step is not path[-1]:
                space, vertical, _, _ = self._guides(guide_style, hidden)
                segments.append(Segment(space if step.is_last else vertical, line_style + guide_style))
            hover = hover or step._hover
            selected = (selected or step._selected) and has_focus
        if len(path) > 1:
            _, _, terminator, cross = self._guides(guide_style, hidden)
            segments.append(Segment(terminator if line.last else cross, line_style + guide_style))
        label_style = styles("tree--label", partial=True)
        if hover_line == y:
            label_style += styles("tree--highlight", partial=True)
        if cursor_line == y:
            label_style += styles("tree--cursor")
        node_meta = meta_style("node", node._id)
        if node.data:
            # Tree's style of a label part is line + part + label + node meta: the line's and the
            # node's meta are this line's own, the part's and label's styles are shared by many
            # lines, so they are added once a frame and the line's once a line (the same style:
            # adding styles is associative, and the meta touches nothing the others set).
            line_node = line_style + node_meta
            for text, style in self.parts_of(node.data):
                segments.append(Segment(one_cell(text), line_node + self._label_style(style, label_style)))
        else:
            if node._allow_expand:
                icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
                segments.append(Segment(icon, line_style + (line_style + TOGGLE_STYLE) + node_meta))
            segments.append(Segment(one_cell(node._label.plain), line_style + label_style + node_meta))
        used = sum(segment.cell_length for segment in segments)
        pad = max(virtual_width, width) - used
        if pad > 0:
            segments.append(Segment(" " * pad, line_style))
        return segments


class CorpusPanel(Vertical):
    def __init__(self, workspace: Workspace, **kwargs) -> None:
        super().__init__(**kwargs)
        self.workspace = workspace
        self.query_text = ""
        self.lang = "id"
        self.open_path: str | None = None
        self.nodes: dict[str, TreeNode] = {}  # the files in the tree so far
        self._unfilled: dict[TreeNode, list[Path]] = {}  # closed folders and the files they will show
        self._shown = 0

    def compose(self) -> ComposeResult:
        # (Left focused, the box took the next single-key command as text: `q` typed a q. Escape
        # leaves it for the list, empty or not.)
        yield FilterBox(self.set_query, "corpus", placeholder=say("filter_placeholder", self.lang), id="filter")
        yield Label("", id="filter-status")
        tree: Tree[str] = CorpusTree(self.workspace, self.label_parts, "SOP", id="corpus")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree

    def on_mount(self) -> None:
        self.rebuild()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.query_one(FilterBox).placeholder = say("filter_placeholder", lang)
        self._status()

    def set_query(self, text: str) -> None:
        """The list filtered for `text` (as the filter box's text changes)."""
        if text != self.query_text:
            self.query_text = text
            self.rebuild()

    def rebuild(self) -> None:
        """The whole tree again: on start and when the filter changes. A new filter puts the
        cursor on its first file, so that Enter opens the first match (the cursor kept its row
        number from the list before, and Enter opened whatever file came to lie there); no
        filter, on the open SOP."""
        tree = self.query_one(Tree)
        tree.clear()
        self.nodes = {}
        self._unfilled = {}
        results = self.workspace.results
        folders: dict[Path, list[Path]] = {}
        for path in self.workspace.files:
            name = str(path)
            if self.query_text:
                identity = results[name].identity if name in results else {}
                if not matches(self.query_text, self.workspace.relative(name), identity):
                    continue
            folders.setdefault(path.parent, []).append(path)
        shown = sum(len(paths) for paths in folders.values())
        open_all = shown <= OPEN_FOLDERS_UP_TO
        with tree.adding():
            for folder, paths in folders.items():
                label = self.workspace.relative(folder) if folder != self.workspace.root else "."
                node = tree.root.add(f"{label} ({len(paths)})" if not open_all else label, expand=open_all,
                                     allow_expand=True)
                if open_all:
                    self._fill(node, paths)
                else:
                    self._unfilled[node] = paths
        self._status(shown)
        first = next((str(paths[0]) for paths in folders.values()), None)
        if self.query_text and first is not None:
            self.reveal(first)
        elif self.open_path is not None:
            self.reveal(self.open_path)

    def _fill(self, folder: TreeNode, paths: list[Path]) -> None:
        with folder.tree.adding():
            for path in paths:
                self.nodes[str(path)] = folder.add_leaf(path.stem, data=str(path))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded) -> None:
        paths = self._unfilled.pop(event.node, None)
        if paths:
            self._fill(event.node, paths)

    def reveal(self, name: str) -> None:
        """The cursor on file `name`, its folder opened if it was closed."""
        if name not in self.nodes:
            folder = next((node for node, paths in self._unfilled.items() if Path(name) in paths), None)
            if folder is None:
                return  # filtered out
            self._fill(folder, self._unfilled.pop(folder))
            folder.expand()
        tree = self.query_one(Tree)
        # Tree numbers its lines when it next needs them (on idle); asking for them now numbers
        # the new ones, so the cursor moves in this frame rather than after it.
        tree._tree_lines  # noqa: B018
        tree.move_cursor(self.nodes[name])

    def _status(self, shown: int | None = None) -> None:
        if shown is not None:
            self._shown = shown
        status = self.query_one("#filter-status", Label)
        status.display = bool(self.query_text) and not self._shown
        status.update(say("no_match", self.lang))

    def label(self, name: str) -> RichText:
        text = RichText()
        for part, style in self.label_parts(name):
            text.append(part, style=style)
        return text

    def label_parts(self, name: str) -> list[tuple[str, str]]:
        """A file's label as (text, style) parts: marks and counts first, so a long file name
        cannot hide them, then the file name and the SOP's nama. Unstyled neighbours are one part,
        as they are one run of a Rich Text."""
        document = self.workspace.documents.get(name)
        parts: list[tuple[str, str]] = []
        is_open = name == self.open_path
        if is_open:
            parts.append(("▶ ", "bold"))
        if document is not None and document.dirty:
            parts.append(("● ", "bold magenta"))
        gap = ""
        if name in self.workspace.results:
            shown = [(f"{MARK[severity]}{count}", STYLE[severity])
                     for severity, count in zip(SEVERITIES, self.workspace.counts(name)) if count]
            parts += [(text if number == 0 else f" {text}", style) for number, (text, style) in enumerate(shown)]
            gap = " " if shown else ""
        stem = os.path.splitext(os.path.basename(name))[0]
        if is_open:
            parts += [(gap, ""), (stem, "bold")] if gap else [(stem, "bold")]
        else:
            parts.append((gap + stem, ""))
        result = self.workspace.results.get(name)
        nama = result.identity.get("nama") if result is not None else None
        if nama:
            parts.append((f"  {nama}", "dim"))
        return parts

    def refresh_labels(self, paths: set[str] | None = None) -> None:
        """Labels of `paths` (every file when None) drawn again, when they are next on screen."""
        for name in (self.nodes if paths is None else paths):
            node = self.nodes.get(name)
            if node is not None:
                node.refresh()

    def mark_open(self, name: str) -> None:
        """Mark the open SOP and keep the cursor on it, without rebuilding the tree."""
        previous, self.open_path = self.open_path, name
        self.refresh_labels({p for p in (previous, name) if p})
        self.reveal(name)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data:
            self.post_message(FileChosen(event.node.data))
