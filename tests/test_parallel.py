"""How worker processes hand their results over (`checker.parallel`)."""

import gc
import json
from pathlib import Path
from typing import NamedTuple

import soptui.checker.cache as cache
import soptui.checker.parallel as parallel
from soptui.checker.corpus import CorpusState
from soptui.checker.engine import Checker
from soptui.checker.plain import decode
from soptui.gcpolicy import frozen_for_fork
from soptui.checker.plugins import load_plugins

SEEDS = sorted((Path(__file__).resolve().parent.parent / "sops").rglob("*.toml"))


class _Pair(NamedTuple):  # JSON writes it as a list; marshal refuses a tuple's subclass
    a: int
    b: int


def _findings(chunk):
    return {name: decode(name, data).findings for name, _, _, data, _, _ in parallel._results(chunk)}


def test_with_a_cache_results_come_marshalled_with_their_store_lines(monkeypatch):
    checker = Checker(load_plugins().rule_classes())
    monkeypatch.setattr(parallel, "_worker", checker)
    without = parallel._check_chunk(SEEDS, False)
    with_cache = parallel._check_chunk(SEEDS, True)
    # a cache too: the cheap form, not JSON text for the parent to decode
    assert isinstance(without, bytes) and isinstance(with_cache, bytes)
    found = _findings(without)
    assert found == _findings(with_cache) and sum(map(len, found.values())) > 20
    judged_by = CorpusState(checker).judged_by
    for name, version, text, data, (head, line), _ in parallel._results(with_cache):
        assert text is None and version is not None and head == [name, *version, judged_by(data["collected"])]
        # the line the parent would have made of the result: what a later run reads back
        assert line == cache.entry_line(name, version, head[4], json.dumps(data, ensure_ascii=False).encode())[1]
        assert json.loads(cache._intact(line).split(b"\t", 1)[1]) == json.loads(json.dumps(data))


def test_a_result_marshal_refuses_comes_as_json_text(monkeypatch):
    monkeypatch.setattr(parallel, "_worker", Checker(load_plugins().rule_classes()))
    real = parallel.encode
    monkeypatch.setattr(parallel, "encode", lambda result: {**real(result), "collected": {"X": _Pair(1, 2)}})
    chunk = parallel._check_chunk(SEEDS[:2], False)
    assert isinstance(chunk, list)
    assert [data["collected"] for _, _, _, data, _, _ in parallel._results(chunk)] == [{"X": [1, 2]}] * 2
    assert json.loads(chunk[0][2])["collected"] == {"X": [1, 2]}


def test_workers_are_forked_with_the_heap_frozen_and_it_thaws_after():
    gc.unfreeze()  # a terminal UI test run before this one leaves its state frozen (`gcpolicy.settle`)
    assert gc.get_freeze_count() == 0
    with frozen_for_fork():
        assert gc.get_freeze_count() > 1000  # a forked worker's collector leaves these alone
    assert gc.get_freeze_count() == 0


def test_chunks_deal_every_path_once_in_order_and_shrink_towards_the_end():
    paths = list(range(1000))
    chunks = list(parallel._chunks(paths, 2))
    assert [path for chunk in chunks for path in chunk] == paths
    assert len(chunks[0]) == parallel.CHUNK and max(map(len, chunks)) == parallel.CHUNK
    assert all(len(chunk) <= parallel.CHUNK_AT_END for chunk in chunks[-4:])
    assert [len(chunk) for chunk in parallel._chunks(list(range(5)), 2)] == [5]  # never split below the least


def test_a_worker_writes_each_files_findings_ahead_as_the_report_would(monkeypatch):
    from soptui.checker.finding import Finding
    from soptui.reporting.json import JsonLines, finding_json

    monkeypatch.setattr(parallel, "_worker", Checker(load_plugins().rule_classes()))
    monkeypatch.setattr(parallel, "_render", JsonLines("en"))
    results = list(parallel._results(parallel._check_chunk(SEEDS, False)))
    assert sum(1 for *_, rendered in results if rendered) >= 3
    for name, _, _, data, _, rendered in results:
        findings = sorted(decode(name, data).findings, key=Finding.by_place)
        assert decode(name, data).findings == findings  # sent in the order of the text
        assert rendered.decode("utf-8") == ",".join(f"\n  {finding_json(f, 'en')}" for f in findings)
