"""A dasar hukum item gives a regulation a title other than its own, or cuts it short.

## What it checks
For each `dasar_hukum` item the registry knows (type, number and year) and whose full title it
records, the cited title is compared with the registry's, ignoring case, punctuation, spacing,
the words "Nomor" and "Tahun", and common abbreviations (PNS, ASN, SAKIP, RPJMD, ...). A cited
title that is the start of the registry's is reported as truncated; any other difference as a
different title. An item without a title is not checked.

## Why it matters
The title is how a reader recognises the regulation. A truncated title ("... tentang Petunjuk
Teknis Perjanjian Kinerja, Pelaporan Kinerja") hides what the regulation covers; a different
title often means the number or the year is wrong, and the SOP cites another regulation than
it means.

## Example
The Sumbersuko SOP cuts PermenPANRB 53/2014 short:

```toml
dasar_hukum = [
  "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja",
]
```

## Instead
Write the whole title. The fix completes a truncated title from the registry. It is safe
(`soptui lint --fix`) when the registry entry's confidence is "verified"; from any other entry
("well known, not re-read", a secondary source) it is unsafe (`--unsafe-fixes`): it would write a
legal title into the SOP that nobody has checked against the regulation.

```toml
dasar_hukum = [
  "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
]
```
"""

from __future__ import annotations

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..i18n import Text
from ._regulations import pointer, title_relation


class CitationTitleMismatch(Rule):
    __doc__ = __doc__
    code = "SOP505"
    name = "citation-title-mismatch"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING
    fixable = True
    fix_safety = (Applicability.SAFE, Applicability.UNSAFE)

    def check(self, sop, context):
        if not sop.dasar_hukum:
            return
        registry = context.registry
        for index, citation in enumerate(sop.dasar_hukum):
            entry = registry.lookup(citation)
            if entry is None or not entry.judul or not citation.judul:
                continue
            relation = title_relation(citation.judul, entry.judul)
            if relation == "same":
                continue
            if relation == "truncated":
                fix = None
                if citation.text.count(citation.judul) == 1:
                    fixed = citation.text.replace(citation.judul, entry.judul)
                    fix = Fix(Text("lengkapi judul dari registri", "complete the title from the registry"),
                              (Edit(pointer(index), fixed),),
                              Applicability.SAFE if entry.confidence == "verified" else Applicability.UNSAFE)
                yield Violation(pointer(index), Text(
                    f"judul {entry.short()} terpotong; judul lengkapnya: \"{entry.judul}\"",
                    f"the title of {entry.short()} is cut short; the full title: \"{entry.judul}\"",
                ), fix)
            elif not registry.with_title(citation):  # else miscited-regulation names the one meant
                yield Violation(pointer(index), Text(
                    f"judul {entry.short()} berbeda dari registri: tertulis \"{citation.judul}\", "
                    f"registri mencatat \"{entry.judul}\"; periksa juga nomor dan tahunnya",
                    f"the title of {entry.short()} differs from the registry: written \"{citation.judul}\", "
                    f"the registry has \"{entry.judul}\"; check the number and year too",
                ))
