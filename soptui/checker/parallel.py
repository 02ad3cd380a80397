"""Checking many files on every core.

Below `PARALLEL_MIN_FILES` the work is done in this process: starting workers costs more than
it saves. Above it, files are dealt out in chunks to worker processes, each of which builds its
own `Checker` from the same rule classes, configuration and context, reads its files, and sends
back results as JSON text of the cache's plain-data form.
"""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path
from typing import Callable, Iterator

from ..loading.loader import MAX_FILE_BYTES, load_bytes
from .engine import Checker, FileResult
from .plain import decode, encode

PARALLEL_MIN_FILES = 300
CHUNK = 64

_worker: Checker | None = None


def digest(data: bytes) -> str:
    import hashlib  # only runs that use the cache hash contents; the others skip the import

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None


def check_one(checker: Checker, path: Path, digests: bool = True) -> tuple[str, str | None, FileResult]:
    data = _read(path)
    if data is None:
        return str(path), None, checker.check_file(path)  # reports why it cannot be read
    key = digest(data) if digests else None
    return str(path), key, checker.check_loaded(load_bytes(data, str(path)))


def _start_worker(rule_classes, config, context) -> None:
    global _worker
    gc.enable()  # a forked worker inherits the parent's paused collector; a rule may make cycles
    _worker = Checker(rule_classes, config, context)


def _check_chunk(paths: list[Path], digests: bool) -> list[tuple[str, str | None, str]]:
    # JSON text rather than nested lists: cheaper to send, and what the cache stores anyway, so
    # the parent never encodes a result again.
    return [(name, key, json.dumps(encode(result), ensure_ascii=False))
            for name, key, result in (check_one(_worker, p, digests) for p in paths)]


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def check_files(checker: Checker, paths: list[Path],
                progress: Callable[[int, int], None] | None = None, digests: bool = True,
                ) -> Iterator[tuple[str, str | None, FileResult, str | None]]:
    """(path, content digest, result, the result's plain data as JSON text or None) for every
    path, in no particular order. Results from worker processes come as JSON text anyway; it is
    passed on so that the cache need not encode them again. The digest is None with `digests=False`, for
    callers that keep no cache."""
    total = len(paths)
    if total < PARALLEL_MIN_FILES or workers() < 2:
        for done, path in enumerate(paths, 1):
            yield (*check_one(checker, path, digests), None)
            if progress:
                progress(done, total)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    rule_classes = [(checker.plugin_of[r.code], type(r)) for r in checker.rules]
    chunks = [paths[i:i + CHUNK] for i in range(0, total, CHUNK)]
    done = 0
    with ProcessPoolExecutor(max_workers=workers(), initializer=_start_worker,
                             initargs=(rule_classes, checker.config, checker.context)) as pool:
        for future in as_completed([pool.submit(_check_chunk, chunk, digests) for chunk in chunks]):
            for name, key, text in future.result():
                yield name, key, decode(name, json.loads(text)), text
                done += 1
            if progress:
                progress(done, total)
