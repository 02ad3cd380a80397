"""The result cache: an unchanged file is not linted again, a changed one is, and a damaged
store costs speed, never findings."""

import json
import os
import shutil
from pathlib import Path

import pytest

import soptui.checker.parallel as parallel
from soptui.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "sops"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "sops")
    return tmp_path / "sops"


@pytest.fixture
def checked(monkeypatch):
    """The names of the files each run actually loads and checks."""
    runs: list[list[str]] = []
    real = parallel.check_files

    def spy(checker, paths, *args, **kwargs):
        runs.append(sorted(Path(p).name for p in paths))
        return real(checker, paths, *args, **kwargs)

    monkeypatch.setattr(parallel, "check_files", spy)
    return runs


def lint_json(capsys, *args) -> list[dict]:
    # the runs below differ in --fail-on only so that none is a replay of the one before
    main(["lint", "sops", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)["findings"]


def store_files() -> list[Path]:
    return [p for p in Path(os.environ["SOPTUI_CACHE_DIR"]).iterdir() if p.suffix == ".lines"]


def test_only_the_changed_file_is_checked_again_and_findings_are_the_same(corpus, checked, capsys):
    fresh = lint_json(capsys, "--fail-on", "error")
    changed = sorted(corpus.rglob("*.toml"))[0]
    changed.write_text(changed.read_text() + "\n# a reviewer's note\n")
    again = lint_json(capsys, "--fail-on", "warning")
    lint_json(capsys, "--fail-on", "info")
    assert checked[0] == sorted(p.name for p in corpus.rglob("*.toml"))
    assert checked[1:] == [[changed.name], []]  # the store kept the entries it did not renew
    assert again == fresh


def test_a_damaged_store_is_ignored_line_by_line(corpus, checked, capsys):
    fresh = lint_json(capsys, "--fail-on", "error")
    [store] = store_files()
    lines = store.read_text("utf-8").splitlines()
    store.write_text("\n".join(["not json\tat all", lines[0][:40], *lines[1:]]) + "\n", "utf-8")
    again = lint_json(capsys, "--fail-on", "warning")
    assert len(checked[1]) == 1  # the entry cut short is checked afresh; the others are reused
    assert again == fresh


def test_a_file_edited_to_the_same_size_and_time_is_trusted_but_a_new_size_is_not(corpus, checked, capsys):
    lint_json(capsys, "--fail-on", "error")
    target = sorted(corpus.rglob("*.toml"))[1]
    stat = target.stat()
    text = target.read_text()
    target.write_text(text.replace("no = 1\n", "no = 9\n", 1))  # same size
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    lint_json(capsys, "--fail-on", "warning")
    target.write_text(text.replace("no = 1\n", "no = 19\n", 1))
    lint_json(capsys, "--fail-on", "info")
    assert checked[1:] == [[], [target.name]]


def test_results_from_worker_processes_are_those_checked_in_process(corpus, capsys, monkeypatch):
    serial = lint_json(capsys, "--no-cache")
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)  # the seeds are too few for workers
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    in_workers = lint_json(capsys, "--no-cache")
    assert in_workers == serial and len(serial) > 50


def test_a_store_written_from_worker_processes_is_the_one_written_in_process(corpus, capsys, monkeypatch, tmp_path):
    lint_json(capsys)
    [serial] = store_files()
    monkeypatch.setenv("SOPTUI_CACHE_DIR", str(tmp_path / "workers"))
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)  # the seeds are too few for workers
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    lint_json(capsys)
    [in_workers] = store_files()  # its lines made by the workers, the index by this process
    assert in_workers.read_bytes() == serial.read_bytes()


def test_an_entry_whose_text_holds_a_unicode_line_separator_is_reused(corpus, checked, capsys):
    target = sorted(corpus.rglob("*.toml"))[0]
    text = target.read_text()
    target.write_text(text.replace('nama = "', 'nama = "Catatan\u2028', 1))  # the name is in every entry
    fresh = lint_json(capsys, "--fail-on", "error")
    again = lint_json(capsys, "--fail-on", "warning")
    assert checked[1] == [] and again == fresh


