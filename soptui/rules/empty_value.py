"""No text the file gives is blank: `""` or only spaces.

## What it checks
Every text value and list item that is written but holds nothing (`""`, `" "`), wherever no other
rule already reports it: `nama`, `alamat`, the items of the documentation sections (a section of
only blank items is `missing-section`'s), a `[pelaksana]` column's jabatan, and a step's
`kegiatan`, `simbol`, `kelengkapan` and `output` items. A blank `nomor` or `unit`
is `identity-completeness`'s, a blank part of `[disahkan_oleh]` is `missing-pengesahan`'s, a blank
`instansi` is `missing-section`'s, a blank `waktu` is `missing-mutu-baku`'s, a step's blank `pelaksana` is `unassigned-actor`'s; `keterangan` may be
blank, as many documents print the column empty. A blank list item has a fix: remove it.

## Why it matters
A key written with nothing in it says there is something there and gives nothing: it usually
marks a cell the transcription or the template left to be filled in. Printed, it is an empty row
or a label with no value.

## Example
```toml
alamat = ""
peringatan = ["Laporan terlambat", " "]
```

## Instead
```toml
alamat = "Jl. Raya Awayan No. 1"
peringatan = ["Laporan terlambat"]
```
"""

from __future__ import annotations

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text
from ..model import SECTIONS

TEXTS = ("nama", "alamat")
STEP_TEXTS = ("kegiatan", "simbol")
STEP_LISTS = ("kelengkapan", "output")


def is_blank(value: object) -> bool:
    """A text written with nothing in it: "" or only white space."""
    return isinstance(value, str) and not value.strip()


class EmptyValue(Rule):
    __doc__ = __doc__
    code = "SOP020"
    name = "empty-value"
    needs = (*TEXTS, *SECTIONS, "pelaksana", *(f"langkah.{key}" for key in STEP_TEXTS + STEP_LISTS))
    severity = Severity.ERROR
    fixable = True
    fix_safety = (Applicability.SAFE,)  # a blank item says nothing: removing it changes nothing
    group = "format"

    def check(self, sop, context):
        if not _has_blank(sop):
            return  # almost every file: one flat pass instead of the walk below
        for key in TEXTS:
            if is_blank(getattr(sop, key)):
                yield _blank(f"/{key}", f"`{key}`", f"the {english_name(key)}")
        for key in SECTIONS:
            items = [item.text for item in sop.dasar_hukum] if key == "dasar_hukum" else getattr(sop, key)
            if items and all(is_blank(item) for item in items) and key != "dasar_hukum":
                continue  # the section says nothing at all: missing-section reports it
            yield from _blank_items(f"/{key}", key, items, english_name(key))
        for actor, jabatan in sop.pelaksana.items():
            if is_blank(jabatan):
                yield _blank(f"/pelaksana/{actor}", f"jabatan pelaksana `{actor}`", f"the title of actor `{actor}`")
        for step in sop.langkah:
            for key in STEP_TEXTS:
                if is_blank(getattr(step, key)):
                    yield _blank(f"{step.pointer}/{key}", f"`{key}` langkah {step.no}", f"the {english_name(key)} of step {step.no}")
            for key in STEP_LISTS:
                yield from _blank_items(f"{step.pointer}/{key}", f"{key} langkah {step.no}", getattr(step, key),
                                        f"the {english_name(key)} of step {step.no}")


def _has_blank(sop) -> bool:
    """Whether any text the rule reads is blank: a quick flat pass."""
    texts = [sop.nama, sop.alamat or "-", *sop.pelaksana.values(), *(item.text for item in sop.dasar_hukum)]
    for key in SECTIONS[1:]:
        texts += getattr(sop, key)
    for step in sop.langkah:
        texts.append(step.kegiatan)
        texts.append(step.simbol or "-")
        texts += step.kelengkapan
        texts += step.output
    return not all(map(str.strip, texts))


def _blank(pointer: str, what: str, what_en: str | None = None, fix: Fix | None = None) -> Violation:
    return Violation(pointer, Text(f"{what} kosong", f"{what_en or what} is blank"), fix)


def _blank_items(pointer: str, what: str, items, what_en: str | None = None):
    for index, item in enumerate(items):
        if is_blank(item):
            yield _blank(f"{pointer}/{index}", f"butir {index + 1} {what}", f"item {index + 1} of {what_en or what}",
                         Fix(Text("hapus butir kosong", "remove the blank item"),
                             (Edit(f"{pointer}/{index}", delete=True),), Applicability.SAFE))
