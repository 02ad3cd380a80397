"""The regulation registry: what soptui knows about the regulations an SOP cites.

Each entry says of one regulation its type, number, year and title, its status (in force,
amended, superseded, revoked, expired), what replaced it, how sure that fact is (`confidence`)
and where it comes from (`source`). soptui ships one registry, ``soptui/data/regulations.toml``;
a configuration adds files with ``registries = ["..."]`` (relative to the configuration file) and
a plugin with the hook ``soptui_registries()``. Files are read in that order (shipped,
configuration, plugins) and a later entry replaces an earlier one of the same type, number, year
(and region), so a kabupaten can correct or extend what soptui ships.

Every file is checked against ``schemas/registry.schema.json``; a mistake is a `RegistryError`
whose message names the file, line and key.

    >>> registry = load_registry()
    >>> registry.lookup(parse_citation("PP 46/2011")).status
    'revoked'
"""

from __future__ import annotations

import functools
import json
import marshal
import re
import zlib
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from . import schema_file
from .citation import (
    REGIONAL, WITH_ISSUER, Citation, jenis_name, nomor_key, normalise_title, parse_citation, region_key,
    sequence_number, short_label,
)
from .files import read_regular_text
from .i18n import Text, TextError, glossed
from .suggest import closest

STATUSES = ("in_force", "amended", "superseded", "revoked", "expired")
CONFIDENCES = ("verified", "secondary", "chain", "well_known")

CONFIDENCE_TEXT = {
    "verified": Text("terverifikasi", "verified"),
    "secondary": Text("sumber sekunder", "secondary source"),
    "chain": Text("rantai penggantian belum dipastikan", "replacement chain not confirmed"),
    "well_known": Text("umum diketahui, belum dibaca ulang", "well known, not re-read"),
}
STATUS_TEXT = {
    "in_force": Text("berlaku", "in force"),
    "amended": Text("berlaku, telah diubah", "in force, amended"),
    "superseded": Text("sudah diganti", "superseded"),
    "revoked": Text("dicabut", "revoked"),
    "expired": Text("masa berlakunya berakhir", "expired"),
}
# statuses whose citation is out of date
OUTDATED = ("superseded", "revoked", "expired")

# A registry is a table of regulations; a file past this is not one (or is /dev/zero).
MAX_REGISTRY_BYTES = 16 * 1024 * 1024


class RegistryError(TextError):
    """A registry file soptui cannot use; the message names the file, line and key."""


class Entry(NamedTuple):
    """What the registry knows about one regulation."""

    kind: str
    nomor: str
    tahun: int
    status: str
    confidence: str
    source: str
    judul: str | None = None
    region: str | None = None
    replaced_by: tuple[Citation, ...] = ()
    amended_by: tuple[Citation, ...] = ()
    miscited_as: tuple[Citation, ...] = ()
    expired_in: int | None = None
    note: str | None = None
    origin: str = ""  # "file:line" of its [[regulation]] table
    ministry: str | None = None  # for a permen, kepmen or perka: "Keuangan", "Arsip Nasional"

    @property
    def citation(self) -> Citation:
        return Citation(self.short(), self.kind, self.nomor, self.tahun, self.judul, self.region, self.ministry)

    @property
    def jenis(self) -> str:
        return jenis_name(self.kind)

    def short(self) -> str:
        """"PP 46/2011"."""
        return short_label(self.kind, self.nomor, self.tahun, self.region, self.ministry)

    def label(self) -> str:
        """"PP 30/2019 tentang Penilaian Kinerja Pegawai Negeri Sipil" (the title when known)."""
        return f"{self.short()} tentang {self.judul}" if self.judul else self.short()

    @property
    def outdated(self) -> bool:
        return self.status in OUTDATED


def _region_name(kind: str, region: str | None) -> str:
    return region_key(region)[1] if region and kind in REGIONAL else ""


def _ministry_name(kind: str, ministry: str | None) -> str:
    """A ministry as compared: "Pekerjaan Umum dan Perumahan Rakyat" = "pekerjaan umum dan perumahan rakyat"."""
    return " ".join(re.findall(r"[a-z]+", ministry.casefold())) if ministry and kind in WITH_ISSUER else ""


