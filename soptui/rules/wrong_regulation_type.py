"""A dasar hukum item gives a known regulation the wrong type (a Permendagri that is a Perpres).

## What it checks
A `dasar_hukum` item that the registry does not know under its own type, but whose number and
year belong to a known regulation of another type with the same title (the cited title may be
cut short), or that the registry lists as a known wrong citation (`miscited_as`). The message
names the right type and says how sure the registry is; when the right regulation is itself
out of date, it says so too.

## Why it matters
A reader who looks up "Peraturan Menteri Dalam Negeri Nomor 29 Tahun 2014" will not find the
SAKIP regulation: it is a Peraturan Presiden. A wrong type also puts the item at the wrong place
in the hierarchy of legislation.

## Example
The Awayan SOP 071/03 cites:

```toml
dasar_hukum = [
  "Peraturan Menteri Dalam Negeri Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
]
```

## Instead
```toml
dasar_hukum = [
  "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
]
```
"""

from __future__ import annotations

from ..checker.rule import Severity
from ..i18n import Text
from ..registry import STATUS_TEXT, confidence_text, replacement_text
from ._regulations import RegistryRule, titles_match


class WrongRegulationType(RegistryRule):
    __doc__ = __doc__
    code = "SOP503"
    name = "wrong-regulation-type"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING

    def finding(self, citation, registry, context):
        if not citation.recognised or registry.lookup(citation) is not None:
            return None
        entry = registry.miscited(citation)
        if entry is None:
            entry = next((e for e in registry.same_number(citation) if titles_match(citation.judul, e.judul)), None)
        if entry is None:
            return None
        sure = confidence_text(entry)
        message = Text(
            f"{citation.short()} yang dikutip adalah {entry.jenis}, bukan {citation.jenis}: "
            f"tulis {entry.label()} ({sure.id})",
            f"the cited {citation.short()} is of type {entry.jenis}, not {citation.jenis}: "
            f"write {entry.label()} ({sure.en})",
        )
        if entry.outdated:
            replacement = replacement_text(entry, registry)
            status = STATUS_TEXT[entry.status]
            message = message + Text(f"; peraturan itu {status.id}, {replacement.id}",
                                     f"; that regulation is {status.en}, {replacement.en}")
        return message
