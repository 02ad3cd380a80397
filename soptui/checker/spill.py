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
again, one SOP's findings at a time. A file's findings may also come already written as a report
writes them (`rendered_by`, made by a worker): that text is kept beside them, for that report.
"""

from __future__ import annotations

import marshal
import os
from collections import Counter
from collections.abc import Sequence
from itertools import islice
from typing import Iterable, Iterator

from .engine import INTERNAL_ERROR, LOAD_ERROR
from .finding import Finding
from .plain import PLAIN_BY_PLACE, decode_findings
from .rule import Applicability, Severity, applicability_of

_TOOL_ERRORS = (LOAD_ERROR[0], INTERNAL_ERROR[0])
_WRITTEN_AT_ONCE = 1 << 18  # bytes of findings gathered before they are written


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

    def _add_counts(self, path: str, counts: list) -> None:
        """One file's findings as `counts` of `pack` counted them."""
        for severity, code, applicability, count in counts:
            self.severities[severity] += count
            if code is not None:
                self.codes[code] += count
            if applicability is not None:
                self.fixes[applicability] += count
        self.paths.add(path)


def pack(fixes: list, findings: list) -> tuple[bytes, int, list]:
    """One file's findings in plain form (`plain`), as a spill keeps them: marshalled, with
    their number and what `Tally` counts of them ([severity, tool code or None, applicability
    of the fix or None, how many]). A worker makes it (`parallel`), and the parent only keeps it."""
    counts: Counter[tuple] = Counter()
    for finding in findings:
        fix = finding[10]
        counts[finding[2], finding[0] if finding[0] in _TOOL_ERRORS else None,
               None if fix is None else fixes[fix][3]] += 1
    return marshal.dumps((fixes, findings)), len(findings), [[*key, count] for key, count in counts.items()]


class SpilledFindings(Sequence):
    def __init__(self, rendered_by=None) -> None:
        """`rendered_by`: what wrote the findings given `rendered` (`add_plain`), for the report
        that would write them so to know it (`parallel.Render`)."""
        import tempfile  # here: it imports shutil and random, which a small run never needs

        # Unbuffered: written and read by position (`os.pwrite`, `os.pread`).
        self._file = tempfile.TemporaryFile(prefix="soptui-findings-", buffering=0)
        self._end = 0
        self.rendered_by = rendered_by
        # path -> (offset, length of its findings, length of their rendered text after them)
        self._places: dict[str, tuple[int, int, int]] = {}
        self._unwritten: dict[str, tuple[bytes, bytes]] = {}  # path -> the same, when the disk refused them
        self._kept: dict[str, list[Finding]] = {}  # path -> findings given as objects (corpus rules')
        self._length = 0
        self.tally = Tally()
        # Files' findings not yet written: written together (`_write`), one system call for many
        # files rather than one a file, each of which gave up and took back the interpreter's lock.
        self._pending: list[tuple[str, bytes, bytes]] = []
        self._pending_size = 0

    def add_plain(self, path: str, fixes: list, findings: list, rendered: bytes | None = None) -> None:
        """One file's findings in `plain`'s form (each file once); `rendered`: the same as
        `rendered_by` wrote them, in UTF-8, in report order."""
        if findings:
            self.add_packed(path, *pack(fixes, findings), rendered)

    def add_packed(self, path: str, data: bytes, length: int, counts: list, rendered: bytes | None = None) -> None:
        """`add_plain` of findings already packed (`pack`)."""
        if not length:
            return
        self.tally._add_counts(path, counts)
        rendered = rendered or b""
        self._length += length
        self._pending.append((path, data, rendered))
        self._pending_size += len(data) + len(rendered)
        if self._pending_size >= _WRITTEN_AT_ONCE:
            self._write()

    def _write(self) -> None:
        """The pending files' findings to the file, in one write."""
        if not self._pending:
            return
        block = b"".join(part for _, data, rendered in self._pending for part in (data, rendered))
        try:
            written = os.pwrite(self._file.fileno(), block, self._end)
        except OSError:
            written = 0
        if written != len(block):  # a full disk: these files' findings are kept in memory, compactly
            self._unwritten.update((path, (data, rendered)) for path, data, rendered in self._pending)
        else:
            offset = self._end
            for path, data, rendered in self._pending:
                self._places[path] = (offset, len(data), len(rendered))
                offset += len(data) + len(rendered)
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
        for path, fixes, plain, kept, _ in self.by_file():
            findings = decode_findings(path, fixes, plain)
            if kept:
                findings += kept
                findings.sort(key=Finding.by_place)
            yield from findings

    def by_file(self, rendered_by=None) -> Iterator[tuple[str, list, list, list[Finding], str | None]]:
        """Each file's findings, files in report order: (path, its own findings' plain "fixes" and
        "findings" lists (`plain`), sorted by place, the findings given as objects, and the text
        of its own findings when they were rendered by `rendered_by`, else None). A reporter that
        can write the plain form (`reporting.json`) never decodes them. With that text, the plain
        lists are read only when there are findings given as objects to place among them (else
        they come empty)."""
        self._write()
        fd = self._file.fileno()
        rendered_by = rendered_by is not None and rendered_by == self.rendered_by
        for path in sorted(self._places.keys() | self._unwritten.keys() | self._kept.keys()):
            kept = self._kept.get(path, [])
            place = self._places.get(path)
            if place is not None:
                offset, size, rendered_size = place
                rendered = os.pread(fd, rendered_size, offset + size) if rendered_by and rendered_size else None
                data = os.pread(fd, size, offset) if kept or rendered is None else None
            else:
                data, rendered = self._unwritten.get(path, (None, b""))
                rendered = rendered if rendered_by and rendered else None
            fixes, plain = [], []
            if data is not None:
                fixes, plain = marshal.loads(data)
                plain.sort(key=PLAIN_BY_PLACE)
            yield path, fixes, plain, kept, None if rendered is None else rendered.decode("utf-8")

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
