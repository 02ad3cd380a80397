"""The identity block's dates agree with each other, with today, and with the nomor.

## What it checks
- `tanggal_efektif` before `tanggal_pembuatan`;
- `tanggal_revisi` before `tanggal_pembuatan`;
- any of the three dates after today;
- the nomor's year and roman month: a 4-digit year segment of the nomor (`.../VII/2023`) must
  be the year of `tanggal_pembuatan`, `tanggal_revisi` or `tanggal_efektif` (units number an SOP
  when it is made, revised or signed: Sumbersuko's `427.101/16.01/2023` is a 2018 SOP revised
  in 2023, Wangon's `067 / 1394 / 2021` was made in 2020 and took effect in 2021, and neither is
  reported); a roman month segment (I-XII) must be the month of the date whose year matched.
  A revision date before the effective date is not reported: the standard lets Tanggal Revisi
  hold the planned review date.

A month-only date (`"2019-09"`, printed "September 2019") is compared by its month: an
effective date of 15 September 2019 is not before a creation date of September 2019, but one in
August is; September 2019 is in the future only from October 2019 on.

## Why it matters
Tanggal efektif is the signing date; a procedure cannot take effect before it was written. A
nomor from the register that disagrees with the dates points at a copied SOP whose number or
dates were never updated.

## Example
```toml
nomor = "071/02/KEC.AWY/VII/2023"
tanggal_pembuatan = 2023-03-26     # the nomor says July 2023
tanggal_efektif = 2023-02-01       # before it was made
```

## Instead
```toml
nomor = "071/02/KEC.AWY/VII/2023"
tanggal_pembuatan = 2023-07-26
tanggal_efektif = 2023-07-26
```
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text
from ..model import date_order

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12}
KEYS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
_YEAR = re.compile(r"(19|20)\d\d")


def nomor_parts(nomor: str) -> tuple[int | None, int | None]:
    """(year, month) found in the nomor's segments, either may be None."""
    segments = [part.strip() for part in nomor.split("/")]
    years = [int(s) for s in segments if _YEAR.fullmatch(s)]
    months = [ROMAN[s.upper()] for s in segments if s.upper() in ROMAN]
    return (years[-1] if years else None), (months[-1] if months else None)


class IdentityDates(Rule):
    __doc__ = __doc__
    code = "SOP302"
    name = "identity-dates"
    needs = ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
    severity = Severity.ERROR

    def check(self, sop, context):
        made = sop.tanggal_pembuatan
        for key in ("tanggal_efektif", "tanggal_revisi"):
            date = getattr(sop, key)
            if made and date and date_order(date, made) < 0:
                yield Violation(f"/{key}", Text(f"{key} ({date}) sebelum tanggal_pembuatan ({made})",
                                                f"{english_name(key)} ({date}) is before {english_name('tanggal_pembuatan')} ({made})"))
        for key in KEYS:
            date = getattr(sop, key)
            if date and date_order(date, context.today) > 0:
                yield Violation(f"/{key}", Text(f"{key} ({date}) di masa depan (hari ini {context.today})",
                                                f"{english_name(key)} ({date}) is in the future (today is {context.today})"))
        if sop.nomor:
            yield from self._nomor(sop)

    def _nomor(self, sop):
        year, month = nomor_parts(sop.nomor)
        dates = [d for d in (getattr(sop, key) for key in KEYS) if d]
        if year is None or not dates:
            return
        same_year = [d for d in dates if d.year == year]
        nomor = english_name("nomor")
        if not same_year:
            shown = _shown(sop)
            yield Violation("/nomor", Text(f"tahun dalam nomor ({year}) tidak cocok dengan tanggal SOP ({shown.id})",
                                           f"the year in the {nomor} ({year}) matches none of the SOP's dates ({shown.en})"))
        elif month is not None and all(d.month != month for d in same_year):
            shown = _shown(sop)
            yield Violation("/nomor", Text(
                f"bulan dalam nomor ({month}) tidak cocok dengan tanggal SOP tahun {year} ({shown.id})",
                f"the month in the {nomor} ({month}) matches none of the SOP's dates of {year} ({shown.en})"))


def _shown(sop) -> Text:
    """The SOP's dates, for a message: "tanggal_pembuatan 2023-03-26, tanggal_efektif ...", in
    English "Date made 2023-03-26, Date effective ..."."""
    dates = [(key, getattr(sop, key)) for key in KEYS if getattr(sop, key)]
    return Text(", ".join(f"{key} {date}" for key, date in dates),
                ", ".join(f"{english_name(key)} {date}" for key, date in dates))
