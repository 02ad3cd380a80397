"""Step numbers must run 1, 2, 3, ... in the order of the rows.

## What it checks
The `no` of the steps, read in file order: the first must be 1 and each next one the previous
plus one. It reports where that breaks: a gap (5 then 8), a repeat (4 then 4), a step out of
order, and a first step other than 1. Steps that follow a break in sequence (9 after 8) are not
reported again; the fix renumbers them all.

## Why it matters
Decisions and keterangan send the reader to steps by number ("jika tidak, kembali ke langkah
5"). A gap makes a reader look for steps that do not exist (were 6 and 7 lost?), and a repeat
makes such references ambiguous.

## Example
The Awayan SOP 071/02 numbers its steps 1, 2, 3, 4, 5, 8, 9:

```toml
[[langkah]]
no = 5
kegiatan = "Memverifikasi Data Pengukuran Kinerja Triwulan"

[[langkah]]
no = 8
kegiatan = "Menyampaikan Laporan Pengukuran Kinerja Triwulan kepada Camat"
```

## Instead
Number the rows 1, 2, 3, ... (`no = 6` above). The fix renumbers the steps in file order and
rewrites every reference to them: `ya`, `tidak`, `lanjut`, and "langkah N" in keterangan. It is
safe (`soptui lint --fix`) when no kegiatan or keterangan mentions a step number it changes and
nothing refers to a repeated number; otherwise it is unsafe (`--unsafe-fixes`): "langkah N" in
free text is found by a regular expression and may mean a step of another SOP, renumbering
without rewriting it would leave the text pointing at the wrong step, and of two steps numbered
4, the fix takes a reference to 4 to mean the first.
"""

from __future__ import annotations

import re

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..i18n import Text

_STEP_REFERENCE = re.compile(r"\b(langkah|kegiatan|step)(\s+(?:no\.?\s*)?)(\d+)\b", re.IGNORECASE)


class StepNumbering(Rule):
    __doc__ = __doc__
    code = "SOP101"
    name = "step-numbering"
    needs = ("langkah.no", "langkah.ya", "langkah.tidak", "langkah.lanjut", "langkah.keterangan")
    severity = Severity.ERROR
    fixable = True
    fix_safety = (Applicability.SAFE, Applicability.UNSAFE)

    def check(self, sop, context):
        fix = None
        for position, step in enumerate(sop.langkah):
            previous = sop.langkah[position - 1].no if position else None
            # report where the sequence breaks, not every step after a break (9 after 8 is fine)
            if step.no == (1 if previous is None else previous + 1):
                continue
            fix = fix or renumbering_fix(sop)
            yield Violation(step.pointer + "/no", _message(step.no, position + 1, previous), fix)


def _message(found: int, expected: int, previous: int | None) -> Text:
    if previous is None:
        return Text(f"penomoran langkah dimulai dari {found}, bukan 1",
                    f"step numbering starts at {found}, not 1")
    if found == previous:
        return Text(f"nomor langkah {found} berulang; seharusnya {expected}",
                    f"step number {found} is repeated; expected {expected}")
    if found > previous + 1:
        return Text(f"penomoran langkah melompat dari {previous} ke {found}; seharusnya {expected}",
                    f"step numbering jumps from {previous} to {found}; expected {expected}")
    return Text(f"langkah {found} tidak berurutan (setelah {previous}); seharusnya {expected}",
                f"step {found} is out of order (after {previous}); expected {expected}")


def renumbering_fix(sop) -> Fix:
    """Number the steps 1..n in file order and rewrite every reference to the old numbers."""
    renumber: dict[int, int] = {}
    repeated: set[int] = set()
    for position, step in enumerate(sop.langkah):
        if step.no in renumber:
            repeated.add(step.no)
        renumber.setdefault(step.no, position + 1)  # a repeated number keeps its first meaning
    edits = []
    # Safe only while no reference is a guess: a free-text mention of a step whose number
    # changes (rewritten by a regular expression in keterangan, left pointing at another step in
    # kegiatan), or a reference to a repeated number (which of the two was meant?).
    guessed = False
    for position, step in enumerate(sop.langkah):
        if step.no != position + 1:
            edits.append(Edit(step.pointer + "/no", position + 1))
        for key in ("ya", "tidak", "lanjut"):
            target = getattr(step, key)
            guessed = guessed or target in repeated
            if target is not None and renumber.get(target, target) != target:
                edits.append(Edit(f"{step.pointer}/{key}", renumber[target]))
        guessed = guessed or any(
            renumber.get(int(m[3]), int(m[3])) != int(m[3]) or int(m[3]) in repeated
            for text in (step.kegiatan, step.keterangan) if text for m in _STEP_REFERENCE.finditer(text))
        if step.keterangan:
            rewritten = _STEP_REFERENCE.sub(
                lambda m: m[1] + m[2] + str(renumber.get(int(m[3]), int(m[3]))), step.keterangan
            )
            if rewritten != step.keterangan:
                edits.append(Edit(step.pointer + "/keterangan", rewritten))
    return Fix(Text("nomori ulang langkah 1, 2, 3, ... dan sesuaikan rujukannya",
                    "renumber the steps 1, 2, 3, ... and update references to them"), tuple(edits),
               Applicability.UNSAFE if guessed else Applicability.SAFE)
