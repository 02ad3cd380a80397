"""Only the standard's flowchart symbols are used.

## What it checks
A step's `simbol`, when written, is one of `terminator` (start/end capsule), `proses` (box),
`keputusan` (yes/no diamond) or `penghubung` (off-page connector). With the arrow, these are
the five symbols Permenpan RB 35/2012 allows.

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

from ..checker.rule import Rule, Severity, Violation
from ..i18n import Text
from ..model import SYMBOLS
from ..suggest import closest


class FlowSymbol(Rule):
    __doc__ = __doc__
    code = "SOP206"
    name = "flow-symbol"
    severity = Severity.ERROR

    def check(self, sop, context):
        allowed = ", ".join(SYMBOLS)
        for step in sop.langkah:
            if step.simbol and step.simbol not in SYMBOLS:
                close = closest(step.simbol, SYMBOLS)
                hint = Text(f"; maksud Anda {close!r}?", f"; did you mean {close!r}?") if close else Text("", "")
                yield Violation(step.pointer + "/simbol", Text(
                    f"simbol {step.simbol!r} langkah {step.no} tidak diizinkan (yang diizinkan: {allowed})",
                    f"symbol {step.simbol!r} of step {step.no} is not allowed (allowed: {allowed})",
                ) + hint)
