"""TOML file -> schema check -> `Sop`, with every problem pointing at its file, line and column.

The loader never raises on bad input. Whatever the bytes (empty, binary, not UTF-8, too large,
nested ten thousand deep, not an SOP at all), the result is either a `Sop` or a list of problems,
each reported once, in a sentence a reviewer can act on.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from ..citation import parse_citation
from ..files import read_regular
from ..i18n import Text
from ..model import SECTIONS, MonthDate, Signer, Sop, Step
from ..tanggal import parse_iso
from ..source import Pos
from ..waktu import parse_waktu
from . import schema, toml
from .locate import LazySource
from .plain_valid import plainly_valid

# An SOP is a few kilobytes; the largest real one seen is under 20 KB. Anything past this limit
# is not an SOP, and refusing it up front keeps a stray dump from stalling a whole lint run.
MAX_FILE_BYTES = 1024 * 1024
# Real SOPs nest two levels deep. tomllib recurses per bracket and would exhaust the stack.
MAX_NESTING = 100

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")
_DATE_KEYS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
# Dotted keys nest tables without a bracket: `a.b.c = 1`. A chain of MAX_NESTING parts is looked
# for only in a text with that many dots; tomllib's time grows with the square of the chain.
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\r\n]*"|'[^'\r\n]*')"""
_DOTTED_CHAIN = re.compile(rf"(?:{_KEY_PART}[ \t]*\.[ \t]*){{{MAX_NESTING}}}")
_new_step = partial(tuple.__new__, Step)  # a Step from a tuple of all its fields (see `_step`)


class _TooDeep(Exception):
    """Raised by `_as_json` for data nested deeper than MAX_NESTING; carries the pointer."""


class Problem(NamedTuple):
    """Why a file could not be loaded, and where."""

    path: str
    pos: Pos
    message: Text
    pointer: str | None = None
    # "load-error" (the file cannot be read: no model) or a structural defect of a file that
    # still has a lenient model: "wrong-type", "unknown-key", "missing-key", "date-as-text",
    # "negative-number" (the checker gives each its code)
    kind: str = "load-error"
    # (value,) to write at `pointer` that mends the defect, when there is an obvious one
    replacement: tuple | None = None

    def render(self, lang: str = "id") -> str:
        return f"{self.path}:{self.pos.line}:{self.pos.col}: {self.message(lang)}"


class LoadResult(NamedTuple):
    """A loaded SOP, or the problems that kept it from loading."""

    path: str
    sop: Sop | None
    problems: tuple[Problem, ...] = ()
    # The lenient model of a file that parses as TOML but has structural problems: the broken
    # elements left out and named in `Sop.broken`. The checker lints it (rules whose inputs are
    # broken are skipped); an editor shows it while the user mends the file.
    draft: Sop | None = None

    @property
    def ok(self) -> bool:
        return self.sop is not None


def load_file(path: Path | str) -> LoadResult:
    """Load one SOP file."""
    name = str(path)
    try:
        data, _ = read_regular(path, MAX_FILE_BYTES)
    except OSError as error:
        if error.errno == errno.EFBIG:
            return _too_large(name)
        if error.errno in (errno.ENOENT, errno.ELOOP) and os.path.islink(name):  # found in a folder
            return _fail(name, Pos(1, 1), Text(f"tautan simbolik tidak menuju berkas: {error.strerror}",
                                               f"a symbolic link that leads to no file: {error.strerror}"))
        return _fail(name, Pos(1, 1), Text(f"tidak dapat dibaca: {error.strerror}", f"cannot be read: {error.strerror}"))
    return load_bytes(data, name)


def _too_large(path: str) -> LoadResult:
    return _fail(path, Pos(1, 1), Text(
        f"berkas terlalu besar (lebih dari {MAX_FILE_BYTES // 1024} KB); SOP sebesar itu tidak wajar",
        f"file too large (over {MAX_FILE_BYTES // 1024} KB); no SOP is that big",
    ))


_BINARY = Text("berkas biner, bukan teks TOML", "binary file, not TOML text")


