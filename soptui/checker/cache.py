"""A content-hash cache of per-file results, so an unchanged file skips loading and checking.

The cache lives in the user's cache folder (``$SOPTUI_CACHE_DIR``, else
``$XDG_CACHE_HOME/soptui``, else ``~/.cache/soptui``), never in the folder being linted, and is
JSON, never pickle: a repository under review cannot plant data that runs code.

One cache file per *engine key*: soptui's version, the loaded plugins and their versions, the
stamps of their source files (`code_stamps`), the rules and their options, the configuration, and today's date (a date "in the future" depends on
it). Change any of them and the old entries are simply not found. Each entry holds the file's
content hash and the part of what corpus rules collected from it that the other files are
judged by (`CorpusRule.judged_by`: in the entry's head, so that a run that only needs a file's
corpus summary reads just that), then its whole result (findings, and all it collected), behind
the CRC-32 and length of the rest of its line: a damaged entry (a flipped byte that is still JSON, a cut line) is ignored and its
file checked afresh, never served.

The store is read and written as a stream, one entry at a time, so its size is not held in
memory. It ends with an index of its entries' heads and places, column by column (names,
stamps, what the files are judged by, content hashes, places: checked by one CRC-32), so a run
reads the heads in one read and decodes the columns it uses, and a run that needs only the
corpus summaries of most files (`--changed-since`) reads nothing else and decodes no hash or
place; and the cache folder is kept to `MAX_STORES` stores and records, the least recently
used removed first. A file checked against an older revision (`--changed-since`) has findings
that depend on that revision: it is checked afresh each time and never stored, so the key is
the same as a full run's and each reuses the other's entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from ..atomic import write_in_background
from ..files import open_regular, read_regular_text
from ..pieces import Pieces
from .. import __version__
from .engine import Checker, FileResult
from . import parallel
from .entries import entry_line
from .entrypoints import entry_points
from .plain import decode, encode

# The layout of an entry (see `plain`); a change of layout starts a new cache.
FORMAT = 12
# How many store and replay files the cache folder keeps: a run with another configuration, date
# or set of arguments makes a new one, and the oldest go.
MAX_STORES = 12
# How many lines of the new store are handed to its writing thread at once.
_LINES_A_PIECE = 256
# What a whole entry's body holds, as `plain.encode` writes it.
_PLAIN_KEYS = frozenset(("loaded", "collected", "identity", "fixes", "findings"))


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
    }
    # the registry the rules see (shipped, configuration's, plugins'): a registry file edited
    # changes the dasar hukum findings of unchanged SOPs
    parts["registry"] = checker.context.registry.digest
    try:
        parts["versions"] = sorted(f"{e.name}={e.version}" for e in entry_points(group="soptui"))
    except Exception:  # noqa: BLE001 - metadata is a refinement of the key, not a need
        pass
    parts["code"] = code_stamps(checker)
    return hashlib.blake2b(json.dumps(parts, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


# Folders of soptui that never decide a finding: the UI and the document bridges. Their code is
# left out of the key, so that editing them keeps the cache.
_NOT_CHECKING = frozenset({"tui", "exporting", "importing", "__pycache__"})


def code_stamps(checker: Checker) -> list[tuple[str, int, int]]:
    """(file, mtime, size) of the source of every package a rule comes from (soptui's own and
    each plugin's). A plugin's author edits its rules and reinstalls it under the same version
    (an editable install, a branch): without this, the cache and the replay would keep serving
    the old rules' findings. Each run lists the same files, whichever modules it imported."""
    stamps = []
    for package in sorted({type(rule).__module__.partition(".")[0] for rule in checker.rules}):
        module = sys.modules.get(package)
        source = getattr(module, "__file__", None)
        if not source:
            continue
        folder = os.path.dirname(source)
        if not hasattr(module, "__path__"):  # a module, not a package: its own file alone
            _stamp(stamps, folder, source)
            continue
        for root, folders, files in os.walk(folder):
            folders[:] = sorted(f for f in folders if f not in _NOT_CHECKING)
            for name in sorted(files):
                if name.endswith(".py"):
                    _stamp(stamps, folder, os.path.join(root, name))
    return stamps


def _stamp(stamps: list[tuple[str, int, int]], folder: str, path: str) -> None:
    try:
        info = os.stat(path)
    except OSError:
        return
    stamps.append((os.path.relpath(path, folder), info.st_mtime_ns, info.st_size))


class Store:
    """The cache of one engine key, as one run uses it: entries looked up by file, and the new
    store (entries still valid, then fresh ones) written on a background thread as the run goes,
    only if something in it changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._heads = _Heads.of([])  # the entries of the store as it was
        self._fd: int | None = None
        self._indexed = False  # the heads came from the store's index, whose check covers them
        # The new store until it must be written: an entry of the old store kept as it is (its
        # row in `_heads`), or a new head and its line.
        self._kept: list[int | tuple[list, bytes]] = []
        self._writer: Pieces | None = None
        self._placed: list[tuple[list, int, int]] = []  # the new store's index: (head, offset, length)
        self._written = 0  # bytes handed to the writer, or to be (`_unput`)
        self._unput: list[bytes] = []  # lines (each then its newline) not yet handed to the writer
        self._stamped: dict[str, int] = {}  # see `check_stamps`
        try:
            self._read_heads()
        except OSError:
            self._heads = _Heads.of([])

    def _read_heads(self) -> None:
        """Each entry's head and where its line lies: from the store's index at its end when it
        is intact (one read), else from every line's head."""
        fd = self._fd = open_regular(self.path)  # a FIFO put in its place is no store
        index = _index(fd)
        if index is not None:
            self._heads = index
            self._indexed = True
            return
        self._scan_heads(fd)

    def _scan_heads(self, fd: int) -> None:
        """The heads of every line. Only the heads are decoded here; an entry's check is
        verified and its data decoded only for the files that use it."""
        heads: list[bytes] = []
        places: list[tuple[int, int]] = []
        with open(fd, "rb", closefd=False) as handle:
            offset = 0
            for line in handle:  # bytes: "\n" only, and no decoding of what is not used
                length = len(line)
                start = line.find(b"\t") + 1
                end = line.find(b"\t", start)
                if start and end > 0:
                    heads.append(line[start:end])
                    places.append((offset, length - (line[-1:] == b"\n")))
                offset += length
        try:  # all heads in one decoding: one call, not one a file
            decoded = json.loads(b"[" + b",".join(heads) + b"]")
        except ValueError:
            decoded = None
        if decoded is None or len(decoded) != len(heads):
            decoded = [_head(head) for head in heads]  # a damaged line among them: one by one
        self._heads = _Heads.of([(head, *place) for head, place in zip(decoded, places) if _is_head(head)])

    def reuse(self, path: Path, whole: bool = True, plain: bool = False) -> FileResult | dict | None:
        """The cached result of an unchanged file (with `whole=False`, only what the other files
        are judged by of what corpus rules collected from it, and no findings; with `plain`, a whole result in `plain`'s form, not
        decoded), its entry kept for the new store; None if the file must be checked afresh."""
        name = os.fspath(path)
        row = self._heads.rows.get(name)
        if row is None or self._fd is None:
            return None
        try:
            head = self._heads.head(row)
            current = _current(path, head, name)
            if current is None:
                return None
            if current is head and not whole and self._indexed:
                # Only the head is needed, and the index's check covered it: the line is not read.
                self._keep(row)
                return FileResult(name, [], head[4])
            offset, length = self._heads.place(row)
            line = os.pread(self._fd, length, offset)
            entry = _intact(line)
            if entry is None:
                return None  # damaged since it was written
            body = entry[entry.index(b"\t") + 1:]
            if whole and plain:
                result = json.loads(body)
                if not isinstance(result, dict) or not _PLAIN_KEYS <= result.keys():
                    return None  # not what this version writes: check the file afresh
            elif whole:
                result = decode(str(path), json.loads(body))
            else:
                result = FileResult(str(path), [], head[4])
        except (KeyError, TypeError, ValueError, IndexError, OSError):
            return None  # an entry from a damaged cache: check the file afresh
        if current is head:
            self._keep(row)
        else:  # the same content with a new stamp: kept under the new stamp
            name, digest, mtime, size, judged_by = current
            self._keep(entry_line(name, (digest, mtime, size), judged_by, body))
        return result

    def check_stamps(self, names: list[str]) -> None:
        """The work of `summaries` that needs no answer from elsewhere, done ahead for `names`:
        a `stat` of each, against its entry's stamp, and the columns decoded. A `--changed-since`
        run does it while git says which files changed, for every file (the few that changed
        among them)."""
        if self._indexed and self._fd is not None:
            try:
                self._heads.judged_columns()
                self._stamped.update(self._stamped_rows(names))
            except (TypeError, ValueError):
                pass  # `summaries` finds the index unusable again, and says so

    def _stamped_rows(self, names: list[str]) -> dict[str, int]:
        """name -> the row of its entry if the file has the entry's modification time and size,
        else -1."""
        heads = self._heads
        rows, stamps, stat = heads.rows, heads.stamps(), os.stat
        stamped = {}
        for name in names:
            row = rows.get(name)
            if row is None:
                stamped[name] = -1
                continue
            try:
                info = stat(name)
            except OSError:
                stamped[name] = -1
                continue
            mtime = stamps[2 * row]
            if mtime != info.st_mtime_ns or stamps[2 * row + 1] != info.st_size or mtime == -1:
                stamped[name] = -1
            else:
                stamped[name] = row
        return stamped

    def summaries(self, names: list[str]) -> tuple[dict[str, dict[str, Any]], set[str]]:
        """What the other files are judged by of what corpus rules collected from each of the
        files `names` (rule code -> name -> data: see `add`) whose entry is in the store's index
        with the file's present modification time and size (as `check_stamps` found it, if it
        was asked), their entries kept for the new store; and the names of the others, for
        `reuse` to decide (it reads a file whose stamp alone moved). This is
        `reuse(whole=False)` of many files in one pass, without a result object each: a
        `--changed-since` run asks it of every file but the few it reports on."""
        if not self._indexed or self._fd is None:
            return {}, set(names)
        try:
            columns = self._heads.judged_columns()
            stamped = self._stamped
            unasked = [name for name in names if name not in stamped]
            if unasked:
                stamped = {**stamped, **self._stamped_rows(unasked)}
        except (TypeError, ValueError):
            return {}, set(names)  # not what this version writes: every file the long way
        found: list[str] = []
        found_rows: list[int] = []
        rest: set[str] = set()
        for name in names:
            row = stamped[name]
            if row < 0:
                rest.add(name)
            else:
                found.append(name)
                found_rows.append(row)
        summaries = {}
        for code, (column, absent) in columns.items():
            if absent:
                summaries[code] = {name: column[row] for name, row in zip(found, found_rows) if row not in absent}
            else:
                summaries[code] = dict(zip(found, map(column.__getitem__, found_rows)))
        if self._writer is None:
            self._kept += found_rows  # what `_keep` does while nothing new is written
        else:
            for row in found_rows:
                self._keep(row)
        return summaries, rest

    def add(self, checked: "parallel.Checked", judged_by: dict | None = None) -> None:
        """A file checked afresh, for the new store. `judged_by`: the part of what it collected
        that the other files are judged by (`CorpusState.judged_by`), for its head, which is
        what `summaries` and `reuse(whole=False)` give; default all of it. Its body keeps all."""
        if checked.version is None:
            return
        if checked.entry is not None:  # made by a worker
            self._keep(checked.entry)
            return
        body = checked.plain or json.dumps(encode(checked.result), ensure_ascii=False)
        self._keep(entry_line(checked.path, checked.version,
                              checked.result.collected if judged_by is None else judged_by, body.encode("utf-8")))

    def _keep(self, entry: int | tuple[list, bytes]) -> None:
        """`entry` in the new store: a row of the old one, or a new head and its line."""
        if self._writer is None and isinstance(entry, int):
            self._kept.append(entry)  # nothing new yet: the store may not need writing at all
            return
        if self._writer is None:
            # Not fsynced: a cache lost in a crash is rebuilt, a damaged one is ignored; and a
            # read-only home is no reason to fail a lint.
            self._writer = Pieces()
            write_in_background(self.path, self._writer.pieces())
            for kept in self._kept:
                self._put(kept)
            self._kept = []
        self._put(entry)

    def _put(self, entry: int | tuple[list, bytes]) -> None:
        if isinstance(entry, int):
            try:
                head, (offset, length) = self._heads.head(entry), self._heads.place(entry)
            except (TypeError, ValueError, IndexError):
                return  # a column of the old index unreadable: the entry is left out, its file checked next time
            line = os.pread(self._fd, length, offset)
        else:
            head, line = entry
            length = len(line)
        self._placed.append((head, self._written, length))
        self._written += length + 1
        self._unput += (line, b"\n")
        if len(self._unput) >= _LINES_A_PIECE:
            self._put_pending()

    def _put_pending(self) -> None:
        # The writing thread is woken once a piece, not once a line: each wake-up takes the
        # interpreter's lock from the run, whose next system call then waits to have it back.
        self._writer.put(b"".join(self._unput))
        self._unput = []

    def close(self) -> None:
        """End the new store (written in the background: see `wait_for_background_writes`)."""
        if self._writer is not None:
            self._put_pending()
            self._writer.put(_index_lines(self._placed, self._written))
            self._writer.close()
        elif self._fd is not None:
            try:  # used, though unchanged: not the least recently used
                os.utime(self._fd)
            except OSError:
                pass
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        evict(self.path.parent, keep=self.path)


class _Heads:
    """The heads of a store's entries (``[name, content hash, mtime, size, judged by]``: see
    `entries.line`) and the places of their lines, by column. The store's index holds each column as a
    line of JSON of its own, decoded when first asked: a `--changed-since` run, which needs of
    ten thousand files only their names, stamps and what they are judged by, decodes no hash and
    no place, and what a corpus rule judges them by comes as one list a rule, not a small
    dictionary a file. A column that is not what this version writes raises ValueError (or
    TypeError) when it is asked for."""

    def __init__(self, names: list[str], columns: dict[str, Any], lines: dict[str, bytes] | None = None) -> None:
        self.names = names
        self.rows = dict(zip(names, range(len(names))))  # name -> row
        # "stamps", "places": two ints a row (mtime, size; offset, length); "hashes": one string a
        # row; "judged": rule code -> [that rule's part of each row, or None; the rows without one]
        self._columns = columns
        self._lines = lines or {}  # what is not decoded yet, as the index holds it

    @classmethod
    def of(cls, heads: list[tuple[list, int, int]]) -> "_Heads":
        """The columns of `heads`, each (head, offset, length)."""
        return cls([head[0] for head, _, _ in heads], _columns(heads))

    def _column(self, name: str) -> Any:
        column = self._columns.get(name)
        if column is None:
            column = self._columns[name] = _checked(name, json.loads(self._lines[name]), len(self.names))
        return column

    def stamps(self) -> list[int]:
        return self._column("stamps")

    def place(self, row: int) -> tuple[int, int]:
        """Where the line of `row`'s entry starts, and its length (without its newline)."""
        places = self._column("places")
        return places[2 * row], places[2 * row + 1]

    def judged_columns(self) -> dict[str, tuple[list, set[int]]]:
        return self._column("judged")

    def head(self, row: int) -> list:
        stamps = self._column("stamps")
        judged = {code: column[row] for code, (column, absent) in self._column("judged").items() if row not in absent}
        return [self.names[row], self._column("hashes")[row], stamps[2 * row], stamps[2 * row + 1], judged]


def evict(folder: Path, keep: Path | None = None, limit: int = MAX_STORES) -> list[Path]:
    """Remove the least recently used stores and replay records beyond `limit` (never `keep`,
    the one in use): what it removed."""
    try:
        entries = [(p.stat().st_mtime_ns, p) for p in folder.iterdir()
                   if (p.suffix == ".lines" or p.name.startswith("replay-")) and p.is_file()]
    except OSError:
        return []
    entries.sort(reverse=True)
    others = [path for _, path in entries if path != keep]
    removed = []
    for path in others[limit - (keep is not None):]:
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


# The store's index, after its entries: one line a column of the entries' heads and places
# (``#names [...]``, then stamps, judged, hashes, places: see `_Heads`), and the trailer ``#end
# OFFSET CRC`` (where the first of those lines starts, and the CRC-32 of them all). None holds a
# tab, so a reader that scans the lines' heads (a store whose index is damaged) passes over them.
_TRAILER = b"#end %020d %08x\n"
_TRAILER_SIZE = len(_TRAILER % (0, 0))
_COLUMNS = ("names", "stamps", "judged", "hashes", "places")


def _columns(placed: list[tuple[list, int, int]]) -> dict[str, Any]:
    """The columns (see `_Heads`) of the heads `placed`, each (head, offset, length)."""
    judged: dict[str, tuple[list, set[int]]] = {}
    for row, (head, _, _) in enumerate(placed):
        for code, data in head[4].items():
            column = judged.get(code)
            if column is None:
                column = judged[code] = ([None] * len(placed), set(range(len(placed))))
            column[0][row] = data
            column[1].discard(row)
    return {
        "stamps": [value for head, _, _ in placed for value in head[2:4]],
        "hashes": [head[1] for head, _, _ in placed],
        "places": [value for _, offset, length in placed for value in (offset, length)],
        "judged": judged,
    }


def _index_lines(placed: list[tuple[list, int, int]], offset: int) -> bytes:
    columns = _columns(placed)
    columns["names"] = [head[0] for head, _, _ in placed]
    columns["judged"] = {code: [column, sorted(absent)] for code, (column, absent) in columns["judged"].items()}
    lines = b"".join(b"#%s %s\n" % (name.encode(), json.dumps(columns[name], ensure_ascii=False).encode("utf-8"))
                     for name in _COLUMNS)
    return lines + _TRAILER % (offset, zlib.crc32(lines))


def _index(fd: int) -> _Heads | None:
    """The index at the end of the store open at `fd`, if it is there and intact, with its
    names decoded (the other columns when asked)."""
    size = os.fstat(fd).st_size
    if size < _TRAILER_SIZE:
        return None
    trailer = os.pread(fd, _TRAILER_SIZE, size - _TRAILER_SIZE)
    parts = trailer.split()
    try:
        offset, crc = int(parts[1]), int(parts[2], 16)
    except (IndexError, ValueError):
        return None
    if len(parts) != 3 or parts[0] != b"#end" or trailer != _TRAILER % (offset, crc):
        return None
    if not 0 <= offset < size - _TRAILER_SIZE:
        return None
    block = os.pread(fd, size - _TRAILER_SIZE - offset, offset)
    if zlib.crc32(block) != crc:
        return None
    lines = {}
    for line in block.split(b"\n")[:-1]:
        name, _, text = line.partition(b" ")
        lines[name.decode("ascii", "replace")] = text
    if list(lines) != [f"#{name}" for name in _COLUMNS]:
        return None
    lines = {name[1:]: text for name, text in lines.items()}
    try:
        names = _checked("names", json.loads(lines.pop("names")), None)
        return _Heads(names, {}, lines)
    except (TypeError, ValueError):
        return None


def _checked(name: str, column: Any, rows: int | None) -> Any:
    """`column` (see `_Heads`) if it has the shape this version writes for `rows` rows (None:
    the names, which say how many), else ValueError. The values are not checked one by one: a
    value of another type matches no file's, and an index that passed its CRC is what was written."""
    if name == "judged":
        if not isinstance(column, dict):
            raise ValueError(name)
        judged = {}
        for code, part in column.items():
            if not (isinstance(part, list) and len(part) == 2 and isinstance(part[0], list) and len(part[0]) == rows
                    and isinstance(part[1], list)):
                raise ValueError(name)
            judged[code] = (part[0], set(part[1]))
        return judged
    per_row = 2 if name in ("stamps", "places") else 1
    if not isinstance(column, list) or (rows is not None and len(column) != rows * per_row):
        raise ValueError(name)
    return column


def _is_head(head: Any) -> bool:
    """Is `head` the head of an entry this version writes?"""
    return (isinstance(head, list) and len(head) == 5 and isinstance(head[0], str) and isinstance(head[1], str)
            and type(head[2]) is int and type(head[3]) is int and isinstance(head[4], dict))


def _head(text: bytes) -> list | None:
    try:
        return json.loads(text)
    except ValueError:
        return None  # a damaged line: its file is linted afresh


def _intact(line: bytes) -> bytes | None:
    """The entry (head, tab, body) of a store line whose check matches it, else None."""
    check, _, entry = line.partition(b"\t")
    if check != b"%08x %d" % (zlib.crc32(entry), len(entry)):
        return None
    return entry


def _stat(path: Path | str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return info.st_mtime_ns, info.st_size


def _current(path: Path, head: list, name: str | None = None) -> list | None:
    """`head` ([name, hash, mtime, size, collected]) if the file has not changed since, else
    None. Same modification time and size: trusted without reading (as git does); otherwise the
    content hash decides, and an unchanged file gets its new stamp (a checkout that touched every
    file costs one hashing, not one a run)."""
    if len(head) == 5 and tuple(head[2:4]) == _stat(name or path) and head[2] != -1:
        return head
    read = parallel.read_file(path)
    if read is None or head[1] != parallel.digest(read[0]):
        return None
    return [head[0], head[1], read[1], read[2], head[4]]
