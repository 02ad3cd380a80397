"""The state a reviewer works in: a corpus of SOP files, their findings, and open documents.

Plain Python, no screen: the TUI renders this state and calls these methods; tests call them
directly. A `Document` is one SOP being edited: its text, undo and redo, whether it differs from
the file on disk, and its findings, re-linted after every edit.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .atomic import UnsavableText, atomic_write_bytes, atomic_write_text
from .checker.engine import Checker, FileResult
from .checker.finding import Finding
from .checker.fixes import apply_fixes
from .checker.rule import Severity
from .files import read_regular
from .loading.loader import MAX_FILE_BYTES, LoadResult, load_text
from .model import Sop


class ChangedOnDisk(Exception):
    """The file changed on disk since it was opened or saved; the caller must choose."""


def _stamp(path: Path, data: bytes | None = None, info: os.stat_result | None = None) -> tuple[int, int, str] | None:
    """(mtime, size, content hash) of the file; of `data` with `info` when given, so that a save
    is stamped from what it wrote, not from what the path holds a moment later."""
    if data is None or info is None:
        try:  # status and bytes of one file, even if renamed over; never a FIFO's endless wait
            data, info = read_regular(path, MAX_FILE_BYTES)
        except OSError:
            return None
    return info.st_mtime_ns, info.st_size, hashlib.blake2b(data, digest_size=16).hexdigest()


def _read_text(path: Path) -> str:
    # A byte that is not UTF-8 shows as U+FFFD; `Document.save` refuses to write such a file back.
    return read_regular(path, MAX_FILE_BYTES)[0].decode("utf-8-sig", errors="replace")


@dataclass
class Document:
    path: Path
    text: str
    saved_text: str
    stamp: tuple[int, int, str] | None
    relint: Callable[["Document"], FileResult]
    undo_stack: list[str] = field(default_factory=list)
    redo_stack: list[str] = field(default_factory=list)
    load: LoadResult | None = None
    result: FileResult | None = None
    last_good: Sop | None = None

    @classmethod
    def open(cls, path: Path, relint: Callable[["Document"], FileResult]) -> "Document":
        text = _read_text(path)
        document = cls(path, text, text, _stamp(path), relint)
        document.refresh()
        return document

    # -- state ------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    @property
    def sop(self) -> Sop | None:
        return self.load.sop if self.load else None

    @property
    def view(self) -> Sop | None:
        """What to show: the SOP, or while it does not load, its draft or last good version."""
        if self.load is None:
            return None
        return self.load.sop or self.load.draft or self.last_good

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings if self.result else []

    def refresh(self) -> None:
        self.load = load_text(self.text, str(self.path))
        if self.load.sop is not None:
            self.last_good = self.load.sop
        self.result = self.relint(self)

    # -- edits -------------------------------------------------------------------------------
    def apply(self, new_text: str) -> bool:
        """Make `new_text` the current text (an edit); False when it changes nothing."""
        if new_text == self.text:
            return False
        self.undo_stack.append(self.text)
        self.redo_stack.clear()
        self.text = new_text
        self.refresh()
        return True

    def edit(self, change: Callable[[str], str]) -> bool:
        return self.apply(change(self.text))

    def fix(self, finding: Finding) -> bool:
        return finding.fix is not None and self.apply(apply_fixes(self.text, [finding.fix]))

    def undo(self) -> bool:
        if not self.undo_stack:
            return False
        self.redo_stack.append(self.text)
        self.text = self.undo_stack.pop()
        self.refresh()
        return True

    def redo(self) -> bool:
        if not self.redo_stack:
            return False
        self.undo_stack.append(self.text)
        self.text = self.redo_stack.pop()
        self.refresh()
        return True

    # -- the file on disk ----------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        return _stamp(self.path) != self.stamp

    def save(self, force: bool = False) -> None:
        """Write the text atomically, keeping the file's byte order mark, owner, mode and links.
        Raises `ChangedOnDisk` unless `force` when the file changed since it was opened or last
        saved (checked again right before the new file takes its place), and `UnsavableText`
        when the text cannot be written back without losing bytes."""
        if not force and self.changed_on_disk():
            raise ChangedOnDisk(str(self.path))
        try:
            on_disk, _ = read_regular(self.path, MAX_FILE_BYTES)
        except OSError:  # gone, or no longer a file soptui reads: nothing of it to keep
            on_disk = b""
        try:
            on_disk.decode("utf-8")
        except UnicodeDecodeError as error:
            raise UnsavableText(
                f"{self.path}: bukan UTF-8 pada bita {error.start}; simpan akan mengganti bita itu "
                f"(not UTF-8 at byte {error.start}; saving would replace those bytes): "
                "ubah berkas ke UTF-8 dahulu (convert the file to UTF-8 first)") from None
        bom = b"\xef\xbb\xbf" if on_disk.startswith(b"\xef\xbb\xbf") else b""
        try:
            data = bom + self.text.encode("utf-8")
        except UnicodeEncodeError as error:
            line = self.text.count("\n", 0, error.start) + 1
            column = error.start - (self.text.rfind("\n", 0, error.start) + 1) + 1
            raise UnsavableText(
                f"{self.path}:{line}:{column}: karakter tidak dapat disimpan sebagai UTF-8 "
                f"(a character that cannot be saved as UTF-8): {self.text[error.start]!r}") from None

        def still_ours() -> None:
            if not force and self.changed_on_disk():
                raise ChangedOnDisk(str(self.path))

        written = atomic_write_bytes(self.path, data, before_replace=still_ours)
        self.saved_text = self.text
        self.stamp = _stamp(self.path, data, written)

    def reload(self) -> None:
        """Read the file again, dropping unsaved changes (they stay reachable with undo)."""
        data, info = read_regular(self.path, MAX_FILE_BYTES)  # the text and its stamp from one read
        text = data.decode("utf-8-sig", errors="replace")
        if text != self.text:
            self.undo_stack.append(self.text)
            self.redo_stack.clear()
        self.text = self.saved_text = text
        self.stamp = _stamp(self.path, data, info)
        self.refresh()


class Workspace:
    """A corpus of SOP files with the findings of each, and the documents open for editing."""

    def __init__(self, files: list[Path], checker: Checker) -> None:
        self.files = list(files)
        self.checker = checker
        self.results: dict[str, FileResult] = {}
        self.corpus_findings: dict[str, list[Finding]] = {}
        self.documents: dict[str, Document] = {}

    def lint_all(self, progress: Callable[[int, int], None] | None = None) -> None:
        from .checker.parallel import check_files

        for checked in check_files(self.checker, self.files, progress, digests=False):
            self.results[checked.path] = checked.result
        self._corpus()

    def _corpus(self) -> None:
        self.corpus_findings = {}
        for finding in self.checker.check_corpus(list(self.results.values())):
            self.corpus_findings.setdefault(finding.path, []).append(finding)

    def findings(self, path: Path | str) -> list[Finding]:
        name = str(path)
        result = self.results.get(name)
        own = result.findings if result else []
        return sorted([*own, *self.corpus_findings.get(name, [])], key=lambda f: f.sort_key)

    def counts(self, path: Path | str) -> tuple[int, int, int]:
        found = self.findings(path)
        return tuple(sum(1 for f in found if f.severity == s)
                     for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))

    def all_findings(self) -> list[Finding]:
        return [f for path in self.files for f in self.findings(path)]

    def open(self, path: Path) -> Document:
        name = str(path)
        if name not in self.documents:
            self.documents[name] = Document.open(path, self._relint)
        return self.documents[name]

    def _relint(self, document: Document) -> FileResult:
        result = self.checker.check_loaded(document.load)
        self.results[str(document.path)] = result
        if any(r.collected for r in self.results.values()):
            self._corpus()
        return result

    def create(self, path: Path, text: str) -> Document:
        """A new SOP file from `text` (refusing to overwrite), added to the corpus."""
        if path.exists():
            raise FileExistsError(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        self.files.append(path)
        return self.open(path)


def external_editor() -> list[str]:
    """The user's editor command: $VISUAL, then $EDITOR, then a sensible default."""
    import shlex

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return shlex.split(command)
