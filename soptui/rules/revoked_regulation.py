"""A dasar hukum item cites a regulation that was revoked, and the registry has verified it.

## What it checks
Each `dasar_hukum` item is looked up in the regulation registry (type, number and year; see
`soptui regulation QUERY`). It is reported when the registry says the regulation was revoked
(status `revoked`) and that fact is verified: the revoking text or an official summary says so.
The message names the replacement. Revocations the registry is less sure of, and regulations
superseded by a newer regime, are `superseded-regulation` (a warning).

## Why it matters
A revoked regulation gives the SOP no legal basis, and an SOP that still cites it may follow a
procedure its replacement changed: PP 46/2011 on "penilaian prestasi kerja" was revoked by PP
30/2019 on "penilaian kinerja".

## Example
The Lampihong SOP and the Awayan SOP 071/02 both cite:

```toml
dasar_hukum = [
  "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
]
```

## Instead
Cite the regulation that replaced it, and check that the procedure follows it:

```toml
dasar_hukum = [
  "Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil",
]
```
"""

from __future__ import annotations

from ..checker.rule import Severity
from ..i18n import Text
from ..registry import confidence_text, replacement_text
from ._regulations import RegistryRule


class RevokedRegulation(RegistryRule):
    __doc__ = __doc__
    code = "SOP501"
    name = "revoked-regulation"
    needs = ("dasar_hukum",)
    severity = Severity.ERROR

    def finding(self, citation, registry, context):
        entry = registry.lookup(citation)
        if entry is None or entry.status != "revoked" or entry.confidence != "verified":
            return None
        replacement = replacement_text(entry, registry)
        sure = confidence_text(entry)
        return Text(
            f"{entry.short()} sudah dicabut; {replacement.id} ({sure.id})",
            f"{entry.short()} was revoked; {replacement.en} ({sure.en})",
        )
