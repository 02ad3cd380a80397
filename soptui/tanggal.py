"""Tanggal, the identity block's dates: a full date, or a month and year only ("September 2019").

Real SOPs print both. A full date is a `datetime.date` (a TOML date, unquoted); a month-only one
is a `MonthDate` (the text `"2019-09"`: TOML has no year-month type). `MonthDate` has the
`year` and `month` of a date and no `day`, so code that needs only the year or month reads both
alike, and code that compares days cannot mistake September 2019 for 1 September 2019: a
`MonthDate` does not compare with a `date` (TypeError). Compare with `date_order`, which compares
at the precision both dates have.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, Union

MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
               "Oktober", "November", "Desember")
MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")
# Month names as documents print them (lowercase, no final dot) -> month: Indonesian, the old
# spellings, the common abbreviations, and the English names some templates print.
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agt": 8, "ags": 8, "agu": 8, "agus": 8, "agst": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "nopember": 11, "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "oct": 10, "december": 12, "dec": 12, "aug": 8,
}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_MONTH = rf"(?:{MONTH_PATTERN})\.?"  # "Sept", "Agt." as well as "September"
_PRINTED_DATE = re.compile(rf"^(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})$", re.I)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_PRINTED_MONTH = re.compile(rf"^(?:bulan\s+)?({_MONTH})\s+(\d{{4}})$", re.I)


class MonthDate(NamedTuple):
    """A date printed with its month and year only: `"2019-09"` in the file, "September 2019" printed."""

    year: int
    month: int

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def fromisoformat(cls, text: str) -> "MonthDate":
        """`"2019-09"` -> MonthDate(2019, 9); ValueError for anything else."""
        found = _ISO_MONTH.match(text.strip())
        if not found:
            raise ValueError(f"not a year and month (YYYY-MM): {text!r}")
        return cls(int(found[1]), int(found[2]))


# What a tanggal_* field of the model holds (or None when the document gives none).
Tanggal = Union[dt.date, MonthDate]


def parse_iso(text: str) -> Tanggal:
    """`"2023-07-26"` -> date, `"2023-07"` -> MonthDate; ValueError for anything else."""
    text = text.strip()
    if _ISO_MONTH.match(text):
        return MonthDate.fromisoformat(text)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"not a date (YYYY-MM-DD or YYYY-MM): {text!r}")
    return dt.date.fromisoformat(text)


def parse_printed(text: str) -> Tanggal | None:
    """A date as documents print it: "26 Juli 2023", "26-07-2023", "1 Sept. 2019" -> date;
    "September 2019", "Agt 2020", "Bulan Maret 2020" -> MonthDate; None when it is none of those.
    ValueError for one that has the shape but is no real date ("31 Juni 2023")."""
    text = " ".join(text.split()).rstrip(".")
    found = _PRINTED_DATE.match(text)
    if found:
        return dt.date(int(found[3]), _month(found[2]), int(found[1]))
    found = _NUMERIC_DATE.match(text)
    if found:
        return dt.date(int(found[3]), int(found[2]), int(found[1]))
    found = _PRINTED_MONTH.match(text)
    if found:
        return MonthDate(int(found[2]), _month(found[1]))
    return None


def impossible_date(text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day) of a text written as a date that names no real one: "2024-02-31",
    "2019-13" (day None), "31 Juni 2023", "31-06-2023". None for a real date, and for a text
    not written as a date at all ("besok"), which says nothing about which day was meant."""
    text = " ".join(text.split()).rstrip(".")
    if found := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month, day = int(found[1]), int(found[2]), None
    elif found := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        year, month, day = int(found[1]), int(found[2]), int(found[3])
    elif found := _PRINTED_DATE.match(text):
        year, month, day = int(found[3]), _month(found[2]), int(found[1])
    elif found := _NUMERIC_DATE.match(text):
        year, month, day = int(found[3]), int(found[2]), int(found[1])
    else:
        return None
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return year, month, day
    return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def date_order(first: Tanggal, second: Tanggal) -> int:
    """-1, 0 or 1 as `first` is before, at or after `second`, compared at the precision both
    have: by month when either is month-only, so September 2019 is neither before nor after
    15 September 2019 (0: not known to differ)."""
    if isinstance(first, dt.date) and isinstance(second, dt.date):
        a, b = (first.year, first.month, first.day), (second.year, second.month, second.day)
    else:
        a, b = (first.year, first.month), (second.year, second.month)
    return (a > b) - (a < b)


def indonesian(value: Tanggal | None) -> str:
    """"26 Juli 2023", "September 2019"; "-" when the SOP gives no date."""
    if value is None:
        return "-"
    if isinstance(value, MonthDate):
        return f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
