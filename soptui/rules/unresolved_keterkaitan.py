"""Every related SOP named in `keterkaitan` or in a keterangan is in the corpus being linted.

## What it checks
Each `keterkaitan` item that names an SOP ("SOP Perjanjian Kinerja") and each "SOP ..." named in
a step's keterangan ("SOP Pelaksanaan Rapat") must match the `nama` of an SOP among the files
linted together. A match ignores case, punctuation, the word "SOP" and extra spaces, and accepts
one title containing the other as whole words: "SOP PENGUMPULAN DATA KINERJA" matches the SOP
"Pengumpulan Data Kinerja Per Triwulan". Items that do not name an SOP (Sumbersuko lists "IKU",
"Renstra": documents, not procedures) are not checked.

## Why it matters
Keterkaitan is how a reader finds the procedures before and after this one. A name that
resolves to nothing sends them looking for an SOP that does not exist, or exists under
another title.

## Example
Wangon's step 5 says "SOP Pelaksanaan Rapat" in its keterangan, and no SOP of that name is in
`sops/`.

## Instead
Add the related SOP to the corpus, or write its exact `nama`.
"""

from __future__ import annotations

import re

from ..checker.rule import CorpusRule, Severity, Violation
from ..i18n import Text

_MENTION = re.compile(r"\bSOP\s+([A-Za-z][^,.;:()\d]*)", re.IGNORECASE)
_REFERENCE = re.compile(r"\s*SOP\b", re.IGNORECASE)  # a keterkaitan item that names an SOP
_WORD = re.compile(r"[a-z0-9]+")


def normalise(title: str) -> str:
    words = _WORD.findall(title.casefold())
    if words and words[0] == "sop":
        words = words[1:]
    return " ".join(words)


def resolves(reference: str, titles: set[str]) -> bool:
    wanted = normalise(reference)
    if not wanted:
        return True
    if wanted in titles:
        return True
    padded = f" {wanted} "
    return any(wanted == t or padded in f" {t} " or f" {t} " in padded for t in titles if t)


class UnresolvedKeterkaitan(CorpusRule):
    __doc__ = __doc__
    code = "SOP401"
    name = "unresolved-keterkaitan"
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
        return {"nama": sop.nama, "references": references}

    def check_corpus(self, collected, context):
        titles = {normalise(data["nama"]) for data in collected.values()}
        answers: dict[str, bool] = {}  # the same related SOPs are named from file to file
        for path, data in collected.items():
            for pointer, step, reference in data["references"]:
                if reference not in answers:
                    answers[reference] = resolves(reference, titles)
                if not answers[reference]:
                    yield Violation(pointer, Text(
                        f"{reference!r} tidak ditemukan di antara SOP yang diperiksa",
                        f"{reference!r} is not among the SOPs checked",
                    ), path=path, step=step)

