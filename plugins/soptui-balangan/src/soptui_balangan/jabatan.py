"""Jabatan are written as the kabupaten's list of positions spells them.

## What it checks
For SOPs of Kabupaten Balangan, the signer's `jabatan` and each `[pelaksana]` column title are
compared with the approved jabatan (ignoring case and spacing; "Camat <kecamatan>" accepted for
any kecamatan). A jabatan that matches only when case is ignored ("CAMAT AWAYAN") is fixable:
the fix writes the approved spelling, a safe fix: the position named stays the same. One that
matches nothing is reported without a fix.

## Why it matters
The kabupaten's e-SOP register and its organisation chart use one spelling per position. SOPs
that spell them otherwise cannot be grouped by position.

## Example
```toml
[disahkan_oleh]
jabatan = "CAMAT AWAYAN"
```

## Instead
```toml
jabatan = "Camat Awayan"
```
"""

import re

from soptui.api import Applicability, Edit, Fix, Rule, Severity, Text, Violation

from .scope import is_balangan

APPROVED = (
    "Camat", "Sekretaris", "Sekretaris Camat", "Kasubbag Perencanaan dan Keuangan",
    "Kasubbag Umum dan Kepegawaian", "Kasi Pemerintahan", "Kasi Pelayanan Umum",
    "Kasi Kesejahteraan Sosial", "Kasi Pemberdayaan Masyarakat dan Desa", "Kasi Ketenteraman dan Ketertiban Umum",
    "Pelaksana", "Staf", "Atasan Langsung", "Para Pegawai",
)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def approved_spelling(jabatan: str, unit: str) -> str | None:
    """The approved spelling of `jabatan`, or None when it is not an approved position."""
    kecamatan = re.sub(r"(?i)^kecamatan\s+", "", unit).strip()
    candidates = {_key(a): a for a in APPROVED}
    candidates[_key(f"Camat {kecamatan}")] = f"Camat {kecamatan.title()}"
    return candidates.get(_key(jabatan))


class ApprovedJabatan(Rule):
    __doc__ = __doc__
    code = "BLG002"
    name = "balangan-jabatan"
    severity = Severity.WARNING
    fixable = True
    fix_safety = (Applicability.SAFE,)

    def check(self, sop, context):
        if not is_balangan(sop):
            return
        places = [(f"/pelaksana/{key}", title) for key, title in sop.pelaksana.items()]
        if sop.disahkan_oleh and sop.disahkan_oleh.jabatan:
            places.insert(0, ("/disahkan_oleh/jabatan", sop.disahkan_oleh.jabatan))
        for pointer, written in places:
            spelling = approved_spelling(written, sop.unit)
            if spelling == written:
                continue
            if spelling is None:
                yield Violation(pointer=pointer, message=Text(
                    id=f"jabatan {written!r} tidak ada dalam daftar jabatan Kabupaten Balangan",
                    en=f"jabatan {written!r} is not in Kabupaten Balangan's list of positions",
                ))
            else:
                yield Violation(
                    pointer=pointer,
                    message=Text(id=f"jabatan {written!r} ditulis {spelling!r} dalam daftar jabatan",
                                 en=f"jabatan {written!r} is spelled {spelling!r} in the list of positions"),
                    fix=Fix(description=Text(id=f"tulis {spelling!r}", en=f"write {spelling!r}"),
                            edits=(Edit(pointer=pointer, value=spelling),), applicability=Applicability.SAFE),
                )
