"""Only a decision branches; an ordinary step has one way out.

## What it checks
A step drawn as a process or terminator (`simbol = "proses"` / `"terminator"`) that still names
`ya`/`tidak` exits, and any step that names both `lanjut` and decision exits. A `lanjut` that
points at a number no step has is reported too.

## Why it matters
A process box with two arrows hides a decision nobody drew: the reader cannot tell which arrow
to follow, or on what condition.

## Example
```toml
[[langkah]]
no = 4
kegiatan = "Memverifikasi data"
simbol = "proses"
ya = 5
tidak = 3
```

## Instead
Make the branching step a decision (`simbol = "keputusan"`) with a question it answers, or
keep one exit.
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..i18n import Text
from ..model import FLOW_INPUTS, KEPUTUSAN


class FlowBranching(Rule):
    __doc__ = __doc__
    code = "SOP205"
    name = "flow-branching"
    needs = FLOW_INPUTS
    severity = Severity.ERROR

    def check(self, sop, context):
        for step in sop.langkah:
            has_exits = step.ya is not None or step.tidak is not None
            if has_exits and step.simbol and step.simbol != KEPUTUSAN:
                yield Violation(step.pointer + "/simbol", Text(
                    f"langkah {step.no} bercabang (ya/tidak) tetapi digambar sebagai {step.simbol!r}, bukan keputusan",
                    f"step {step.no} branches (ya/tidak) but is drawn as {step.simbol!r}, not a decision",
                ))
            if has_exits and step.lanjut is not None:
                yield Violation(step.pointer + "/lanjut", Text(
                    f"langkah {step.no} punya `lanjut` sekaligus `ya`/`tidak`",
                    f"step {step.no} has both `lanjut` and `ya`/`tidak`",
                ))
            if step.lanjut is not None and step.lanjut not in sop.flow.by_no:
                yield Violation(step.pointer + "/lanjut", Text(
                    f"`lanjut` langkah {step.no} menunjuk ke langkah {step.lanjut}, yang tidak ada",
                    f"`lanjut` of step {step.no} points at step {step.lanjut}, which does not exist",
                ))