def load_bytes(data: bytes, path: str) -> LoadResult:
    """Load an SOP from raw bytes; `path` names it in messages."""
    if len(data) > MAX_FILE_BYTES:
        return _too_large(path)
    if b"\x00" in data:
        return _fail(path, _byte_pos(data, data.index(b"\x00")), _BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:  # its offset is in the bytes after a BOM, as `object` holds them
        return _fail(path, *not_utf8(error.object, error.start))
    return load_text(text, path)


def not_utf8(data: bytes, start: int) -> tuple[Pos, Text]:
    """Where `data` stops being UTF-8 (its first bad byte at offset `start`), and what to do."""
    return _byte_pos(data, start), Text(
        f"bukan teks UTF-8 (byte 0x{data[start]:02X}); simpan berkas sebagai UTF-8",
        f"not UTF-8 text (byte 0x{data[start]:02X}); save the file as UTF-8",
    )


def nesting_problem(text: str) -> Pos | None:
    """Where `text` nests brackets or dotted keys deeper than MAX_NESTING, if it does: checked
    before parsing, since the parsers recurse (or slow down) with the depth."""
    # Counting is cheap; only a file with many brackets or dots is worth a scan for depth.
    if text.count("[") + text.count("{") > MAX_NESTING:
        from .positions import deepest_nesting  # here: the common case never needs the scanner

        too_deep = deepest_nesting(text, MAX_NESTING)
        if too_deep is not None:
            return too_deep
    if text.count(".") > MAX_NESTING:
        chain = _DOTTED_CHAIN.search(text)
        if chain is not None:
            return Pos(text.count("\n", 0, chain.start()) + 1, chain.start() - text.rfind("\n", 0, chain.start()))
    return None


def load_text(text: str, path: str) -> LoadResult:
    """Load an SOP from TOML text; `path` names it in messages and in the model."""
    if not text.strip():
        return _fail(path, Pos(1, 1), Text("berkas kosong", "file is empty"))
    if "\x00" in text:  # the UI's text, decoded leniently: the same verdict as load_bytes gives
        offset = text.index("\x00")
        return _fail(path, Pos(text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)),
                     _BINARY)
    too_deep = nesting_problem(text)
    if too_deep is not None:
        return _fail(path, too_deep, Text(
            f"susunan [ ], {{ }} atau kunci bertitik terlalu dalam (lebih dari {MAX_NESTING} tingkat)",
            f"brackets or dotted keys nested too deep (over {MAX_NESTING} levels)",
        ))
    try:
        data = toml.parse(text)
    except (RecursionError, ValueError, TypeError) as error:
        if toml.is_decode_error(error):
            return _fail(path, *_toml_error(error, text))
        # defensive: tomllib bugs on odd input
        return _fail(path, Pos(1, 1), Text(f"TOML tidak terbaca: {error}", f"unreadable TOML: {error}"))
    source = LazySource(text)
    if plainly_valid(data) or schema.is_valid(_top_dates_as_text(data)):
        found: list[Problem] = []
        broken: set[str] = set()
    else:
        try:
            data, found, broken = _lenient(data, path, source)
        except _TooDeep as deep:
            return _fail(path, _locate(source, deep.args[0]), Text(
                f"kunci bertitik terlalu dalam (lebih dari {MAX_NESTING} tingkat)",
                f"dotted keys nested too deep (over {MAX_NESTING} levels)",
            ))
    found += _dates_as_text(data, path, source, broken)
    if found:
        return LoadResult(path, None, tuple(found), _draft(data, path, source, text, broken))
    return LoadResult(path, _build(data, Path(path), source, text))


def _lenient(data: dict, path: str, source: LazySource) -> tuple[dict, list[Problem], set[str]]:
    """The data without its structurally broken elements, a problem for each, and the names of
    the inputs they break (see `broken_input`). Content defects (a blank text, an unreadable
    waktu, a simbol in capitals) stay in the data: rules report them."""
    misplaced: list[str] = []
    plain = _as_json(data, "", misplaced)
    every = schema.violations(plain)
    violations = [v for v in every if v[1] in schema.STRUCTURAL]
    typed = {element for _, kind, element, _ in violations if kind == "type"}
    found = [
        Problem(path, _locate(source, pointer), Text(
            "tanggal atau jam di tempat yang meminta teks: beri tanda kutip, mis. \"2023-07-26\"",
            "a date or time where text is expected: put it in quotes, e.g. \"2023-07-26\"",
        ), pointer, "wrong-type", (_value_at(plain, pointer),))
        for pointer in misplaced if pointer not in typed
    ] + [
        Problem(path, _locate(source, where), message, where, schema.STRUCTURAL[kind])
        for where, kind, element, message in violations
    ]
    gone = set(misplaced) | {element for _, kind, element, _ in violations if kind != "required"}
    broken = {broken_input(element) for _, kind, element, _ in violations if kind != "additionalProperties"}
    # an unknown key that is a known one misspelt: the known one is broken, not merely absent
    broken |= {broken_input(element) for _, kind, element, _ in every if kind == "misspelling"}
    broken |= {broken_input(pointer) for pointer in misplaced}
    return _without(data, "", gone), found, broken


