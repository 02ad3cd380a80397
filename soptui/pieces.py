"""Bytes handed from a run to a write on a background thread (`atomic.write_in_background`) as
they come, so that a file (a cache store, a replay record) reaches the disk while the run is
still producing it."""

import queue
import threading
from typing import Iterator

# How long a `put` to a full queue waits before it looks again whether its writer still runs.
_LOOK_SECONDS = 0.05


class Pieces:
    """`put` each piece, then `close` to end the file or `abort` to give it up; the writing
    thread takes them from `pieces()`. With a `bound`, at most that many pieces wait for it: a
    run producing faster than the disk takes them waits rather than holds them all. Such a
    queue needs its `writer`: once that thread has ended (its write failed, or it raised),
    nothing takes from the queue any more, and `put` drops what it is given, never waits on."""

    _END, _ABORT = object(), object()

    def __init__(self, bound: int = 0) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=bound)
        self.writer: threading.Thread | None = None

    def put(self, piece: bytes) -> None:
        self._put(piece)

    def close(self) -> None:
        self._put(self._END)

    def abort(self) -> None:
        self._put(self._ABORT)

    def _put(self, item: object) -> None:
        while True:
            try:
                self._queue.put(item, timeout=_LOOK_SECONDS)
                return
            except queue.Full:
                if self.writer is None or not self.writer.is_alive():
                    return  # nothing will take it: the file is given up, not the run

    def pieces(self) -> Iterator[bytes]:
        while (piece := self._queue.get()) is not self._END:
            if piece is self._ABORT:
                raise OSError("write abandoned")  # the temporary file is removed, nothing renamed
            yield piece
