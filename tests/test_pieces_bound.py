"""The record's queue of pieces is bounded, and never waits on a writer that has ended."""

import threading
import time

import pytest

import soptui.cli.replay as replay
from soptui.pieces import Pieces


def test_a_bounded_queue_holds_at_most_its_bound_while_the_writer_lags():
    pieces = Pieces(bound=2)
    taken, release = [], threading.Event()

    def write():
        release.wait()
        taken.extend(pieces.pieces())

    pieces.writer = threading.Thread(target=write)
    pieces.writer.start()
    producer = threading.Thread(target=lambda: [pieces.put(b"x") for _ in range(10)])
    producer.start()
    producer.join(0.3)
    assert producer.is_alive() and pieces._queue.qsize() == 2  # waits, rather than hold all ten
    release.set()
    producer.join(5)
    pieces.close()
    pieces.writer.join(5)
    assert taken == [b"x"] * 10


def test_a_record_whose_writer_raised_never_hangs_the_run(tmp_path, monkeypatch):
    def broken(pieces):
        raise RuntimeError("writer broke")
        yield  # a generator, as the real one

    monkeypatch.setattr(replay, "_with_trailer", broken)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # the thread's traceback: not the point here
    record = replay.RecordWriter(tmp_path / "record", [b"head\n"])
    record._pieces.writer.join(5)
    started = time.monotonic()
    for _ in range(replay.PIECES_WAITING * 4):
        record.write(b"x" * 1024)
    record.close()
    assert time.monotonic() - started < 5
    assert not (tmp_path / "record").exists()  # nothing recorded: the next run lints afresh


@pytest.mark.parametrize("bound", [0, 3])
def test_pieces_come_out_in_order(bound):
    pieces = Pieces(bound=bound)
    out = []
    pieces.writer = threading.Thread(target=lambda: out.extend(pieces.pieces()))
    pieces.writer.start()
    for n in range(20):
        pieces.put(bytes([n]))
    pieces.close()
    pieces.writer.join(5)
    assert out == [bytes([n]) for n in range(20)]
