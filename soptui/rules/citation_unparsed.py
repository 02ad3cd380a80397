"""A dasar hukum item is not a citation soptui can read, or holds two regulations in one item.

## What it checks
Each `dasar_hukum` item must name one regulation with its type, number and year: "Peraturan
Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah". Full names and the usual
abbreviations (UU, PP, Perpres, Permendagri, PermenPANRB, Perka BKN, Perbup, ...) are read, as
are "Nomor"/"No.", "Republik Indonesia" and the Lembaran Negara suffix. An item is reported when
its type is not recognised, when its number or year cannot be read, or when it holds two
citations ("...Daerah;2. Peraturan Pemerintah ..."), as happens when items are pasted together.

## Why it matters
A dasar hukum item is a reference a reader must be able to find. The other SOP5xx rules (revoked
and superseded regulations, wrong types, order) can check only what they can read.

## Example
```toml
dasar_hukum = [
  "Peraturan perundang-undangan yang berlaku",
  "Peraturan Pemerintah tentang Pengelolaan Keuangan Daerah",
  "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
]
```

## Instead
One regulation per item, with type, number, year and title:

```toml
dasar_hukum = [
  "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
  "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
]
```
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..citation import parse_citation, split_merged
from ..i18n import Text
from ._regulations import pointer


class CitationUnparsed(Rule):
    __doc__ = __doc__
    code = "SOP504"
    name = "citation-unparsed"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING

    def check(self, sop, context):
        for index, citation in enumerate(sop.dasar_hukum):
            if not citation.text.strip():
                continue  # a blank item: empty-value reports it
            pieces = split_merged(citation.text)
            if len(pieces) > 1:
                names = ", ".join(parse_citation(p).short() for p in pieces)
                yield Violation(pointer(index), Text(
                    f"butir ini memuat {len(pieces)} peraturan ({names}): tulis satu peraturan per butir",
                    f"this item holds {len(pieces)} regulations ({names}): write one regulation per item",
                ))
            elif citation.kind is None:
                yield Violation(pointer(index), Text(
                    "bukan kutipan peraturan yang dikenali: tulis jenis, nomor, tahun dan judulnya "
                    "(mis. \"Peraturan Pemerintah Nomor 12 Tahun 2019 tentang ...\")",
                    "not a recognisable citation: write the regulation's type, number, year and title "
                    "(e.g. \"Peraturan Pemerintah Nomor 12 Tahun 2019 tentang ...\")",
                ))
            elif not citation.recognised:
                missing = [word for word, value in (("nomor", citation.nomor), ("tahun", citation.tahun))
                           if value is None and citation.kind != "uud"]
                english = {"nomor": "number", "tahun": "year"}
                yield Violation(pointer(index), Text(
                    f"{citation.jenis}: {' dan '.join(missing)} tidak terbaca",
                    f"{citation.jenis}: the {' and '.join(english[m] for m in missing)} cannot be read",
                ))
