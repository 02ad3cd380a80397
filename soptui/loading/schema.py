"""Checking a parsed SOP against `schemas/sop.schema.json`, in words a reviewer understands.

jsonschema's own messages ("'abc' does not match '^\\s*\\d+...'") are for programmers. Each error
is translated here into one sentence in Bahasa Indonesia and English that names the key, says
what is wrong and what to write instead, and carries the JSON pointer of the key it concerns.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ..i18n import Text

_TYPE_NAMES = {
    "string": Text("teks", "text"),
    "integer": Text("bilangan bulat", "a whole number"),
    "number": Text("angka", "a number"),
    "array": Text("daftar [ ... ]", "a list [ ... ]"),
    "object": Text("tabel", "a table"),
    "boolean": Text("true/false", "true/false"),
}


@lru_cache(maxsize=None)
def sop_schema() -> dict:
    """The SOP JSON Schema shipped with soptui."""
    return json.loads(resources.files("soptui.schemas").joinpath("sop.schema.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(sop_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@lru_cache(maxsize=None)
def _gate():
    """A compiled yes/no check (fastjsonschema), or None when it is not installed.

    It only decides whether the slow, message-writing validator needs to run at all. The schema
    keeps to keywords of draft 7, which fastjsonschema supports; a test checks that both
    validators agree on every sample.
    """
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover
        return None
    schema = dict(sop_schema(), **{"$schema": "http://json-schema.org/draft-07/schema#"})
    return fastjsonschema.compile(schema, formats={"date": r"^\d{4}-\d{2}-\d{2}$"})


def is_valid(instance: dict) -> bool | None:
    """True/False from the compiled gate, None when there is no gate."""
    gate = _gate()
    if gate is None:
        return None
    try:
        gate(instance)
    except Exception:  # noqa: BLE001 - any refusal sends the instance to the full validator
        return False
    return True


def _pointer(path) -> str:
    from .positions import escape

    return "".join(f"/{escape(str(part))}" for part in path)


def _type_of(value: object) -> Text:
    if isinstance(value, bool):
        return _TYPE_NAMES["boolean"]
    if isinstance(value, int):
        return _TYPE_NAMES["integer"]
    if isinstance(value, float):
        return _TYPE_NAMES["number"]
    if isinstance(value, str):
        return _TYPE_NAMES["string"]
    if isinstance(value, list):
        return _TYPE_NAMES["array"]
    return _TYPE_NAMES["object"]


def _key_name(path) -> str:
    named = [str(part) for part in path if not isinstance(part, int)]
    return named[-1] if named else "(dokumen)"


def _allowed_keys(schema: dict) -> list[str]:
    return sorted(schema.get("properties", {}))


def problems(instance: dict) -> list[tuple[str, Text]]:
    """Every schema violation of `instance` as (JSON pointer, message), in document order."""
    if is_valid(instance):
        return []
    found: list[tuple[str, Text]] = []
    for error in _validator().iter_errors(instance):
        for item in _translate(error):
            if item not in found:
                found.append(item)
    return found


def _translate(error) -> Iterator[tuple[str, Text]]:
    path = list(error.absolute_path)
    where = _pointer(path)
    key = f"`{_key_name(path)}`"
    kind = error.validator
    if "propertyNames" in error.absolute_schema_path:
        kind = "propertyNames"  # jsonschema reports the failing subschema (pattern) on the container
    if kind == "required":
        for name in error.validator_value:
            if name not in error.instance:
                yield where, Text(
                    f"kunci wajib `{name}` tidak ada" + (f" di {key}" if path else ""),
                    f"required key `{name}` is missing" + (f" in {key}" if path else ""),
                )
    elif kind == "additionalProperties":
        allowed = _allowed_keys(error.schema)
        for name in error.instance:
            if name in allowed:
                continue
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = Text(f"; maksud Anda `{close[0]}`?", f"; did you mean `{close[0]}`?") if close else Text(
                f"; kunci yang dikenal: {', '.join(allowed)}", f"; known keys: {', '.join(allowed)}"
            )
            yield _pointer([*path, name]), Text(
                f"kunci `{name}` tidak dikenal", f"unknown key `{name}`"
            ) + hint
    elif kind == "type":
        expected = _TYPE_NAMES.get(error.validator_value, Text(str(error.validator_value), str(error.validator_value)))
        actual = _type_of(error.instance)
        yield where, Text(
            f"{key} harus berupa {expected.id}, bukan {actual.id}",
            f"{key} must be {expected.en}, not {actual.en}",
        )
    elif kind == "format" and error.validator_value == "date":
        yield where, Text(
            f"{key} bukan tanggal: tulis tanggal tanpa tanda kutip, mis. 2023-07-26 (ditulis {error.instance!r})",
            f"{key} is not a date: write the date without quotes, e.g. 2023-07-26 (found {error.instance!r})",
        )
    elif kind == "pattern" and path and path[-1] == "waktu":
        yield where, Text(
            f"waktu {error.instance!r} tidak terbaca: tulis angka dan satuan "
            '(detik, menit, jam, hari, minggu, bulan), mis. "10 menit", "2 jam", "1 hari"',
            f"waktu {error.instance!r} cannot be read: write a number and a unit "
            '(detik, menit, jam, hari, minggu, bulan), e.g. "10 menit", "2 jam", "1 hari"',
        )
    elif kind == "pattern" and path and path[-1] == "simbol":
        yield where, Text(
            f"simbol {error.instance!r} harus ditulis huruf kecil tanpa spasi, mis. \"keputusan\"",
            f"simbol {error.instance!r} must be lowercase without spaces, e.g. \"keputusan\"",
        )
    elif kind == "propertyNames":
        name = error.instance
        yield _pointer([*path, name]), Text(
            f"id pelaksana `{name}` harus huruf kecil, angka dan _, diawali huruf (mis. `kasubbag_umum`)",
            f"pelaksana id `{name}` must be lowercase letters, digits and _, starting with a letter "
            "(e.g. `kasubbag_umum`)",
        )
    elif kind in ("minLength", "minItems"):
        yield where, Text(f"{key} kosong", f"{key} is empty")
    elif kind == "minimum":
        yield where, Text(
            f"{key} harus {error.validator_value} atau lebih (ditulis {error.instance})",
            f"{key} must be {error.validator_value} or more (found {error.instance})",
        )
    elif kind == "dependentRequired":
        for present, needed in error.validator_value.items():
            for name in needed:
                if present in error.instance and name not in error.instance:
                    yield where, Text(
                        f"langkah keputusan memerlukan `ya` dan `tidak`: `{present}` ada, `{name}` tidak",
                        f"a decision step needs both `ya` and `tidak`: `{present}` is given, `{name}` is not",
                    )
    else:
        yield where, Text(f"{key}: {error.message}", f"{key}: {error.message}")
