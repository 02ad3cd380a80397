"""The sidebar: the corpus as a tree of units and files, with finding counts, each SOP's nama,
the open SOP marked, and a filter."""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text as RichText
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Tree
from textual.widgets.tree import TreeNode

from ...workspace import Workspace
from ..messages import FileChosen
from ..strings import say
from .fixed_size import FixedSize
from .marks import counts


def matches(query: str, path: str, identity: dict) -> bool:
    """Whether a file matches the filter: every word in its name, nama, nomor or unit."""
    haystack = " ".join([Path(path).as_posix(), *identity.values()]).casefold()
    return all(word in haystack for word in query.casefold().split())


# Above this many files, folders start closed and get their files when opened: a tree of ten
# thousand lines is not read but filtered, and building it would hold up the first screen.
OPEN_FOLDERS_UP_TO = 500


class CorpusFilter(Input):
    """The filter box: Enter or Down goes to the list, Escape clears it."""

    def _on_key(self, event: events.Key) -> None:
        if event.key in ("down", "enter"):
            event.stop()
            event.prevent_default()
            self.screen.query_one("#corpus", Tree).focus()
        elif event.key == "escape" and self.value:
            event.stop()
            event.prevent_default()
            self.value = ""


class CorpusTree(FixedSize, Tree):
    """A tree whose file labels are drawn when they are on screen, from the workspace's state at
    that moment: ten thousand files cost what the twenty lines in view cost."""

    def __init__(self, workspace: Workspace, label_of, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.label_of = label_of

    def _invalidate(self) -> None:
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

    def render_lines(self, crop):
        # The widget's style, and its parts' (guides, label, cursor), are worked out up the whole
        # tree of widgets; Tree asks for them again on every line, which on a repaint of the list
        # cost more than the labels. Once a frame is enough.
        self._frame_style = self.rich_style
        self._part_styles = {}
        return super().render_lines(crop)

    def get_component_rich_style(self, *names: str, partial: bool = False):
        styles = getattr(self, "_part_styles", None)
        if styles is None:
            return super().get_component_rich_style(*names, partial=partial)
        key = (names, partial)
        if key not in styles:
            styles[key] = super().get_component_rich_style(*names, partial=partial)
        return styles[key]

    def render_line(self, y: int):
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(y + scroll_y, scroll_x, scroll_x + self.size.width, self._frame_style)

    def render_label(self, node, base_style, style):
        if not node.data:
            return super().render_label(node, base_style, style)
        label = self.label_of(node.data)
        label.stylize(style)
        return label


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
        yield CorpusFilter(placeholder=say("filter_placeholder", self.lang), id="filter")
        yield Label("", id="filter-status")
        tree: Tree[str] = CorpusTree(self.workspace, self.label, "SOP", id="corpus")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree

    def on_mount(self) -> None:
        self.rebuild()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.query_one(CorpusFilter).placeholder = say("filter_placeholder", lang)
        self._status()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self.rebuild()

    def rebuild(self) -> None:
        """The whole tree again: on start and when the filter changes."""
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
        for folder, paths in folders.items():
            label = self.workspace.relative(folder) if folder != self.workspace.root else "."
            node = tree.root.add(f"{label} ({len(paths)})" if not open_all else label, expand=open_all,
                                 allow_expand=True)
            if open_all:
                self._fill(node, paths)
            else:
                self._unfilled[node] = paths
        self._status(shown)
        if self.open_path is not None:
            self.reveal(self.open_path)

    def _fill(self, folder: TreeNode, paths: list[Path]) -> None:
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
        # marks and counts first, so a long file name cannot hide them
        document = self.workspace.documents.get(name)
        text = RichText()
        if name == self.open_path:
            text.append("▶ ", style="bold")
        if document is not None and document.dirty:
            text.append("● ", style="bold magenta")
        if name in self.workspace.results:
            marks = counts(*self.workspace.counts(name))
            text.append_text(marks[1:] if marks.plain else marks)
            text.append(" " if marks.plain else "")
        text.append(Path(name).stem, style="bold" if name == self.open_path else "")
        result = self.workspace.results.get(name)
        nama = result.identity.get("nama") if result is not None else None
        if nama:
            text.append(f"  {nama}", style="dim")
        return text

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