def broken_input(pointer: str) -> str:
    """The input a broken element breaks, as rules name what they need (`Rule.needs`): the
    top-level key, or for a step's field `langkah.FIELD` ("/langkah/3/waktu" -> "langkah.waktu")."""
    parts = pointer.split("/")[1:] or [""]
    top = parts[0].replace("~1", "/").replace("~0", "~")
    if top == "langkah" and len(parts) >= 3:
        return f"langkah.{parts[2]}"
    return top


def _without(value: object, pointer: str, gone: set[str]) -> object:
    """`value` without the elements at the pointers in `gone` (a copy of what holds one)."""
    if not gone:
        return value
    if isinstance(value, dict):
        return {key: _without(item, f"{pointer}/{_escape(key)}", gone) for key, item in value.items()
                if f"{pointer}/{_escape(key)}" not in gone}
    if isinstance(value, list):
        return [_without(item, f"{pointer}/{index}", gone) for index, item in enumerate(value)
                if f"{pointer}/{index}" not in gone]
    return value


def _value_at(plain: object, pointer: str) -> object:
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        plain = plain[int(part)] if isinstance(plain, list) else plain[part]
    return plain


def _dates_as_text(data: dict, path: str, source: LazySource, broken: set[str]) -> list[Problem]:
    """A date key written as quoted text: a problem, with the date to write when the text is
    one (the model then holds it), else the key is left out of the model and broken. A
    year-month ("2019-09") is not a problem: it is how the format writes a month-only date."""
    found = []
    for key in _DATE_KEYS:
        value = data.get(key)
        if not isinstance(value, str):
            continue
        try:  # a month-only date is text: TOML has no year-month type
            data[key] = MonthDate.fromisoformat(value)
            continue
        except ValueError:
            pass
        try:  # YYYY-MM-DD only: 3.11's fromisoformat also takes "20230726" and "2023-W30-3"
            date = parse_iso(value)
        except ValueError:
            date = None
        if date is not None:
            data[key] = date
            found.append(Problem(path, source.locate(f"/{key}"), Text(
                f"`{key}` ditulis sebagai teks: tulis tanggal tanpa tanda kutip, mis. {key} = {date.isoformat()}",
                f"`{key}` is written as text: write the date without quotes, e.g. {key} = {date.isoformat()}",
            ), f"/{key}", "date-as-text", (date,)))
        else:
            del data[key]
            broken.add(key)
            found.append(Problem(path, source.locate(f"/{key}"), Text(
                f"`{key}` bukan tanggal: tulis tanggal tanpa tanda kutip, mis. {key} = 2023-07-26, "
                f"atau bulan saja sebagai teks, mis. {key} = \"2023-07\" (ditulis {value!r})",
                f"`{key}` is not a date: write the date without quotes, e.g. {key} = 2023-07-26, "
                f"or a month only as text, e.g. {key} = \"2023-07\" (found {value!r})",
            ), f"/{key}", "date-as-text"))
    return found


def _draft(data: dict, path: str, source: LazySource, text: str, broken: set[str]) -> Sop | None:
    try:
        return _build(data, Path(path), source, text, frozenset(broken))
    except Exception:  # noqa: BLE001 - defensive: the lenient data should always build
        return None


def _fail(path: str, pos: Pos, message: Text) -> LoadResult:
    return LoadResult(path, None, (Problem(path, pos, message),))


_BOM = b"\xef\xbb\xbf"


