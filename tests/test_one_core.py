"""A lint on one core (`parallel.workers()` is 1): the in-process path of `parallel.check_files`
and what `run.lint` does with its results, which must cost no more than the workers' path."""

import os
from pathlib import Path

import soptui.checker.parallel as parallel
import soptui.checker.run as run
from soptui import files
from soptui.checker.engine import Checker
from soptui.checker.plugins import load_plugins
from soptui.reporting.json import JsonLines, JsonReporter

SEEDS = sorted((Path(__file__).resolve().parent.parent / "sops").rglob("*.toml"))


def _checker() -> Checker:
    return Checker(load_plugins().rule_classes())


def test_one_core_checks_files_in_chunks_and_tells_progress_per_file(monkeypatch):
    checker = _checker()
    monkeypatch.setattr(parallel, "workers", lambda: 1)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    together = []
    real = Checker.check_all_loaded
    monkeypatch.setattr(Checker, "check_all_loaded", lambda self, loaded: together.append(len(loaded)) or real(self, loaded))
    progress = []
    checked = list(parallel.check_files(checker, SEEDS, lambda done, total: progress.append((done, total)),
                                        digests=False))
    assert [c.path for c in checked] == [str(p) for p in SEEDS]
    assert max(together) == 3 and sum(together) <= len(SEEDS)  # a chunk's files checked together
    assert progress == [(done, len(SEEDS)) for done in range(1, len(SEEDS) + 1)]
    alone = [parallel.check_one(checker, path, False).result for path in SEEDS]
    assert [c.result.findings for c in checked] == [r.findings for r in alone]
    assert sum(len(r.findings) for r in alone) > 20


def test_one_core_writes_each_files_findings_for_the_json_report_as_it_takes_them(monkeypatch):
    """As a worker does (`render`): the report then passes the text on, and reads back none of
    the findings to write them."""
    monkeypatch.setattr(parallel, "workers", lambda: 1)
    monkeypatch.setattr(run, "SPILL_MIN_FILES", 0)
    render = JsonLines("en")
    result = run.lint(_checker(), SEEDS, render=render)
    by_file = list(result.findings.by_file(render))
    assert len(by_file) > 3
    for path, _, plain, _, rendered in by_file:
        assert rendered is not None or not plain, path  # its own findings there as text

    monkeypatch.setattr(run, "SPILL_MIN_FILES", 10**9)
    in_memory = run.lint(_checker(), SEEDS)
    reporter = JsonReporter(lang="en")
    written = []
    for findings in (result, in_memory):
        out = _Text()
        reporter.write(findings, out)
        written.append(out.text)
    assert written[0] == written[1] and written[0].count('"code"') > 20
    result.findings.close()


class _Text:
    def __init__(self) -> None:
        self.parts = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def test_a_file_read_in_short_pieces_is_read_whole(tmp_path, monkeypatch):
    """`read_regular` reads with the descriptor itself, which may give less than it asks for."""
    path = tmp_path / "a.toml"
    path.write_bytes(bytes(range(256)) * 40)
    real = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, count: real(fd, min(count, 7)))
    assert files.read_regular(path, limit=1 << 20)[0] == path.read_bytes()
    assert files.read_regular(path)[0] == path.read_bytes()
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b"")
    assert files.read_regular(empty, limit=10)[0] == b""


def test_soptuis_own_corpus_rules_are_trusted_as_its_one_sop_rules_are(monkeypatch):
    """Their violations are held well-formed by tests/test_malformed_violations.py, as the engine
    trusts the one-SOP rules': a plugin's are still checked (that file's tests)."""
    from soptui.checker import corpus

    checked = []
    monkeypatch.setattr(corpus, "well_formed", lambda violations, corpus: checked.append(violations) or (violations, None))
    state = corpus.CorpusState(_checker())
    for result in parallel.check_files(state.checker, SEEDS, digests=False):
        state.add(result.result)
    assert state.judge().findings() and not checked
