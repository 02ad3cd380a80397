"""A step's `waktu` is a duration soptui can read: a number and a unit.

## What it checks
A written, non-blank `waktu` that is not a number (or a range "5-10", or "1 x 24"; the number
may be spelt out after it in brackets, "5 (lima)") followed by one of the units detik, menit,
jam, hari, minggu, bulan (and their short forms dtk, mnt, hr, mgg, bln), in any case. (A blank
`waktu` is `missing-mutu-baku`'s.)

## Why it matters
The waktu is the mutu baku's time standard: the SOP's total time and every check of it sum
the steps' durations. A waktu that is not a duration ("segera", "sesuai jadwal") cannot be
added up, and a reviewer asks for the time the step takes.

## Example
```toml
waktu = "segera"
```

## Instead
```toml
waktu = "15 menit"
```
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text


class WaktuFormat(Rule):
    __doc__ = __doc__
    code = "SOP021"
    name = "waktu-format"
    needs = ("langkah.no", "langkah.waktu")
    severity = Severity.ERROR
    group = "format"

    def check(self, sop, context):
        for step in sop.langkah:
            if step.waktu is not None and step.waktu.strip() and step.durasi is None:
                yield Violation(f"{step.pointer}/waktu", Text(
                    f"waktu {step.waktu!r} langkah {step.no} tidak terbaca: tulis angka dan satuan "
                    '(detik, menit, jam, hari, minggu, bulan), mis. "10 menit", "2 jam", "1 hari"',
                    f"the {english_name('waktu')} {step.waktu!r} of step {step.no} cannot be read: write a number and a unit "
                    '(detik, menit, jam, hari, minggu, bulan), e.g. "10 menit", "2 jam", "1 hari"',
                ))
