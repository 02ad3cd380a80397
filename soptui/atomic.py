"""Writing a file so that it is either wholly old or wholly new, never half-written.

The new content goes to a temporary file in the same folder (so the rename cannot cross file
systems), is flushed to disk with fsync, takes the old file's permissions, and replaces the old
file with one atomic rename.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable


def read_sop_text(path: Path) -> tuple[str, str]:
    """A text file's text and the encoding that writes it back byte for byte: "utf-8-sig" when
    it starts with a byte order mark (kept on save), else "utf-8". Raises UnicodeDecodeError."""
    data = Path(path).read_bytes()
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return data.decode(encoding), encoding


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8", durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode(encoding), durable)


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> None:
    """Replace `path` with `data` (or its pieces, in order, as they come) in one rename.
    `durable=False` skips the fsyncs, for files that may be lost in a crash (caches) but must
    never be seen half-written."""
    import tempfile  # here, not at the top: most runs of soptui write no file

    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.writelines([data] if isinstance(data, bytes) else data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        try:
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    if not durable:
        return
    try:  # make the rename itself durable
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError:
        pass


_background: list = []  # threads still writing


def write_in_background(path: Path, data: bytes | Iterable[bytes]) -> None:
    """`atomic_write_bytes(path, data, durable=False)` on a thread, for caches: the system calls
    of a large write run while this process goes on working. A failed write is no error (a
    cache is rebuilt). Call `wait_for_background_writes()` before exiting or reading it back."""
    import threading

    def write() -> None:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data, durable=False)
        except OSError:
            pass

    thread = threading.Thread(target=write, name=f"write {Path(path).name}")
    thread.start()
    _background.append(thread)


def wait_for_background_writes() -> None:
    while _background:
        _background.pop().join()
