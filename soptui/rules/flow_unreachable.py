"""Every step can be reached from the start.

## What it checks
Following the arrows from the first step (to the next row, along `ya`/`tidak` of decisions and
`lanjut` jumps), every step is visited.

## Why it matters
A step no arrow leads to is never performed: either an arrow is missing, or the step is left
over from an earlier version of the SOP.

## Example
```toml
[[langkah]]
no = 2
kegiatan = "Memeriksa konsep"
simbol = "keputusan"
ya = 4
tidak = 1     # nothing leads to step 3

[[langkah]]
no = 3
kegiatan = "Memperbaiki konsep"
```

## Instead
Point an arrow at the step (`tidak = 3` above), or remove it.
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..i18n import Text
from ..model import FLOW_INPUTS


class FlowUnreachable(Rule):
    __doc__ = __doc__
    code = "SOP203"
    name = "flow-unreachable"
    needs = FLOW_INPUTS
    severity = Severity.ERROR

    def check(self, sop, context):
        reachable = sop.flow.reachable()
        for step in sop.langkah:
            if step.index not in reachable:
                yield Violation(step.pointer, Text(
                    f"langkah {step.no} tidak dapat dicapai dari awal prosedur",
                    f"step {step.no} cannot be reached from the start",
                ))
