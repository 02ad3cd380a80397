"""A decision has exactly two exits, `ya` and `tidak`, to two different existing steps.

## What it checks
Every decision (a step with `simbol = "keputusan"`, or with `ya`/`tidak`) names the step its
"ya" answer leads to and the step its "tidak" answer leads to; both numbers belong to steps of
this SOP, they differ, and neither is the decision itself.

## Why it matters
The standard draws a decision as a diamond with two labelled arrows. A missing exit leaves
one answer with nowhere to go; an exit to a number no step has is a broken arrow, usually left
behind when steps were renumbered.

## Example
Sumbersuko's step 6: "Jika setuju diserahkan ke Tim. Jika tidak setuju, diserahkan kepada Staf
untuk diperbaiki."

```toml
[[langkah]]
no = 6
kegiatan = "Memeriksa hasil ketikan konsep"
simbol = "keputusan"
ya = 7
```

## Instead
```toml
simbol = "keputusan"
ya = 7
tidak = 5
```
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..i18n import Text
from ..model import FLOW_INPUTS, LOST_BRANCHES


class DecisionExits(Rule):
    __doc__ = __doc__
    code = "SOP204"
    name = "decision-exits"
    needs = (*FLOW_INPUTS, "hilang_di_sumber")
    severity = Severity.ERROR

    def check(self, sop, context):
        for step in sop.langkah:
            if not step.is_decision:
                continue
            for label in ("ya", "tidak"):
                target = getattr(step, label)
                if target is None:
                    if sop.lost(LOST_BRANCHES):
                        continue  # not in the source: not-in-source says so
                    yield Violation(step.pointer, Text(
                        f"keputusan di langkah {step.no} tidak punya jalur `{label}`",
                        f"the decision at step {step.no} has no `{label}` exit",
                    ))
                elif target == step.no:
                    yield Violation(f"{step.pointer}/{label}", Text(
                        f"jalur `{label}` langkah {step.no} menunjuk ke dirinya sendiri",
                        f"the `{label}` exit of step {step.no} points at itself",
                    ))
                elif target not in sop.flow.by_no:
                    yield Violation(f"{step.pointer}/{label}", Text(
                        f"jalur `{label}` langkah {step.no} menunjuk ke langkah {target}, yang tidak ada",
                        f"the `{label}` exit of step {step.no} points at step {target}, which does not exist",
                    ))
            if step.ya is not None and step.ya == step.tidak:
                yield Violation(f"{step.pointer}/tidak", Text(
                    f"kedua jalur keputusan langkah {step.no} menuju langkah yang sama ({step.ya})",
                    f"both exits of the decision at step {step.no} lead to the same step ({step.ya})",
                ))