def test_a_file_only_touched_is_reused_and_its_new_stamp_kept(corpus, checked, capsys, monkeypatch):
    fresh = lint_json(capsys, "--fail-on", "error")
    target = sorted(corpus.rglob("*.toml"))[2]
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))  # as a checkout leaves it: same bytes
    hashed = []
    real = parallel.read_file
    monkeypatch.setattr(parallel, "read_file", lambda path: hashed.append(Path(path).name) or real(path))
    assert lint_json(capsys, "--fail-on", "warning") == fresh
    assert lint_json(capsys, "--fail-on", "info") == fresh
    assert checked[1:] == [[], []] and hashed == [target.name]  # hashed once, then trusted


def test_an_entry_altered_but_still_json_is_never_served(corpus, checked, capsys):
    fresh = lint_json(capsys, "--fail-on", "error")
    [store] = store_files()
    text = store.read_text("utf-8")
    assert '"SOP101"' in text or '"warning"' in text
    # what a flipped bit does: a severity or a code changed, the line still JSON
    altered = text.replace('"warning"', '"info"', 1) if '"warning"' in text else text.replace('"SOP101"', '"SOP102"', 1)
    assert altered != text
    store.write_text(altered, "utf-8")
    again = lint_json(capsys, "--fail-on", "warning")
    assert len(checked[1]) == 1 and again == fresh


def _git(*args, cwd):
    import subprocess

    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})


def test_changed_since_shares_the_full_runs_cache_and_stores_no_revision_bound_result(corpus, checked, capsys):
    _git("init", "-q", cwd=corpus.parent)
    _git("add", ".", cwd=corpus.parent)
    _git("commit", "-qm", "start", cwd=corpus.parent)
    full = lint_json(capsys, "--fail-on", "error")
    changed = sorted(corpus.rglob("*.toml"))[0]
    changed.write_text(changed.read_text().replace("no = 1\n", "no = 7\n", 1))
    main(["lint", "sops", "--format", "json", "--changed-since", "HEAD"])
    narrowed = json.loads(capsys.readouterr().out)
    main(["lint", "sops", "--format", "json", "--changed-since", "HEAD"])
    assert json.loads(capsys.readouterr().out) == narrowed
    # Only the changed file is checked, each time: the others come from the full run's entries,
    # and a result that depends on the revision is never stored.
    assert checked[1:] == [[changed.name], [changed.name]]
    assert len(store_files()) == 1
    assert {f["path"] for f in narrowed["findings"]} == {str(Path("sops") / changed.relative_to(corpus))}
    assert "revision-date" in {f["name"] for f in narrowed["findings"]}
    after = lint_json(capsys, "--fail-on", "warning")  # the full run: the changed file checked once more
    assert checked[3] == [changed.name]
    assert [f for f in after if f["path"] != narrowed["findings"][0]["path"]] == \
        [f for f in full if f["path"] != narrowed["findings"][0]["path"]]


def test_the_cache_folder_keeps_the_most_recently_used_stores(tmp_path):
    from soptui.checker.cache import MAX_STORES, evict

    for number in range(MAX_STORES + 5):
        store = tmp_path / f"{number:02d}.lines"
        store.write_text("x")
        os.utime(store, ns=(number * 10**9, number * 10**9))
    (tmp_path / "notes.txt").write_text("not ours")
    in_use = tmp_path / "00.lines"
    removed = evict(tmp_path, keep=in_use)
    assert sorted(p.name for p in removed) == [f"{n:02d}.lines" for n in range(1, 6)]
    assert in_use.exists() and (tmp_path / "notes.txt").exists()


def test_a_store_ends_with_an_index_that_a_changed_since_run_reads_instead_of_every_line(corpus, checked, capsys,
                                                                                         monkeypatch):
    _git("init", "-q", cwd=corpus.parent)
    _git("add", ".", cwd=corpus.parent)
    _git("commit", "-qm", "start", cwd=corpus.parent)
    lint_json(capsys, "--fail-on", "error")
    [store] = store_files()
    from soptui.checker import cache

    with open(store, "rb") as handle:
        assert cache._index(handle.fileno()) is not None
    changed = sorted(corpus.rglob("*.toml"))[0]
    changed.write_text(changed.read_text().replace("no = 1\n", "no = 7\n", 1))
    reads = []
    real_pread = os.pread
    monkeypatch.setattr(cache.os, "pread", lambda fd, size, at: reads.append(size) or real_pread(fd, size, at))
    main(["lint", "sops", "--format", "json", "--changed-since", "HEAD"])
    narrowed = capsys.readouterr().out
    assert len(reads) == 2  # the index's trailer and the index: no entry's line
    # A store whose index is damaged is read line by line, to the same findings.
    data = store.read_bytes()
    store.write_bytes(data[:-40] + data[-40:].replace(b"#end ", b"#END "))
    with open(store, "rb") as handle:
        assert cache._index(handle.fileno()) is None
    main(["lint", "sops", "--format", "json", "--changed-since", "HEAD"])
    assert capsys.readouterr().out == narrowed
    assert checked[1:] == [[changed.name], [changed.name]]