class Registry:
    """Entries by type, number and year; a later entry of the same key replaces an earlier one."""

    def __init__(self, entries: Iterable[Entry] = (), files: Iterable[str] = (),
                 sources: Iterable[tuple[str, str]] = ()) -> None:
        self._by_key: dict[tuple, Entry] = {}
        for entry in entries:
            self._by_key[_entry_key(entry)] = entry
        self.files = tuple(files)
        self._sources = tuple(sources)  # (name, text) of each file read
        self._by_number: dict[tuple[str, int], list[Entry]] = {}
        self._miscited: dict[tuple, Entry] = {}
        self._lookups: dict[tuple, Entry | None] = {}
        for entry in self._by_key.values():
            for number in _numbers(entry.nomor):
                self._by_number.setdefault((number, entry.tahun), []).append(entry)
            for wrong in entry.miscited_as:
                for number in _numbers(wrong.nomor or ""):
                    self._miscited[(wrong.kind, number, wrong.tahun)] = entry

    @functools.cached_property
    def digest(self) -> str:
        """Changes when any file's text changes (a part of the cache key). Computed when first
        asked for: a run without the cache never needs it, nor the import of hashlib."""
        import hashlib

        digest = hashlib.blake2b(digest_size=16)
        for name, text in self._sources:
            digest.update(name.encode() + b"\0" + text.encode() + b"\0")
        return digest.hexdigest()

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def lookup(self, citation: Citation) -> Entry | None:
        """The entry of exactly this type, number and year (and region, when it names one)."""
        if not citation.recognised or citation.kind is None:
            return None
        key = (citation.kind, citation.nomor, citation.tahun, citation.region, citation.ministry)
        try:
            return self._lookups[key]
        except KeyError:
            found = self._lookups[key] = self._lookup(citation)
            return found

    def _lookup(self, citation: Citation) -> Entry | None:
        found = [e for e in self._candidates(citation) if e.kind == citation.kind]
        if citation.kind in REGIONAL:
            wanted = _region_name(citation.kind, citation.region)
            if wanted:
                found = [e for e in found if _region_name(e.kind, e.region) == wanted]
            # a citation that names no region matches only when a single entry fits
            return found[0] if len(found) == 1 else None
        if citation.kind in WITH_ISSUER:  # Permenkeu 5/2019 is not Permensos 5/2019
            wanted = _ministry_name(citation.kind, citation.ministry)
            if wanted:
                found = [e for e in found if _ministry_name(e.kind, e.ministry) in (wanted, "")]
            return found[0] if len(found) == 1 else None
        return found[0] if found else None

    def with_title(self, citation: Citation) -> list[Entry]:
        """Entries of the citation's type whose title is the cited title (compared as
        `normalise_title` does), whatever their number and year: for `miscited-regulation`."""
        if not citation.judul or citation.kind is None:
            return []
        return self._by_title.get((citation.kind, normalise_title(citation.judul)), [])

    @functools.cached_property
    def _by_title(self) -> dict[tuple[str, str], list[Entry]]:
        index: dict[tuple[str, str], list[Entry]] = {}
        for entry in self._by_key.values():
            if entry.judul:
                index.setdefault((entry.kind, normalise_title(entry.judul)), []).append(entry)
        return index

    def same_number(self, citation: Citation) -> list[Entry]:
        """Entries of another type with the citation's number and year (for `wrong-regulation-type`)."""
        if not citation.recognised:
            return []
        return [e for e in self._candidates(citation) if e.kind != citation.kind]

    def miscited(self, citation: Citation) -> Entry | None:
        """The regulation this citation is a known wrong citation of (its `miscited_as`)."""
        if not citation.recognised:
            return None
        for number in _numbers(citation.nomor or ""):
            entry = self._miscited.get((citation.kind, number, citation.tahun))
            if entry is not None:
                return entry
        return None

    def resolve(self, citation: Citation) -> Entry | None:
        """`lookup`, for a citation named by an entry (replaced_by, amended_by)."""
        return self.lookup(citation)

    def replacements(self, entry: Entry) -> list[Citation]:
        """Everything that replaced `entry`, directly or through the entries of its replacements."""
        seen: list[Citation] = []
        keys: set[tuple] = set()
        queue = list(entry.replaced_by)
        while queue:
            citation = queue.pop(0)
            key = citation.key
            if key is None or key in keys:
                continue
            keys.add(key)
            seen.append(citation)
            follow = self.lookup(citation)
            if follow is not None:
                queue += follow.replaced_by
        return seen

    def _candidates(self, citation: Citation) -> list[Entry]:
        found: list[Entry] = []
        for number in _numbers(citation.nomor or ""):
            for entry in self._by_number.get((number, citation.tahun), ()):
                if entry not in found:
                    found.append(entry)
        return found


