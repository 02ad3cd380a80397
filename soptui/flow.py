"""The step graph of a procedure: which step leads where, and who leads to whom.

A step leads to the next row, unless it is a decision (its `ya` and `tidak`), it names another
step with `lanjut`, or it is a terminator after the first row (an end). The last row ends the
procedure. References are step numbers; a number no step carries makes a dangling edge, which
the flow rules report.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from .symbols import TERMINATOR

if TYPE_CHECKING:
    from .model import Sop, Step


class Edge(NamedTuple):
    """An arrow from one step to another; `target` is None when no step has number `to_no`."""

    source: "Step"
    to_no: int | None
    target: "Step | None"
    label: str | None = None  # "ya" / "tidak" for a decision's exits, "lanjut" for a jump


# An Edge from a tuple of all its fields, without the NamedTuple's constructor (a Python call):
# a flow has an edge or two for every step of every file.
_new_edge = partial(tuple.__new__, Edge)


class Flow:
    """Successors and predecessors of every step of one SOP."""

    def __init__(self, sop: "Sop") -> None:
        # The steps, not the SOP: the SOP keeps its flow (`Sop.flow`), and a flow that pointed
        # back at it would make every SOP a reference cycle, left for the garbage collector to
        # find instead of being freed when its check is done.
        self.steps = steps = sop.langkah
        self.by_no: dict[int, Step] = {}
        for step in steps:
            self.by_no.setdefault(step.no, step)  # a repeated number resolves to its first step
        self._next: dict[int, tuple[Edge, ...]] = {}
        previous: dict[int, list[Step]] = {s.index: [] for s in steps}
        self._previous = previous
        last = len(steps) - 1
        for step in steps:
            if (step.simbol is None and step.ya is None and step.tidak is None and step.lanjut is None
                    and step.index < last):
                # the commonest row, no symbol written and no jump: it leads to the next row
                # (what `_exits` finds for it, without asking for its symbol)
                following = steps[step.index + 1]
                self._next[step.index] = (_new_edge((step, following.no, following, None)),)
                previous[following.index].append(step)
                continue
            edges = self._next[step.index] = self._exits(sop, step)
            # each step's predecessors in the order of the steps, then of their exits
            for edge in edges:
                if edge.target is not None:
                    previous[edge.target.index].append(step)

    def _edge(self, step: "Step", to_no: int, label: str | None) -> Edge:
        return _new_edge((step, to_no, self.by_no.get(to_no), label))

    def _exits(self, sop: "Sop", step: "Step") -> tuple[Edge, ...]:
        if step.is_decision:
            return tuple(
                self._edge(step, no, label)
                for label, no in (("ya", step.ya), ("tidak", step.tidak))
                if no is not None
            )
        if step.lanjut is not None:
            return (self._edge(step, step.lanjut, "lanjut"),)
        is_last = step.index == len(self.steps) - 1
        if is_last or (step.index > 0 and sop.symbol(step) == TERMINATOR):
            return ()
        following = self.steps[step.index + 1]
        return (_new_edge((step, following.no, following, None)),)

    @property
    def start(self) -> "Step | None":
        return self.steps[0] if self.steps else None

    def next(self, step: "Step") -> tuple[Edge, ...]:
        return self._next[step.index]

    def previous(self, step: "Step") -> tuple["Step", ...]:
        return tuple(self._previous[step.index])

    def ends(self) -> tuple["Step", ...]:
        return tuple(s for s in self.steps if not self._next[s.index])

    def reachable(self) -> set[int]:
        """Indexes of the steps reachable from the start."""
        if self.start is None:
            return set()
        seen, queue = {self.start.index}, deque([self.start])
        while queue:
            for edge in self._next[queue.popleft().index]:
                if edge.target is not None and edge.target.index not in seen:
                    seen.add(edge.target.index)
                    queue.append(edge.target)
        return seen
