"""The sidebar: the corpus as a tree of units and files with their finding counts, and a filter."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Tree

from ...workspace import Workspace
from ..messages import FileChosen
from .marks import counts


def matches(query: str, path: str, identity: dict) -> bool:
    """Whether a file matches the filter: every word in its name, nama, nomor or unit."""
    haystack = " ".join([Path(path).as_posix(), *identity.values()]).casefold()
    return all(word in haystack for word in query.casefold().split())


class CorpusPanel(Vertical):
    DEFAULT_CSS = """
    CorpusPanel { height: 1fr; }
    CorpusPanel Input { margin: 0 0 1 0; }
    CorpusPanel Tree { height: 1fr; }
    """

    def __init__(self, workspace: Workspace, **kwargs) -> None:
        super().__init__(**kwargs)
        self.workspace = workspace
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="saring: nama, nomor, unit", id="filter")
        tree: Tree[str] = Tree("SOP", id="corpus")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree

    def on_mount(self) -> None:
        self.rebuild()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.rebuild()

    def rebuild(self, select: str | None = None) -> None:
        tree = self.query_one(Tree)
        tree.clear()
        root = self._root()
        folders: dict[Path, object] = {}
        for path in self.workspace.files:
            name = str(path)
            identity = self.workspace.results[name].identity if name in self.workspace.results else {}
            if self.query_text and not matches(self.query_text, name, identity):
                continue
            folder = path.parent
            if folder not in folders:
                label = folder.relative_to(root).as_posix() if folder != root and _inside(folder, root) else folder.name or "."
                folders[folder] = tree.root.add(label, expand=True)
            node = folders[folder].add_leaf(self.label(path), data=name)
            if name == select:
                tree.select_node(node)

    def label(self, path: Path) -> RichText:
        # counts and the modified mark first, so a long file name cannot hide them
        name = str(path)
        document = self.workspace.documents.get(name)
        text = RichText()
        if document is not None and document.dirty:
            text.append("● ", style="bold magenta")
        if name in self.workspace.results:
            marks = counts(*self.workspace.counts(path))
            text.append_text(marks[1:] if marks.plain else marks)
            text.append(" " if marks.plain else "")
        text.append(path.stem)
        return text

    def refresh_labels(self) -> None:
        def walk(node):
            for child in node.children:
                if child.data:
                    child.set_label(self.label(Path(child.data)))
                walk(child)

        walk(self.query_one(Tree).root)

    def _root(self) -> Path:
        parents = {p.parent for p in self.workspace.files}
        if not parents:
            return Path(".")
        common = Path(*Path(min(map(str, parents))).parts)
        for parent in parents:
            while not _inside(parent, common):
                common = common.parent
        return common

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data:
            self.post_message(FileChosen(event.node.data))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False
