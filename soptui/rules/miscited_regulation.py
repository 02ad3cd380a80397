"""A dasar hukum item gives a known regulation's title with another number or year.

## What it checks
A `dasar_hukum` item whose type and title are those of a regulation the registry knows, but
whose number or year is not that regulation's. When several known regulations share the title
(PP 58/2005 and PP 12/2019, both "Pengelolaan Keuangan Daerah"), the one meant is the one with
the cited number or year, else the one in force; the message names it.
Titles are compared as `citation-title-mismatch` compares them: ignoring case, punctuation,
spacing and common abbreviations.

## Why it matters
A miscited year sends the reader to another regulation, or to none: "PP 12 Tahun 2018" is
about the rules of procedure of regional parliaments, not about regional finance. Real SOPs
write "UU 29/2009" for UU 25/2009 tentang Pelayanan Publik, and "PP 19/2007" for PP 19/2008
tentang Kecamatan.

## Example
```toml
dasar_hukum = ["Peraturan Pemerintah Nomor 12 Tahun 2018 tentang Pengelolaan Keuangan Daerah"]
```

## Instead
```toml
dasar_hukum = ["Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah"]
```
"""

from __future__ import annotations

from ..checker.rule import Severity
from ..citation import nomor_key
from ..i18n import Text
from ..registry import confidence_text
from ._regulations import RegistryRule, titles_match


def meant(citation, registry):
    """The known regulation of the same type and title, when the citation is not it."""
    if not citation.recognised or not citation.judul:
        return None
    entry = registry.lookup(citation)
    if entry is not None and titles_match(citation.judul, entry.judul):
        return None
    others = [e for e in registry.with_title(citation) if e is not entry]
    # one title, several regulations (PP 58/2005 and PP 12/2019, Pengelolaan Keuangan Daerah): the
    # one that shares the number or the year is meant, else the one in force
    for narrowed in (others,
                     [e for e in others if e.tahun == citation.tahun or nomor_key(e.nomor) == nomor_key(citation.nomor)],
                     [e for e in others if not e.outdated]):
        if len(narrowed) == 1:
            return narrowed[0]
    return None


class MiscitedRegulation(RegistryRule):
    __doc__ = __doc__
    code = "SOP510"
    name = "miscited-regulation"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING

    def finding(self, citation, registry, context):
        entry = meant(citation, registry)
        if entry is None:
            return None
        what = "nomor" if citation.tahun == entry.tahun else "tahun" if citation.nomor == entry.nomor else "nomor dan tahun"
        english = {"nomor": "number", "tahun": "year", "nomor dan tahun": "number and year"}[what]
        sure = confidence_text(entry)
        return Text(
            f"{citation.short()} tentang \"{citation.judul}\": judul itu milik {entry.short()}; {what} keliru? "
            f"tulis {entry.label()} ({sure.id})",
            f"{citation.short()} on \"{citation.judul}\": that title is {entry.short()}'s; wrong {english}? "
            f"write {entry.label()} ({sure.en})",
        )
