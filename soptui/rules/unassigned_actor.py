"""Every step is drawn in the column of a declared pelaksana, and every pelaksana acts.

## What it checks
- a step with no `pelaksana`;
- a step whose `pelaksana` is not an id declared in `[pelaksana]` (with the closest id); for
  a step drawn in several columns (`pelaksana = ["camat", "sekcam"]`) each id, at its place;
- a declared pelaksana who performs no step, alone or with others (only with the option `report-idle-actors`,
  on by default).

## Why it matters
The standard separates the actor from the activity ("pelaksana dipisahkan dari kegiatan"):
the flowchart's columns say who does what. A step in no column is a task nobody owns.

## Example
A step with no `pelaksana`. (Where the source lost the flowchart's columns, as the seed SOPs'
extracted text did, `hilang_di_sumber = ["pelaksana"]` says so: such steps are then reported
once, as unknown, by `not-in-source`.)

## Instead
```toml
[[langkah]]
no = 1
kegiatan = "Memerintahkan pengukuran kinerja"
pelaksana = "camat"
```
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text
from ..model import LOST_ACTORS
from ..suggest import closest

ACTOR = english_name("pelaksana")  # as the English UI names the field


class UnassignedActor(Rule):
    __doc__ = __doc__
    code = "SOP105"
    name = "unassigned-actor"
    needs = ("langkah.no", "langkah.pelaksana", "pelaksana", "hilang_di_sumber")
    severity = Severity.WARNING
    options_schema = {
        "type": "object",
        "properties": {"report-idle-actors": {"type": "boolean", "default": True}},
        "additionalProperties": False,
    }

    def check(self, sop, context):
        declared = list(sop.pelaksana)
        lost = sop.lost(LOST_ACTORS)  # the source lost the columns: not-in-source says so, once
        for step in sop.langkah:
            if not (step.pelaksana or "").strip():  # a blank pelaksana names no column either
                if lost:
                    continue
                yield Violation(step.pointer, Text(f"langkah {step.no} tanpa pelaksana",
                                                   f"step {step.no} has no {ACTOR}"))
                continue
            several = len(step.pelaksana_semua) > 1
            for place, actor in enumerate(step.pelaksana_semua):
                if actor in sop.pelaksana:
                    continue
                if not actor.strip():  # a blank id in the list names no column
                    yield Violation(f"{step.pointer}/pelaksana/{place}", Text(
                        f"id pelaksana ke-{place + 1} langkah {step.no} kosong",
                        f"{ACTOR} id {place + 1} of step {step.no} is blank"))
                    continue
                close = closest(actor, declared)
                hint = Text(f"; maksud Anda `{close}`?", f"; did you mean `{close}`?") if close else Text("", "")
                yield Violation(step.pointer + "/pelaksana" + (f"/{place}" if several else ""), Text(
                    f"pelaksana `{actor}` langkah {step.no} tidak dideklarasikan di [pelaksana]",
                    f"{ACTOR} `{actor}` of step {step.no} is not declared in [pelaksana]") + hint)
        if self.options["report-idle-actors"] and not lost:  # idle, or drawn in a lost column
            acting = {actor for step in sop.langkah for actor in step.pelaksana_semua}
            for actor, jabatan in sop.pelaksana.items():
                if actor not in acting:
                    yield Violation(f"/pelaksana/{actor}", Text(
                        f"pelaksana {jabatan!r} tidak melaksanakan langkah apa pun",
                        f"{ACTOR} {jabatan!r} performs no step"))
