"""Waktu, the time a step of the procedure takes: parsing "10 menit", "2 Jam", "1 x 24 jam".

A duration keeps the unit it was written in. Detik, menit and jam convert exactly; hari, minggu
and bulan do not, because an SOP's "hari" is a working day whose length the document never
states. So a total is a sum per unit: "2 hari 5 jam 40 menit".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

# unit as written (lowercase) -> canonical unit
UNITS = {
    "detik": "detik", "dtk": "detik",
    "menit": "menit", "mnt": "menit",
    "jam": "jam",
    "hari": "hari", "hr": "hari",
    "minggu": "minggu", "mgg": "minggu",
    "bulan": "bulan", "bln": "bulan",
}
CANONICAL_ORDER = ("bulan", "minggu", "hari", "jam", "menit", "detik")
_SECONDS = {"detik": 1, "menit": 60, "jam": 3600}
_ENGLISH = {"bulan": "month", "minggu": "week", "hari": "day", "jam": "hour", "menit": "minute", "detik": "second"}

_NUMBER = r"\d+(?:[.,]\d+)?"
# Documents often spell the number out after it, in brackets: "5 (lima) Menit", "1 (satu) hari".
_SPELLED = r"(?:\s*\([A-Za-z ]+\))?"
# The schema's `waktu` pattern spells out the same grammar; a test keeps the two in step.
PATTERN = re.compile(
    rf"^\s*(?P<a>{_NUMBER}){_SPELLED}(?:\s*(?P<op>-|–|x|X|×)\s*(?P<b>{_NUMBER}){_SPELLED})?\s*(?P<unit>[A-Za-z]+)\.?\s*$"
)


class Duration(NamedTuple):
    """`low`..`high` of `unit` (equal unless the document gave a range such as "5-10 menit")."""

    low: float
    high: float
    unit: str
    text: str

    @property
    def seconds(self) -> float | None:
        """Exact length in seconds for detik/menit/jam; None for calendar units."""
        factor = _SECONDS.get(self.unit)
        return None if factor is None else self.high * factor


def _number(text: str) -> float:
    return float(text.replace(",", "."))


# The same items recur across a corpus, and the result is immutable: parse each text once.
@lru_cache(maxsize=4096)
def parse_waktu(text: str) -> Duration | None:
    """Parse a waktu cell; None when it is not a duration soptui can read (or one too long for
    a number: four hundred digits make an infinite float, and no sum of it can be printed)."""
    match = PATTERN.match(text)
    if not match or match["unit"].lower() not in UNITS:
        return None
    unit = UNITS[match["unit"].lower()]
    low = _number(match["a"])
    if match["op"] is None:
        duration = Duration(low, low, unit, text)
    elif match["op"] in "xX×":
        other = _number(match["b"])
        duration = Duration(low * other, low * other, unit, text)
    else:
        other = _number(match["b"])
        duration = Duration(min(low, other), max(low, other), unit, text)
    return duration if math.isfinite(duration.high) and duration.high < 1e15 else None


def _trim(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")


def total(durations: list[Duration], lang: str = "id") -> str:
    """The sum of `durations` per unit, largest first, using each range's upper end."""
    per_unit: Counter[str] = Counter()
    seconds = 0.0
    for duration in durations:
        if duration.seconds is not None:
            seconds += duration.seconds
        else:
            per_unit[duration.unit] += duration.high
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    per_unit.update({"jam": hours, "menit": minutes, "detik": secs})
    parts = []
    for unit in CANONICAL_ORDER:
        amount = per_unit[unit]
        if amount:
            name = unit if lang != "en" else _ENGLISH[unit] + ("s" if amount != 1 else "")
            parts.append(f"{_trim(amount)} {name}")
    return " ".join(parts) or ("0 menit" if lang != "en" else "0 minutes")