@functools.lru_cache(maxsize=4096)
def _numbers(nomor: str) -> tuple[str, ...]:
    """The keys a number is found under: "KEP/135/M.PAN/9/2004" under itself and "135"."""
    key, sequence = nomor_key(nomor), sequence_number(nomor)
    return (key, sequence) if sequence and sequence != key else (key,)


def _entry_key(entry: Entry) -> tuple:
    return (entry.kind, nomor_key(entry.nomor), entry.tahun, _region_name(entry.kind, entry.region),
            _ministry_name(entry.kind, entry.ministry))


# -- reading files -------------------------------------------------------------------------------

SHIPPED = "data/regulations.toml"


def shipped_text() -> str:
    # read from the package folder: importlib.resources would find the same file, but importing
    # it costs every start
    return Path(__file__).parent.joinpath(SHIPPED).read_text("utf-8")


@functools.lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(Path(schema_file("registry.schema.json")).read_text("utf-8"))


def read_registry_text(text: str, name: str, validate: bool = True) -> list[Entry]:
    """The entries of one registry file's text; `RegistryError` listing every problem, each with
    `name:line:col`. `validate=False` skips the JSON Schema check (for the shipped registry,
    which the test suite validates), sparing every run the import of jsonschema."""
    data = _parsed(text, name)
    problems = []
    if validate:
        from jsonschema import Draft202012Validator

        errors = sorted(Draft202012Validator(_schema()).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    else:
        errors = []
    for error in errors:
        keys = [str(p) for p in error.absolute_path]
        if error.validator == "additionalProperties":
            known = sorted(error.schema.get("properties", {}))
            extra = next((k for k in error.instance if k not in known), "?")
            keys.append(extra)
            close = closest(extra, known)
            detail = glossed("kunci tidak dikenal", "unknown key", f" `{extra}`")
            if close:
                detail += Text(f"; maksud Anda `{close}`? (did you mean `{close}`?)", f"; did you mean `{close}`?")
        elif error.validator == "oneOf":
            detail = Text(f"`{_dotted(keys)}`: {error.instance!r} bukan kutipan: tulis teks seperti \"PP 30/2019\" atau "
                          "tabel {kind, nomor, tahun} (not a citation: write text such as \"PP 30/2019\" or a table)",
                          f"`{_dotted(keys)}`: {error.instance!r} is not a citation: write text such as \"PP 30/2019\" "
                          "or a table {kind, nomor, tahun}")
        else:
            detail = Text(f"`{_dotted(keys)}`: {error.message}", f"`{_dotted(keys)}`: {error.message}")
        problems.append(_placed(name, text, keys, detail))
    if problems:
        raise RegistryError(_lines(problems))
    entries, seen = [], {}
    raws = data.get("regulation", [])
    origins = _origins(name, text, len(raws))
    for index, raw in enumerate(raws):
        keys = ["regulation", str(index)]
        try:
            entry = _entry(raw, origins[index] if origins else _where(name, text, keys))
        except ValueError as error:
            field_name, detail = error.args
            problems.append(_placed(name, text, [*keys, *field_name],
                                    detail if isinstance(detail, Text) else Text(detail, detail)))
            continue
        key = _entry_key(entry)
        if key in seen:
            problems.append(_placed(name, text, keys, Text(f"{entry.short()} sudah tercantum di {seen[key]} "
                                                           f"(already listed at {seen[key]})",
                                                           f"{entry.short()} is already listed at {seen[key]}")))
            continue
        seen[key] = entry.origin
        entries.append(entry)
    if problems:
        raise RegistryError(_lines(problems))
    return entries


def _parsed(text: str, name: str) -> dict:
    """The TOML document of a registry file; `RegistryError` in the words, and with the place and
    the line, that a broken SOP file gets (the loader's)."""
    from .loading.said import Unparsed, read_toml  # here: the loader only with a file to read

    try:
        return read_toml(name, text)
    except Unparsed as problem:
        raise RegistryError(problem.message) from None


def _lines(problems: list[Text]) -> Text:
    return Text("\n".join(p.id for p in problems), "\n".join(p.en for p in problems))


def _dotted(keys: list[str]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if key.isdigit() else (f".{key}" if out else key)
    return out


_REGULATION_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*regulation[ \t]*\]\]", re.MULTILINE)


