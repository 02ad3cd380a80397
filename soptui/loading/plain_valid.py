"""A cheaper yes to "does this parsed SOP satisfy the schema?" for the common, clean file.

The compiled gate (`schema.is_valid`) checks the schema keyword by keyword, a function call per
value; this checks the same constraints with set operations and type tests, and says yes only
when each of them holds, so a yes here is a yes of the gate. Anything it is unsure of (a quoted
date or a month written as text, a step's list of pelaksana, a value of another type, an
unknown key) is a no, and the gate then decides as before.

It is written for one version of `schemas/sop.schema.json` (`WRITTEN_FOR`, the schema's checksum
as `schema.schema_hash` computes it): for any other version it always says no, and a test fails
until it is brought in line with the schema and the checksum updated.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from itertools import chain

from ..symbols import PROSES, SYMBOLS
from .schema import schema_hash

WRITTEN_FOR = "bff83ef8"

_TEXTS = ("nama", "nomor", "instansi", "unit", "alamat")
_DATES = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
_LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
          "pencatatan_pendataan", "hilang_di_sumber")
_TOP = frozenset((*_TEXTS, *_DATES, *_LISTS, "disahkan_oleh", "pelaksana", "langkah"))
_REQUIRED = frozenset(("nama", "unit", "langkah"))
_SIGNER = frozenset(("jabatan", "nama", "nip", "pangkat"))
_STEP = frozenset(("no", "kegiatan", "pelaksana", "simbol", "ya", "tidak", "lanjut", "kelengkapan", "waktu",
                   "output", "keterangan"))
_STEP_REQUIRED = frozenset(("no", "kegiatan"))
_STEP_NUMBERS = ("no", "ya", "tidak", "lanjut")
_STEP_LISTS = ("kelengkapan", "output")
# The schema's patterns, as the gate reads them (`$` as the end of the text); a test holds them
# to the schema's.
PELAKSANA_ID = r"^[a-z][a-z0-9_]*$"
SIMBOL = r"^[a-z_]+$"
WAKTU = (r"^\s*\d+(?:[.,]\d+)?(?:\s*\([A-Za-z ]+\))?(?:\s*(?:-|–|x|X|×)\s*\d+(?:[.,]\d+)?(?:\s*\([A-Za-z ]+\))?)?"
         r"\s*(?:[Dd][Ee][Tt][Ii][Kk]|[Dd][Tt][Kk]|[Mm][Ee][Nn][Ii][Tt]|[Mm][Nn][Tt]|[Jj][Aa][Mm]|[Hh][Aa][Rr][Ii]"
         r"|[Hh][Rr]|[Mm][Ii][Nn][Gg][Gg][Uu]|[Mm][Gg][Gg]|[Bb][Uu][Ll][Aa][Nn]|[Bb][Ll][Nn])\.?\s*$")


def _whole(pattern: str) -> re.Pattern:
    # fastjsonschema reads the final `$` as the end of the text (`\Z`), not before a last newline
    return re.compile(pattern[:-1] + r"\Z")


_PELAKSANA_ID, _SIMBOL, _WAKTU = _whole(PELAKSANA_ID), _whole(SIMBOL), _whole(WAKTU)


@lru_cache(maxsize=1)
def _applies() -> bool:
    return schema_hash() == WRITTEN_FOR


_STR = frozenset((str,))


def _texts(items: object) -> bool:
    """A list of non-empty strings (tested in C: the types seen, then an empty one among them)."""
    return type(items) is list and (not items or (set(map(type, items)) == _STR and "" not in items))


def plainly_valid(data: dict) -> bool:
    """True only if `data` (as parsed from TOML, dates as dates) satisfies the schema."""
    keys = data.keys()
    if not (keys <= _TOP and _REQUIRED <= keys) or not _applies():
        return False
    for key in _TEXTS:
        value = data.get(key, "?")
        if type(value) is not str or not value:
            return False
    for key in _DATES:
        # a date object, which the loader hands the gate as ISO text, YYYY-MM-DD: the schema's format
        if key in data and type(data[key]) is not dt.date:
            return False
    for key in _LISTS:
        if key in data and not _texts(data[key]):
            return False
    signer = data.get("disahkan_oleh")
    if signer is not None and not (type(signer) is dict and signer.keys() <= _SIGNER
                                   and all(type(v) is str and v for v in signer.values())):
        return False
    actors = data.get("pelaksana")
    if actors is not None and not (type(actors) is dict and all(_PELAKSANA_ID.match(k) for k in actors)
                                   and all(type(v) is str and v for v in actors.values())):
        return False
    steps = data["langkah"]
    return type(steps) is list and bool(steps) and _steps(steps)


_DICT, _INT, _LIST = frozenset((dict,)), frozenset((int,)), frozenset((list,))
_NO_ITEMS: list = []


def _column(steps: list[dict], key: str, missing: object = None) -> list:
    """The value of `key` in every step, `missing` where a step has none."""
    return [step.get(key, missing) for step in steps]  # faster than a map of dict.get


def _steps(steps: list) -> bool:
    """Every step plainly valid. Checked a column (one key of every step) at a time, each test
    run in C over the column: a step's loop in Python cost more than the parse of the file. A
    missing key reads as a value that passes its test (a required one as None, which fails), so
    that one test covers both; None itself is no such stand-in, since TOML has no null."""
    if set(map(type, steps)) != _DICT or not set().union(*steps) <= _STEP:
        return False
    for key, missing in (("no", None), ("ya", 0), ("tidak", 0), ("lanjut", 0)):
        numbers = _column(steps, key, missing)  # bool is not int to type(): a true is refused
        if set(map(type, numbers)) != _INT or min(numbers) < 0:
            return False
    for key, missing in (("kegiatan", None), ("pelaksana", "?"), ("keterangan", "?")):
        texts = _column(steps, key, missing)
        if set(map(type, texts)) != _STR or (key != "keterangan" and "" in texts):
            return False
    for key in _STEP_LISTS:
        lists = _column(steps, key, _NO_ITEMS)
        if set(map(type, lists)) != _LIST:
            return False
        items = list(chain.from_iterable(lists))
        if items and (set(map(type, items)) != _STR or "" in items):
            return False
    symbols = _column(steps, "simbol", PROSES)
    if set(map(type, symbols)) != _STR:
        return False
    symbols = set(symbols)  # the standard's own need no pattern
    if not symbols <= _SYMBOLS and not all(map(_SIMBOL.match, symbols)):
        return False
    waktu = _column(steps, "waktu", "1 hari")
    if set(map(type, waktu)) != _STR:
        return False
    fresh = set(waktu) - _PLAIN_WAKTU
    if fresh:
        if not all(map(_WAKTU.match, fresh)):
            return False
        if len(_PLAIN_WAKTU) < _WAKTU_KEPT:
            _PLAIN_WAKTU.update(fresh)
    return True


# The waktu texts that matched the pattern: a corpus writes its durations in a few ways ("15
# menit", "1 hari"), so most files need no match at all. Kept to a bound, for a corpus that
# writes them in many.
_PLAIN_WAKTU: set[str] = set()
_WAKTU_KEPT = 4096
_SYMBOLS = frozenset(SYMBOLS)
