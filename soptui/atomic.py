"""Writing a file so that it is either wholly old or wholly new, never half-written, and stays
the file the user has.

The new content goes to a temporary file in the target's folder (so the rename cannot cross file
systems), is flushed to disk with fsync, takes the old file's owner, group and permissions, and
replaces the old file with one atomic rename. What a rename would break is written otherwise:

- a symbolic link is followed: its target is replaced, the link stays a link;
- anything that is not a regular file (a device such as /dev/null or /dev/stdout, a FIFO) is
  written plainly, as a shell's `>` would: renaming over it would replace it with a file.
  So is a path under /dev or /proc, even when a regular file is behind it (`/dev/stdout`
  redirected to a file): a rename would unlink the very file the shell opened;
- a file with more than one hard link, or one whose owner a rename cannot keep (we may not
  chown), is written in place. That is not atomic (a crash mid-write leaves it torn), but a
  rename would give the new content to one of its names and leave the others the old file: the
  user linked them to have one file. SOP files are small, so the window is a single write.

A temporary file is locked while its writer lives; the next write into a folder removes the
unlocked ones a killed writer left (named `.NAME.XXXXXXXX.tmp`, and only those).
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path
from typing import Callable, Iterable

from .files import read_regular

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, so stale temporary files stay
    fcntl = None

_DEVICES = ("/dev/", "/proc/")
_swept: set[str] = set()  # folders whose stale temporary files this process has removed


class UnsavableText(OSError):
    """The text cannot be written back as the file's bytes; saving would lose some of them. An
    OSError, so that whoever handles a failed write (a full disk, a read-only file) handles it."""


def read_sop_text(path: Path, limit: int | None = None) -> tuple[str, str]:
    """A text file's text and the encoding that writes it back byte for byte: "utf-8-sig" when
    it starts with a byte order mark (kept on save), else "utf-8". Raises UnicodeDecodeError,
    and OSError for what is not a regular file or is over `limit` bytes."""
    data, _ = read_regular(path, limit)
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return data.decode(encoding), encoding


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8", durable: bool = True,
                      before_replace: Callable[[], None] | None = None) -> os.stat_result:
    """Raises UnicodeEncodeError, before touching anything, for text the encoding cannot hold."""
    return atomic_write_bytes(path, text.encode(encoding), durable, before_replace=before_replace)


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes], durable: bool = True,
                       before_replace: Callable[[], None] | None = None,
                       replaces: Callable[[bytes], bool] | None = None) -> os.stat_result:
    """Replace `path` with `data` (or its pieces, in order, as they come) in one rename.
    `durable=False` skips the fsyncs, for files that may be lost in a crash (caches) but must
    never be seen half-written. `before_replace` runs once the new content is on disk, right
    before the rename: it may raise to cancel the write. `replaces` judges the file's content
    right before the rename, and `ChangedMeanwhile` is raised when it refuses (another program
    wrote the file); where the system allows (Linux) the files are then swapped atomically, and
    swapped back should a write have landed between the judging and the swap (see
    `_checked_replace`). Returns the written file's status
    (its modification time and size as written, whatever happens to the path afterwards)."""
    path = Path(path)
    try:
        try:
            info = os.stat(path)  # follows links: what the path names now
        except FileNotFoundError:
            info = None
        if info is not None and (not stat.S_ISREG(info.st_mode) or str(path).startswith(_DEVICES)):
            return _write_plainly(path, data, before_replace)
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        if info is not None and (info.st_nlink > 1 or not _can_keep_owner(info)):
            return _write_in_place(target, data, durable, before_replace)
        return _replace(target, data, durable, info, before_replace, replaces)
    except OSError as error:
        if error.filename == str(path) or error.errno is None or isinstance(error, ChangedMeanwhile):
            raise
        # named by the path asked for, not by the temporary file (or nothing, for a write error)
        raise OSError(error.errno, error.strerror, str(path)) from error


def _can_keep_owner(info: os.stat_result) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        return True  # root can chown the new file to the old owner; Windows has no owners here
    return info.st_uid == os.geteuid() and (info.st_gid == os.getegid() or info.st_gid in os.getgroups())


def _pieces(data: bytes | Iterable[bytes]) -> Iterable[bytes]:
    return [data] if isinstance(data, bytes) else data


def _write_plainly(path: Path, data, before_replace) -> os.stat_result:
    if before_replace is not None:
        before_replace()
    with open(path, "wb") as out:
        out.writelines(_pieces(data))
        out.flush()
        return os.fstat(out.fileno())


def _write_in_place(path: Path, data, durable: bool, before_replace) -> os.stat_result:
    content = b"".join(_pieces(data))  # whole before the file is touched: a failing source costs nothing
    if before_replace is not None:
        before_replace()
    with open(path, "r+b") as out:
        out.write(content)
        out.truncate()
        out.flush()
        if durable:
            os.fsync(out.fileno())
        return os.fstat(out.fileno())


def _replace(path: Path, data, durable: bool, info: os.stat_result | None, before_replace,
             replaces: Callable[[bytes], bool] | None = None) -> os.stat_result:
    import tempfile  # here, not at the top: most runs of soptui write no file

    folder = path.parent if str(path.parent) else Path(".")
    _sweep(folder)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # "alive": see _sweep
        with os.fdopen(handle, "wb") as out:
            out.writelines(_pieces(data))
            out.flush()
            if info is None:
                os.chmod(temporary, 0o644)
            else:
                if hasattr(os, "fchown") and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                    os.fchown(out.fileno(), info.st_uid, info.st_gid)
                os.chmod(temporary, info.st_mode & 0o7777)  # after chown, which clears set-id bits
            if durable:
                os.fsync(out.fileno())
            written = os.fstat(out.fileno())
            if before_replace is not None:
                before_replace()
            # while still locked: a sweep never takes a live file
            if replaces is None or info is None or not isinstance(data, bytes):
                os.replace(temporary, path)
            else:
                _checked_replace(temporary, path, data, replaces)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    if durable:
        try:  # make the rename itself durable
            directory = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
        except OSError:
            pass
    return written


class ChangedMeanwhile(OSError):
    """Another program wrote the file between the last check and the rename; its write is kept.
    `kept` names a copy of an earlier write of theirs that the path no longer holds, if any:
    see `_swap_back`."""

    kept: str | None = None


def _exchange(first: str | Path, second: str | Path) -> bool:
    """Swap two paths in one step (renameat2 with RENAME_EXCHANGE); False where the system or
    the file system cannot, and the caller renames as usual."""
    global _renameat2
    if _renameat2 is None:
        try:
            import ctypes  # here: only a checked save needs it

            function = ctypes.CDLL(None, use_errno=True).renameat2
            function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            _renameat2 = function
        except (ImportError, OSError, AttributeError):
            _renameat2 = False
    if not _renameat2:
        return False
    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    if _renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    import ctypes

    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


_renameat2 = None


def _checked_replace(temporary: str, path: Path, ours: bytes, replaces: Callable[[bytes], bool]) -> None:
    """Put `temporary` in the place of `path` only if what `path` holds is content `replaces`
    accepts. The file is judged before the swap, through a descriptor that pins it, so the swap
    and its check (is what came out the very file judged?) are two system calls apart: had the
    check come after the swap, the new content would be visible while the old was read and
    hashed, and a program that read it then and wrote on top of it would be building on a save
    about to be undone."""
    pinned = os.open(path, os.O_RDONLY)
    try:
        judged = os.fstat(pinned)
        with os.fdopen(os.dup(pinned), "rb") as handle:
            if not replaces(handle.read()):
                raise ChangedMeanwhile(errno.EAGAIN, "changed on disk while being saved", str(path))
        if not _exchange(temporary, path):
            os.replace(temporary, path)
            return
        out = os.stat(temporary)  # after the swap: what `path` held
        if (out.st_dev, out.st_ino, out.st_mtime_ns, out.st_size) == (
                judged.st_dev, judged.st_ino, judged.st_mtime_ns, judged.st_size):
            os.unlink(temporary)
            return
        _swap_back(temporary, path, ours)
    finally:
        os.close(pinned)


def _swap_back(swapped: str, path: Path, ours: bytes) -> None:
    """After the swap, `swapped` holds a write another program made since the file was judged:
    swap back, so that write stays, then raise.

    Should a third write have landed on `path` in the two system calls the new content was
    visible, it was made by a program that read our save and wrote on top of it: that newest
    write stays at `path`, and the one it replaced without seeing is kept beside it
    (`NAME.TIMESTAMP.kept`), named by the exception, so that no write is lost."""
    _exchange(swapped, path)
    with open(swapped, "rb") as handle:
        back = handle.read()
    error = ChangedMeanwhile(errno.EAGAIN, "changed on disk while being saved", str(path))
    if back == ours:
        os.unlink(swapped)
    else:  # not ours: a write that came after our swap, newer than the one restored
        _exchange(swapped, path)
        error.kept = f"{path}.{time.strftime('%Y%m%dT%H%M%S')}.{os.getpid()}.kept"
        os.replace(swapped, error.kept)
    raise error


def _sweep(folder: Path) -> None:
    """Remove the temporary files killed writers left in `folder`: ours by name (`.NAME.` +
    mkstemp's 8 characters + `.tmp`) and unlocked (a live writer holds its lock). Once a
    folder a process: fixing a corpus writes many files into one folder."""
    key = os.path.abspath(folder)
    if fcntl is None or key in _swept:
        return
    _swept.add(key)
    try:
        names = [e.name for e in os.scandir(folder) if _ours(e.name) and e.is_file(follow_symlinks=False)]
    except OSError:
        return
    for name in names:
        try:
            handle = os.open(os.path.join(folder, name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass  # locked: a writer is at work
        finally:
            os.close(handle)


def _ours(name: str) -> bool:
    if not (name.startswith(".") and name.endswith(".tmp")):
        return False
    stem, dot, random = name[1:-4].rpartition(".")
    return bool(stem) and len(random) == 8 and all(c.isalnum() or c == "_" for c in random)


_background: list = []  # threads still writing


def write_in_background(path: Path, data: bytes | Iterable[bytes]) -> "threading.Thread":
    """`atomic_write_bytes(path, data, durable=False)` on a thread, for caches: the system calls
    of a large write run while this process goes on working. A failed write is no error (a
    cache is rebuilt), and a cache path that is not a regular file (a FIFO someone put there)
    is left alone. Call `wait_for_background_writes()` before exiting or reading it back.
    Returns the writing thread."""
    import threading

    def write() -> None:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                info = None
            if info is not None and not stat.S_ISREG(info.st_mode):
                for _ in _pieces(data):  # drain a generator, so its producer is not left waiting
                    pass
                return
            _replace(Path(path), data, False, info, None)
        except OSError:
            pass

    thread = threading.Thread(target=write, name=f"write {Path(path).name}")
    thread.start()
    _background.append(thread)
    return thread


def wait_for_background_writes() -> None:
    while _background:
        _background.pop().join()
