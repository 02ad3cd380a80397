"""`--changed-since`: what it reports on each file it names is what a full run reports on that
file, corpus findings included, whichever way the file changed and whatever the cache holds
(warm, stale, or none); and the pieces it is made of (finding the files as names, git's answer,
the cache's corpus summaries) give what they gave when they were slower."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from soptui.checker.revisions import ChangedSince, changed_files
from soptui.cli import main
from soptui.loading.discover import find_sop_files, find_sop_names
from soptui.loading.not_sop import split_not_sops

SEEDS = Path(__file__).resolve().parent.parent / "sops"
WANGON = "sops/wangon/pengukuran-kinerja.toml"
SUMBERSUKO = "sops/sumbersuko/pengukuran-kinerja.toml"
AWAYAN = "sops/awayan/pengumpulan-data-kinerja-triwulan.toml"
LAMPIHONG = "sops/lampihong/pengukuran-kinerja.toml"


def git(*args, cwd="."):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": os.environ.get("PATH", "/usr/bin:/bin")})


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """The seed SOPs, committed, in a repository that is the current folder."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "sops")
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "start")
    return tmp_path


def report(capsys, *args) -> dict:
    main(["lint", *args, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def assert_as_a_full_run(capsys, *paths, expected_files):
    """--changed-since HEAD reports `expected_files`, each with exactly the findings a full run
    without the cache gives it (and revision-date's, which compare with the revision): with the
    cache as it is, and without any cache."""
    full = report(capsys, *paths, "--no-cache")
    for cached in ((), ("--no-cache",)):
        since = report(capsys, *paths, "--changed-since", "HEAD", *cached)
        assert since["files"] == expected_files
        assert since["findings"] and all(f["path"] in expected_files for f in since["findings"])
        assert [f for f in since["findings"] if f["name"] != "revision-date"] == [
            f for f in full["findings"] if f["path"] in expected_files]
    return full


def edit(name, old, new):
    path = Path(name)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_file_gets_its_corpus_findings_about_files_that_did_not_change(repo, capsys):
    report(capsys, "sops")  # fills the cache
    edit(WANGON, '"067 / 1394 / 2021"', '"427.101/16.01/2023"')  # Sumbersuko's nomor
    full = assert_as_a_full_run(capsys, "sops", expected_files=[WANGON])
    assert {"duplicate-nomor"} <= {f["name"] for f in full["findings"] if f["path"] == WANGON}


def test_an_untracked_file_is_linted_and_judged_against_the_rest(repo, capsys):
    report(capsys, "sops")
    shutil.copy(AWAYAN, "sops/awayan/salinan.toml")  # same nomor and nama as the file it copies
    assert_as_a_full_run(capsys, "sops", expected_files=["sops/awayan/salinan.toml"])


def test_a_deleted_file_is_no_longer_among_what_the_changed_ones_are_judged_against(repo, capsys):
    report(capsys, "sops")
    os.remove(AWAYAN)
    edit(LAMPIHONG, "no = 2\n", "no = 20\n")
    assert_as_a_full_run(capsys, "sops", expected_files=[LAMPIHONG])


def test_a_renamed_file_is_reported_under_its_new_name(repo, capsys):
    report(capsys, "sops")
    git("mv", WANGON, "sops/wangon/pengukuran-kinerja-2021.toml")
    assert_as_a_full_run(capsys, "sops", expected_files=["sops/wangon/pengukuran-kinerja-2021.toml"])


def test_a_stale_cache_entry_of_an_unchanged_file_is_not_what_the_corpus_rules_see(repo, capsys):
    edit(SUMBERSUKO, '"427.101/16.01/2023"', '"999/2023"')
    report(capsys, "sops")  # the cache now holds Sumbersuko's edited nomor
    git("checkout", "--", SUMBERSUKO)  # back as committed: not changed since HEAD, its entry stale
    edit(WANGON, '"067 / 1394 / 2021"', '"427.101/16.01/2023"')
    full = assert_as_a_full_run(capsys, "sops", expected_files=[WANGON])
    assert any(f["name"] == "duplicate-nomor" and f["path"] == WANGON for f in full["findings"])


def test_a_file_only_touched_since_the_cache_was_written_is_judged_by_its_content(repo, capsys):
    report(capsys, "sops")
    stamp = os.stat(SUMBERSUKO)
    os.utime(SUMBERSUKO, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
    edit(WANGON, '"067 / 1394 / 2021"', '"427.101/16.01/2023"')
    assert_as_a_full_run(capsys, "sops", expected_files=[WANGON])


def test_a_configured_override_holds_for_the_corpus_findings_of_a_changed_file(repo, capsys):
    Path("soptui.toml").write_text('[[overrides]]\npaths = ["sops/wangon/*"]\nignore = ["duplicate-nomor"]\n')
    git("add", "soptui.toml")
    git("commit", "-qm", "config")
    report(capsys, "sops")
    edit(WANGON, '"067 / 1394 / 2021"', '"427.101/16.01/2023"')
    full = assert_as_a_full_run(capsys, "sops", expected_files=[WANGON])
    assert not any(f["name"] == "duplicate-nomor" for f in full["findings"])  # nor Sumbersuko's, with it


def test_from_inside_the_folder_the_names_are_as_a_full_run_writes_them(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo / "sops")
    report(capsys, ".")
    edit("wangon/pengukuran-kinerja.toml", '"067 / 1394 / 2021"', '"427.101/16.01/2023"')
    assert_as_a_full_run(capsys, ".", expected_files=["wangon/pengukuran-kinerja.toml"])


def test_nothing_changed_reports_no_file_and_a_bad_revision_is_a_usage_error(repo, capsys):
    since = report(capsys, "sops", "--changed-since", "HEAD")
    assert since["files"] == [] and since["findings"] == []
    assert main(["lint", "sops", "--changed-since", "no-such-rev"]) == 2
    assert "no-such-rev" in capsys.readouterr().err


# -- the pieces ------------------------------------------------------------------------------


def test_names_are_the_paths_as_path_writes_them_in_the_same_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("b.toml", "a/z.toml", "a.toml", "a-b/c.toml", "a/b/c.toml", "A.toml", ".hidden/x.toml",
                 "node_modules/x.toml", "pyproject.toml", "x/notes.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("")
    os.symlink(tmp_path / "b.toml", "a/link.toml")  # a second name of b.toml: dropped
    for given in (["."], ["./a", "b.toml"], [str(tmp_path)], ["a/", "a"]):
        names = find_sop_names(given)
        assert names == [str(path) for path in find_sop_files(given)]
        assert names == sorted(names, key=lambda name: name.split(os.sep))  # as the full run sorted them
    assert find_sop_names(["."]) == ["A.toml", "a/b/c.toml", "a/z.toml", "a-b/c.toml", "a.toml", "b.toml"]


def test_not_sops_are_told_apart_the_same_way_as_names_or_as_paths(tmp_path):
    (tmp_path / "ruff.toml").write_text("line-length = 100\n")
    (tmp_path / "settings.toml").write_text("[tool]\nx = 1\n")
    (tmp_path / "sop.toml").write_text('nama = "x"\n')
    files = [str(tmp_path / name) for name in ("ruff.toml", "settings.toml", "sop.toml")]
    named = {files[1]}  # given on the command line: sniffed; the others by name alone
    sops, others = split_not_sops(files, named)
    paths = split_not_sops([Path(f) for f in files], {Path(f) for f in named})
    assert sops == [files[2]] and [name for name, _ in others] == files[:2]
    assert [str(p) for p in paths[0]] == sops and [(str(p), why) for p, why in paths[1]] == others


def test_git_is_asked_once_for_the_changes_whatever_form_the_files_come_in(repo):
    edit(WANGON, "no = 2\n", "no = 20\n")
    Path("sops/baru.toml").write_text("nama = 'baru'\n")
    git("mv", AWAYAN, "sops/awayan/dipindah.toml")
    names = find_sop_names(["sops"])
    targets, previous = changed_files("HEAD", names)
    assert targets == ["sops/awayan/dipindah.toml", "sops/baru.toml", WANGON]
    assert previous["sops/baru.toml"] is None and previous["sops/awayan/dipindah.toml"] is None
    assert previous[WANGON] == subprocess.run(["git", "show", f"HEAD:{WANGON}"], capture_output=True,
                                              text=True, check=True).stdout
    as_paths = changed_files("HEAD", [Path(name) for name in names])
    assert [str(p) for p in as_paths[0]] == targets and as_paths[1] == previous
    assert ChangedSince("HEAD", names).result() == (targets, previous)
    with pytest.raises(RuntimeError, match="no-such-rev"):
        ChangedSince("no-such-rev", names).result()


def test_files_outside_the_repository_are_never_changed_since(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "lain.toml"
    outside.write_text("nama = 'lain'\n")
    edit(WANGON, "no = 2\n", "no = 20\n")
    targets, _ = changed_files("HEAD", [WANGON, str(outside)])
    assert targets == [WANGON]


def test_corpus_rules_judge_data_without_the_keys_worked_out_at_collection_the_same(tmp_path, monkeypatch):
    # The keys the corpus rules compare (a nomor's, a title's) come with what they collect, so
    # that a run judging from the cache does not work them out again; data collected without
    # them (by an older soptui, or a plugin's subclass) is judged the same.
    from soptui.checker.config import Config
    from soptui.checker.corpus import CorpusState
    from soptui.checker.engine import Checker
    from soptui.checker.plugins import load_plugins
    from soptui.checker.rule import Context
    from soptui.loading.loader import load_file

    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "sops")
    edit(WANGON, '"067 / 1394 / 2021"', '"427.101/16.01/2023"')
    checker = Checker(load_plugins().rule_classes(), Config(), Context())
    results = [checker.check_loaded(load_file(path)) for path in find_sop_names(["sops"])]
    assert all(len(r.collected["SOP402"]) == 4 and "title" in r.collected["SOP401"] for r in results)
    judged = CorpusState(checker).build(results).findings()
    for result in results:
        result.collected["SOP402"] = result.collected["SOP402"][:3]
        del result.collected["SOP401"]["title"]
    assert CorpusState(checker).build(results).findings() == judged
    assert {"SOP401", "SOP402"} <= {f.code for f in judged}


def test_a_bad_revision_stays_an_error_however_often_the_targets_are_asked(repo):
    import argparse

    from soptui.cli import UsageError
    from soptui.cli.session import open_session

    session = open_session(argparse.Namespace(paths=["sops"], changed_since="no-such-rev", quiet=True))
    for _ in range(2):  # never the whole corpus in place of git's answer
        with pytest.raises(UsageError, match="no-such-rev"):
            session.targets
    with pytest.raises(UsageError, match="no-such-rev"):
        session.lint()
