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
    return _open_checked(path, None)[0]


def _open_checked(path, limit: int | None) -> tuple[int, os.stat_result]:
    """`open_regular`, with the open file's status, checked against `limit` too."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(handle)
        _check(info, path, limit)
    except OSError:
        os.close(handle)
        raise
    return handle, info


def read_regular(path, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of `path` and its status from before they were read. Raises OSError for
    anything but a regular file, and for one over `limit` bytes (by its size, before reading;
    and by what is read, for a file that grows meanwhile)."""
    _check(os.stat(path), path, limit)
    # again from the open file: it may have been swapped meanwhile. Read from the descriptor:
    # a file object around it (a buffered reader) cost more than the read, for every file of a lint.
    handle, info = _open_checked(path, limit)
    try:
        if limit is None:
            data = _read_up_to(handle, None)
        else:
            # The size said, and one byte more to see whether it grew: reading limit + 1 would
            # allocate the whole limit for every file. A file that did grow is read on, to the limit.
            data = _read_up_to(handle, info.st_size + 1)
            if info.st_size < len(data) <= limit:
                data += _read_up_to(handle, limit + 1 - len(data))
    finally:
        os.close(handle)
    if limit is not None and len(data) > limit:
        raise OSError(errno.EFBIG, f"file too large (over {limit // 1024} KB)", str(path))
    return data, info


_BLOCK = 1 << 16


def _read_up_to(handle: int, size: int | None) -> bytes:
    """`size` bytes from the descriptor, fewer at its end; with None, all of it to its end."""
    parts = []
    left = size
    while left is None or left > 0:
        part = os.read(handle, _BLOCK if left is None else left)
        if not part:
            break
        parts.append(part)
        if left is not None:
            left -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_regular_text(path, limit: int | None = None, encoding: str = "utf-8", errors: str = "strict") -> str:
    return read_regular(path, limit)[0].decode(encoding, errors)
