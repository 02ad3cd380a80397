"""Only the standard's flowchart symbols are used.

## What it checks
A step's `simbol`, when written, is one of `terminator` (start/end capsule), `proses` (box),
`keputusan` (yes/no diamond) or `penghubung` (off-page connector), written in lowercase. With
the arrow, these are the five symbols Permenpan RB 35/2012 allows. A standard symbol written in
capitals or with spaces (`"Keputusan"`, `" proses "`) has a fix: write it lowercase. (A blank
`simbol` is `empty-value`'s.)

## Why it matters
The standard fixes the symbols so that any SOP reads the same way in any office. It forbids,
for example, the on-page circle connector, and symbols of other notations (document, database).

## Example
```toml
simbol = "dokumen"
```

## Instead
Draw the step as a process (`simbol = "proses"`, or leave `simbol` out) and name the document
in its `output`.
"""

from __future__ import annotations

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..i18n import Text
from ..model import SYMBOLS
from ..suggest import closest


class FlowSymbol(Rule):
    __doc__ = __doc__
    code = "SOP206"
    name = "flow-symbol"
    needs = ("langkah.no", "langkah.simbol")
    severity = Severity.ERROR
    fixable = True
    fix_safety = (Applicability.SAFE,)  # the same symbol, spelled as the standard spells it
    group = "format"

    def check(self, sop, context):
        allowed = ", ".join(SYMBOLS)
        for step in sop.langkah:
            if step.simbol is None or not step.simbol.strip() or step.simbol in SYMBOLS:
                continue
            written = step.simbol.strip().lower()
            if written in SYMBOLS:
                yield Violation(step.pointer + "/simbol", Text(
                    f"simbol {step.simbol!r} langkah {step.no} harus ditulis huruf kecil tanpa spasi: {written!r}",
                    f"symbol {step.simbol!r} of step {step.no} must be lowercase without spaces: {written!r}",
                ), Fix(Text(f"tulis {written!r}", f"write {written!r}"), (Edit(step.pointer + "/simbol", written),), Applicability.SAFE))
            else:
                close = closest(written, SYMBOLS)
                hint = Text(f"; maksud Anda {close!r}?", f"; did you mean {close!r}?") if close else Text("", "")
                yield Violation(step.pointer + "/simbol", Text(
                    f"simbol {step.simbol!r} langkah {step.no} tidak diizinkan (yang diizinkan: {allowed})",
                    f"symbol {step.simbol!r} of step {step.no} is not allowed (allowed: {allowed})",
                ) + hint)
