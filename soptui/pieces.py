"""Bytes handed from a run to a write on a background thread (`atomic.write_in_background`) as
they come, so that a file (a cache store, a replay record) reaches the disk while the run is
still producing it."""

import queue
from typing import Iterator


class Pieces:
    """`put` each piece, then `close` to end the file or `abort` to give it up; the writing
    thread takes them from `pieces()`."""

    _END, _ABORT = object(), object()

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue = queue.SimpleQueue()

    def put(self, piece: bytes) -> None:
        self._queue.put(piece)

    def close(self) -> None:
        self._queue.put(self._END)

    def abort(self) -> None:
        self._queue.put(self._ABORT)

    def pieces(self) -> Iterator[bytes]:
        while (piece := self._queue.get()) is not self._END:
            if piece is self._ABORT:
                raise OSError("write abandoned")  # the temporary file is removed, nothing renamed
            yield piece