def _byte_pos(data: bytes, offset: int) -> Pos:
    """The position of byte `offset` of a file's `data`. A BOM that starts the data is no column
    of line 1: the text is read without it, and every other position counts from after it."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    if line_start == 0 and data.startswith(_BOM) and offset >= len(_BOM):
        line_start = len(_BOM)
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return Pos(data.count(b"\n", 0, offset) + 1, column)


def _toml_error(error: Exception, text: str) -> tuple[Pos, Text]:
    message = str(error)
    match = _TOML_POSITION.search(message)
    if match:
        pos = Pos(int(match[1]), int(match[2]))
        message = message[: match.start()]
    else:
        # lines as TOML counts them, at "\n" only: splitlines() also splits at U+2028 and the like
        lines = text.split("\n")
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()
        pos = Pos(len(lines), len(lines[-1].rstrip("\r")) + 1)
        message = _TOML_AT_END.sub("", message)
    if _at_end(text, pos) and not message.startswith(_SPECIFIC_AT_END):
        return pos, Text(
            "TOML tidak sah: berkas berakhir sebelum [ ], { } atau tanda kutip ditutup",
            "invalid TOML: the file ends before a [ ], { } or quote is closed",
        )
    if message.startswith("Invalid value"):
        return pos, Text("TOML tidak sah: ", "invalid TOML: ") + _invalid_value(text, pos)
    return pos, Text("TOML tidak sah: ", "invalid TOML: ") + _explain(message)


def _invalid_value(text: str, pos: Pos) -> Text:
    """tomllib's "Invalid value", said by what stands there: the hint to quote text helps only
    where a bare word starts (`nama = Camat`); a doubled `=` (`no = = 5`) would become text."""
    lines = text.split("\n")
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    first = line[pos.col - 1:pos.col]
    if first == "=":
        return Text("nilai tidak sah: tanda '=' tertulis dua kali", "invalid value: '=' is written twice")
    if first.isalpha() or first == "_":
        return Text("nilai tidak sah (teks harus diberi tanda kutip)", "invalid value (text needs quotes)")
    return Text("nilai tidak sah", "invalid value")


# Messages that say more than "the file ends early" even when the error is at the very end.
_SPECIFIC_AT_END = ("Illegal character '\\n'", "Cannot overwrite", "Cannot declare", "Expected ']")


def _at_end(text: str, pos: Pos) -> bool:
    """Whether nothing but blanks follows `pos`: tomllib then met the end of the file mid-value."""
    lines = text.split("\n")
    rest = "\n".join([lines[pos.line - 1][pos.col - 1:], *lines[pos.line:]]) if pos.line <= len(lines) else ""
    return not rest.strip()


# tomllib's messages, reworded: (its English prefix, Indonesian, English). Unlisted ones are
# shown as tomllib wrote them.
_TOML_MESSAGES = (
    ("Illegal character '\\n'", "baris berakhir sebelum teks ditutup dengan tanda kutip",
     "the line ends before the text's closing quote"),
    ("Expected ']]' at the end of an array declaration", "header [[...]] tidak ditutup dengan ]]",
     "a [[...]] header is not closed with ]]"),
    ("Expected ']' at the end of a table declaration", "header [...] tidak ditutup dengan ]",
     "a [...] header is not closed with ]"),
    ("Invalid date or datetime", "tanggal tidak sah", "invalid date"),
    ("Expected '=' after a key in a key/value pair", "setelah kunci harus ada '='", "expected '=' after the key"),
    ("Invalid statement", "pernyataan tidak sah", "invalid statement"),
    ("Unclosed array", "daftar [ ] tidak ditutup", "unclosed list [ ]"),
    ("Unclosed inline table", "tabel { } tidak ditutup", "unclosed table { }"),
    ("Unterminated string", "teks tidak ditutup dengan tanda kutip", "unterminated text"),
    ("Cannot overwrite a value", "kunci yang sama ditulis dua kali", "the same key is written twice"),
    ("Cannot declare", "tabel yang sama dideklarasikan dua kali", "the same table is declared twice"),
    ("Illegal character", "karakter tidak sah", "illegal character"),
    ("Invalid initial character for a key part", "awal kunci tidak sah", "invalid start of a key"),
    ("Expected newline or end of document after a statement", "setelah nilai harus baris baru",
     "expected a new line after the value"),
)


def _explain(message: str) -> Text:
    for prefix, indonesian, english in _TOML_MESSAGES:
        if message.startswith(prefix):
            rest = message[len(prefix):]
            return Text(indonesian + rest, english + rest)
    return Text(message, message)


def _top_dates_as_text(data: dict) -> dict:
    """The date keys' values as JSON Schema sees them (ISO text): enough for the gate, which
    refuses a date anywhere else, `nama` included (and a refused file gets the full check)."""
    return {key: value.isoformat() if key in _DATE_KEYS and isinstance(value, (dt.date, dt.time)) else value
            for key, value in data.items()}


def _as_json(value: object, pointer: str, misplaced: list[str], depth: int = 0) -> object:
    """TOML values as JSON Schema sees them: dates and times become ISO strings, and the
    pointer of each one outside the date keys goes to `misplaced` (the type is checked before
    the conversion hides it). Raises `_TooDeep` past MAX_NESTING, before Python's stack ends."""
    if depth > MAX_NESTING:
        raise _TooDeep(pointer)
    if isinstance(value, dict):
        return {key: _as_json(item, f"{pointer}/{_escape(key)}", misplaced, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item, f"{pointer}/{index}", misplaced, depth + 1) for index, item in enumerate(value)]
    if isinstance(value, (dt.date, dt.time)):
        if pointer.lstrip("/") not in _DATE_KEYS:
            misplaced.append(pointer)
        return value.isoformat()
    return value


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _locate(source: LazySource, pointer: str) -> Pos:
    try:
        return source.locate(pointer)
    except (RecursionError, ValueError, KeyError, IndexError):
        return Pos(1, 1)


