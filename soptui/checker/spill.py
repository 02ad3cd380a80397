"""A large run's findings kept on disk until they are reported, not in memory.

Fifty thousand SOPs make over half a million findings; as objects they would be most of a
run's memory. So a run of many files (`run.SPILL_MIN_FILES`) writes each file's findings, in
the plain form workers send (`plain`), to an unnamed temporary file as its result arrives, and
reads them back one file at a time, in report order: files by path, each file's findings (its
own, then the corpus rules', which are few and kept in memory) sorted by place. That is the
order a sort of the whole list gives, ties included, since two findings can only tie within one
file. What the reports count (findings by severity, files with findings, fixes) is tallied as
findings are added, so a summary never reads them all again.

The sequence is read-only and can be read any number of times; each reading decodes the file
again, one SOP's findings at a time.
"""

from __future__ import annotations

import marshal
import os
from collections import Counter
from collections.abc import Sequence
from itertools import islice
from operator import itemgetter
from typing import Iterable, Iterator

from .engine import INTERNAL_ERROR, LOAD_ERROR
from .finding import Finding
from .plain import decode_findings
from .rule import Applicability, Severity, applicability_of

_TOOL_ERRORS = (LOAD_ERROR[0], INTERNAL_ERROR[0])
_WRITTEN_AT_ONCE = 1 << 18  # bytes of findings gathered before they are written
# `Finding.by_place` of a finding in plain form, within one file: line, column, code.
_BY_PLACE = itemgetter(3, 4, 0)


class Tally:
    """What reports count over a run's findings, counted once as they are added."""

    def __init__(self) -> None:
        self.severities: Counter[str] = Counter()  # severity value -> findings
        self.codes: Counter[str] = Counter()  # only the tool's own codes (load-error, internal-error)
        self.paths: set[str] = set()  # files with at least one finding
        self.fixes: Counter[str] = Counter()  # applicability value -> findings with such a fix

    def count(self, severity: Severity) -> int:
        return self.severities[severity.value]

    @property
    def tool_errors(self) -> int:
        return sum(self.codes.values())

    @property
    def internal_errors(self) -> int:
        return self.codes[INTERNAL_ERROR[0]]

    @property
    def files_with(self) -> int:
        return len(self.paths)

    def fixable(self, applicability: Applicability) -> int:
        return self.fixes[applicability.value]

    def _add(self, path: str, code: str, severity: str, applicability: str | None) -> None:
        self.severities[severity] += 1
        if code in _TOOL_ERRORS:
            self.codes[code] += 1
        self.paths.add(path)
        if applicability is not None:
            self.fixes[applicability] += 1


class SpilledFindings(Sequence):
    def __init__(self) -> None:
        import tempfile  # here: it imports shutil and random, which a small run never needs

        # Unbuffered: written and read by position (`os.pwrite`, `os.pread`).
        self._file = tempfile.TemporaryFile(prefix="soptui-findings-", buffering=0)
        self._end = 0
        self._places: dict[str, tuple[int, int]] = {}  # path -> (offset, length) of its findings
        self._unwritten: dict[str, bytes] = {}  # path -> its findings, when the disk refused them
        self._kept: dict[str, list[Finding]] = {}  # path -> findings given as objects (corpus rules')
        self._length = 0
        self.tally = Tally()
        # Files' findings not yet written: written together (`_write`), one system call for many
        # files rather than one a file, each of which gave up and took back the interpreter's lock.
        self._pending: list[tuple[str, bytes]] = []
        self._pending_size = 0

    def add_plain(self, path: str, fixes: list, findings: list) -> None:
        """One file's findings in `plain`'s form (each file once)."""
        if not findings:
            return
        for finding in findings:
            fix = finding[10]
            self.tally._add(path, finding[0], finding[2], None if fix is None else fixes[fix][3])
        data = marshal.dumps((fixes, findings))
        self._length += len(findings)
        self._pending.append((path, data))
        self._pending_size += len(data)
        if self._pending_size >= _WRITTEN_AT_ONCE:
            self._write()

    def _write(self) -> None:
        """The pending files' findings to the file, in one write."""
        if not self._pending:
            return
        block = b"".join(data for _, data in self._pending)
        try:
            written = os.pwrite(self._file.fileno(), block, self._end)
        except OSError:
            written = 0
        if written != len(block):  # a full disk: these files' findings are kept in memory, compactly
            self._unwritten.update(self._pending)
        else:
            offset = self._end
            for path, data in self._pending:
                self._places[path] = (offset, len(data))
                offset += len(data)
            self._end = offset
        self._pending, self._pending_size = [], 0

    def add(self, findings: Iterable[Finding]) -> None:
        """Findings as objects (the corpus rules'), reported after the same file's own at a tie."""
        for finding in findings:
            self._kept.setdefault(finding.path, []).append(finding)
            fix = None if finding.fix is None else applicability_of(finding.fix).value
            self.tally._add(finding.path, finding.code, finding.severity.value, fix)
            self._length += 1

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Finding]:
        for path, fixes, plain, kept in self.by_file():
            findings = decode_findings(path, fixes, plain)
            if kept:
                findings += kept
                findings.sort(key=Finding.by_place)
            yield from findings

    def by_file(self) -> Iterator[tuple[str, list, list, list[Finding]]]:
        """Each file's findings, files in report order: (path, its own findings' plain "fixes" and
        "findings" lists (`plain`), sorted by place, the findings given as objects). A reporter
        that can write the plain form (`reporting.json`) never decodes them."""
        self._write()
        fd = self._file.fileno()
        for path in sorted(self._places.keys() | self._unwritten.keys() | self._kept.keys()):
            fixes, plain = [], []
            place = self._places.get(path)
            data = self._unwritten.get(path) if place is None else os.pread(fd, place[1], place[0])
            if data is not None:
                fixes, plain = marshal.loads(data)
                plain.sort(key=_BY_PLACE)
            yield path, fixes, plain, self._kept.get(path, [])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(islice(self, *index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return next(islice(self, index, None))

    def close(self) -> None:
        self._file.close()
