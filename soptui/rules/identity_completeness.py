"""The identity block names the SOP's number, its dates and its unit, not a blank or a placeholder.

## What it checks
- `nomor` missing, blank, or a placeholder: only dashes, dots, slashes, `x`s or spaces
  ("-", "..../..../....", "xxx", "___/___"), or a number with no digit at all;
- a `nomor` with a blank part between its slashes, left for the register number to be filled
  in: "070/ /35.07.25/2017", "140 / / SK / PDB / 2022", "800/..../2023";
- `tanggal_pembuatan` or `tanggal_efektif` missing (a document that prints "-" leaves the key out);
- `unit` written as a placeholder ("-", "...").

`tanggal_revisi` is not required: the standard lets a new SOP print "-" there.

## Why it matters
Permenpan RB 35/2012 puts the Nomor SOP, the Tanggal Pembuatan and the Tanggal Efektif in the
identity part of every SOP AP: the number files it in the unit's register (tata naskah dinas),
the effective date is the signing date. An SOP without them cannot be cited, filed or dated.
Reviewers raise a blank or placeholder number more than any other defect.

## Example
```toml
nomor = "..../..../...."
# tanggal_efektif left out
```

## Instead
```toml
nomor = "071/02/KEC.AWY/VII/2023"
tanggal_efektif = 2023-07-26
```
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..field_names import IDENTITY_FIELDS, english_name
from ..i18n import Text

# A value that holds nothing: dashes, dots, slashes, underscores, x's, spaces, question marks.
_PLACEHOLDER = re.compile(r"[\s\-\u2013\u2014./_\\xX?*…]*")
_DIGIT = re.compile(r"\d")
DATES = {key: IDENTITY_FIELDS[key] for key in ("tanggal_pembuatan", "tanggal_efektif")}


def is_placeholder(value: str | None) -> bool:
    """True for None, "", "-", "..../..../....", "xxx", "___": a value that holds nothing."""
    return value is None or _PLACEHOLDER.fullmatch(value) is not None


class IdentityCompleteness(Rule):
    __doc__ = __doc__
    code = "SOP305"
    name = "identity-completeness"
    needs = ("nomor", "unit", "tanggal_pembuatan", "tanggal_efektif")
    severity = Severity.ERROR

    def check(self, sop, context):
        if sop.nomor is None:
            yield Violation("/nama", Text("SOP tanpa nomor (kunci `nomor` tidak ada)",
                                          f"no {english_name('nomor')} (no `nomor` key)"))
        elif is_placeholder(sop.nomor) or not _DIGIT.search(sop.nomor):
            yield Violation("/nomor", Text(f"nomor SOP {sop.nomor!r} kosong atau hanya isian sementara",
                                           f"the SOP number {sop.nomor!r} is blank or a placeholder"))
        elif any(is_placeholder(part) for part in sop.nomor.split("/")):
            yield Violation("/nomor", Text(f"nomor SOP {sop.nomor!r} memuat bagian yang belum diisi",
                                           f"the SOP number {sop.nomor!r} has a part left blank"))
        for key, label in DATES.items():
            if getattr(sop, key) is None:
                yield Violation("/nama", Text(f"{label.id} tidak diisi (kunci `{key}` tidak ada)",
                                              f"no {label.en} (no `{key}` key)"))
        if is_placeholder(sop.unit):
            yield Violation("/unit", Text(f"unit {sop.unit!r} kosong atau hanya isian sementara",
                                          f"the unit {sop.unit!r} is blank or a placeholder"))
