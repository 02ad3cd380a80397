"""The state a reviewer works in: a corpus of SOP files, their findings, and open documents.

Plain Python, no screen: the TUI renders this state and calls these methods; tests call them
directly. A `Document` is one SOP being edited: its text, undo and redo, whether it differs from
the file on disk, and its findings, re-linted after every edit.
"""

from __future__ import annotations

import hashlib
import os
import shlex
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from .atomic import ChangedMeanwhile, UnsavableText, atomic_write_bytes, atomic_write_text
from .checker.corpus import CorpusState
from .checker.engine import Checker, FileResult
from .checker.finding import Finding
from .checker.fixes import fix_one, fix_text
from .checker.rule import Fix, Severity
from .checker.run import results
from .files import read_regular
from .i18n import Text, TextError
from .loading.loader import MAX_FILE_BYTES, LoadResult, load_bytes, load_text
from .model import Sop


class ChangedOnDisk(Exception):
    """The file changed on disk since it was opened or saved; the caller must choose. `kept`
    names a copy of another program's write that a third write replaced while this save was
    being undone (rare: see `atomic._swap_back`). `behind`: the file is as last read, but the
    text is from before a reload that took another program's write (undone past it), and lacks
    that write."""

    def __init__(self, path: str, kept: str | None = None, behind: bool = False) -> None:
        super().__init__(path if kept is None else f"{path} (kept: {kept})")
        self.kept = kept
        self.behind = behind


class NewFileRefused(TextError):
    """A name for a new SOP that cannot be used: it leaves the corpus folder, or names a file
    that exists. Its `text` says why, for under the field it was typed in."""


def _stamp(path: Path, data: bytes | None = None, info: os.stat_result | None = None) -> tuple[int, int, str] | None:
    """(mtime, size, content hash) of the file; of `data` with `info` when given, so that a save
    is stamped from what it wrote, not from what the path holds a moment later."""
    if data is None or info is None:
        try:  # status and bytes of one file, even if renamed over; never a FIFO's endless wait
            data, info = read_regular(path, MAX_FILE_BYTES)
        except OSError:
            return None
    return info.st_mtime_ns, info.st_size, hashlib.blake2b(data, digest_size=16).hexdigest()


def _decode(data: bytes) -> str:
    # A byte that is not UTF-8 is kept as a lone surrogate (PEP 383), not replaced by U+FFFD:
    # the text then loads as `soptui lint` loads the file (`_load`), an editor is handed the
    # file's own bytes (`Document.file_bytes`), and a save refuses it rather than lose the byte.
    return data.decode("utf-8-sig", errors="surrogateescape")


def _encode(text: str) -> bytes:
    """The bytes of `text` as a file, those `_decode` kept as they were."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte gave: bytes that are not UTF-8 either
        return text.encode("utf-8", "surrogatepass")


def _load(text: str, path: str) -> LoadResult:
    """`text` loaded as `soptui lint` loads the file it would be: one holding bytes that are not
    UTF-8 gets lint's load-error, at the same place, not the findings of a decoded copy."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return load_bytes(_encode(text), path)
    return load_text(text, path)


class Version(NamedTuple):
    """A text of the undo history, and the number of other programs' writes (taken by a reload)
    that had reached the file when it was made: one older than the file's is behind it."""

    text: str
    base: int


class Loads(IntEnum):
    """How far a text loads, worst first."""

    NOT = 0  # not at all (a TOML error): only its last good version can be shown
    PARTLY = 1  # with structural problems: what could be read is shown, the broken parts left out
    WHOLE = 2

    @classmethod
    def of(cls, load: LoadResult | None) -> Loads:
        if load is None or (load.sop is None and load.draft is None):
            return cls.NOT
        return cls.WHOLE if load.sop is not None else cls.PARTLY


