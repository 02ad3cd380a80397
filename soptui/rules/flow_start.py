"""The procedure has exactly one start: a terminator on its first step.

## What it checks
The first step is the start: it must be drawn as a terminator (the "Mulai" capsule). It is
one when `simbol` is left out; writing another symbol there leaves the flowchart without a
start. Any other terminator that no step leads to, and that leads somewhere, is a second start.

## Why it matters
An SOP AP is a flowchart with one entry. Two starts mean two procedures drawn as one; none
means a reader cannot tell where the work begins.

## Example
```toml
[[langkah]]
no = 1
kegiatan = "Memeriksa berkas"
simbol = "proses"
```

## Instead
Leave `simbol` out on the first step (it is a terminator), or write `simbol = "terminator"`;
split a second procedure into its own SOP and name it in `keterkaitan`.
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..i18n import Text
from ..model import FLOW_INPUTS, TERMINATOR


class FlowStart(Rule):
    __doc__ = __doc__
    code = "SOP201"
    name = "flow-start"
    needs = FLOW_INPUTS
    severity = Severity.ERROR

    def check(self, sop, context):
        first = sop.flow.start
        if first is None:
            return
        if sop.symbol(first) != TERMINATOR:
            yield Violation(first.pointer + "/simbol", Text(
                f"langkah pertama ({first.no}) harus terminator (Mulai), bukan {sop.symbol(first)!r}",
                f"the first step ({first.no}) must be a terminator (start), not {sop.symbol(first)!r}",
            ))
        for step in sop.langkah[1:]:
            if sop.symbol(step) == TERMINATOR and not sop.flow.previous(step) and sop.flow.next(step):
                yield Violation(step.pointer, Text(
                    f"langkah {step.no} adalah awal kedua: terminator yang tidak didahului langkah mana pun",
                    f"step {step.no} is a second start: a terminator no step leads to",
                ))
