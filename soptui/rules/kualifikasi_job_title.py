"""Kualifikasi pelaksana names the competences a pelaksana needs, not who the pelaksana are.

## What it checks
The `kualifikasi_pelaksana` items that are job titles or units ("Camat Sumbersuko",
"Sekretaris Kecamatan", "Para Kasi Kecamatan", "Staf Kecamatan", "Kepala Seksi Pemerintahan")
rather than competences: an item that starts (after "Para"/"Seluruh") with a jabatan word and
holds no word of competence ("memahami", "mengetahui", "menguasai", "memiliki", "mampu",
"kemampuan", "pendidikan", "pengalaman", "minimal", "S1", "D3", ...). One finding per SOP, at
the first such item, naming how many there are. Info: the standard names the section
(Kualifikasi Pelaksana) but not the form of its items; a reviewer reads a list of jabatan there
as the pelaksana written in the wrong place.

## Why it matters
The pelaksana of each step are already named in the flowchart's columns. Kualifikasi says what
a person must know or be able to do to carry the procedure out: what a new officer is trained
in, and what a reviewer checks when the procedure goes wrong. A list of job titles tells
neither.

## Example
Sumbersuko's kualifikasi:

```toml
kualifikasi_pelaksana = ["Camat Sumbersuko", "Sekretaris Kecamatan.", "Para Kasi Kecamatan Sumbersuko"]
```

## Instead
```toml
kualifikasi_pelaksana = [
  "Memahami peraturan perundang-undangan tentang akuntabilitas kinerja",
  "Mampu mengolah data kinerja dengan komputer",
]
```
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text

# a jabatan or unit word at the start of the item (after "Para"/"Seluruh" and a bullet)
_JOB_TITLE = re.compile(
    r"[\s\-•*\d.)]*(?:(?:para|seluruh|semua)\s+)?"
    r"(?:camat|sekcam|sekretaris|kasi|kasubbag|kasubag|kasubid|kabag|kabid|kadis|kepala|lurah|"
    r"bupati|wali\s*kota|walikota|gubernur|wakil|staf|staff|pegawai|pejabat|pelaksana|operator|"
    r"bendahara|pengadministrasi|pengelola|analis|fungsional|jabatan|seksi|subbag|sub\s+bagian|"
    r"bagian|bidang|kecamatan|kelurahan|dinas|kantor|tim|petugas|sekretariat)\b", re.I)
# a word that says what the pelaksana must know or have: then the item is a competence
_COMPETENCE = re.compile(
    r"\b(?:mem(?:ahami|iliki|punyai)|mengetahui|menguasai|mengerti|mampu|kemampuan|terampil|"
    r"keterampilan|berpengalaman|pengalaman|pendidikan|berpendidikan|minimal|paling\s+rendah|"
    r"sarjana|diploma|s-?[123]|d-?[1-4]|sma|slta|smk|lulus(?:an)?|sertifikat|bersertifikat|"
    r"kompeten|kompetensi|menggunakan|mengoperasikan|teliti|cermat|jujur|disiplin|paham)\b", re.I)


def is_job_title(item: str) -> bool:
    return bool(_JOB_TITLE.match(item)) and not _COMPETENCE.search(item)


class KualifikasiJobTitle(Rule):
    __doc__ = __doc__
    code = "SOP310"
    name = "kualifikasi-job-title"
    needs = ("kualifikasi_pelaksana",)
    severity = Severity.INFO

    def check(self, sop, context):
        titles = [(index, item) for index, item in enumerate(sop.kualifikasi_pelaksana) if is_job_title(item)]
        if not titles:
            return
        first, item = titles[0]
        names = ", ".join(repr(text.strip().rstrip(".;")) for _, text in titles[:3])
        more = ", ..." if len(titles) > 3 else ""
        total = len(sop.kualifikasi_pelaksana)
        yield Violation(f"/kualifikasi_pelaksana/{first}", Text(
            f"{len(titles)} dari {total} butir kualifikasi pelaksana adalah jabatan, bukan kompetensi "
            f"({names}{more}): pelaksana sudah ada di kolom bagan alir; tulis apa yang harus dikuasai "
            f"(mis. 'Memahami ...', 'Mampu ...')",
            f"{len(titles)} of {total} {english_name('kualifikasi_pelaksana')} items are job titles, not competences "
            f"({names}{more}): the actors are in the flowchart's columns already; write what they must "
            f"know or be able to do (e.g. 'Memahami ...', 'Mampu ...')"))
