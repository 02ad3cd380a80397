"""A dasar hukum item cites a regional regulation of another region than the SOP's own.

## What it checks
The region of each regional regulation in `dasar_hukum` (Peraturan Daerah, Peraturan Bupati or
Wali Kota, Keputusan Bupati, Wali Kota or Camat) is compared with the SOP's own: the kabupaten
or kota of its `instansi` ("Pemerintah Kabupaten Balangan"), or of its `unit` when that names
one, and for a Keputusan Camat the kecamatan of its `unit`. Names are compared ignoring case,
punctuation and the words "Pemerintah", "Kabupaten"/"Kab.", "Kota"; a Kabupaten and a Kota of the
same name are different regions. Provincial regulations are checked only in an SOP of a
province, and nothing is checked when the SOP does not say its region.

## Why it matters
A regional regulation binds only its own region. A Perbup of another kabupaten in the dasar
hukum is the mark of an SOP copied from another region and not adapted: real SOPs of Kota Batam
have been found citing Kota Mataram's regulations.

## Example
In an SOP of Kecamatan Awayan, Kabupaten Balangan:

```toml
instansi = "Pemerintah Kabupaten Balangan"
unit = "Kecamatan Awayan"
dasar_hukum = [
  "Peraturan Bupati Banyumas Nomor 68 Tahun 2018 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja Kecamatan",
]
```

## Instead
Cite the regulation of your own region (the Peraturan Bupati Balangan on the same subject).
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..citation import region_key
from ..i18n import Text
from ._regulations import pointer

# the level each kind of regional regulation belongs to (None: the region says it)
_LEVEL = {"perbup": "kabupaten", "kepbup": "kabupaten", "perwali": "kota", "kepwali": "kota",
          "pergub": "provinsi", "kepgub": "provinsi", "perda": None}
_NAMED_REGION = re.compile(r"\b(provinsi|prov\.|kabupaten|kab\.|kota)\s+([a-z][a-z .'-]*)", re.I)
_KECAMATAN = re.compile(r"\bkecamatan\s+([a-z][a-z .'-]*)", re.I)


def sop_region(sop) -> tuple[str, str] | None:
    """(level, name) of the SOP's kabupaten, kota or provinsi, from `instansi`, else `unit`."""
    for text in (sop.instansi, sop.unit):
        if not text:
            continue
        match = _NAMED_REGION.search(text)
        if match:
            level, name = region_key(f"{match[1]} {match[2]}")
            if name:
                return level or "kabupaten", name
    return None


def sop_kecamatan(sop) -> str | None:
    match = _KECAMATAN.search(sop.unit or "")
    return region_key(match[1])[1] if match else None


class ForeignRegion(Rule):
    __doc__ = __doc__
    code = "SOP508"
    name = "foreign-region"
    needs = ("dasar_hukum", "instansi", "unit")
    severity = Severity.WARNING

    def check(self, sop, context):
        own = sop_region(sop)
        kecamatan = sop_kecamatan(sop)
        for index, citation in enumerate(sop.dasar_hukum):
            if not citation.region:
                continue
            level, name = region_key(citation.region)
            if citation.kind == "kepcamat":
                if kecamatan and name and name != kecamatan:
                    yield Violation(pointer(index), Text(
                        f"{citation.short()} adalah keputusan Camat {citation.region}, bukan camat {sop.unit}",
                        f"{citation.short()} is a decree of the Camat of {citation.region}, not of {sop.unit}",
                    ))
                continue
            if citation.kind not in _LEVEL or own is None or not name:
                continue
            level = _LEVEL[citation.kind] or level
            own_level, own_name = own
            if level == "provinsi" or own_level == "provinsi":
                if level != own_level:
                    continue  # a province's regulation in a kabupaten's SOP: its province is unknown here
            if name != own_name or (level is not None and level != own_level):
                where = f"{(level or '').title()} {name.title()}".strip()
                mine = f"{own_level.title()} {own_name.title()}"
                yield Violation(pointer(index), Text(
                    f"{citation.short()} adalah peraturan {where}, bukan {mine} tempat SOP ini berlaku",
                    f"{citation.short()} is a regulation of {where}, not of {mine} where this SOP applies",
                ))
