"""A kecamatan SOP cites the Peraturan Bupati on the kecamatan's organisation.

## What it checks
For SOPs of a kecamatan of Kabupaten Balangan, `dasar_hukum` includes a Peraturan Bupati
Balangan on the kedudukan, susunan organisasi, tugas dan fungsi of the kecamatan: an item read
as a Peraturan Bupati whose title mentions "organisasi" or "tugas dan fungsi" and "kecamatan".

## Why it matters
That Perbup is what gives the kecamatan (and so its Camat, who signs) the task the SOP carries
out. The Bagian Organisasi asks every kecamatan SOP to cite it.

## Example
The Awayan and Lampihong SOPs cite national regulations only.

## Instead
```toml
dasar_hukum = [
  "Peraturan Bupati Balangan Nomor ... Tahun ... tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan",
]
```
"""

from soptui.api import Rule, Severity, Text, Violation

from .scope import is_balangan


def cites_organisation_perbup(sop) -> bool:
    for citation in sop.dasar_hukum:
        title = (citation.judul or "").casefold()
        if citation.kind == "perbup" and "kecamatan" in title and ("organisasi" in title or "tugas dan fungsi" in title):
            return True
    return False


class PerbupOrganisasi(Rule):
    __doc__ = __doc__
    code = "BLG003"
    name = "balangan-perbup-organisasi"
    severity = Severity.INFO

    def check(self, sop, context):
        if is_balangan(sop) and sop.unit.casefold().startswith("kecamatan") and not cites_organisation_perbup(sop):
            yield Violation(pointer="/dasar_hukum" if sop.dasar_hukum else "/nama", message=Text(
                id="dasar hukum tidak mencantumkan Peraturan Bupati Balangan tentang organisasi kecamatan",
                en="dasar hukum does not cite the Peraturan Bupati Balangan on the kecamatan's organisation",
            ))