@dataclass
class Document:
    path: Path
    text: str
    saved_text: str
    stamp: tuple[int, int, str] | None
    relint: Callable[["Document"], FileResult]
    undo_stack: list[Version] = field(default_factory=list)
    redo_stack: list[Version] = field(default_factory=list)
    load: LoadResult | None = None
    result: FileResult | None = None
    last_good: Sop | None = None
    # The file on disk, read by a reload that kept the unsaved edits because it does not load:
    # its text and why (line, column), until a save or a reload that takes it.
    disk_text: str | None = None
    disk_load: LoadResult | None = None
    # How far the file on disk loads, as of the last open, save or reload that took it: what
    # `save_harm` compares the text with, without loading the saved text again.
    saved_loads: Loads = Loads.WHOLE
    # Other programs' writes a reload took, and how many of them the text was made after: a
    # text undone to from before a reload is `behind_disk`, and a save of it asks first.
    disk_writes: int = 0
    base: int = 0

    @classmethod
    def open(cls, path: Path, relint: Callable[["Document"], FileResult]) -> "Document":
        data, info = read_regular(path, MAX_FILE_BYTES)  # the text and its stamp from one read
        text = _decode(data)
        document = cls(path, text, text, _stamp(path, data, info), relint)
        document.refresh()
        document.saved_loads = document.loads
        return document

    # -- state ------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    @property
    def behind_disk(self) -> bool:
        """The text is from before a reload took another program's write, and lacks it."""
        return self.base < self.disk_writes

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
    def loads_partly(self) -> bool:
        """The file has structural problems: `view` is what could be read of it, not its last good version."""
        return self.load is not None and self.load.sop is None and self.load.draft is not None

    @property
    def loads(self) -> Loads:
        return Loads.of(self.load)

    @property
    def save_harm(self) -> Loads | None:
        """How far the file would load once saved, when that is worse than it does on disk: an
        edit broke it, and a save should ask first. None for a text no worse than the file (one
        that had structural problems when opened and still has them), and with nothing to save."""
        if not self.dirty:
            return None
        on_disk = Loads.of(self.disk_load) if self.disk_load is not None else self.saved_loads
        return self.loads if self.loads < on_disk else None

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings if self.result else []

    def refresh(self) -> None:
        self.load = _load(self.text, str(self.path))
        if self.load.sop is not None:
            self.last_good = self.load.sop
        self.result = self.relint(self)

    # -- edits -------------------------------------------------------------------------------
    def apply(self, new_text: str) -> bool:
        """Make `new_text` the current text (an edit); False when it changes nothing."""
        if new_text == self.text:
            return False
        self.undo_stack.append(Version(self.text, self.base))
        self.redo_stack.clear()
        self.text = new_text  # made from the text it replaces: as far behind the file as that
        self.refresh()
        return True

    def edit(self, change: Callable[[str], str]) -> bool:
        return self.apply(change(self.text))

    def file_bytes(self) -> bytes:
        """The text as the file's bytes (for an editor): those that are not UTF-8 as the file had them."""
        return _encode(self.text)

    def apply_bytes(self, data: bytes) -> bool:
        """`apply` the bytes of a file edited elsewhere (an editor's), decoded as a file is opened."""
        return self.apply(_decode(data))

    def undo(self) -> bool:
        return self._step(self.undo_stack, self.redo_stack)

    def redo(self) -> bool:
        return self._step(self.redo_stack, self.undo_stack)

    def _step(self, back: list[Version], forth: list[Version]) -> bool:
        if not back:
            return False
        forth.append(Version(self.text, self.base))
        self.text, self.base = back.pop()
        self.refresh()
        return True

    # -- the file on disk ----------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        return _stamp(self.path) != self.stamp

    def disk_status(self) -> tuple[int, int] | None:
        """The file's (modification time, size) now; None when it cannot be looked at."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def seems_changed_on_disk(self) -> bool:
        """`changed_on_disk`, asked often (the UI watches the open file): the file's status
        first, its bytes read only when that differs from what was last read or written."""
        status = self.disk_status()
        if status is None:  # gone: a save says so, when it is asked for
            return False
        if self.stamp is not None and status == self.stamp[:2]:
            return False
        return self.changed_on_disk()

    def save(self, force: bool = False) -> None:
        """Write the text atomically, keeping the file's byte order mark, owner, mode and links.
        Raises `ChangedOnDisk` unless `force` when the file changed since it was opened or last
        saved (checked again right before the new file takes its place) or the text is
        `behind_disk`, and `UnsavableText` when the text cannot be written back without losing
        bytes (a byte of the file that is not UTF-8, still in it: see `_decode`)."""
        try:  # one read: whether it changed since, and the byte order mark to keep
            on_disk, info = read_regular(self.path, MAX_FILE_BYTES)
        except OSError:  # gone, or no longer a file soptui reads: nothing of it to keep
            on_disk, info = b"", None
        if not force and (_stamp(self.path, on_disk, info) if info is not None else None) != self.stamp:
            raise ChangedOnDisk(str(self.path))
        if not force and self.behind_disk:
            raise ChangedOnDisk(str(self.path), behind=True)
        bom = b"\xef\xbb\xbf" if on_disk.startswith(b"\xef\xbb\xbf") else b""
        try:
            data = bom + self.text.encode("utf-8")
        except UnicodeEncodeError as error:
            line = self.text.count("\n", 0, error.start) + 1
            column = error.start - (self.text.rfind("\n", 0, error.start) + 1) + 1
            code = ord(self.text[error.start])
            if 0xDC80 <= code <= 0xDCFF:  # a byte of the file, kept by `_decode`
                raise UnsavableText(
                    f"{self.path}:{line}:{column}: bukan teks UTF-8 (byte 0x{code - 0xDC00:02X}); simpan "
                    f"berkas sebagai UTF-8 (not UTF-8 text (byte 0x{code - 0xDC00:02X}); save the file as UTF-8)"
                ) from None
            raise UnsavableText(
                f"{self.path}:{line}:{column}: karakter tidak dapat disimpan sebagai UTF-8 "
                f"(a character that cannot be saved as UTF-8): {self.text[error.start]!r}") from None

        def replaceable(content: bytes) -> bool:  # judged right before the rename: the file we knew
            return self.stamp is None or hashlib.blake2b(content, digest_size=16).hexdigest() == self.stamp[2]

        try:
            written = atomic_write_bytes(self.path, data, replaces=None if force else replaceable)
        except ChangedMeanwhile as error:
            raise ChangedOnDisk(str(self.path), error.kept) from None
        self.saved_text = self.text
        self.stamp = _stamp(self.path, data, written)
        self.disk_text = self.disk_load = None  # the file on disk is this text now
        self.saved_loads = self.loads
        self.base = self.disk_writes  # and the text, whatever it lacked, is what the user chose

    def reload(self) -> bool:
        """Read the file again, dropping unsaved changes (they stay reachable with undo); True
        when its text was taken. A file on disk that does not load is not taken over unsaved
        edits: they stay the text, on screen and saved by a save, and `disk_load` says what is
        wrong with the file (a save still asks first: the file changed since it was read).
        Raises OSError when the file cannot be read."""
        data, info = read_regular(self.path, MAX_FILE_BYTES)  # the text and its stamp from one read
        text = _decode(data)
        if self.dirty and text != self.text:
            on_disk = _load(text, str(self.path))
            if not on_disk.ok:
                self.disk_text, self.disk_load = text, on_disk
                return False
        if text != self.text:
            self.undo_stack.append(Version(self.text, self.base))
            self.redo_stack.clear()
        if text != self.saved_text:  # another program's write: the texts before it lack it
            self.disk_writes += 1
        self.base = self.disk_writes
        self.text = self.saved_text = text
        self.stamp = _stamp(self.path, data, info)
        self.disk_text = self.disk_load = None
        self.refresh()
        self.saved_loads = self.loads
        return True


class Workspace:
    """A corpus of SOP files with the findings of each, and the documents open for editing.

    Several documents may hold unsaved edits at once. Every change records the paths whose
    findings it changed (`take_changed`), so a screen redraws those and nothing else: on a corpus
    of ten thousand SOPs an edit touches one file's label, not ten thousand.
    """

    def __init__(self, files: list[Path], checker: Checker, root: Path | None = None) -> None:
        self.files = list(files)
        self.checker = checker
        self.root = root if root is not None else common_root(self.files)
        self._root_prefix = "" if str(self.root) == "." else str(self.root).rstrip("/") + "/"
        self.results: dict[str, FileResult] = {}
        self.corpus_findings: dict[str, list[Finding]] = {}
        self.documents: dict[str, Document] = {}
        self.linted = False  # the whole corpus has been linted once
        self.corpus: CorpusState | None = None  # the corpus rules' state, once linted
        self._order = {str(path): i for i, path in enumerate(self.files)}
        self._merged: dict[str, list[Finding]] = {}  # path -> its own and corpus findings, sorted
        self._changed: set[str] = set()

    # -- the corpus lint (runs in a worker; results are taken on the UI thread) ------------------
    def lint_batches(self, progress: Callable[[int, int], None] | None = None,
                     size: int = 200) -> Iterator[list[tuple[str, FileResult]]]:
        """Every file checked, in batches; changes no state, so it may run on another thread."""
        batch: list[tuple[str, FileResult]] = []
        for result in results(self.checker, self.files, progress):
            batch.append((result.path, result))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def take_results(self, batch: list[tuple[str, FileResult]]) -> None:
        """Results of the corpus lint. A file open as a document keeps its own result: it may
        hold edits the lint, which read the file on disk, never saw."""
        for path, result in batch:
            if path not in self.documents:
                self.results[path] = result
                self._touch(path)

    def finish_lint(self) -> None:
        self.linted = True
        self._corpus()

    def lint_all(self, progress: Callable[[int, int], None] | None = None) -> None:
        """The corpus lint in one call, for tests and scripts."""
        for batch in self.lint_batches(progress):
            self.take_results(batch)
        self.finish_lint()

    def _corpus(self) -> None:
        before = self.corpus_findings
        self.corpus = CorpusState(self.checker).build(self.results.values())
        self.corpus_findings = {}
        for finding in self.corpus.findings():
            self.corpus_findings.setdefault(finding.path, []).append(finding)
        for path in before.keys() | self.corpus_findings.keys():
            if before.get(path) != self.corpus_findings.get(path):
                self._touch(path)

    def _corpus_update(self, path: str, result: FileResult) -> None:
        """The corpus findings after one file's new result: only those it can change are
        rechecked (see `CorpusState.update`)."""
        for changed in self.corpus.update(path, result):
            found = self.corpus.findings_of(changed)
            if found:
                self.corpus_findings[changed] = found
            else:
                self.corpus_findings.pop(changed, None)
            self._touch(changed)

    def _touch(self, path: str) -> None:
        self._merged.pop(path, None)
        self._changed.add(path)

    def take_changed(self) -> set[str]:
        """The paths whose findings or state changed since the last call."""
        changed, self._changed = self._changed, set()
        return changed

    # -- findings ---------------------------------------------------------------------------------
    def findings(self, path: Path | str) -> list[Finding]:
        name = str(path)
        merged = self._merged.get(name)
        if merged is None:
            result = self.results.get(name)
            own = result.findings if result else []
            merged = self._merged[name] = sorted([*own, *self.corpus_findings.get(name, [])], key=Finding.by_place)
        return merged

    def counts(self, path: Path | str) -> tuple[int, int, int]:
        found = self.findings(path)
        return tuple(sum(1 for f in found if f.severity == s)
                     for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))

    def all_findings(self) -> list[Finding]:
        return [f for path in self.files for f in self.findings(path)]

    def next_finding(self, path: str | None, line: int, col: int, direction: int,
                     current: Finding | None = None) -> Finding | None:
        """The finding after (direction +1) or before (-1) `current`, or else the place
        `path:line:col`, in file order then line order, wrapping around the corpus. Looks at the
        open file and then file by file, so a press costs the same on ten files or ten thousand."""
        if not self.files:
            return None
        start = self._order.get(path, -1) if path is not None else -1
        if start >= 0:
            found = self.findings(path)
            if current is not None and current in found:
                position = found.index(current) + direction
                candidates = found[position:position + 1] if 0 <= position < len(found) else []
            elif direction > 0:
                candidates = [f for f in found if (f.line, f.col) > (line, col)][:1]
            else:
                candidates = [f for f in found if (f.line, f.col) < (line, col)][-1:]
            if candidates:
                return candidates[0]
        count = len(self.files)
        for step in range(1, count + 1):
            found = self.findings(self.files[(start + direction * step) % count])
            if found:
                return found[0] if direction > 0 else found[-1]
        return None

    # -- documents --------------------------------------------------------------------------------
    def open(self, path: Path) -> Document:
        name = str(path)
        if name not in self.documents:
            self.documents[name] = Document.open(path, self._relint)
        return self.documents[name]

    def dirty_documents(self) -> list[Document]:
        return [d for d in self.documents.values() if d.dirty]

    def harmful_saves(self) -> list[Document]:
        """The unsaved documents a save would break (see `Document.save_harm`): every way of
        saving them asks first, or leaves them out and says so."""
        return [d for d in self.dirty_documents() if d.save_harm is not None]

    def relative(self, path: Path | str) -> str:
        """A path as the user reads it: relative to the corpus root."""
        name = str(path)
        if name.startswith(self._root_prefix):
            return Path(name[len(self._root_prefix):]).as_posix()
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def _relint(self, document: Document) -> FileResult:
        name = str(document.path)
        result = self.checker.check_loaded(document.load)
        self.results[name] = result
        self._touch(name)
        if not self.linted:
            return result  # the corpus rules run once the corpus lint is done
        self._corpus_update(name, result)
        return result

    def fixed_text(self, document: Document, fix: Fix | None = None) -> str:
        """The document's text with `fix` applied, or with every safe fix when None (as `soptui
        lint --fix` fixes a file), through the guard `--fix` uses: raises `FixRefused` (which
        says why, and holds the text refused) when the fix would change more than it says."""
        if fix is None:
            return fix_text(self.checker, str(document.path), document.text)
        return fix_one(self.checker, str(document.path), document.text, fix)

    def fix(self, document: Document, finding: Finding) -> bool:
        """Apply `finding`'s fix to `document` (one undoable edit) through the guard; False when
        it has none or it changes nothing. Raises `FixRefused` as `fixed_text` does."""
        return finding.fix is not None and document.apply(self.fixed_text(document, finding.fix))

    def create(self, path: Path, text: str) -> Document:
        """A new SOP file from `text` (refusing to overwrite), added to the corpus."""
        if path.exists():
            raise FileExistsError(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        self.files.append(path)
        self._order[str(path)] = len(self.files) - 1
        return self.open(path)

    def new_file_path(self, name: str) -> Path:
        """Where a new SOP called `name` (relative to the corpus folder; ".toml" added when it has
        no such suffix) is written. Refused (`NewFileRefused`) when it would leave the corpus
        folder (`..`, an absolute path elsewhere, a link out): the corpus list, `n`, `T` and
        `soptui lint` on the folder would never see it. Or when the file exists."""
        path = Path(os.path.normpath(self.root / name.strip()))
        root = self.root.resolve()
        # the corpus folder itself or above it: no file name to add a suffix to
        inside = path.resolve() != root and path.resolve().is_relative_to(root)
        if inside and path.suffix != ".toml":
            path = path.with_suffix(".toml")
        if not inside or not path.resolve().is_relative_to(root):  # a link in the corpus to a folder out of it
            raise NewFileRefused(Text(f"di luar folder korpus {self.root}/: tulis nama di dalamnya, mis. unit/nama-sop.toml",
                                      f"outside the corpus folder {self.root}/: give a name inside it, e.g. unit/sop-name.toml"))
        if path.exists():
            raise NewFileRefused(Text(f"{self.relative(path)} sudah ada", f"{self.relative(path)} already exists"))
        return path


def common_root(files: list[Path]) -> Path:
    """The deepest folder that holds every file."""
    if not files:
        return Path(".")
    parents = [Path(p).parent for p in files]
    root = parents[0]
    for parent in parents[1:]:
        while root != parent and root not in parent.parents:
            root = root.parent
    return root


def external_editor() -> list[str]:
    """The user's editor command: $VISUAL, then $EDITOR, then a sensible default."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return shlex.split(command)
