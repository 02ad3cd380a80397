"""The reviewer's state without a screen: findings order, the corpus lint beside open edits,
re-linting only what an edit can change."""

import shutil
from pathlib import Path

import pytest

from soptui.checker.engine import Checker
from soptui.checker.plugins import load_plugins
from soptui.editing import set_value
from soptui.loading.discover import find_sop_files
from soptui.workspace import Loads, NewFileRefused, Workspace, common_root

SEEDS = Path(__file__).resolve().parents[1] / "sops"


@pytest.fixture
def space(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "sops")
    files = find_sop_files([tmp_path / "sops"])
    workspace = Workspace(files, Checker(load_plugins().rule_classes()))
    workspace.lint_all()
    workspace.take_changed()
    return workspace


def test_paths_read_relative_to_the_corpus_root(space, tmp_path):
    assert space.root == tmp_path / "sops"
    assert space.relative(space.files[0]) == "awayan/pengukuran-kinerja-triwulan.toml"
    assert common_root([Path("a/b/c.toml"), Path("a/d/e.toml")]) == Path("a")


def test_next_finding_walks_the_corpus_in_order_and_wraps(space):
    every = space.all_findings()
    seen = []
    finding = space.next_finding(None, 0, 0, +1)
    for _ in every:
        seen.append(finding)
        finding = space.next_finding(finding.path, finding.line, finding.col, +1, finding)
    assert seen == every  # every finding once, two at one place included, in file then line order
    assert len({(f.path, f.line, f.col) for f in every}) < len(every)
    assert finding == seen[0]  # then round to the first again
    assert space.next_finding(seen[0].path, seen[0].line, seen[0].col, -1, seen[0]) == every[-1]
    assert space.next_finding(seen[3].path, seen[3].line, seen[3].col, -1, seen[3]) == every[2]


def test_the_corpus_lint_never_overwrites_an_open_documents_result(space):
    path = space.files[0]
    document = space.open(path)
    stale = space.results[str(path)]
    document.edit(lambda text: text.replace("no = 8", "no = 6", 1).replace("no = 9", "no = 7", 1))
    assert "step-numbering" not in [f.name for f in space.findings(path)]
    space.take_results([(str(path), stale)])  # a worker's result for the file on disk, arriving late
    assert "step-numbering" not in [f.name for f in space.findings(path)]


def test_an_edit_the_corpus_rules_do_not_see_keeps_their_findings_and_moves_their_lines(space):
    path = next(p for p in space.files if "lampihong" in str(p))
    before = [f for f in space.corpus_findings[str(path)]]
    assert before, "the seed has unresolved keterkaitan"
    document = space.open(path)
    calls = []
    original = space.checker.check_corpus
    space.checker.check_corpus = lambda results: calls.append(1) or original(results)
    document.edit(lambda text: "# a new first line\n" + text)
    assert calls == []  # nothing the corpus rules read has changed
    after = space.corpus_findings[str(path)]
    assert [f.line for f in after] == [f.line + 1 for f in before]
    assert space.take_changed() == {str(path)}  # one label to redraw, not the corpus's


def test_an_edit_the_corpus_rules_see_runs_them_again(space):
    first, second = space.files[0], space.files[1]
    nomor = space.open(first).sop.nomor
    assert nomor and "duplicate-nomor" not in [f.name for f in space.findings(second)]
    document = space.open(second)
    document.edit(lambda text: set_value(text, "/nomor", nomor))
    assert "duplicate-nomor" in [f.name for f in space.findings(second)]
    assert "duplicate-nomor" in [f.name for f in space.findings(first)]
    assert {str(first), str(second)} <= space.take_changed()


@pytest.mark.parametrize("name", ["../escape.toml", "../../escape", "unit/../../escape.toml", "/tmp/escape.toml", ".", "..", "out/x"])
def test_a_new_sops_name_that_leaves_the_corpus_folder_is_refused(space, tmp_path, name):
    (space.root / "out").symlink_to(tmp_path)  # a link in the corpus to a folder out of it
    with pytest.raises(NewFileRefused) as refusal:
        space.new_file_path(name)
    assert "di luar folder korpus" in refusal.value.text("id") and "outside the corpus folder" in refusal.value.text("en")


def test_a_new_sops_name_inside_the_corpus_is_its_path_there_and_an_existing_one_is_refused(space):
    assert space.new_file_path("unit/baru") == space.root / "unit" / "baru.toml"
    assert space.new_file_path(" unit/./x/../baru.toml ") == space.root / "unit" / "baru.toml"
    assert space.new_file_path(str(space.root.resolve() / "a.toml")) == space.root.resolve() / "a.toml"
    with pytest.raises(NewFileRefused) as refusal:
        space.new_file_path("awayan/pengukuran-kinerja-triwulan")
    assert refusal.value.text("en") == "awayan/pengukuran-kinerja-triwulan.toml already exists"


def _wrong_type_in_step_one(text: str) -> str:
    """The text with a structural problem: it still loads, the broken part left out."""
    return text.replace("[[langkah]]\n", "[[langkah]]\nketerangan = 5\n", 1)


def test_a_save_that_would_break_the_file_is_named_and_one_no_worse_than_the_file_is_not(space):
    awayan, wangon, lampihong = space.open(space.files[0]), space.open(space.files[4]), space.open(space.files[2])
    assert awayan.save_harm is None and space.harmful_saves() == []  # nothing to save
    awayan.edit(lambda text: text + "bad = = 1\n")  # an edit that breaks it
    wangon.edit(lambda text: text.replace('waktu = "', 'waktu = "2 hari ', 1))  # one that does not
    lampihong.edit(_wrong_type_in_step_one)  # one that gives it a structural problem
    assert awayan.save_harm is Loads.NOT and lampihong.save_harm is Loads.PARTLY and wangon.save_harm is None
    assert space.harmful_saves() == [awayan, lampihong]
    awayan.undo()
    assert awayan.save_harm is None and space.harmful_saves() == [lampihong]
    lampihong.save()  # saved, asked or not: the file on disk has the problem now
    lampihong.edit(lambda text: text.replace('waktu = "', 'waktu = "2 hari ', 1))
    assert lampihong.save_harm is None  # no worse than the file
    lampihong.edit(lambda text: text + "bad = = 1\n")
    assert lampihong.save_harm is Loads.NOT  # it loaded, partly, and would not at all


def test_a_file_that_had_structural_problems_when_opened_is_no_worse_for_a_save(space):
    path = space.files[0]
    path.write_text(_wrong_type_in_step_one(path.read_text()))
    document = space.open(path)
    assert document.loads is Loads.PARTLY and not document.dirty and document.save_harm is None
    document.edit(lambda text: text.replace('waktu = "', 'waktu = "2 hari ', 1))
    assert document.save_harm is None
