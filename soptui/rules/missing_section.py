"""Each documentation section of the identity block, and the instansi, says something.

## What it checks
Each of `kualifikasi_pelaksana`, `keterkaitan`, `peralatan_perlengkapan`, `peringatan` and
`pencatatan_pendataan` missing, empty, or holding only placeholders ("-", "..."); and a missing
or placeholder `instansi`. (`dasar_hukum` has its own rule, `missing-dasar-hukum`, an error.)
One finding per section.

## Why it matters
These sections are in every real SOP AP and every e-SOP application, and reviewers ask for them:
who may carry the procedure out, which procedures come before and after, what is needed, what
goes wrong when it is not followed, and which records it leaves. They are a warning, not an
error: Permenpan RB 35/2012 shows them in its format, but its text does not make each one
mandatory as it does the number, the dates and the pengesahan. The instansi (the government
above the unit) heads the letterhead of every real SOP.

## Example
```toml
peralatan_perlengkapan = []
peringatan = ["-"]
```

## Instead
```toml
peralatan_perlengkapan = ["Komputer", "Printer"]
peringatan = ["Jika SOP tidak dilaksanakan, laporan kinerja terlambat disampaikan"]
```
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..field_names import SECTION_TITLES, english_name
from ..i18n import Text
from ..model import SECTIONS
from .identity_completeness import is_placeholder

LABELS = {key: SECTION_TITLES[key] for key in SECTIONS if key != "dasar_hukum"}  # missing-dasar-hukum's
_KEY_LINES = {key: re.compile(rf"^\s*{key}\s*=", re.M) for key in LABELS}


class MissingSection(Rule):
    __doc__ = __doc__
    code = "SOP306"
    name = "missing-section"
    needs = (*LABELS, "instansi", "hilang_di_sumber")
    severity = Severity.WARNING

    def check(self, sop, context):
        for key, label in LABELS.items():
            items = getattr(sop, key)
            if all(is_placeholder(item) for item in items) and not sop.lost(key):
                where = f"/{key}" if items or _written(sop, key) else "/nama"
                yield Violation(where, Text(f"bagian {label.id} kosong", f"the {label.en} section is empty"))
        if is_placeholder(sop.instansi):
            where = "/instansi" if sop.instansi is not None else "/nama"
            yield Violation(where, Text("instansi (pemerintah di atas unit) tidak diisi",
                                        f"no {english_name('instansi')} (the government above the unit)"))


def _written(sop, key: str) -> bool:
    """Is the key in the file at all (an empty list), so the finding can point at it?"""
    return _KEY_LINES[key].search(sop.text) is not None
