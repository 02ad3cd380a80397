"""`--changed-since`: what it reports on each file it names is what a full run reports on that
file, corpus findings included, whichever way the file changed and whatever the cache holds
(warm, stale, or none); and the pieces it is made of (finding the files as names, git's answer,
the cache's corpus summaries) give what they gave when they were slower."""

import json
import os
import shutil
import subprocess
import sys
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


def test_an_unknown_revision_is_said_plainly_in_the_users_language_without_gits_command_line(repo, capsys):
    assert main(["lint", "sops", "--changed-since", "nosuchref"]) == 2
    said = capsys.readouterr().err
    assert "revisi tidak dikenal" in said and "'nosuchref'" in said and "commit, branch atau tag" in said
    assert "rev-parse" not in said and not said.rstrip().endswith(":")
    assert main(["lint", "sops", "--changed-since", "nosuchref", "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert "unknown revision 'nosuchref'" in said and "commit, branch or tag" in said
    assert "tidak dikenal" not in said and "rev-parse" not in said


def test_a_revision_that_is_an_option_to_git_is_unknown_and_never_reaches_git(repo, capsys):
    assert main(["lint", "sops", "--changed-since=--output=written", "--lang", "en"]) == 2
    assert "unknown revision '--output=written'" in capsys.readouterr().err
    assert not Path("written").exists()


def test_files_outside_any_repository_and_a_missing_git_are_each_one_clear_sentence(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # tmp_path may lie inside a repository
    shutil.copytree(SEEDS, "sops")
    assert main(["lint", "sops", "--changed-since", "HEAD", "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert "not a git repository: sops;" in said and "rev-parse" not in said and "fatal" not in said
    assert main(["lint", "sops", "--changed-since", "HEAD"]) == 2
    assert "bukan repositori git (not a git repository): sops;" in capsys.readouterr().err
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    assert main(["lint", "sops", "--changed-since", "HEAD", "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert "git not found; --changed-since needs git on the PATH" in said and "tidak" not in said


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


def test_the_cache_index_holds_what_the_others_are_judged_by_and_the_entry_all_that_was_collected(repo, capsys):
    # A --changed-since run reads every other file's head from the store's index: it holds only
    # what the corpus rules judge the other files by (`CorpusRule.judged_by`); a file reported
    # on is served its whole result, its own references included.
    from soptui.checker.cache import Store, cache_dir

    report(capsys, "sops")
    [path] = cache_dir().glob("*.lines")
    store = Store(path)
    try:
        summaries, rest = store.summaries([WANGON, AWAYAN])
        assert not rest
        assert summaries["SOP401"][WANGON] == {"nama": "PENGUKURAN KINERJA", "unit": "Kecamatan Wangon",
                                               "title": "pengukuran kinerja"}
        assert summaries["SOP402"][WANGON][:3] == [None, None, None] and summaries["SOP402"][WANGON][3]
        # The index is read by column, and the summaries need no content hash and no place.
        assert {"hashes", "places"}.isdisjoint(store._heads._columns)
        whole = store.reuse(Path(WANGON), whole=True)
        assert whole.collected["SOP401"]["references"]
        assert len(whole.collected["SOP402"]) == 4 and whole.collected["SOP402"][0]
    finally:
        store.close()


# A third-party corpus rule without `judged_by`: a file's findings read the other files' whole data.
NAMED_BY = '''
from soptui.hookspecs import hookimpl
from soptui.checker.rule import CorpusRule, Severity, Violation
from soptui.i18n import Text

class NamedBy(CorpusRule):
    """Says which other SOPs name this one in their keterkaitan."""
    code = "HSE901"
    name = "house-named-by"
    severity = Severity.INFO
    def collect(self, sop):
        return {"nama": sop.nama.casefold(), "names": [item.casefold().removeprefix("sop ") for item in sop.keterkaitan]}
    def check_corpus(self, collected, context):
        for path, data in collected.items():
            for other, theirs in collected.items():
                if other != path and any(name and name in data["nama"] for name in theirs["names"]):
                    yield Violation("/nama", Text(f"disebut oleh {other}", f"named by {other}"), path=path)

@hookimpl
def soptui_rules():
    return [NamedBy]
'''


def test_a_plugin_corpus_rule_without_judged_by_is_judged_on_the_others_whole_data(repo, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    info = site / "house-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[soptui]\nhouse = plugin_house\n")
    (site / "plugin_house.py").write_text(NAMED_BY)

    def lint(*args):
        done = subprocess.run([sys.executable, "-m", "soptui", "lint", "sops", "--format", "json", *args],
                              cwd=repo, env=dict(os.environ, PYTHONPATH=str(site)), capture_output=True, text=True)
        return [f for f in json.loads(done.stdout)["findings"] if f["code"] == "HSE901"]

    lint()  # fills the cache
    edit(AWAYAN, "keterkaitan = [", "# edited\nketerkaitan = [")
    full = [f for f in lint("--no-cache") if f["path"] == AWAYAN]
    assert [f["message"] for f in full] == [f"disebut oleh {LAMPIHONG}"]
    assert lint("--changed-since", "HEAD") == full
    assert lint("--changed-since", "HEAD") == full  # again, from the cache the first one left


def test_a_corpus_index_judging_a_few_files_gives_what_the_whole_index_gives_them(tmp_path, monkeypatch):
    # `CorpusIndex.check_some` (a --changed-since run: a few files against the others' cached
    # summaries) may index only what those files' findings read; for every rule and any few
    # files, its violations are those of the index over the whole corpus, whatever the others
    # hold beside what they are judged by.
    sys.path.insert(0, str(SEEDS.parent / "bench"))
    from generate import generate

    from soptui.checker.config import Config
    from soptui.checker.corpus import CorpusState
    from soptui.checker.engine import Checker
    from soptui.checker.plugins import load_plugins
    from soptui.checker.rule import Context
    from soptui.loading.loader import load_file

    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "sops/seeds")
    generate(tmp_path / "sops" / "stress", 80, stress=True, group=10)
    checker = Checker(load_plugins().rule_classes(), Config(), Context())
    results = [checker.check_loaded(load_file(path)) for path in find_sop_names(["sops"])]
    state = CorpusState(checker)
    names = [result.path for result in results]
    for rule in state.rules:
        whole = {r.path: r.collected[rule.code] for r in results if rule.code in r.collected}
        expected = list(rule.index(checker.context).check_all(whole))
        assert expected, rule.code  # the stress corpus gives every corpus rule findings
        singles = [[name] for name in names[:30]]  # each file alone: every kind of reference, titles within names
        for few in (*singles, names[3:5], [WANGON.replace("sops/", "sops/seeds/")], names[10:15], names[::7]):
            paths = set(few)
            judged = {path: data if path in paths else rule.judged_by(data) for path, data in whole.items()}
            got = list(rule.index(checker.context).check_some(judged, paths))
            assert got == [v for v in expected if v.path in paths], (rule.code, few)
