"""Checking many files on every core.

Below `PARALLEL_MIN_FILES`, or with one core, the work is done in this process, in chunks as a
worker does it: starting workers costs more than it saves. Above it, files are dealt out in
chunks to worker processes, each of which builds its own `Checker` from the same rule classes,
configuration and context, reads its files, and sends back a chunk's results marshalled
together in the cache's plain-data form; for a caller that keeps a cache, each with its store
line made (`entries.entry_line`), so that the parent only hands it on. A result marshal
refuses (a plugin's data) comes as JSON text instead. For a parent that keeps findings on disk
(`spill`), each file's come packed as it keeps them (`spill.pack`), and, with a `render` (a
report's writer of one file's findings, `reporting.json.JsonLines`), also written so, in UTF-8,
for the report to pass on as they are.
"""

from __future__ import annotations

import json
import marshal
import os
import time
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from ..files import read_regular
from ..gcpolicy import frozen_for_fork, in_worker
from ..loading.loader import MAX_FILE_BYTES, load_bytes
from .corpus import CorpusState
from .engine import Checker, FileResult
from .entries import entry_line
from .plain import PLAIN_BY_PLACE, decode, encode
from .spill import pack

# A report's lines of one file's findings, from their plain form: (path, fixes, findings) -> text.
Render = Callable[[str, list, list], str]

PARALLEL_MIN_FILES = 300
CHUNK = 64
CHUNK_AT_END = 8  # the smallest chunk, dealt out last (see `_chunks`)
IN_FLIGHT = 3  # chunks submitted ahead per worker

_worker: Checker | None = None
_corpus = None  # the worker's `CorpusState`, for `judged_by` (see `_judged_by`)
_render: Render | None = None  # the run's `render`, if any (see `_check_chunk`)
_pack = False  # the parent keeps findings on disk: send them packed for it (`spill.pack`)


def digest(data: bytes) -> str:
    import hashlib  # only runs that use the cache hash contents; the others skip the import

    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Checked(NamedTuple):
    """One file, checked."""

    path: str
    # (content hash, mtime in ns, size) of the bytes that were checked, the mtime and size taken
    # from the open file before reading it; None with `digests=False` or if it cannot be read
    version: tuple[str, int, int] | None
    result: FileResult
    plain: str | None  # the result as plain data in JSON text, when a worker sent it
    # that plain data, when the caller asked for it undecoded (`result` then has no findings)
    data: dict | None = None
    # (head, line) of the file's cache entry, when a worker made it (`entries.entry_line`)
    entry: tuple[list, bytes] | None = None
    # its findings as `render` writes them, in UTF-8, when a worker did (`data` then holds them
    # sorted by place, the order of that text)
    rendered: bytes | None = None


def read_file(path: Path | str) -> tuple[bytes, int, int] | None:
    """The file's bytes, with its mtime and size from before they were read: an edit during the
    read then shows as a newer mtime, and the cache never pairs new stamps with old content."""
    try:
        data, info = read_regular(path, MAX_FILE_BYTES)
    except OSError:
        return None  # the loader words why: not a regular file, too large, unreadable
    return data, info.st_mtime_ns, info.st_size


def check_one(checker: Checker, path: Path | str, digests: bool = True) -> Checked:
    read = read_file(path)
    if read is None:
        return Checked(str(path), None, checker.check_file(path), None)  # reports why it cannot be read
    data, mtime, size = read
    version = (digest(data), mtime, size) if digests else None
    return Checked(str(path), version, checker.check_loaded(load_bytes(data, str(path))), None)


def check_many(checker: Checker, paths: list[Path] | list[str], digests: bool = True) -> list[Checked]:
    """`check_one` of each path, in order, the rules run over them all together
    (`Checker.check_all_loaded`)."""
    checked: list[Checked | None] = []
    loaded = []  # (index in `checked`, path, version, load result) of each file read
    for path in paths:
        read = read_file(path)
        if read is None:
            checked.append(check_one(checker, path, digests))  # reports why it cannot be read
            continue
        data, mtime, size = read
        loaded.append((len(checked), str(path), (digest(data), mtime, size) if digests else None,
                       load_bytes(data, str(path))))
        checked.append(None)  # checked below, with the others
    for (index, name, version, _), result in zip(loaded, checker.check_all_loaded([item[3] for item in loaded])):
        checked[index] = Checked(name, version, result, None)
    return checked


# How often a worker looks whether its parent is still there.
PARENT_CHECK_SECONDS = 0.5


