"""A content-hash cache of per-file results, so an unchanged file skips loading and checking.

The cache lives in the user's cache folder (``$SOPTUI_CACHE_DIR``, else
``$XDG_CACHE_HOME/soptui``, else ``~/.cache/soptui``), never in the folder being linted, and is
JSON, never pickle: a repository under review cannot plant data that runs code.

One cache file per *engine key*: soptui's version, the loaded plugins and their versions, the
rules and their options, the configuration, and today's date (a date "in the future" depends on
it). Change any of them and the old entries are simply not found. Each entry holds the file's
content hash, its findings and what corpus rules collected from it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Callable

from .. import __version__
from ..atomic import atomic_write_text
from ..loading.loader import MAX_FILE_BYTES
from .engine import Checker, FileResult, LintResult
from .plain import decode, encode


# The layout of an entry (see `plain`); a change of layout starts a new cache.
FORMAT = 3


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
        "config_text": config.path.read_text("utf-8", errors="replace") if config.path else "",
        "today": checker.context.today.isoformat(),
        "previous": checker.context.previous_text,
    }
    try:  # a registry file edited changes the dasar hukum findings of unchanged SOPs
        from ..registry import registry_for

        parts["registry"] = registry_for(config).digest
    except Exception:  # noqa: BLE001 - a broken registry is reported by the rules; the key stays usable
        parts["registry"] = "unreadable"
    try:
        from .entrypoints import entry_points

        parts["versions"] = sorted(f"{e.name}={e.version}" for e in entry_points(group="soptui"))
    except Exception:  # noqa: BLE001 - metadata is a refinement of the key, not a need
        pass
    return hashlib.blake2b(json.dumps(parts, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


def cached_run(checker: Checker, files: list[Path], progress: Callable[[int, int], None] | None = None,
               key: str | None = None) -> LintResult:
    from .parallel import check_files

    store_path = cache_dir() / f"{key or engine_key(checker)}.json"
    try:
        store = json.loads(store_path.read_text("utf-8"))
    except (OSError, ValueError):
        store = {}
    results: dict[str, FileResult] = {}
    misses = []
    for path in files:
        name = str(path)
        hit = store.get(name)
        if hit is not None and _unchanged(path, hit):
            try:
                results[name] = decode(name, hit[1])
                continue
            except (KeyError, TypeError, ValueError, IndexError):
                pass  # an entry from a damaged cache: check the file afresh
        misses.append(path)
    for name, key, result, plain in check_files(checker, misses, progress):
        results[name] = result
        if key is not None:
            store[name] = [key, plain or encode(result), *_stat(Path(name))]
    if misses:
        try:
            store_path.parent.mkdir(parents=True, exist_ok=True)
            # Not fsynced: a cache lost in a crash is rebuilt, a damaged one is ignored.
            atomic_write_text(store_path, json.dumps(store, ensure_ascii=False), durable=False)
        except OSError:
            pass  # a read-only home is no reason to fail a lint
    return checker.finish([results[str(path)] for path in files])


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return info.st_mtime_ns, info.st_size


def _unchanged(path: Path, entry: list) -> bool:
    """Same modification time and size: trust the entry without reading (as git does); any
    difference falls back to comparing the content hash."""
    if len(entry) >= 4 and tuple(entry[2:4]) == _stat(path) and entry[2] != -1:
        return True
    data = _read(path)
    from .parallel import digest

    return data is not None and entry[0] == digest(data)


def _read(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
