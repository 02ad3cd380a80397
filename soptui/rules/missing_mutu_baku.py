"""Each step states its mutu baku: kelengkapan, waktu and output.

## What it checks
Every step has a `waktu`, a non-empty `kelengkapan` and a non-empty `output` (one finding per
missing part). The parts required can be narrowed with the `require` option.

## Why it matters
Permenpan RB 35/2012 says each activity *hendaknya* (should) state its quality standard: what it
needs, how long it takes, what it produces. Without them the SOP cannot be monitored, and the
total time of the procedure cannot be known. A recommendation, so a warning.

## Example
Lampihong's step 5 prints no waktu; Sumbersuko's step 9 no kelengkapan.

## Instead
```toml
[[langkah]]
no = 5
kegiatan = "..."
kelengkapan = ["Pengukuran kinerja"]
waktu = "1 jam"
output = ["Pengukuran kinerja yang telah ditandatangani"]
```
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text

PARTS = ("kelengkapan", "waktu", "output")


class MissingMutuBaku(Rule):
    __doc__ = __doc__
    code = "SOP102"
    name = "missing-mutu-baku"
    needs = ("langkah.no", "langkah.kelengkapan", "langkah.waktu", "langkah.output")
    severity = Severity.WARNING
    options_schema = {
        "type": "object",
        "properties": {"require": {"type": "array", "items": {"enum": list(PARTS)}, "uniqueItems": True,
                                   "default": list(PARTS)}},
        "additionalProperties": False,
    }

    def check(self, sop, context):
        for step in sop.langkah:
            for part in PARTS:
                value = getattr(step, part)
                # a blank waktu is no waktu
                if part in self.options["require"] and (not value or part == "waktu" and not value.strip()):
                    yield Violation(step.pointer, Text(f"langkah {step.no} tanpa {part} (mutu baku)",
                                                       f"step {step.no} has no {english_name(part)} (mutu baku)"))
