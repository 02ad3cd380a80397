"""An end terminator is reachable from the start, and the flow stops only at terminators.

## What it checks
Following the arrows from the first step must reach a step with no way out (an end). A step
with no way out must be drawn as a terminator (the "Selesai" capsule); the last row is one when
its `simbol` is left out. Decisions without exits are left to `decision-exits`.

## Why it matters
A flow that loops forever (every path returns to an earlier step) never completes, and a flow
that stops at an ordinary process box leaves the reader unsure whether the work is done.

## Example
```toml
[[langkah]]
no = 2
kegiatan = "Memeriksa konsep"
ya = 1
tidak = 1    # both answers go back: the procedure never ends
```

## Instead
Give the flow an exit: let one answer lead to the next step, and end on a terminator.
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..i18n import Text
from ..model import FLOW_INPUTS, TERMINATOR


class FlowEnd(Rule):
    __doc__ = __doc__
    code = "SOP202"
    name = "flow-end"
    needs = FLOW_INPUTS
    severity = Severity.ERROR

    def check(self, sop, context):
        flow = sop.flow
        if flow.start is None:
            return
        reachable = flow.reachable()
        # a broken arrow is a way out too: `decision-exits` and `flow-branching` report it
        exits = [s for s in sop.langkah if all(edge.target is None for edge in flow.next(s))]
        if not any(step.index in reachable for step in exits):
            yield Violation(flow.start.pointer, Text(
                "tidak ada akhir (Selesai) yang dapat dicapai dari awal prosedur: alurnya berputar tanpa keluar",
                "no end can be reached from the start: the flow loops without a way out",
            ))
        for step in flow.ends():
            if not step.is_decision and sop.symbol(step) != TERMINATOR:
                yield Violation(step.pointer + "/simbol", Text(
                    f"alur berhenti di langkah {step.no}, yang bukan terminator (Selesai)",
                    f"the flow stops at step {step.no}, which is not a terminator (end)",
                ))
