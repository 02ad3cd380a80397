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

import re
from collections import Counter

from ..checker.rule import CorpusRule, Severity, Violation
from ..i18n import Text

_MENTION = re.compile(r"\bSOP\s+([A-Za-z][^,.;:()\d]*)", re.IGNORECASE)
_REFERENCE = re.compile(r"\s*SOP\b", re.IGNORECASE)  # a keterkaitan item that names an SOP
_WORD = re.compile(r"[a-z0-9]+")
_KEC = re.compile(r"\bkec\b\.?\s*")
_KEL = re.compile(r"\bkel\b\.?\s*")


def normalise(title: str) -> str:
    words = _WORD.findall(title.casefold())
    if words and words[0] == "sop":
        words = words[1:]
    return " ".join(words)


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
    in one dict, and (built for a word count when first asked) every run of that many words."""

    def __init__(self, titles: dict[str, list[str]]) -> None:
        self.exact = titles  # normalised title -> paths
        self._runs: dict[int, dict[str, list[str]]] = {}

    def matches(self, wanted: str) -> list[str]:
        """Paths of the SOPs whose title is `wanted`, contains it, or is contained in it."""
        words = wanted.split()
        found = list(self.runs(len(words)).get(wanted, ()))  # titles containing wanted (or equal)
        for size in range(1, len(words)):  # titles that wanted contains
            for run in _ngrams(words, size):
                found += self.exact.get(run, ())
        return found

    def runs(self, size: int) -> dict[str, list[str]]:
        if size not in self._runs:
            index: dict[str, list[str]] = {}
            for title, paths in self.exact.items():
                for run in set(_ngrams(title.split(), size)):
                    index.setdefault(run, []).extend(paths)
            self._runs[size] = index
        return self._runs[size]


class UnresolvedKeterkaitan(CorpusRule):
    __doc__ = __doc__
    code = "SOP401"
    name = "unresolved-keterkaitan"
    needs = ("nama", "unit", "keterkaitan", "langkah.keterangan")
    severity = Severity.WARNING

    def collect(self, sop):
        references = []
        for index, item in enumerate(sop.keterkaitan):
            if _REFERENCE.match(item):
                pointer = f"/keterkaitan/{index}"
                references.append([pointer, None, item.strip()])
        for step in sop.langkah:
            if not step.keterangan:  # most steps have none
                continue
            for match in _MENTION.finditer(step.keterangan):
                pointer = step.pointer + "/keterangan"
                references.append([pointer, step.no, "SOP " + match[1].strip()])
        return {"nama": sop.nama, "unit": sop.unit, "references": references}

    def check_corpus(self, collected, context):
        titles: dict[str, list[str]] = {}
        for path, data in collected.items():
            titles.setdefault(normalise(data["nama"]), []).append(path)
        index = TitleIndex(titles)
        units = {path: unit_key(data.get("unit") or "") for path, data in collected.items()}
        # The same related SOPs are named from file to file: match each name once, and keep how
        # many matches each unit has, so that a file asks "one in my unit, other than me?" in
        # constant time (a name that matches a thousand SOPs is not scanned a thousand times).
        answers: dict[str, tuple[set[str], Counter]] = {}
        for path, data in collected.items():
            own = normalise(data["nama"])
            for pointer, step, reference in data["references"]:
                wanted = normalise(reference)
                if not wanted:
                    continue
                if wanted == own:
                    yield Violation(pointer, Text(
                        f"{reference!r} adalah SOP ini sendiri, bukan SOP terkait",
                        f"{reference!r} is this SOP itself, not a related SOP"), path=path, step=step)
                    continue
                if wanted not in answers:
                    found = set(index.matches(wanted))
                    answers[wanted] = found, Counter(units[p] for p in found)
                matched, per_unit = answers[wanted]
                mine = path in matched
                if len(matched) - mine == 0:
                    yield Violation(pointer, Text(
                        f"{reference!r} tidak ditemukan di antara SOP yang diperiksa",
                        f"{reference!r} is not among the SOPs checked",
                    ), path=path, step=step)
                elif per_unit[units[path]] - mine == 0:
                    other = min(p for p in matched if p != path)
                    that = collected[other]
                    yield Violation(pointer, Text(
                        f"{reference!r} hanya ditemukan di unit lain: {that['nama']!r} ({that.get('unit')}, {other})",
                        f"{reference!r} is found only in another unit: {that['nama']!r} ({that.get('unit')}, {other})",
                    ), path=path, step=step)
