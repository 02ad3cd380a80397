"""A content-hash cache of per-file results, so an unchanged file skips loading and checking.

The cache lives in the user's cache folder (``$SOPTUI_CACHE_DIR``, else
``$XDG_CACHE_HOME/soptui``, else ``~/.cache/soptui``), never in the folder being linted, and is
JSON, never pickle: a repository under review cannot plant data that runs code.

One cache file per *engine key*: soptui's version, the loaded plugins and their versions, the
rules and their options, the configuration, and today's date (a date "in the future" depends on
it). Change any of them and the old entries are simply not found. Each entry holds the file's
content hash, its findings and what corpus rules collected from it, behind the CRC-32 and length
of the rest of its line: a damaged entry (a flipped byte that is still JSON, a cut line) is
ignored and its file checked afresh, never served.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Callable

from .. import __version__
from ..atomic import write_in_background
from ..files import read_regular, read_regular_text
from .engine import Checker, FileResult, LintResult
from .plain import decode, encode

# The layout of an entry (see `plain`); a change of layout starts a new cache.
FORMAT = 6


def cache_dir() -> Path:
    if os.environ.get("SOPTUI_CACHE_DIR"):
        return Path(os.environ["SOPTUI_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "soptui"


def engine_key(checker: Checker) -> str:
    config = checker.config
    parts = {
        "soptui": __version__,
        "format": FORMAT,
        "plugins": sorted(f"{p}:{cls.__module__}.{cls.__qualname__}" for p, cls in
                          ((checker.plugin_of[r.code], type(r)) for r in checker.rules)),
        "options": {r.code: r.options for r in checker.rules},
        "config": repr(config),
        "config_text": read_regular_text(config.path, errors="replace") if config.path else "",
        "today": checker.context.today.isoformat(),
        "previous": checker.context.previous_text,
    }
    # the registry the rules see (shipped, configuration's, plugins'): a registry file edited
    # changes the dasar hukum findings of unchanged SOPs
    parts["registry"] = checker.context.registry.digest
    try:
        from .entrypoints import entry_points

        parts["versions"] = sorted(f"{e.name}={e.version}" for e in entry_points(group="soptui"))
    except Exception:  # noqa: BLE001 - metadata is a refinement of the key, not a need
        pass
    return hashlib.blake2b(json.dumps(parts, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


def cached_run(checker: Checker, files: list[Path], progress: Callable[[int, int], None] | None = None,
               key: str | None = None) -> LintResult:
    from .parallel import check_files

    store_path = cache_dir() / f"{key or engine_key(checker)}.lines"
    store = _read_store(store_path)
    results: dict[str, FileResult] = {}
    lines: list[bytes] = []  # the new store: entries still valid (as read), then fresh ones
    misses = []
    restamped = False
    for path in files:
        reused = _reuse(path, store.get(str(path)))
        if reused is None:
            misses.append(path)
            continue
        results[str(path)], line, stamp_moved = reused
        lines.append(line)
        restamped = restamped or stamp_moved
    for checked in check_files(checker, misses, progress):
        results[checked.path] = checked.result
        if checked.version is not None:
            head = json.dumps([checked.path, *checked.version], ensure_ascii=False)
            body = checked.plain or json.dumps(encode(checked.result), ensure_ascii=False)
            lines.append(_line(head.encode("utf-8"), body.encode("utf-8")))
    if misses or restamped:
        # Not fsynced: a cache lost in a crash is rebuilt, a damaged one is ignored; and a
        # read-only home is no reason to fail a lint.
        write_in_background(store_path, b"\n".join(lines) + b"\n")
    return checker.finish([results[str(path)] for path in files])


def _line(head: bytes, body: bytes) -> bytes:
    entry = head + b"\t" + body
    return b"%08x %d\t" % (zlib.crc32(entry), len(entry)) + entry


def _intact(line: bytes) -> bytes | None:
    """The entry (head, tab, body) of a store line whose check matches it, else None."""
    check, _, entry = line.partition(b"\t")
    if check != b"%08x %d" % (zlib.crc32(entry), len(entry)):
        return None
    return entry


def _reuse(path: Path, entry: tuple[list, bytes] | None) -> tuple[FileResult, bytes, bool] | None:
    """The cached result of an unchanged file, its store line, and whether that line had to
    take the file's new stamp; None if the file must be checked afresh."""
    if entry is None:
        return None
    head, line = entry
    intact = _intact(line)
    if intact is None:
        return None  # damaged since it was written
    try:
        current = _current(path, head)
        if current is None:
            return None
        body = intact[intact.index(b"\t") + 1:]
        result = decode(str(path), json.loads(body))
    except (KeyError, TypeError, ValueError, IndexError):
        return None  # an entry from a damaged cache: check the file afresh
    if current is head:
        return result, line, False
    return result, _line(json.dumps(current, ensure_ascii=False).encode("utf-8"), body), True


def _read_store(path: Path) -> dict[str, tuple[list, bytes]]:
    """File name -> (its entry's head, the entry's line, as bytes).

    The store has one line a file: ``CRC LENGTH`` of the rest of the line, a tab, its head
    ``[name, content hash, mtime, size]``, a tab, and the result's plain data. JSON escapes
    tabs and newlines inside strings, so neither can occur within a part. Only the heads are
    read here; an entry's check is verified and its plain data decoded only for the files
    linted from the cache, and an entry still valid is written back as the bytes it was read.
    """
    try:
        data, _ = read_regular(path)  # a FIFO or /dev/zero put in its place is no store
    except OSError:
        return {}
    store = {}
    for line in data.split(b"\n"):  # bytes: "\n" only, and no decoding of what is not used
        if not line:
            continue
        try:
            start = line.index(b"\t") + 1
            head = json.loads(line[start:line.index(b"\t", start)])
            store[head[0]] = (head, line)
        except (ValueError, IndexError, KeyError, TypeError):
            continue  # a damaged line: its file is linted afresh
    return store


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return info.st_mtime_ns, info.st_size


def _current(path: Path, head: list) -> list | None:
    """`head` ([name, hash, mtime, size]) if the file has not changed since, else None. Same
    modification time and size: trusted without reading (as git does); otherwise the content
    hash decides, and an unchanged file gets its new stamp (a checkout that touched every file
    costs one hashing, not one a run)."""
    if len(head) == 4 and tuple(head[2:4]) == _stat(path) and head[2] != -1:
        return head
    from .parallel import digest, read_file

    read = read_file(path)
    if read is None or head[1] != digest(read[0]):
        return None
    return [head[0], head[1], read[1], read[2]]
