"""A changed SOP moves its `tanggal_revisi` forward.

## What it checks
Only with `soptui lint --changed-since REV`: an SOP whose content (any value; comments and
layout do not count) differs from its version at REV must have a `tanggal_revisi` later than
the one it had at REV (or gain one, if it had none). A month-only date counts by its month:
"2023-08" after 2023-07-26 is later, "2023-07" is not.

## Why it matters
Tanggal Revisi tells every office which version of an SOP is in force. A procedure changed
without a new revision date cannot be told apart from the old one on paper.

## Example
The steps of `sops/awayan/pengukuran-kinerja-triwulan.toml` were edited in a pull request,
and `tanggal_revisi` was left as it was (or left out).

## Instead
Set `tanggal_revisi` to the date of the revision.
"""

from __future__ import annotations

import datetime as dt

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text
from ..loading import toml
from ..model import date_order
from ..tanggal import parse_iso


class RevisionDate(Rule):
    __doc__ = __doc__
    code = "SOP304"
    name = "revision-date"
    needs = ("tanggal_revisi",)
    severity = Severity.WARNING

    def check(self, sop, context):
        previous = (context.previous_text or {}).get(str(sop.path))
        if previous is None:  # not asked for, or a new file
            return
        try:
            old = toml.parse(previous)
        except ValueError:  # tomllib's TOMLDecodeError
            return
        current = toml.parse(sop.text)
        if _without(current, "tanggal_revisi") == _without(old, "tanggal_revisi"):
            return
        before, now = _tanggal(old.get("tanggal_revisi")), sop.tanggal_revisi
        if now is None or (before is not None and not date_order(now, before) > 0):
            shown = before.isoformat() if before else "-"
            yield Violation("/tanggal_revisi" if now else "/nama", Text(
                f"isi SOP berubah tetapi tanggal_revisi tidak maju (sebelumnya {shown})",
                f"the SOP's content changed but the {english_name('tanggal_revisi')} did not move forward (was {shown})",
            ))


def _tanggal(value):
    """The old version's tanggal_revisi as the model holds one: a date, a month-only "2019-09"
    as a MonthDate, None for none or for text that is no date (nothing to compare with)."""
    if isinstance(value, str):
        try:
            return parse_iso(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def _without(data: dict, key: str) -> dict:
    return {k: v for k, v in data.items() if k != key}