def _die_with(parent: int) -> None:
    """End this worker when `parent` ends. A killed parent (SIGKILL, an OOM kill) cannot tell its
    pool to stop, and a worker waiting for work would wait for ever: an orphan is adopted by
    another process, so its parent's id changes, and a daemon thread that sees it exits."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent watch", daemon=True).start()


def _start_worker(rule_classes, config, context, parent: int | None = None, pack: bool = False,
                  render: Render | None = None) -> None:
    """A worker's checker: the parent's rules, configuration and context (the context carries
    the session's registry, so a worker sees exactly what the parent's rules see)."""
    global _worker, _render, _pack
    if parent is not None:
        _die_with(parent)
    in_worker()
    _worker = Checker(rule_classes, config, context)
    _pack, _render = pack, render


def _judged_by(collected: dict) -> dict:
    """The worker's `CorpusState.judged_by`: what a cache entry's head keeps."""
    global _corpus
    if _corpus is None or _corpus.checker is not _worker:
        _corpus = CorpusState(_worker)
    return _corpus.judged_by(collected)


def _check_chunk(paths: list[str], digests: bool) -> list[tuple[str, tuple | None, str]] | bytes:
    """A chunk's results, marshalled: several times cheaper to make and read than JSON text.
    With `digests` (a caller that keeps a cache), each also as its store line: the entry's JSON
    is made here, on the workers' cores, and the parent neither encodes nor decodes it."""
    checked = check_many(_worker, paths, digests)
    try:
        sent = []
        for c in checked:
            plain = encode(c.result)
            line = rendered = None
            if digests and c.version is not None:
                body = json.dumps(plain, ensure_ascii=False).encode("utf-8")
                line = entry_line(c.path, c.version, _judged_by(c.result.collected), body)
            if _render is not None:
                rendered = rendered_ahead(_render, c.path, plain)
            if _pack:
                plain["packed"] = pack(plain.pop("fixes"), plain.pop("findings"))
            sent.append((c.path, c.version, plain, line, rendered))
        return marshal.dumps(sent)
    except ValueError:
        pass  # a plugin collected what marshal refuses (a subclass of a list, say): JSON text then
    return [(c.path, c.version, json.dumps(encode(c.result), ensure_ascii=False)) for c in checked]


def rendered_ahead(render: Render, path: str, plain: dict) -> bytes:
    """A file's findings (`plain`'s, sorted in place by place: the order of the report) as
    `render` writes them, in UTF-8: what a report passes on as it is (`Checked.rendered`)."""
    plain["findings"].sort(key=PLAIN_BY_PLACE)
    return render(path, plain["fixes"], plain["findings"]).encode("utf-8")


def _results(chunk: list[tuple[str, tuple | None, str]] | bytes
             ) -> Iterator[tuple[str, tuple | None, str | None, dict, tuple[list, bytes] | None, bytes | None]]:
    """(path, version, JSON text or None, plain data, cache entry or None, rendered findings or
    None) of each result `_check_chunk` sent."""
    if isinstance(chunk, bytes):
        for name, version, data, entry, rendered in marshal.loads(chunk):
            yield name, version, None, data, entry, rendered
    else:
        for name, version, text in chunk:
            yield name, version, text, json.loads(text), None, None


def _chunks(paths: list[str], workers: int) -> Iterator[list[str]]:
    """`paths` in chunks of `CHUNK`, smaller towards the end: when the last chunk is dealt out,
    the other workers go idle until it is done, so the last ones are kept short."""
    start, total = 0, len(paths)
    while start < total:
        size = max(CHUNK_AT_END, min(CHUNK, (total - start) // (2 * workers)))
        yield paths[start:start + size]
        start += size


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def check_files(checker: Checker, paths: list[Path],
                progress: Callable[[int, int], None] | None = None, digests: bool = True,
                decoded: bool = True, render: Render | None = None) -> Iterator[Checked]:
    """Every path checked, in no particular order. `digests=False` is for callers that keep no
    cache: it skips hashing each file's content. `decoded=False`: a worker's result is left in
    its plain form (`Checked.data`), for a caller that keeps findings on disk, with them packed
    for it (`spill.pack`, under "packed") when a worker sent them; with `render` too, they also
    come rendered (`Checked.rendered`) from a worker."""
    total = len(paths)
    if total < PARALLEL_MIN_FILES or workers() < 2:
        # In this process, in chunks as a worker checks them (`check_many`): the rules run over
        # a chunk's files one rule at a time, which costs less than every rule over each file.
        done = 0
        for start in range(0, total, CHUNK):
            for checked in check_many(checker, paths[start:start + CHUNK], digests):
                yield checked
                done += 1
                if progress:
                    progress(done, total)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    rule_classes = [(checker.plugin_of[r.code], type(r)) for r in checker.rules]
    # As text: a Path is pickled as its parts and parsed again on arrival, which cost the two
    # sides more per file than some rules do.
    chunks = _chunks([str(path) for path in paths], workers())
    done = 0
    with ProcessPoolExecutor(max_workers=workers(), initializer=_start_worker,
                             initargs=(rule_classes, checker.config, checker.context, os.getpid(),
                                       not decoded, None if decoded else render)) as pool:
        # A few chunks in flight per worker, not all of them: results waiting for the parent
        # (which decodes them while the workers check) would otherwise pile up in memory.
        with frozen_for_fork():  # a pool that forks starts all its workers at the first submit
            pending = {pool.submit(_check_chunk, next(chunks), digests)}
        while True:
            while len(pending) < IN_FLIGHT * workers():
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.add(pool.submit(_check_chunk, chunk, digests))
            if not pending:
                break
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                for name, version, text, data, entry, rendered in _results(future.result()):
                    if decoded:
                        yield Checked(name, version, decode(name, data), text, None, entry)
                    else:
                        yield Checked(name, version, decode(name, data, findings=False), text, data, entry,
                                      rendered)
                    done += 1
                if progress:
                    progress(done, total)
