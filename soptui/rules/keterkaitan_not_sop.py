"""Keterkaitan lists related procedures, not documents or plans.

## What it checks
A `keterkaitan` item that names a document, a plan or a form rather than a procedure: one that
starts with a document's name or abbreviation ("Renstra", "Renja", "RKT", "DPA", "IKU", "IKI",
"PK", "LKjIP", "LAKIP", "RPJMD", "RKPD", "Rencana Aksi", "Rencana Strategis", "Perjanjian
Kinerja", "SK ...", "Surat Keputusan ...", "Foto Copy ...", "Dokumen ...", "Formulir ...",
"Laporan ...", "Buku ...", "Daftar ..."). Items that start with "SOP" or "Prosedur" are
procedures and are checked by `unresolved-keterkaitan`; other items are left alone. Info: the
item may be a related procedure written without its "SOP", a reader decides.

## Why it matters
The standard's Keterkaitan names the SOPs that come before and after this one. A document
listed there is an input: it belongs in `peralatan_perlengkapan` or in a step's `kelengkapan`,
where a reader looks for what the procedure needs.

## Example
Sumbersuko's keterkaitan:

```toml
keterkaitan = ["Foto Copy Cascading", "SK Tim Sakip", "IKU", "Renstra", "DPA"]
```

## Instead
```toml
keterkaitan = ["SOP Penyusunan Perjanjian Kinerja", "SOP Penyusunan Laporan Kinerja"]
peralatan_perlengkapan = ["Cascading", "SK Tim SAKIP", "IKU", "Renstra", "DPA"]
```
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text

_DOCUMENT = re.compile(
    r"\s*(?:renstra|renja|rkt|rka|dpa|dppa|iku|iki|pk|lkjip|lakip|lkip|lppd|rpjmd|rpjpd|rkpd|sakip"
    r"|rencana\s+(?:aksi|strategis|kerja)|perjanjian\s+kinerja|sasaran\s+kinerja|skp"
    r"|sk|surat\s+keputusan|surat\s+edaran|foto\s*-?\s*cop[yi]|fotokopi|dokumen|formulir|form|blanko|laporan"
    r"|buku|daftar|data|format|cascading|keputusan|peraturan|undang)\b", re.I)


class KeterkaitanNotSop(Rule):
    __doc__ = __doc__
    code = "SOP403"
    name = "keterkaitan-not-sop"
    needs = ("keterkaitan",)
    severity = Severity.INFO

    def check(self, sop, context):
        for index, item in enumerate(sop.keterkaitan):
            if _DOCUMENT.match(item):
                yield Violation(f"/keterkaitan/{index}", Text(
                    f"{item.strip()!r} adalah dokumen, bukan SOP: tempatnya di peralatan/perlengkapan atau kelengkapan",
                    f"{item.strip()!r} is a document, not an SOP: it belongs in {english_name('peralatan_perlengkapan')} or a step's {english_name('kelengkapan')}"))
