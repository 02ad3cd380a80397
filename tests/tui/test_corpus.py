"""The corpus: the tree keeps its place, the filters, several unsaved SOPs at once, quitting."""

from pathlib import Path

from textual.widgets import Tree

from soptui.editing import set_value
from soptui.tui.messages import LintBatch
from soptui.tui.screens import Choose, CorpusFindings
from soptui.tui.widgets.findings import FindingsTable
from soptui.tui.widgets.procedure import ProcedureView

from .conftest import AWAYAN, WANGON, running


async def test_the_tree_keeps_its_place_marks_the_open_sop_and_shows_each_nama(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        tree = app.query_one("#corpus", Tree)
        nodes = dict(app.query_one("#sidebar").nodes)
        tree.focus()
        tree.move_cursor(nodes[str(Path(WANGON))])
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.document.path) == str(Path(WANGON))
        assert tree.cursor_node is nodes[str(Path(WANGON))]  # not rebuilt, not back at the top
        assert app.query_one("#sidebar").nodes == nodes
        label = str(app.query_one("#sidebar").label(tree.cursor_node.data))
        assert label.startswith("▶") and "Pengukuran Kinerja" in label.upper().title()
        assert not str(app.query_one("#sidebar").label(str(Path(AWAYAN)))).startswith("▶")


async def test_the_filter_takes_enter_down_and_escape_and_says_when_nothing_matches(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        await pilot.press("slash")
        await pilot.press(*"wangon")
        await pilot.pause()
        panel = app.query_one("#sidebar")
        assert list(panel.nodes) == [str(Path(WANGON))]
        await pilot.press("enter")
        assert app.focused.id == "corpus"
        await pilot.press("slash")
        await pilot.press(*"zzz")
        await pilot.pause()
        assert panel.nodes == {} and app.query_one("#filter-status").display
        await pilot.press("escape")
        await pilot.pause()
        assert len(panel.nodes) == 5 and not app.query_one("#filter-status").display
        await pilot.press("down")
        assert app.focused.id == "corpus"


async def test_corpus_findings_show_relative_paths_filter_and_sort_by_unit(seeds):
    async with running(AWAYAN, size=(160, 40)) as (app, pilot):
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, CorpusFindings)
        table = app.screen.query_one(FindingsTable)
        files = {"".join(str(table.get_row_at(row)[1]).split("\nbaris")[0].split("\n")) for row in range(table.row_count)}
        assert "lampihong/pengukuran-kinerja.toml" in files and "wangon/pengukuran-kinerja.toml" in files
        assert not any(name.startswith("…") or name.startswith("/") for name in files)
        await pilot.press(*"sumbersuko superseded")  # the filter is focused on opening
        await pilot.pause()
        assert table.findings and all("sumbersuko" in f.path and f.name == "superseded-regulation"
                                      for f in table.findings)
        app.screen.query_one("#findings-filter").value = "nothing-has-this-word"
        await pilot.pause()
        assert table.findings == [] and "cocok" in str(app.screen.query_one("#findings-status").render())
        app.screen.query_one("#findings-filter").value = ""
        await pilot.pause()
        table.focus()
        while table.sort_key != "unit":
            await pilot.press("s")
        units = [app.workspace.results[f.path].identity["unit"] for f in table.findings]
        assert units == sorted(units)


async def test_several_sops_hold_unsaved_edits_save_all_and_quit_lists_them(seeds):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        app.edit(lambda text: text.replace("10 Menit", "15 Menit", 1))
        app.open(Path(WANGON))  # no question: the edit stays with its document
        await pilot.pause()
        app.edit(lambda text: text.replace("Memerintahkan", "Menugaskan", 1))
        assert len(app.workspace.dirty_documents()) == 2
        assert "●" in str(app.query_one("#sidebar").label(str(Path(AWAYAN))))
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        assert "awayan/pengukuran-kinerja-triwulan.toml" in app.screen.detail
        assert "wangon/pengukuran-kinerja.toml" in app.screen.detail
        assert app.focused.id == "cancel"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        assert app.workspace.dirty_documents() == []
    assert "15 Menit" in (seeds / "awayan" / "pengukuran-kinerja-triwulan.toml").read_text()
    assert "Menugaskan" in (seeds / "wangon" / "pengukuran-kinerja.toml").read_text()


