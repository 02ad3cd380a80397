"""No two SOPs share a nomor.

## What it checks
The `nomor` of each SOP, compared across all files linted together, ignoring spaces and case.

## Why it matters
The nomor identifies an SOP in registers, dispositions and other SOPs' keterkaitan. Two SOPs
with one number are usually a copied file whose number was never changed.

## Example
Two files under `sops/awayan/` both with `nomor = "071/02/KEC.AWY/VII/2023"`.

## Instead
Give each SOP its own number from the unit's register (tata naskah dinas).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..checker.rule import CorpusRule, Severity, Violation
from ..i18n import Text


class DuplicateNomor(CorpusRule):
    __doc__ = __doc__
    code = "SOP402"
    name = "duplicate-nomor"
    needs = ("nomor",)
    severity = Severity.ERROR

    def collect(self, sop):
        if not sop.nomor or not sop.nomor.strip():
            return None
        return sop.nomor

    def check_corpus(self, collected, context):
        by_number = defaultdict(list)
        for path, data in collected.items():
            if data:
                by_number[re.sub(r"\s+", "", data).casefold()].append((path, data))
        for holders in by_number.values():
            if len(holders) < 2:
                continue
            for path, nomor in holders:
                others = ", ".join(p for p, _ in holders if p != path)
                yield Violation("/nomor", Text(
                    f"nomor {nomor!r} juga dipakai oleh {others}",
                    f"nomor {nomor!r} is also used by {others}",
                ), path=path)
