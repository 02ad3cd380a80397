"""How worker processes hand their results over (`checker.parallel`)."""

import gc
import json
from pathlib import Path
from typing import NamedTuple

import soptui.checker.parallel as parallel
from soptui.checker.engine import Checker
from soptui.checker.plain import decode
from soptui.gcpolicy import frozen_for_fork
from soptui.checker.plugins import load_plugins

SEEDS = sorted((Path(__file__).resolve().parent.parent / "sops").rglob("*.toml"))


class _Pair(NamedTuple):  # JSON writes it as a list; marshal refuses a tuple's subclass
    a: int
    b: int


def _findings(chunk):
    return {name: decode(name, data).findings for name, _, _, data in parallel._results(chunk)}


def test_marshalled_and_json_results_decode_to_the_same_findings(monkeypatch):
    monkeypatch.setattr(parallel, "_worker", Checker(load_plugins().rule_classes()))
    marshalled = parallel._check_chunk(SEEDS, False)
    assert isinstance(marshalled, bytes)  # no cache: the cheap form
    as_text = parallel._check_chunk(SEEDS, True)
    assert isinstance(as_text[0][2], str) and as_text[0][1] is not None  # a cache: its JSON text and versions
    found = _findings(marshalled)
    assert found == _findings(as_text) and sum(map(len, found.values())) > 20


def test_a_result_marshal_refuses_comes_as_json_text(monkeypatch):
    monkeypatch.setattr(parallel, "_worker", Checker(load_plugins().rule_classes()))
    real = parallel.encode
    monkeypatch.setattr(parallel, "encode", lambda result: {**real(result), "collected": {"X": _Pair(1, 2)}})
    chunk = parallel._check_chunk(SEEDS[:2], False)
    assert isinstance(chunk, list)
    assert [data["collected"] for _, _, _, data in parallel._results(chunk)] == [{"X": [1, 2]}] * 2
    assert json.loads(chunk[0][2])["collected"] == {"X": [1, 2]}


def test_workers_are_forked_with_the_heap_frozen_and_it_thaws_after():
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
