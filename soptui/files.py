"""Reading a file that may be anything: only a regular file is read, and never past a limit.

A name in a folder under review can be a FIFO (reading it waits for a writer for ever), a device
(/dev/zero never ends), a socket, or a sparse file of a gigabyte. Each is refused by its status,
taken before opening it (and again from the open file, in case it was swapped meanwhile), with
an `OSError` whose `strerror` says why, so that whoever reports a file it cannot read reports
this too.
"""

from __future__ import annotations

import errno
import os
import stat


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def _check(info: os.stat_result, path, limit: int | None) -> None:
    if not stat.S_ISREG(info.st_mode):
        code = errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL
        raise OSError(code, f"not a regular file (a {_kind(info.st_mode)})", str(path))
    if limit is not None and info.st_size > limit:
        raise OSError(errno.EFBIG, f"file too large (over {limit // 1024} KB)", str(path))


def open_regular(path) -> int:
    """A descriptor of `path` open for reading. Raises OSError for anything but a regular file:
    it is opened without blocking (O_NONBLOCK), so a FIFO put in the file's place is refused by
    the fstat that follows, not waited on."""
    return _opened(path)[0]


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _opened(path) -> tuple[int, os.stat_result]:
    """`open_regular`'s descriptor, with the open file's status."""
    handle = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(handle)
        _check(info, path, None)
    except OSError:
        os.close(handle)
        raise
    return handle, info


def read_regular(path, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of `path` and its status from before they were read. Raises OSError for
    anything but a regular file, and for one over `limit` bytes (by its size, before reading;
    and by what is read, for a file that grows meanwhile)."""
    _check(os.stat(path), path, limit)
    # Read with the descriptor itself, not a file object over it: a lint reads every file of the
    # corpus, and the object and its buffer cost as much as the reading.
    handle, info = _opened(path)  # again from the open file: it may have been swapped meanwhile
    try:
        _check(info, path, limit)
        # The size said, and one byte more to see whether it grew: reading the whole limit would
        # allocate it for every file. A file that did grow is read on, to the limit.
        data = _read(handle, info.st_size + 1)
        if len(data) > info.st_size and (limit is None or len(data) <= limit):
            data += _read(handle, None if limit is None else limit + 1 - len(data))
    finally:
        os.close(handle)
    if limit is not None and len(data) > limit:
        raise OSError(errno.EFBIG, f"file too large (over {limit // 1024} KB)", str(path))
    return data, info


def _read(handle: int, count: int | None) -> bytes:
    """`count` bytes from `handle`, fewer at its end; with None, all that is left."""
    parts = []
    while count is None or count > 0:
        part = os.read(handle, (1 << 16) if count is None else count)
        if not part:
            break
        parts.append(part)
        if count is not None:
            count -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_regular_text(path, limit: int | None = None, encoding: str = "utf-8", errors: str = "strict") -> str:
    return read_regular(path, limit)[0].decode(encoding, errors)