def _origins(name: str, text: str, count: int) -> list[str] | None:
    """`name:line:col` of each [[regulation]] table, found without the full position scan (which
    cost more than the rest of loading the registry); None when the tables are not all written
    as such headers, and `_where` must scan."""
    headers = [match.end() - len(match[0].lstrip()) for match in _REGULATION_HEADER.finditer(text)]
    if len(headers) != count:
        return None
    origins, line, counted = [], 1, 0
    for offset in headers:
        line += text.count("\n", counted, offset)
        counted = offset
        column = offset - text.rfind("\n", 0, offset)
        origins.append(f"{name}:{line}:{column}")
    return origins


def _placed(name: str, text: str, keys: list[str], message: Text) -> Text:
    """`message` about the element at `keys`, after its `name:line:col` and with its line and a
    caret below; after the file's name alone when it cannot be placed."""
    from .loading.said import placed

    return placed(name, text, "/" + "/".join(keys), message)


def _where(name: str, text: str, keys: list[str]) -> str:
    from .loading.said import where

    return where(name, text, "/" + "/".join(keys))


def _citations(values: list, field_name: str) -> tuple[Citation, ...]:
    found = []
    for index, value in enumerate(values or ()):
        if isinstance(value, str):
            citation = parse_citation(value)
            if not citation.recognised:
                raise ValueError([field_name, str(index)], Text(
                    f"`{field_name}`: {value!r} bukan kutipan yang terbaca; tulis mis. \"PP 30/2019\" "
                    f"(not a citation soptui can read; write e.g. \"PP 30/2019\")",
                    f"`{field_name}`: {value!r} is not a citation soptui can read; write e.g. \"PP 30/2019\""))
        else:
            citation = Citation(short_label(value["kind"], value["nomor"], value["tahun"], value.get("region"),
                                            value.get("ministry")),
                                value["kind"], value["nomor"], value["tahun"], value.get("judul"), value.get("region"),
                                value.get("ministry"))
        found.append(citation)
    return tuple(found)


def _entry(raw: dict, origin: str) -> Entry:
    kind = raw["kind"]
    if kind in REGIONAL and not raw.get("region"):
        raise ValueError(["kind"], Text(f"`{kind}` adalah peraturan daerah: tulis `region` (a regional regulation: "
                                        "give its `region`)", f"`{kind}` is a regional regulation: give its `region`"))
    if raw["status"] == "expired" and "expired_in" not in raw:
        raise ValueError(["status"], glossed("status `expired` memerlukan `expired_in`",
                                             "status `expired` needs `expired_in`"))
    return Entry(
        kind=kind,
        nomor=raw["nomor"],
        tahun=raw["tahun"],
        status=raw["status"],
        confidence=raw["confidence"],
        source=raw["source"],
        judul=raw.get("judul"),
        region=raw.get("region"),
        replaced_by=_citations(raw.get("replaced_by", []), "replaced_by"),
        amended_by=_citations(raw.get("amended_by", []), "amended_by"),
        miscited_as=_citations(raw.get("miscited_as", []), "miscited_as"),
        expired_in=raw.get("expired_in"),
        note=raw.get("note"),
        origin=origin,
        ministry=raw.get("ministry"),
    )


