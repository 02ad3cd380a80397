"""The lanes of a procedure: the actor columns its flowchart has, and which of them a step is in.

The Prosedur table of the terminal UI, the text diagram and the exported document all draw a
step in the lanes these give, so that a step stands in the same columns everywhere. A module of
its own under the model (it imports only the model's types), so that all three take it from below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Sop, Step

# The lane of a step with no pelaksana, or one not declared in [pelaksana]. A caller that keys
# its lanes otherwise (the TUI's column ids) passes its own.
UNASSIGNED = "?"


def step_lanes(sop: Sop, step: Step, unassigned: str = UNASSIGNED) -> tuple[str, ...]:
    """The lanes `step` is drawn in, by pelaksana id: each of its actors once, in the order
    written, with `unassigned` for an actor [pelaksana] does not declare; (unassigned,) for a
    step with none. The first is the lane of `Step.pelaksana`."""
    declared = sop.pelaksana
    found: list[str] = []
    for actor in step.pelaksana_semua:
        lane = actor if actor in declared else unassigned
        if lane not in found:
            found.append(lane)
    return tuple(found) or (unassigned,)


def sop_lanes(sop: Sop, unassigned: str = UNASSIGNED) -> list[str]:
    """Every lane of the procedure, by id: the declared pelaksana in the document's order, then
    `unassigned` when a step is drawn there."""
    lanes = list(sop.pelaksana)
    if any(unassigned in step_lanes(sop, step, unassigned) for step in sop.langkah):
        lanes.append(unassigned)
    return lanes