def _rewritten_index(store: Path, column: str, value) -> None:
    """`store` with one column of its index replaced by `value`, its CRC made to match: an index
    that passes its check yet is not what this version writes."""
    import zlib

    from soptui.checker import cache

    data = store.read_bytes()
    trailer = data[-cache._TRAILER_SIZE:]
    offset = int(trailer.split()[1])
    lines = data[offset:-cache._TRAILER_SIZE].split(b"\n")[:-1]
    lines = [b"#%s %s" % (column.encode(), json.dumps(value).encode()) if line.startswith(b"#%s " % column.encode())
             else line for line in lines]
    block = b"\n".join(lines) + b"\n"
    store.write_bytes(data[:offset] + block + cache._TRAILER % (offset, zlib.crc32(block)))


@pytest.mark.parametrize("column, value", [("hashes", ["x"]), ("places", [0, 1]), ("stamps", []),
                                           ("judged", {"SOP402": [[], []]}), ("names", {"a": 1})])
def test_an_index_column_of_another_shape_costs_speed_never_findings(corpus, checked, capsys, column, value):
    # The index is read column by column, each decoded when first asked: one that passed the CRC
    # yet has another shape (another length, another type) is found out when it is decoded, and
    # the files it would have answered for are checked afresh, in a full run as in --changed-since.
    fresh = lint_json(capsys, "--fail-on", "error")
    _git("init", "-q", cwd=corpus.parent)
    _git("add", ".", cwd=corpus.parent)
    _git("commit", "-qm", "start", cwd=corpus.parent)
    [store] = store_files()
    _rewritten_index(store, column, value)
    changed, touched = sorted(corpus.rglob("*.toml"))[:2]
    changed.write_text(changed.read_text().replace("no = 1\n", "no = 7\n", 1))
    os.utime(touched, ns=(10**18, 10**18))  # its entry's stamp no longer matches: checked, and stored anew
    main(["lint", "sops", "--format", "json", "--changed-since", "HEAD", "--no-cache"])
    narrowed = capsys.readouterr().out
    main(["lint", "sops", "--format", "json", "--changed-since", "HEAD"])
    assert capsys.readouterr().out == narrowed
    changed.write_text(changed.read_text().replace("no = 7\n", "no = 1\n", 1))
    _rewritten_index(store, column, value)  # the run above may have written a new store
    assert lint_json(capsys, "--fail-on", "warning") == fresh
    assert lint_json(capsys, "--fail-on", "info") == fresh  # the store written by that run serves


def test_a_plugin_s_code_edited_under_the_same_version_changes_the_key(tmp_path, monkeypatch):
    """A plugin author edits a rule and reinstalls it without a new version: the cache and the
    replay must not keep serving the old rule's findings."""
    import importlib
    import sys

    from soptui.builtin import builtin_rules
    from soptui.checker.cache import engine_key
    from soptui.checker.engine import Checker

    package = tmp_path / "houserules_key"
    package.mkdir()
    (package / "__init__.py").write_text("")
    rules = package / "rules.py"
    rules.write_text("from soptui.api import Rule\n\nclass Named(Rule):\n    code = 'HSE001'\n    name = 'house-named'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("houserules_key.rules")
    monkeypatch.setitem(sys.modules, "houserules_key.rules", module)

    def key() -> str:
        return engine_key(Checker([("builtin", cls) for cls in builtin_rules()] + [("house", module.Named)]))

    before = key()
    assert key() == before  # nothing changed: the same key, so a rerun is served from the cache
    (package / "helpers.py").write_text("WORDS = ()\n")  # a module the rules may import, added
    assert key() != before
    edited = key()
    rules.write_text(rules.read_text() + "# a change of the rule's code\n")
    assert key() != edited