def _build(data: dict, path: Path, source: LazySource, text: str, broken: frozenset[str] = frozenset()) -> Sop:
    # A required key is missing only in a lenient model, whose `broken` names it.
    signer = data.get("disahkan_oleh")
    return Sop(
        path=path,
        nama=data.get("nama", ""),
        unit=data.get("unit", ""),
        nomor=data.get("nomor"),
        instansi=data.get("instansi"),
        alamat=data.get("alamat"),
        tanggal_pembuatan=data.get("tanggal_pembuatan"),
        tanggal_revisi=data.get("tanggal_revisi"),
        tanggal_efektif=data.get("tanggal_efektif"),
        **{key: tuple(data.get(key, ())) for key in SECTIONS if key != "dasar_hukum"},
        dasar_hukum=tuple(parse_citation(item) for item in data.get("dasar_hukum", ())),
        disahkan_oleh=Signer(**signer) if signer is not None else None,
        pelaksana=MappingProxyType(dict(data.get("pelaksana", {}))),
        hilang_di_sumber=tuple(item.strip().lower() for item in data.get("hilang_di_sumber", ())),
        langkah=tuple(_step(index, raw) for index, raw in enumerate(data.get("langkah", ()))),
        source=source,
        text=text,
        broken=broken,
    )


def _step(index: int, raw: dict) -> Step:
    # Built from one tuple of its fields, in `Step`'s order (each value named in the comment
    # beside it): a NamedTuple's constructor is a Python call, which with fourteen values costs
    # more than looking them up, and a lint builds a step for each [[langkah]] of every file.
    # tests/test_hot_path.py holds this equal to the same step built by keyword.
    get = raw.get
    waktu = get("waktu")
    actors = get("pelaksana")
    every = (actors,) if isinstance(actors, str) else tuple(actors) if isinstance(actors, list) else ()
    return _new_step((
        index,  # index
        get("no", index + 1),  # no: missing or broken (recorded in Sop.broken): its place
        get("kegiatan", ""),  # kegiatan
        every[0] if every else None,  # pelaksana
        get("simbol"),  # simbol
        get("ya"),  # ya
        get("tidak"),  # tidak
        get("lanjut"),  # lanjut
        tuple(get("kelengkapan", ())),  # kelengkapan
        waktu,  # waktu
        parse_waktu(waktu) if isinstance(waktu, str) else None,  # durasi
        tuple(get("output", ())),  # output
        get("keterangan"),  # keterangan
        every,  # pelaksana_semua
    ))


def toml_error(error: Exception, text: str) -> tuple[Pos, Text]:
    """tomllib's `error` on `text` as the loader words it: where, and what in both languages."""
    return _toml_error(error, text)
