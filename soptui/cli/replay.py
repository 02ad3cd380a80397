"""Replaying a lint whose input has not changed.

Run `soptui lint` twice with the same arguments, in the same folder, with the same configuration,
plugins, registry and date, on files whose modification times and sizes have not changed: the
second run would print exactly what the first printed. So each run records its reports, its
summary and its exit code, and such a rerun plays them back without loading a single SOP. This
is what CI and pre-commit do most of the time, and it costs a `stat` a file.

Like git's index and make, the record trusts (modification time, size). A file modified within
`RACY_SECONDS` of the run that would record it could change again within the clock's resolution
without its stamp moving, so that run records nothing and the next one lints afresh.

The record ends with its length and CRC-32 (`TRAILER`): a record cut short or altered (an exit
code turned to 0 under error findings) is ignored and the lint runs afresh.

Runs that change files or depend on git (`--fix`, `--diff`, `--write-baseline`,
`--changed-since`) and `--no-cache` runs are never recorded or replayed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
import zlib
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from ..atomic import atomic_write_bytes, write_in_background
from ..checker.parallel import digest
from ..files import open_regular, read_regular

RACY_SECONDS = 2
TRAILER = b"%020d %08x\n"  # the length and CRC-32 of all that comes before it
TRAILER_SIZE = 30
PIECES_WAITING = 4  # pieces of a report (about a megabyte each, `Capture.PIECE`) waiting for the record


class Recording(NamedTuple):
    """What one lint run wrote, and how it ended."""

    stdout: Iterable[bytes]  # UTF-8, in pieces (none when it was written as produced)
    stderr: str
    outputs: dict[str, Iterable[bytes]]  # --output FILE -> what to write to it, UTF-8 in pieces
    exit_code: int

    def play(self) -> int:
        for target, pieces in self.outputs.items():
            atomic_write_bytes(Path(target), pieces)
        _write(sys.stdout, self.stdout)
        _write(sys.stderr, [self.stderr.encode("utf-8")])
        return self.exit_code


def _write(stream, pieces: list[bytes]) -> None:
    try:
        _write_pieces(stream, pieces)
    except BrokenPipeError:
        raise
    except OSError as error:  # a full disk under standard output: say which file could not be written
        name = "keluaran standar (standard output)" if stream is sys.stdout else "standard error"
        raise OSError(error.errno, error.strerror, name) from error


def _write_pieces(stream, pieces: list[bytes]) -> None:
    # Hand the UTF-8 straight to the byte stream when the text stream would only encode it again.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8":
        stream.flush()
        buffer.writelines(pieces)
        buffer.flush()
    else:
        stream.write(b"".join(pieces).decode("utf-8"))


class Capture(io.TextIOBase):
    """A report as a reporter writes it, handed to `sink` in UTF-8 pieces of about a megabyte
    as it is made (standard output, or an `--output` file's `Spool.write`), and each also to the
    record being written, so that the record reaches the disk while the report is still being
    rendered: a report of fifty thousand SOPs is never held whole."""

    PIECE = 1 << 20

    def __init__(self, sink: Callable[[bytes], None], record: "RecordWriter | None" = None) -> None:
        self._pending: list[str] = []
        self._size = 0
        self._sink = sink
        self._record = record

    def write(self, text: str) -> int:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= self.PIECE:
            self._pass_on()
        return len(text)

    def done(self) -> None:
        self._pass_on()

    def _pass_on(self) -> None:
        if not self._pending:
            return
        piece = "".join(self._pending).encode("utf-8")
        self._pending, self._size = [], 0
        if self._record is not None:
            self._record.write(piece)
        self._sink(piece)


def to_stdout(piece: bytes) -> None:
    """A `Capture` sink: standard output."""
    _write(sys.stdout, [piece])


class Spool:
    """A report for an `--output` file, in UTF-8, kept in an unnamed temporary file until it is
    written out and into the record: a SARIF report of ten thousand SOPs is 150 MB, and held
    as text it was most of the run's memory. Read with `pieces`, as often as needed, from any
    thread (positioned reads: the readers share no file position)."""

    def __init__(self) -> None:
        import tempfile

        try:
            self._file = tempfile.TemporaryFile(prefix="soptui-report-")
            self._kept: list[bytes] | None = None
        except OSError:  # no temporary folder to write in: the report is kept in memory, as before
            self._file, self._kept = None, []
        self.size = 0

    def write(self, piece: bytes) -> None:
        if self._kept is not None:
            self._kept.append(piece)
        else:
            self._file.write(piece)
        self.size += len(piece)

    def pieces(self) -> Iterator[bytes]:
        if self._kept is not None:
            yield from self._kept
            return
        # A generator of this method, not of `_read_at` alone: it keeps the file open while read.
        self._file.flush()
        yield from _read_at(self._file.fileno(), 0, self.size)


def _read_at(fd: int, offset: int, size: int) -> Iterator[bytes]:
    """`size` bytes of `fd` from `offset`, a megabyte at a time, without moving its position."""
    end = offset + size
    while offset < end:
        piece = os.pread(fd, min(end - offset, 1 << 20), offset)
        if not piece:
            return
        offset += len(piece)
        yield piece


class RecordWriter:
    """A record written on a background thread, piece by piece, then renamed into place whole
    (`close`) or thrown away (`abort`). A failed write costs speed, never the lint."""

    def __init__(self, path: Path, first: Iterable[bytes]) -> None:
        """`first`: what comes before the pieces `write` is given, read on the writing thread."""
        from ..pieces import Pieces

        # Bounded: while the writing thread copies the --output spools into the record first,
        # standard output's report would otherwise pile up here whole.
        self._pieces = Pieces(bound=PIECES_WAITING)
        self._pieces.writer = write_in_background(path, _with_trailer(chain(first, self._pieces.pieces())))

    def write(self, piece: bytes) -> None:
        self._pieces.put(piece)

    def close(self) -> None:
        self._pieces.close()

    def abort(self) -> None:
        self._pieces.abort()


def _with_trailer(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The pieces, then the `TRAILER` of all of them (counted on the writing thread)."""
    length = crc = 0
    for piece in pieces:
        length += len(piece)
        crc = zlib.crc32(piece, crc)
        yield piece
    yield TRAILER % (length, crc)


def replayable(args: argparse.Namespace) -> bool:
    return not (args.no_cache or args.fix or args.diff or args.write_baseline or args.changed_since)


class Replay:
    """The record of one combination of arguments, folder and engine."""

    def __init__(self, record_path: Path, files: list[Path]) -> None:
        self.record_path = record_path
        started_ns = time.time_ns()
        self.stamps, newest = _stamps(files)
        # Modified within RACY_SECONDS of the start (or in the future): it could change again
        # without its stamp moving. Any later edit moves the stamp past what this run records.
        self.racy = newest is not None and newest > started_ns - RACY_SECONDS * 1_000_000_000

    @classmethod
    def for_run(cls, engine_key: str, args: argparse.Namespace, files: list[Path], color: bool) -> "Replay":
        from ..checker.cache import cache_dir

        settings = {
            "engine": engine_key,
            "cwd": os.getcwd(),
            "args": {key: value for key, value in sorted(vars(args).items()) if key != "run"},
            "color": color,
            "baseline": _digest_of(args.baseline),
        }
        name = digest(json.dumps(settings, default=str).encode())
        return cls(cache_dir() / f"replay-{name}", files)

    def recorded(self) -> Recording | None:
        """The recording of an earlier run on these very files, if there is one.

        The record is a line of JSON (the stamps, the exit code, the output files and the length
        of stderr and of each output), those texts, then standard output to the end of the file:
        a stale record is told after reading one line, and standard output can be written while
        it is produced.
        """
        if self.stamps is None:
            return None
        try:
            handle = open(open_regular(self.record_path), "rb")
        except OSError:
            return None  # no record: lint afresh
        try:
            head_line = handle.readline()
            head = json.loads(head_line)
            if head["stamps"] != self.stamps:
                return None
            size = os.fstat(handle.fileno()).st_size
            # The check first, reading the record in pieces; standard output is then read
            # again as it is written out, never held whole.
            fd, start = handle.fileno(), len(head_line)
            crc, length = zlib.crc32(head_line), start
            body_size = size - start - TRAILER_SIZE
            for piece in _read_at(fd, start, body_size):
                crc = zlib.crc32(piece, crc)
                length += len(piece)
            if length != start + body_size or os.pread(fd, TRAILER_SIZE + 1, length) != TRAILER % (length, crc):
                return None  # cut short or altered since it was written
            stderr_size, *output_sizes = head["sizes"]
            stderr = os.pread(fd, stderr_size, start).decode("utf-8")
            # Each part read where it lies as it is played: the output files, then standard
            # output, which closes the handle once read.
            outputs, offset = {}, start + stderr_size
            for target, output_size in zip(head["outputs"], output_sizes, strict=True):
                outputs[target] = _read_at(fd, offset, output_size)
                offset += output_size
            stdout = _read_then_close(handle, offset, start + body_size - offset)
            recording = Recording(stdout, stderr, outputs, head["exit_code"])
            handle = None  # closed by `stdout` once played
            return recording
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged record: lint afresh
        finally:
            if handle is not None:
                handle.close()

    def start(self, exit_code: int, stderr: str, outputs: dict[str, Spool]) -> RecordWriter | None:
        """Begin the record of this run, once all but its standard output is known; None when
        the run must not be recorded (a file unreadable, or modified just now)."""
        if self.stamps is None or self.racy:
            return None
        stderr_bytes = stderr.encode("utf-8")
        head = {"stamps": self.stamps, "exit_code": exit_code, "outputs": list(outputs),
                "sizes": [len(stderr_bytes), *(spool.size for spool in outputs.values())]}
        first = chain([json.dumps(head).encode() + b"\n", stderr_bytes],
                      *(spool.pieces() for spool in outputs.values()))
        return RecordWriter(self.record_path, first)


def _read_then_close(handle, offset: int, size: int) -> Iterator[bytes]:
    """`_read_at` of `handle`, which is closed once read (or given up)."""
    try:
        yield from _read_at(handle.fileno(), offset, size)
    finally:
        handle.close()


def _stamps(files: list[Path]) -> tuple[str | None, int | None]:
    """One digest of every file's name, modification time and size, and the newest modification
    time; (None, None) if a file is unreadable."""
    lines = []
    newest = 0
    try:
        for path in files:
            info = os.stat(path)
            newest = max(newest, info.st_mtime_ns)
            lines.append(f"{path}\0{info.st_mtime_ns}\0{info.st_size}\n")
    except OSError:
        return None, None
    return digest("".join(lines).encode()), newest


def _digest_of(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return digest(read_regular(path)[0])
    except OSError:
        return "unreadable"
