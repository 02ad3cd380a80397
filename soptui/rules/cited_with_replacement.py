"""A dasar hukum item cites an out-of-date regulation beside the regulation that replaced it.

## What it checks
For each `dasar_hukum` item that the registry says is revoked, superseded or expired, whether
another item of the same SOP cites one of its replacements, directly or further down the chain
(KEP/135/M.PAN/9/2004 was replaced by PermenPANRB 25/2012, which was replaced in turn). The old
item is reported, naming the item that replaced it.

## Why it matters
Citing both makes the legal basis contradict itself: which of the two does the procedure follow?
It usually means the list was extended when the new regulation came out, and the old line was
never removed.

## Example
```toml
dasar_hukum = [
  "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah",
  "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
]
```

## Instead
Keep only the regulation in force:

```toml
dasar_hukum = [
  "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
]
```
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..i18n import Text
from ..registry import STATUS_TEXT, confidence_text
from ._regulations import item, pointer


class CitedWithReplacement(Rule):
    __doc__ = __doc__
    code = "SOP507"
    name = "cited-with-replacement"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING

    def check(self, sop, context):
        if len(sop.dasar_hukum) < 2:
            return
        registry = context.registry
        entries = [registry.lookup(c) for c in sop.dasar_hukum]
        for index, entry in enumerate(entries):
            if entry is None or not entry.outdated:
                continue
            replacements = registry.replacements(entry)
            wanted = {c.key for c in replacements}
            wanted_entries = [registry.lookup(c) for c in replacements]
            for other, (citation, other_entry) in enumerate(zip(sop.dasar_hukum, entries)):
                if other == index or not citation.recognised:
                    continue
                if citation.key in wanted or (other_entry is not None and other_entry in wanted_entries):
                    that_id, that_en = item(other, citation)
                    status = STATUS_TEXT[entry.status]
                    sure = confidence_text(entry)
                    yield Violation(pointer(index), Text(
                        f"{entry.short()} ({status.id}) dikutip bersama penggantinya, {that_id}: "
                        f"hapus {entry.short()} ({sure.id})",
                        f"{entry.short()} ({status.en}) is cited beside its replacement, {that_en}: "
                        f"remove {entry.short()} ({sure.en})",
                    ))
                    break