# The shipped registry's entries as plain tuples, with the checksum of the text they were read
# from: reading them back costs a fraction of parsing the file and its citations, which every
# lint would otherwise do at its start. `python -m soptui.cli.stores` writes it.
SHIPPED_STORE = Path(__file__).parent / "data" / "regulations.marshal"
_CITATION_FIELDS = tuple(Entry._fields.index(name) for name in ("replaced_by", "amended_by", "miscited_as"))


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def shipped_entries(text: str, name: str, store: Path = SHIPPED_STORE) -> list[Entry]:
    """The entries of the shipped registry's `text`: from the store when it was written from
    this very text (and name), else read from the text (unvalidated: the test suite validates
    the shipped file)."""
    try:
        checksum, stored_name, rows = marshal.loads(store.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        rows = None
    if rows is None or stored_name != name or checksum != _checksum(text):
        return read_registry_text(text, name, validate=False)
    entries = []
    for row in rows:
        fields = list(row)
        for index in _CITATION_FIELDS:
            fields[index] = tuple(Citation(*citation) for citation in fields[index])
        entries.append(Entry(*fields))
    return entries


def write_shipped_store(store: Path = SHIPPED_STORE) -> int:
    """Write the store of the shipped registry's entries; how many entries."""
    name, text = "soptui/" + SHIPPED, shipped_text()
    rows = [tuple(tuple(tuple(c) for c in value) if index in _CITATION_FIELDS else value
                  for index, value in enumerate(entry))
            for entry in read_registry_text(text, name, validate=False)]
    store.write_bytes(marshal.dumps((_checksum(text), name, rows)))
    return len(rows)


def load_registry(extra: Iterable[str | Path] = (), shipped: bool = True) -> Registry:
    """The shipped registry (unless `shipped=False`) and then each file of `extra`, later
    entries replacing earlier ones. `RegistryError` when a file is missing or invalid."""
    entries: list[Entry] = []
    files: list[str] = []
    sources: list[tuple[str, str]] = []
    if shipped:
        sources.append(("soptui/" + SHIPPED, shipped_text()))
    shipped_name = sources[0][0] if shipped else None
    for path in extra:
        try:
            # a BOM is no part of the TOML (nor a column of its first line)
            sources.append((str(path), read_regular_text(path, MAX_REGISTRY_BYTES, "utf-8-sig")))
        except FileNotFoundError:
            raise RegistryError(Text(f"{path}: berkas registri tidak ada (no such registry file)",
                                     f"{path}: no such registry file")) from None
        except UnicodeDecodeError as error:  # where, as in a configuration or an SOP file
            from .loading.said import undecodable

            raise RegistryError(undecodable(str(path), error)) from None
        except OSError as error:
            raise RegistryError(Text(f"{path}: tidak dapat dibaca (cannot be read): {error.strerror or error}",
                                     f"{path}: cannot be read: {error.strerror or error}")) from None
    for name, text in sources:
        if name == shipped_name:
            entries += shipped_entries(text, name)
        else:
            entries += read_registry_text(text, name)
        files.append(name)
    return Registry(entries, files, sources=sources)


# -- which registry a run uses ---------------------------------------------------------------------
# A session builds its registry once (`registry_for(config, plugins.manager)`) and hands it to the
# rules on their `Context`: nothing here finds a configuration or loads plugins, and nothing here
# imports the checker.


@functools.lru_cache(maxsize=1)
def shipped_registry() -> Registry:
    """soptui's own registry alone: what a rule sees when no session gave it another. Read once
    a process; it depends on nothing but the file shipped with soptui."""
    return load_registry()


def hook_registries(manager: Any) -> list[Path]:
    """The registry files every plugin of `manager` (pluggy's; None when no third-party plugin
    loaded) contributes through `soptui_registries()`."""
    paths: list[Path] = []
    if manager is None:
        return paths
    for result in manager.hook.soptui_registries():
        for item in result or ():
            paths.append(Path(str(item)))
    return paths


def registry_for(config: Any = None, manager: Any = None) -> Registry:
    """The shipped registry, then `config.registries`, then the files of the plugins of `manager`."""
    extra: list[Path] = list(getattr(config, "registries", ()) or ())
    if manager is not None:
        extra += hook_registries(manager)
    if not extra:
        return shipped_registry()
    return load_registry(extra)


# -- words for messages ------------------------------------------------------------------------------


def confidence_text(entry: Entry) -> Text:
    """"registri: terverifikasi" / "registry: verified"."""
    words = CONFIDENCE_TEXT[entry.confidence]
    return Text(f"registri: {words.id}", f"registry: {words.en}")


def citation_label(citation: Citation, registry: Registry) -> str:
    """A replacement as named in a message: its short form, and its title when known."""
    entry = registry.resolve(citation)
    if entry is not None:
        return entry.label()
    return f"{citation.short()} tentang {citation.judul}" if citation.judul else citation.short()


def replacement_text(entry: Entry, registry: Registry) -> Text:
    """What replaced `entry`: "PP 30/2019 tentang ...", or a chain "A, lalu B, kini C tentang ..."."""
    chain = list(entry.replaced_by)
    if not chain:
        return Text("penggantinya belum diketahui", "no replacement is known")
    if len(chain) == 1:
        name = citation_label(chain[0], registry)
        return Text(f"penggantinya {name}", f"replaced by {name}")
    earlier = ", ".join(c.short() for c in chain[:-1])
    last = citation_label(chain[-1], registry)
    return Text(f"penggantinya {earlier}, dan yang terakhir {last}",
                f"replaced by {earlier}, and last by {last}")


__all__ = [
    "CONFIDENCES", "CONFIDENCE_TEXT", "Entry", "Registry", "RegistryError", "STATUSES", "STATUS_TEXT",
    "citation_label", "confidence_text", "hook_registries", "load_registry", "read_registry_text",
    "registry_for", "replacement_text", "shipped_registry", "shipped_text",
]
