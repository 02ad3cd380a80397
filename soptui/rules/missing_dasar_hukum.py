"""The SOP states its legal basis (Dasar Hukum).

## What it checks
`dasar_hukum` is present and has at least one item.

## Why it matters
An SOP AP carries out a task the law gives the unit; the dasar hukum says which. Without it a
reviewer cannot tell whether the procedure is the unit's to set, nor check it against the law.

## Example
```toml
nama = "Pelayanan Surat Keterangan"
unit = "Kecamatan Awayan"
# no dasar_hukum
```

## Instead
```toml
dasar_hukum = [
  "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
]
```
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text


class MissingDasarHukum(Rule):
    __doc__ = __doc__
    code = "SOP303"
    name = "missing-dasar-hukum"
    needs = ("dasar_hukum",)
    severity = Severity.ERROR

    def check(self, sop, context):
        if not sop.dasar_hukum:
            pointer = "/dasar_hukum" if "dasar_hukum" in sop.text else "/nama"
            yield Violation(pointer, Text("SOP tanpa dasar hukum", f"the SOP has no {english_name('dasar_hukum')}"))
