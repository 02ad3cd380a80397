"""A lint run: the one place that decides where each file's result comes from.

The engine (`engine.Checker`) checks one SOP and judges collected corpus data; it knows nothing
of processes or caches. This module runs it over a corpus: each file is served from the cache
(`cache.Store`) when unchanged, else checked, in worker processes when there are many
(`parallel`); fresh results go to the cache as they come; the corpus rules judge what every
file's SOP gave them (`corpus.CorpusState`). Only the findings of the files reported on are
kept: for the others (`--changed-since`), the part of what the corpus rules collected from them
that the reported files are judged by is enough (`CorpusRule.judged_by`), and it is all the
cache reads of them. A run reporting on many files keeps those findings on disk until they are
reported (`spill`), never decoded in this process before then.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from .. import coverage
from . import parallel
from .corpus import CorpusState
from .engine import Checker, FileResult, LintResult
from .finding import Finding
from .plain import decode, encode
from .spill import SpilledFindings

Progress = Callable[[int, int], None]

# From this many files reported on, their findings are kept on disk (`spill`), not in memory.
SPILL_MIN_FILES = 2_000


def lint(checker: Checker, files: list[str] | list[Path], targets: list[str] | list[Path] | None = None,
         key: str | None = None, progress: Progress | None = None, *, store: "Store | None" = None,
         render: parallel.Render | None = None) -> LintResult:
    """Every file of `files` checked (the corpus rules see them all), the findings of `targets`
    (default: all of them) reported. With `key` (see `cache.engine_key`) results are taken from
    and kept in that cache; `store` is that cache when the caller opened it already
    (`open_store`), and is closed here. `render`: how the report will write each file's findings
    (`parallel.Render`); findings kept on disk are then also written so by the workers, on
    their cores, and kept so (`SpilledFindings.rendered_by`)."""
    reported = None if targets is None or len(targets) == len(files) else {os.fspath(p) for p in targets}
    # Files checked against an older revision (--changed-since): their findings depend on it.
    revision_bound = checker.context.previous_text or {}
    if store is None and key is not None:
        store = open_store(key)
    corpus = CorpusState(checker)
    spilled = _spilled(render) if len(files if reported is None else reported) >= SPILL_MIN_FILES else None
    findings: list[Finding] = []
    counted: list = []  # coverage of the files reported on

    def take(result: FileResult, data: dict | None = None, rendered: bytes | None = None) -> None:
        """One file's result; with `data`, its findings are there in plain form, not in `result`
        (and with `rendered`, also as `render` writes them)."""
        corpus.add(result, keep_source=False)  # the few with corpus findings are read again
        if reported is None or result.path in reported:
            if spilled is None:
                findings.extend(result.findings)
            elif data is not None and "packed" in data:  # packed by a worker
                spilled.add_packed(result.path, *data["packed"], rendered)
            else:
                data = data or encode(result)
                if rendered is None and spilled.rendered_by is not None and data["findings"]:
                    # written now, as a worker does it: the report then only passes the text on
                    rendered = parallel.rendered_ahead(spilled.rendered_by, result.path, data)
                spilled.add_plain(result.path, data["fixes"], data["findings"], rendered)
            counted.append(result.coverage)

    names = [os.fspath(path) for path in files]
    try:
        misses = []
        unreported = []  # the files only the corpus rules need (--changed-since)
        for path, name in zip(files, names):
            cached = None
            if store is not None and name not in revision_bound:
                if reported is not None and name not in reported:
                    unreported.append(name)
                    continue
                cached = store.reuse(path, whole=True, plain=spilled is not None)
            if cached is None:
                misses.append(path)
            elif isinstance(cached, dict):
                take(decode(name, cached, findings=False), cached)
            else:
                take(cached)
        if unreported:
            # What the corpus rules collected, from the cache's index, in one pass; a file whose
            # entry is not plainly current there goes the way of a reported one.
            summaries, rest = store.summaries(unreported)
            corpus.add_summaries(summaries)
            for path, name in zip(files, names) if rest else ():
                if name in rest:
                    cached = store.reuse(path, whole=False)
                    if cached is None:
                        misses.append(path)
                    else:
                        take(cached)
        for checked in parallel.check_files(checker, misses, progress, digests=store is not None,
                                            decoded=spilled is None, render=render):
            take(checked.result, checked.data, checked.rendered)
            if store is not None and checked.path not in revision_bound:
                store.add(checked, None if checked.entry else corpus.judged_by(checked.result.collected))
    finally:
        if store is not None:
            store.close()
    corpus_findings = (f for f in corpus.judge(only=reported).findings() if reported is None or f.path in reported)
    if spilled is not None:
        spilled.add(corpus_findings)
    else:
        findings += corpus_findings
        findings.sort(key=Finding.by_place)
    shown = names if reported is None else [name for name in names if name in reported]
    return LintResult(shown, findings if spilled is None else spilled, checker.infos(),
                      coverage.total(counted))


def open_store(key: str) -> "Store":
    """The cache of the engine key `key`, as a lint uses it."""
    from .cache import Store, cache_dir  # optional (--no-cache): its hashing is then not imported

    return Store(cache_dir() / f"{key}.lines")


def _spilled(render: parallel.Render | None) -> SpilledFindings | None:
    try:
        return SpilledFindings(rendered_by=render)
    except OSError:
        return None  # no temporary folder to write in: the findings are kept in memory


def results(checker: Checker, files: list[Path], progress: Progress | None = None) -> Iterator[FileResult]:
    """Every file checked, in no particular order, without the cache: for a process that keeps
    the results itself (the TUI's workspace)."""
    for checked in parallel.check_files(checker, files, progress, digests=False):
        yield checked.result
