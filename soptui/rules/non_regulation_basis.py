"""A dasar hukum item cites a Surat Edaran, an Instruksi or a letter: not a regulation.

## What it checks
A `dasar_hukum` item read as a Surat Edaran (`SE`, "Surat Edaran Bersama"), an Instruksi
Presiden (`Inpres`) or another Instruksi, or an item that starts with "Surat Edaran",
"Instruksi", "Nota Dinas", "Memo" or "Surat" + a number though its number or year cannot be read.

## Why it matters
Dasar hukum lists peraturan perundang-undangan: the types UU 12/2011 names in its Pasal 7 and
8 (UUD, UU/Perppu, PP, Perpres, Perda, and the peraturan of ministers, agencies and regional
heads). A Surat Edaran or an Instruksi is a policy instrument addressed to officials, not one
of them; a reviewer asks for the regulation it carries out, and the Surat Edaran, if it matters,
goes under Keterangan or a step's kelengkapan.

## Example
```toml
dasar_hukum = ["Surat Edaran Menteri PANRB Nomor 10 Tahun 2020 tentang ..."]
```

## Instead
Cite the regulation the Surat Edaran carries out (a PermenPANRB, a PP), or leave it out of
the dasar hukum.
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..citation import NON_REGULATION
from ..field_names import english_name
from ..i18n import Text
from ._regulations import pointer

_LETTER = re.compile(r"^\W*(?:\d{1,2}\s*[.)]\s*)?(surat\s+edaran|instruksi|nota\s+dinas|memo(?:randum)?|surat\s+(?:nomor|no\b))",
                     re.I)
NAMES = {"se": Text("Surat Edaran", "a Surat Edaran (circular)"),
         "inpres": Text("Instruksi Presiden", "a Presidential Instruction"),
         "instruksi": Text("Instruksi", "an Instruksi (instruction)")}


class NonRegulationBasis(Rule):
    __doc__ = __doc__
    code = "SOP511"
    name = "non-regulation-basis"
    needs = ("dasar_hukum",)
    severity = Severity.WARNING

    def check(self, sop, context):
        for index, citation in enumerate(sop.dasar_hukum):
            if citation.kind in NON_REGULATION:
                name = NAMES[citation.kind]
            elif citation.kind is None and (match := _LETTER.match(citation.text)):
                name = Text(match[1].capitalize(), match[1])
            else:
                continue
            yield Violation(pointer(index), Text(
                f"{name.id} bukan peraturan perundang-undangan (UU 12/2011 Pasal 7-8): kutip peraturan yang "
                f"dilaksanakannya, atau pindahkan dari dasar hukum",
                f"{name.en} is not a regulation (UU 12/2011, Articles 7-8): cite the regulation it carries out, "
                f"or move it out of the {english_name('dasar_hukum')}"))
