"""What the source lost, said once: the steps, branches or section it leaves unknown.

## What it checks
A SOP whose `hilang_di_sumber` names what its source lost (the document, or the text
extracted from it): `"pelaksana"` (the flowchart's actor columns), `"cabang"` (a decision's
ya/tidak branches), or a documentation section cut off (`"peringatan"`). For each, one info
finding says what it leaves unknown ("6 langkah tanpa pelaksana: tidak ada di sumber"), and the
rules that would report each gap as a defect (`unassigned-actor`, `decision-exits`,
`missing-section`) leave those gaps alone. A name it does not know, or a marker with nothing
left unknown (every step has its pelaksana again), is reported too, so the marker does not
outlive the gap.

## Why it matters
A transcription of a PDF's text loses what the flowchart drew: the column each symbol stood
in, the labels on a decision's arrows. Reported as defects, those gaps drown what a reviewer
must fix (47 of the seeds' 122 findings were actor columns the extraction lost). Said once as
unknown, they stay visible, as something to restore from the signed document, not to correct.

## Example
```toml
# The seed text lost the flowchart columns.
hilang_di_sumber = ["pelaksana"]
```
gives one info finding: "6 langkah tanpa pelaksana: tidak ada di sumber (langkah 1, 3, 4, 5, 6, 7)".

## Instead
Restore the pelaksana from the signed document and remove `"pelaksana"` from the list.
"""

from __future__ import annotations

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text
from ..model import LOST_ACTORS, LOST_BRANCHES, SECTIONS


def unassigned(sop) -> list:
    return [step for step in sop.langkah if not (step.pelaksana or "").strip()]


def without_branch(sop) -> list:
    return [step for step in sop.langkah if step.is_decision and (step.ya is None or step.tidak is None)]


class NotInSource(Rule):
    __doc__ = __doc__
    code = "SOP106"
    name = "not-in-source"
    needs = ("hilang_di_sumber", "langkah.pelaksana", "langkah.ya", "langkah.tidak", "langkah.simbol",
             *SECTIONS)
    severity = Severity.INFO

    def check(self, sop, context):
        for index, what in enumerate(sop.hilang_di_sumber):
            pointer = f"/hilang_di_sumber/{index}"
            if what == LOST_ACTORS:
                yield Violation(pointer, _gap(
                    unassigned(sop), "pelaksana",
                    Text("langkah tanpa pelaksana", f"step with no {english_name('pelaksana')}"),
                    Text("setiap langkah sudah berpelaksana", f"every step has its {english_name('pelaksana')}")))
            elif what == LOST_BRANCHES:
                yield Violation(pointer, _gap(
                    without_branch(sop), "cabang",
                    Text("keputusan tanpa jalur ya/tidak", "decision without a ya/tidak branch"),
                    Text("setiap keputusan sudah punya jalur ya dan tidak", "every decision has both branches")))
            elif what in SECTIONS:
                yield Violation(pointer, Text(f"bagian `{what}` terpotong di sumber: isinya tidak diketahui",
                                              f"the `{what}` section is cut off in the source: its content is unknown"))
            else:
                yield Violation(pointer, Text(
                    f"`{what}` tidak dikenal di hilang_di_sumber: tulis \"pelaksana\", \"cabang\" atau nama bagian",
                    f"`{what}` is not known in hilang_di_sumber: write \"pelaksana\", \"cabang\" or a section's name"))


def _gap(steps: list, marker: str, what: Text, none_left: Text) -> Text:
    if not steps:
        return Text(f"hilang_di_sumber menyebut \"{marker}\", tetapi {none_left.id}: hapus penandanya",
                    f"hilang_di_sumber names \"{marker}\", but {none_left.en}: remove the marker")
    numbers = ", ".join(str(step.no) for step in steps)
    plural = "s" if len(steps) > 1 else ""
    noun, rest = what.en.split(" ", 1)
    return Text(f"{len(steps)} {what.id}: tidak ada di sumber (langkah {numbers})",
                f"{len(steps)} {noun}{plural} {rest}: not in the source (step{plural} {numbers})")
