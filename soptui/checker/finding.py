"""A finding: one defect of one SOP, located and ready for any report format."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter
from typing import NamedTuple

from ..i18n import Text
from .rule import Fix, Severity, applicability_of


# A NamedTuple: immutable and cheap to build. A lint of ten thousand SOPs builds over a hundred
# thousand findings, twice (in a worker, then from its report); a frozen dataclass set each field
# through object.__setattr__, at four times the cost.
class Finding(NamedTuple):
    code: str  # "SOP101"
    name: str  # "step-numbering"
    severity: Severity
    path: str
    line: int
    col: int
    pointer: str  # JSON pointer of the element concerned, "" for the whole file
    step: int | None  # the `no` of the step concerned, if any
    message: Text
    fix: Fix | None = None
    plugin: str = "builtin"

    # The order of reports: by file, line, column and rule. A C-level key function, for sorting
    # a whole corpus's findings.
    by_place = staticmethod(attrgetter("path", "line", "col", "code"))

    @property
    def sort_key(self) -> tuple:
        return Finding.by_place(self)

    def fingerprint(self) -> tuple[str, str, str]:
        """What identifies a finding across edits that move lines: rule, file and message."""
        return (self.code, self.path, self.message.en)

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "pointer": self.pointer,
            "step": self.step,
            "message": self.message(lang),
            "plugin": self.plugin,
            "fix": None if self.fix is None else {
                "description": self.fix.description(lang),
                "applicability": applicability_of(self.fix).value,
                "edits": [
                    {"pointer": e.pointer, "delete": True} if e.delete else {"pointer": e.pointer, "value": e.value.isoformat() if isinstance(e.value, dt.date) else e.value}
                    for e in self.fix.edits
                ],
            },
        }
