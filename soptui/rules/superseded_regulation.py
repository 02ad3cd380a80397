"""A dasar hukum item cites a superseded or expired regulation, or one whose revocation is not verified.

## What it checks
Each `dasar_hukum` item is looked up in the regulation registry. It is reported when the registry
says the regulation was superseded (its regime replaced), its period ended (status `expired`,
once the current year is past its last year), or it was revoked but the registry holds that fact
from a secondary source, a replacement chain not fully confirmed, or common knowledge not
re-read. The message says how sure the registry is and names what replaced the regulation, in
order when there were several. Verified revocations are `revoked-regulation` (an error).

## Why it matters
An SOP built on a superseded regulation follows a procedure that may no longer be the one in
force: the AKIP evaluation guideline KEP/135/M.PAN/9/2004 was replaced in turn by PermenPAN-RB
13/2010, 25/2012, 12/2015 and now PermenPANRB 88/2021. Since the registry is less sure of these facts than of a verified revocation, the finding is a warning:
check the replacement before you rewrite the dasar hukum.

## Example
The Sumbersuko SOP cites:

```toml
dasar_hukum = [
  "Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/135/M.PAN/9/2004 tentang Pedoman Umum Evaluasi Laporan Akuntabilitas Kinerja Instansi Pemerintah.",
  "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2012 tentang Petunjuk Pelaksanaan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah;",
]
```

## Instead
Cite the regulation in force, once you have checked it:

```toml
dasar_hukum = [
  "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
]
```
"""

from __future__ import annotations

from ..checker.rule import Severity
from ..i18n import Text
from ..registry import confidence_text, replacement_text
from ._regulations import RegistryRule


class SupersededRegulation(RegistryRule):
    __doc__ = __doc__
    code = "SOP502"
    name = "superseded-regulation"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING

    def finding(self, citation, registry, context):
        entry = registry.lookup(citation)
        if entry is None or not entry.outdated:
            return None
        if entry.status == "revoked" and entry.confidence == "verified":
            return None  # revoked-regulation
        if entry.status == "expired" and (entry.expired_in or 0) >= context.today.year:
            return None
        replacement = replacement_text(entry, registry)
        sure = confidence_text(entry)
        if entry.status == "expired":
            what = Text(f"masa berlaku {entry.short()} berakhir pada {entry.expired_in}",
                        f"the period of {entry.short()} ended in {entry.expired_in}")
        elif entry.status == "revoked":
            what = Text(f"{entry.short()} sudah dicabut", f"{entry.short()} was revoked")
        else:
            what = Text(f"{entry.short()} sudah diganti", f"{entry.short()} has been superseded")
        return Text(
            f"{what.id}; {replacement.id} ({sure.id})",
            f"{what.en}; {replacement.en} ({sure.en})",
        )
