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
    if type(steps) is not list or not steps:
        return False
    for step in steps:
        if type(step) is not dict:
            return False
        fields = step.keys()
        if not (fields <= _STEP and _STEP_REQUIRED <= fields):
            return False
        for key in _STEP_NUMBERS:
            if key in step and (type(step[key]) is not int or step[key] < 0):
                return False
        kegiatan, actor = step["kegiatan"], step.get("pelaksana", "?")
        if type(kegiatan) is not str or not kegiatan or type(actor) is not str or not actor:
            return False
        for key in _STEP_LISTS:
            if key in step and not _texts(step[key]):
                return False
        if "simbol" in step and not (type(step["simbol"]) is str and _SIMBOL.match(step["simbol"])):
            return False
        if "waktu" in step and not (type(step["waktu"]) is str and _WAKTU.match(step["waktu"])):
            return False
        if "keterangan" in step and type(step["keterangan"]) is not str:
            return False
    return True
