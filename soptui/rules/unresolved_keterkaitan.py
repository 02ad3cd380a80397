"""Every related SOP named in `keterkaitan` or in a keterangan is another SOP of the same unit.

## What it checks
Each `keterkaitan` item that names an SOP ("SOP Perjanjian Kinerja") and each "SOP ..." named in
a step's keterangan ("SOP Pelaksanaan Rapat") must match the `nama` of an SOP among the files
linted together. A match ignores case, punctuation, the word "SOP" and extra spaces, and accepts
one title containing the other as whole words: "SOP PENGUMPULAN DATA KINERJA" matches the SOP
"Pengumpulan Data Kinerja Per Triwulan". Reported:
- a name that matches no SOP;
- a name that matches only SOPs of another `unit` ("Kec." = "Kecamatan", case-blind): Lampihong's
  "SOP PENGUMPULAN DATA KINERJA" is Awayan's SOP, not one of Lampihong's own;
- a name that is the SOP's own `nama`: an SOP is not related to itself.
Items that do not name an SOP (Sumbersuko lists "IKU", "Renstra": documents, not procedures)
are left to `keterkaitan-not-sop`.

## Why it matters
Keterkaitan is how a reader finds the procedures before and after this one. A name that
resolves to nothing sends them looking for an SOP that does not exist, or exists under
another title; one that resolves only in the next kecamatan is a list copied with the template.

## Example
Wangon's step 5 says "SOP Pelaksanaan Rapat" in its keterangan, and no SOP of that name is in
`sops/`.

## Instead
Add the related SOP to the corpus, or write its exact `nama`.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from functools import lru_cache

from ..checker.rule import CorpusIndex, CorpusRule, Severity, Violation
from ..i18n import Text
from ..source import Pos

_MENTION = re.compile(r"\bSOP\s+([A-Za-z][^,.;:()\d]*)", re.IGNORECASE)
_REFERENCE = re.compile(r"\s*SOP\b", re.IGNORECASE)  # a keterkaitan item that names an SOP
_WORD = re.compile(r"[a-z0-9]+")
_KEC = re.compile(r"\bkec\b\.?\s*")
_KEL = re.compile(r"\bkel\b\.?\s*")


@lru_cache(maxsize=8192)  # the same titles and units are named from file to file
def normalise(title: str) -> str:
    words = _WORD.findall(title.casefold())
    if words and words[0] == "sop":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1024)
def unit_key(unit: str) -> str:
    """A unit as compared: "Kec. Awayan" = "KECAMATAN AWAYAN"."""
    text = _KEL.sub("kelurahan ", _KEC.sub("kecamatan ", unit.casefold()))
    return " ".join(_WORD.findall(text))


def _ngrams(words: list[str], size: int):
    return (" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def contains(outer: str, inner: str) -> bool:
    """Is `inner` the whole of `outer`, or a run of its whole words?"""
    return bool(inner) and (outer == inner or f" {inner} " in f" {outer} ")


class TitleIndex:
    """The corpus's titles, found by a name in time independent of the corpus size: exact titles
    in one dict, and (built for a word count when first asked, then kept up to date) every run
    of that many words."""

    def __init__(self) -> None:
        self.exact: dict[str, set[str]] = {}  # normalised title -> paths
        self._runs: dict[int, dict[str, set[str]]] = {}
        # word count -> how many titles have it: a run of a name can be a title only if some
        # title has that many words, so a name is cut only into runs of those lengths
        self._lengths: dict[int, int] = {}

    def add(self, title: str, path: str) -> None:
        paths = self.exact.get(title)
        if paths is None:
            paths = self.exact[title] = set()
            if title:
                length = title.count(" ") + 1  # a normalised title: one space between words
                self._lengths[length] = self._lengths.get(length, 0) + 1
        paths.add(path)
        if not self._runs:
            return  # no index of runs asked for yet (a lint builds them once all titles are in)
        words = title.split()
        for size, index in self._runs.items():
            for run in set(_ngrams(words, size)):
                index.setdefault(run, set()).add(path)

    def remove(self, title: str, path: str) -> None:
        held = title in self.exact
        _discard(self.exact, title, path)
        if held and title and title not in self.exact:  # its last holder: one title fewer of its length
            length = title.count(" ") + 1
            if self._lengths[length] > 1:
                self._lengths[length] -= 1
            else:
                del self._lengths[length]
        words = title.split()
        for size, index in self._runs.items():
            for run in set(_ngrams(words, size)):
                _discard(index, run, path)

    def matches(self, wanted: str, scan: bool = False) -> set[str]:
        """Paths of the SOPs whose title is `wanted`, contains it, or is contained in it. `scan`:
        look through the titles rather than build the index of runs of this length, if it is
        not built yet (cheaper for the few names of a `--changed-since` run)."""
        words = wanted.split()
        if scan and len(words) not in self._runs:  # titles containing wanted (or equal)
            # `wanted in title` first: a test in C that most titles fail, and that every title
            # containing `wanted` as whole words passes
            found = {path for title, paths in self.exact.items() if wanted in title and contains(title, wanted)
                     for path in paths}
        else:
            found = set(self.runs(len(words)).get(wanted, ()))
        exact, count = self.exact, len(words)
        for size in self._lengths:  # titles that wanted contains
            if size < count:
                for run in _ngrams(words, size):
                    paths = exact.get(run)
                    if paths:
                        found.update(paths)
        return found

    def runs(self, size: int) -> dict[str, set[str]]:
        if size not in self._runs:
            index: dict[str, set[str]] = {}
            for title, paths in self.exact.items():
                for run in set(_ngrams(title.split(), size)):
                    index.setdefault(run, set()).update(paths)
            self._runs[size] = index
        return self._runs[size]


def _discard(index: dict[str, set[str]], key: str, path: str) -> None:
    paths = index.get(key)
    if paths is not None:
        paths.discard(path)
        if not paths:
            del index[key]


class UnresolvedKeterkaitan(CorpusRule):
    __doc__ = __doc__
    code = "SOP401"
    name = "unresolved-keterkaitan"
    needs = ("nama", "unit", "keterkaitan", "langkah.keterangan")
    severity = Severity.WARNING

    def collect(self, sop):
        # Each reference with its line and column: found here, where the file's text is at
        # hand, a finding needs no second reading of the file (on a large corpus most names
        # resolve only in another unit, or not at all).
        references = []
        for index, item in enumerate(sop.keterkaitan):
            if _REFERENCE.match(item):
                pointer = f"/keterkaitan/{index}"
                at = sop.locate(pointer)
                references.append([pointer, None, item.strip(), at.line, at.col])
        for step in sop.langkah:
            if not step.keterangan:  # most steps have none
                continue
            for match in _MENTION.finditer(step.keterangan):
                pointer = step.pointer + "/keterangan"
                at = sop.locate(pointer)
                references.append([pointer, step.no, "SOP " + match[1].strip(), at.line, at.col])
        # The title as compared, worked out once with the file (see duplicate-nomor's key)
        title = normalise(sop.nama) if isinstance(sop.nama, str) else None
        return {"nama": sop.nama, "unit": sop.unit, "references": references, "title": title}

    def check_corpus(self, collected, context):
        return self.index(context).check_all(collected)

    def index(self, context):
        return _References()

    def judged_by(self, data):
        # Another file's references are judged against this file's title and unit; its own
        # references matter only to its own findings.
        if not isinstance(data, dict):
            return data
        return {"nama": data.get("nama"), "unit": data.get("unit"), "title": data.get("title")}


class _References(CorpusIndex):
    """The titles of the corpus, and who names which title: a change of one SOP's title or unit
    touches the files that name a title matching its old or new one; a change of its
    references touches only itself."""

    def __init__(self) -> None:
        self.data: dict[str, dict] = {}  # path -> what `collect` returned
        self._wanted_of: dict[str, list[str]] = {}  # path -> its references, normalised (when first asked)
        self.title_of: dict[str, str] = {}
        self.unit_of: dict[str, str] = {}
        self.titles = TitleIndex()
        # a name as wanted -> path -> how often it names it: built when first asked (an
        # incremental update), as a lint needs only each file's own references
        self._namers: dict[str, dict[str, int]] | None = None
        # every run of words of a wanted name -> the names: likewise
        self._names_by_run: dict[str, set[str]] | None = None

    def wanted_of(self, path: str) -> list[str]:
        wanted = self._wanted_of.get(path)
        if wanted is None:
            wanted = self._wanted_of[path] = [normalise(reference[2]) for reference in self.data[path]["references"]]
        return wanted

    @property
    def namers(self) -> dict[str, dict[str, int]]:
        if self._namers is None:
            self._namers = {}
            for path in self.data:
                self._count_namer(path)
        return self._namers

    def _count_namer(self, path: str) -> None:
        for wanted in self.wanted_of(path):
            if not wanted:
                continue
            holders = self._namers.get(wanted)
            if holders is None:
                holders = self._namers[wanted] = {}
                if self._names_by_run is not None:
                    for run in _all_runs(wanted):
                        self._names_by_run.setdefault(run, set()).add(wanted)
            holders[path] = holders.get(path, 0) + 1

    def add(self, path, data):
        title = data.get("title")
        title = self.title_of[path] = title if isinstance(title, str) else normalise(data["nama"])
        self.unit_of[path] = unit_key(data.get("unit") or "")
        self.data[path] = data
        self._wanted_of.pop(path, None)
        self.titles.add(title, path)
        if self._namers is not None:
            self._count_namer(path)

    def check_some(self, collected, paths):
        if len(paths) > _SCAN_FOR_AT_MOST:
            return super().check_some(collected, paths)
        # A few files (--changed-since): their names are looked for by a scan of the titles, so
        # of the other files only the titles are indexed, and the unit of a file worked out only
        # when one of those names matches it.
        self.data = collected
        self.unit_of = _UnitOf(collected)
        add = self.titles.add
        for path, data in collected.items():
            title = data.get("title")
            add(title if isinstance(title, str) else normalise(data["nama"]), path)
        checked = [path for path in collected if path in paths]
        for path in checked:
            title = collected[path].get("title")
            self.title_of[path] = title if isinstance(title, str) else normalise(collected[path]["nama"])
        return self.check(checked)

    def remove(self, path, data):
        if path not in self.data:
            return
        wanted_of = self.wanted_of(path)
        del self.data[path]
        del self._wanted_of[path]
        self.titles.remove(self.title_of.pop(path), path)
        del self.unit_of[path]
        if self._namers is None:
            return
        for wanted in wanted_of:
            if not wanted:
                continue
            holders = self._namers[wanted]
            holders[path] -= 1
            if not holders[path]:
                del holders[path]
            if not holders:
                del self._namers[wanted]
                if self._names_by_run is not None:
                    for run in _all_runs(wanted):
                        _discard(self._names_by_run, run, wanted)

    def names_by_run(self) -> dict[str, set[str]]:
        if self._names_by_run is None:
            self._names_by_run = {}
            for wanted in self.namers:
                for run in _all_runs(wanted):
                    self._names_by_run.setdefault(run, set()).add(wanted)
        return self._names_by_run

    def affected(self, path, old, new):
        paths = {path}
        if old is not None and new is not None and (old["nama"], old.get("unit")) == (new["nama"], new.get("unit")):
            return paths  # only its own references changed: no other file's answer moves
        for data in (old, new):
            if data is None:
                continue
            title = normalise(data["nama"])
            # The names that match this title: those it contains (its runs), and those that contain it.
            names = {run for run in _all_runs(title) if run in self.namers}
            names.update(self.names_by_run().get(title, ()))
            for wanted in names:
                paths.update(self.namers[wanted])
        return paths

    def check(self, paths):
        # The same related SOPs are named from file to file: match each name once, and keep how
        # many matches each unit has, so that a file asks "one in my unit, other than me?" in
        # constant time (a name that matches a thousand SOPs is not scanned a thousand times).
        answers: dict[str, tuple[set[str], Counter, list[str]]] = {}
        paths = list(paths)
        # A few files (--changed-since): each name looked for through the titles, not through
        # indexes of every run of words of every title, which cost more than a few scans.
        scan = len(paths) <= _SCAN_FOR_AT_MOST
        for path in paths:
            data = self.data.get(path)
            if data is None:
                continue
            own, unit = self.title_of[path], self.unit_of[path]
            for (pointer, step, reference, *at), wanted in zip(data["references"], self.wanted_of(path)):
                if not wanted:
                    continue
                if wanted == own:
                    message = Text(f"{reference!r} adalah SOP ini sendiri, bukan SOP terkait",
                                   f"{reference!r} is this SOP itself, not a related SOP")
                else:
                    if wanted not in answers:
                        found = self.titles.matches(wanted, scan=scan)
                        answers[wanted] = found, Counter(map(self.unit_of.__getitem__, found)), heapq.nsmallest(2, found)
                    matched, per_unit, first = answers[wanted]
                    mine = path in matched
                    if len(matched) - mine == 0:
                        message = Text(f"{reference!r} tidak ditemukan di antara SOP yang diperiksa",
                                       f"{reference!r} is not among the SOPs checked")
                    elif per_unit[unit] - mine == 0:
                        other = first[0] if first[0] != path else first[1]
                        that = self.data[other]
                        message = Text(
                            f"{reference!r} hanya ditemukan di unit lain: {that['nama']!r} ({that.get('unit')}, {other})",
                            f"{reference!r} is found only in another unit: {that['nama']!r} ({that.get('unit')}, {other})")
                    else:
                        continue  # resolved in its own unit: most names, in a real corpus
                # the position only for a finding
                yield Violation(pointer, message, path=path, step=step, pos=Pos(*at) if at else None)


# Up to this many files checked, their names are looked for by a scan of the titles.
_SCAN_FOR_AT_MOST = 4


class _UnitOf(dict):
    """path -> its unit as compared (`unit_key`), worked out when first asked."""

    def __init__(self, collected: dict[str, dict]) -> None:
        super().__init__()
        self._collected = collected

    def __missing__(self, path: str) -> str:
        unit = self[path] = unit_key(self._collected[path].get("unit") or "")
        return unit


def _all_runs(title: str) -> set[str]:
    """Every run of whole words of `title`, itself included."""
    words = title.split()
    return {run for size in range(1, len(words) + 1) for run in _ngrams(words, size)}
