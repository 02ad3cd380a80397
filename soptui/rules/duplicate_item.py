"""No section lists the same item twice.

## What it checks
Two items of `kualifikasi_pelaksana`, `keterkaitan`, `peralatan_perlengkapan`, `peringatan` or
`pencatatan_pendataan`, or of one step's `kelengkapan` or `output`, that are the same text
ignoring case, punctuation and spacing. The later item is reported, naming the earlier one; the
fix removes it, a safe fix (`soptui lint --fix`): the item kept says the same. (A regulation cited twice in `dasar_hukum` is `duplicate-citation`'s.)

## Why it matters
A repeated item is a copy-and-paste slip: it makes a list look longer than it is, and when the
two were meant to differ (two plans, two forms), one of them is missing.

## Example
Sumbersuko's keterkaitan lists "Rencana Aksi" twice:

```toml
keterkaitan = ["Rencana Aksi", "DPA", "Renja", "Rencana Aksi"]
```

## Instead
```toml
keterkaitan = ["Rencana Aksi", "DPA", "Renja"]
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text

SECTIONS = ("kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8192)  # the same items are listed from SOP to SOP ("ATK", "Printer")
def item_key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def repeats(items: tuple[str, ...]):
    """(index, index of the earlier same item) for each repeat."""
    seen: dict[str, int] = {}
    for index, text in enumerate(items):
        key = item_key(text)
        if not key:
            continue
        if key in seen:
            yield index, seen[key]
        else:
            seen[key] = index


class DuplicateItem(Rule):
    __doc__ = __doc__
    code = "SOP307"
    name = "duplicate-item"
    needs = (*SECTIONS, "langkah.no", "langkah.kelengkapan", "langkah.output")
    severity = Severity.WARNING
    fixable = True
    fix_safety = (Applicability.SAFE,)

    def check(self, sop, context):
        # a list of one item repeats nothing: most are, and their labels are not made
        for key in SECTIONS:
            items = getattr(sop, key)
            if len(items) > 1:
                yield from _report(f"/{key}", Text(key, english_name(key)), items)
        for step in sop.langkah:
            for key, items in (("kelengkapan", step.kelengkapan), ("output", step.output)):
                if len(items) > 1:
                    yield from _report(f"{step.pointer}/{key}", Text(f"{key} langkah {step.no}", f"the {english_name(key)} of step {step.no}"), items)


def _report(base: str, label: Text, items: tuple[str, ...]):
    if len(items) < 2:
        return
    for index, first in repeats(items):
        fix = Fix(Text(f"hapus butir {index + 1} yang berulang", f"remove the repeated item {index + 1}"),
                  (Edit(f"{base}/{index}", delete=True),), Applicability.SAFE)
        yield Violation(f"{base}/{index}", Text(
            f"{items[index]!r} sudah tercantum di butir {first + 1} {label.id}",
            f"{items[index]!r} is already listed at item {first + 1} of {label.en}"), fix)