async def test_an_edit_made_while_the_corpus_lint_runs_is_never_overwritten(seeds):
    async with running(AWAYAN, size=(120, 40), lint_on_mount=False) as (app, pilot):
        path = str(Path(AWAYAN))
        stale = app.workspace.checker.check_file(path)  # what a worker reads from the file on disk
        app.edit(lambda text: text.replace("no = 8", "no = 6", 1).replace("no = 9", "no = 7", 1))
        assert "step-numbering" not in [f.name for f in app.workspace.findings(path)]
        app.post_message(LintBatch([(path, stale)], 1, 5))
        await pilot.pause()
        assert "step-numbering" not in [f.name for f in app.workspace.findings(path)]
        assert "step-numbering" not in [f.name for f in app.query_one(ProcedureView).findings]


async def test_a_large_corpus_starts_with_folders_closed_and_fills_one_when_opened(seeds, monkeypatch):
    monkeypatch.setattr("soptui.tui.widgets.corpus.OPEN_FOLDERS_UP_TO", 2)
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        panel = app.query_one("#sidebar")
        assert set(panel.nodes) == {str(Path(AWAYAN)), str(Path("sops/awayan/pengumpulan-data-kinerja-triwulan.toml"))}
        tree = app.query_one("#corpus", Tree)
        folders = {str(node.label).split(" ")[0]: node for node in tree.root.children}
        assert not folders["wangon"].is_expanded and folders["awayan"].is_expanded  # the open SOP's folder
        folders["wangon"].expand()
        await pilot.pause()
        assert str(Path(WANGON)) in panel.nodes
        app.open(Path("sops/sumbersuko/pengukuran-kinerja.toml"))
        await pilot.pause()
        assert tree.cursor_node is panel.nodes[str(Path("sops/sumbersuko/pengukuran-kinerja.toml"))]


def _trees_own_drawing(tree, panel, y):
    """Line `y` as Textual's Tree draws it, with the list's labels (how the list was drawn
    before it drew its lines itself)."""

    def render_label(node, base_style, style):
        if not node.data:
            return Tree.render_label(tree, node, base_style, style)
        label = panel.label(node.data)
        label.stylize(style)
        return label

    tree._line_cache.clear()
    tree.render_label = render_label
    try:
        return list(Tree._render_line(tree, y, 0, tree.size.width, tree.rich_style))
    finally:
        del tree.render_label


async def test_the_list_draws_its_lines_as_textuals_tree_does(seeds):
    async with running(AWAYAN, size=(200, 50)) as (app, pilot):
        app.edit(lambda text: text.replace("menit", "jam", 1))  # a ● mark
        tree = app.query_one("#corpus", Tree)
        panel = app.query_one("#sidebar")
        tree.root.children[-1].collapse()  # a closed folder
        await pilot.pause()
        for focused, hover in ((False, -1), (True, -1), (True, 2)):
            if focused:
                tree.focus()
            tree.hover_line = hover
            await pilot.pause()
            tree.render_lines(tree.size.region)  # the styles of this frame
            lines = tree._tree_lines
            assert len(lines) > 5 and tree.scroll_offset == (0, 0)
            for y in range(len(lines)):
                ours = list(tree.render_line(y))
                assert ours == _trees_own_drawing(tree, panel, y), (focused, hover, y)
        assert any("▶" in segment.text for segment in tree.render_line(tree.cursor_line))
        # a line drawn before is drawn again when what it shows changes
        other = str(next(Path("sops/lampihong").glob("*.toml")))
        app.open(Path(other))
        await pilot.pause()
        tree.render_lines(tree.size.region)
        line = next(y for y, each in enumerate(tree._tree_lines) if each.node.data == other)
        assert "●" not in "".join(segment.text for segment in tree.render_line(line))[:6]
        assert app.edit(lambda text: set_value(text, "/langkah/0/waktu", "7 jam"))
        await pilot.pause()
        tree.render_lines(tree.size.region)
        drawn = "".join(segment.text for segment in tree.render_line(line))
        assert drawn.startswith("└ ▶ ● "), drawn
        assert list(tree.render_line(line)) == _trees_own_drawing(tree, panel, line)


async def test_building_the_list_resets_trees_caches_once_not_once_a_node(seeds, monkeypatch):
    async with running(AWAYAN, size=(120, 40)) as (app, pilot):
        resets = []
        original = Tree._invalidate
        monkeypatch.setattr(Tree, "_invalidate", lambda tree: (resets.append(tree), original(tree)))
        app.query_one("#sidebar").rebuild()  # four folders, five files
        assert len(resets) == 1
        await pilot.pause()
        assert len(app.query_one("#sidebar").nodes) == 5 and len(app.query_one("#corpus", Tree)._tree_lines) == 9
