"""The same regulation is cited twice in the dasar hukum.

## What it checks
Two `dasar_hukum` items that cite the same regulation: the same type, number and year (and region,
for a regional regulation), whatever their wording; or, for items soptui cannot read, the same
text ignoring case, punctuation and spacing. The later item is reported, naming the earlier one.

## Why it matters
A repeated item is noise at best. At worst the two items differ in their title or their
amendment clause, and the reader cannot tell which one is right.

## Example
```toml
dasar_hukum = [
  "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
  "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
  "PP No. 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
]
```

## Instead
Keep one item per regulation. `soptui lint --fix` removes a repeat whose text is the same as
the earlier item's (ignoring case, punctuation and spacing), a safe fix: nothing cited is lost.
"""

from __future__ import annotations

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..citation import REGIONAL, normalise_title, nomor_key, region_key, sequence_number
from ..i18n import Text
from ._regulations import item, pointer


def identity(citation) -> tuple:
    if citation.recognised:
        number = sequence_number(citation.nomor or "") or nomor_key(citation.nomor or "")
        region = region_key(citation.region)[1] if citation.region and citation.kind in REGIONAL else ""
        return ("citation", citation.kind, number, citation.tahun, region)
    return ("text", normalise_title(citation.text))


class DuplicateCitation(Rule):
    __doc__ = __doc__
    code = "SOP509"
    name = "duplicate-citation"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING
    fixable = True
    fix_safety = (Applicability.SAFE,)

    def check(self, sop, context):
        seen: dict[tuple, int] = {}
        for index, citation in enumerate(sop.dasar_hukum):
            key = identity(citation)
            if key == ("text", ""):
                continue
            if key not in seen:
                seen[key] = index
                continue
            first = seen[key]
            fix = None
            if normalise_title(citation.text) == normalise_title(sop.dasar_hukum[first].text):
                fix = Fix(Text(f"hapus butir {index + 1} yang berulang", f"remove the repeated item {index + 1}"),
                          (Edit(pointer(index), delete=True),), Applicability.SAFE)
            that_id, that_en = item(first, sop.dasar_hukum[first])
            label = citation.short()
            yield Violation(pointer(index), Text(
                f"{label} sudah dikutip di {that_id}", f"{label} is already cited at {that_en}",
            ), fix)
