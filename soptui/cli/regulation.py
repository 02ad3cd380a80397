"""Show what the regulation registry knows about a citation: how soptui reads it, its status,
what replaced it, how sure the registry is and where that fact comes from.

QUERY is free text: "PP 46/2011", "Permendagri 29 2014", or a whole dasar hukum item. When the
registry does not know the regulation under the type given, regulations of another type with the
same number and year are shown (a Permendagri that is really a Perpres).

The registry is soptui's own, then the files named by `registries = [...]` in the configuration
(found from the current folder, or --config), then those of installed plugins, then --registry.

With --unknown, the arguments are SOP files or folders instead, and the command lists the
citations of their dasar hukum that the registry does not know, most cited first, with the
number of citations and of files: what a kabupaten's own registry file should add.

examples:
  soptui regulation PP 46/2011
  soptui regulation --unknown sops/
  soptui regulation "Peraturan Menteri Dalam Negeri Nomor 29 Tahun 2014 tentang SAKIP"
  soptui regulation --registry balangan.toml Perbup Balangan 5/2020

exit codes: 0 the registry knows the regulation (--unknown: knows every citation), 1 it does not,
2 usage or registry error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

from ..checker.config import Config, ConfigError, find_config, load_config
from ..checker.plugins import load_plugins
from ..citation import Citation, jenis_name, parse_citation, short_label
from ..coverage import of_sop
from ..i18n import Text, glossed
from ..loading.discover import find_sop_files
from ..registry import CONFIDENCE_TEXT, STATUS_TEXT, RegistryError, citation_label, hook_registries, load_registry
from ..rules._regulations import title_relation
from . import EXIT_FINDINGS, EXIT_OK, UsageError, no_such_config

LABELS = {
    "citation": Text("Kutipan", "Citation"),
    "jenis": Text("jenis", "type"),
    "nomor": Text("nomor", "number"),
    "tahun": Text("tahun", "year"),
    "judul": Text("judul", "title"),
    "region": Text("daerah", "region"),
    "ministry": Text("kementerian", "ministry"),
    "amendment": Text("perubahan", "amendment"),
    "registry": Text("Registri", "Registry"),
    "status": Text("status", "status"),
    "replaced_by": Text("diganti oleh", "replaced by"),
    "amended_by": Text("diubah oleh", "amended by"),
    "confidence": Text("keyakinan", "confidence"),
    "source": Text("sumber", "source"),
    "note": Text("catatan", "note"),
    "origin": Text("berkas", "file"),
    "rule": Text("aturan", "rule"),
    "title_check": Text("judul dikutip", "cited title"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help='a citation: "PP 46/2011", "Permendagri 29 2014", ...')
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: found from the current folder)")
    parser.add_argument("--registry", action="append", default=[], metavar="FILE",
                        help="an extra registry file, read last (repeatable)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--unknown", action="store_true",
                        help="the arguments are SOP files or folders: list their citations the registry does not know")


def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query).strip()
    registry, config_lang = _registry(args)
    lang = getattr(args, "lang", None) or config_lang or "id"
    if args.unknown:
        return _unknown(args.query, registry, args.format, lang)
    citation = parse_citation(query)
    entry = registry.lookup(citation)
    others = registry.same_number(citation) if entry is None else []
    miscited = registry.miscited(citation) if entry is None else None
    if not citation.recognised:
        others = _by_number(registry, query)
    if args.format == "json":
        print(json.dumps(_as_json(query, citation, entry, others, miscited, registry), ensure_ascii=False, indent=2))
    else:
        print(_as_text(citation, entry, others, miscited, registry, lang))
    return EXIT_OK if entry is not None else EXIT_FINDINGS


def _registry(args: argparse.Namespace):
    given = getattr(args, "config", None)
    path = Path(given) if given else find_config(Path.cwd())
    if given and not path.is_file():
        raise UsageError(no_such_config(given))
    try:
        config = load_config(path) if path else Config()
    except ConfigError as error:
        raise UsageError(error.text) from None
    try:
        plugins = load_plugins(include=list(config.plugins))
        extra = [*config.registries, *hook_registries(plugins.manager), *map(Path, args.registry)]
        return load_registry(extra), config.lang
    except RegistryError as error:
        raise UsageError(Text(f"registri tidak dapat dipakai (registry cannot be used):\n{error.text.id}",
                              f"the registry cannot be used:\n{error.text.en}")) from None
    except Exception as error:  # noqa: BLE001 - e.g. a plugin rejected by pluggy
        raise UsageError(str(error)) from None


def _unknown(paths: list[str], registry, form: str, lang: str) -> int:
    """List the citations of the SOPs under `paths` that the registry does not know."""
    from ..loading.loader import load_file  # here: a lookup (no --unknown) reads no SOP

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(glossed("tidak ada", "no such file or folder", f": {', '.join(missing)}"))
    citations, files = Counter(), {}  # label -> times cited; label -> files citing it
    checked = 0
    for path in find_sop_files(paths):
        loaded = load_file(path)
        if loaded.sop is None:
            print(Text(f"{path}: tidak dapat dimuat, dilewati (soptui validate {path})",
                       f"{path}: cannot be loaded, skipped (soptui validate {path})")(lang), file=sys.stderr)
            continue
        count, unknown = of_sop(loaded.sop, registry)
        checked += count
        citations.update(unknown)
        for label in unknown:
            files.setdefault(label, set()).add(str(path))
    ranked = sorted(citations.items(), key=lambda item: (-item[1], item[0]))
    if form == "json":
        print(json.dumps({"checked": checked, "unknown": [
            {"citation": label, "count": count, "files": sorted(files[label])} for label, count in ranked]},
            ensure_ascii=False, indent=2))
    else:
        total = sum(citations.values())
        print(Text(f"{checked} kutipan peraturan diperiksa, {total} tidak dikenal registri "
                   f"({len(ranked)} peraturan berbeda)",
                   f"{checked} citations checked, {total} unknown to the registry ({len(ranked)} distinct)")(lang))
        if ranked:
            print(Text("  kali  berkas  kutipan", "  times  files  citation")(lang))
        for label, count in ranked:
            print(f"  {count:>4}  {len(files[label]):>6}  {label}")
    return EXIT_FINDINGS if ranked else EXIT_OK


def _by_number(registry, query: str) -> list:
    """Entries of any type with the number and year in an unreadable query ("29/2014")."""
    match = re.search(r"\b(\d+)\s*(?:/|\s+(?:tahun\s+)?)((?:19|20)\d{2})\b", query, re.I)
    if not match:
        return []
    probe = Citation(query, "?", match[1], int(match[2]))
    return registry.same_number(probe)


def _rule_for(entry, today_year: int) -> str | None:
    if entry.status == "revoked" and entry.confidence == "verified":
        return "SOP501 revoked-regulation (error)"
    if entry.status == "expired" and (entry.expired_in or 0) >= today_year:
        return None
    if entry.outdated:
        return "SOP502 superseded-regulation (warning)"
    return None


def _as_text(citation, entry, others, miscited, registry, lang: str) -> str:
    def label(key: str) -> str:
        return LABELS[key](lang)

    lines = []
    if citation.recognised:
        lines.append(f"{label('citation')}: {citation.short()}")
        rows = [("jenis", f"{citation.jenis} ({citation.kind})"), ("nomor", citation.nomor), ("tahun", citation.tahun),
                ("region", citation.region), ("ministry", citation.ministry), ("judul", citation.judul),
                ("amendment", ", ".join(_short(a) for a in citation.amendments) or citation.amendment)]
        lines += [f"  {label(key):<13} {value}" for key, value in rows if value not in (None, "")]
    else:
        what = Text("tidak terbaca sebagai kutipan peraturan (jenis, nomor, tahun)",
                    "cannot be read as a citation (type, number, year)")
        lines.append(f"{label('citation')}: {citation.text!r} {what(lang)}")
        if citation.kind:
            lines.append(f"  {label('jenis'):<13} {citation.jenis} ({citation.kind})")
    lines.append("")
    if entry is not None:
        lines.append(f"{label('registry')}: {entry.label()}")
        rows = [
            ("status", STATUS_TEXT[entry.status](lang) + (f" ({entry.expired_in})" if entry.expired_in else "")),
            ("replaced_by", "; ".join(citation_label(c, registry) for c in entry.replaced_by)),
            ("amended_by", ", ".join(c.short() for c in entry.amended_by)),
            ("confidence", f"{CONFIDENCE_TEXT[entry.confidence](lang)} ({entry.confidence})"),
            ("source", entry.source),
            ("note", entry.note),
            ("origin", entry.origin),
        ]
        if citation.judul and entry.judul:
            relation = title_relation(citation.judul, entry.judul)
            words = {"same": Text("sama dengan registri", "same as the registry"),
                     "truncated": Text("terpotong (SOP505)", "cut short (SOP505)"),
                     "different": Text("berbeda dari registri (SOP505)", "differs from the registry (SOP505)")}
            rows.append(("title_check", words[relation](lang)))
        rule = _rule_for(entry, dt.date.today().year)
        if rule:
            rows.append(("rule", rule))
        lines += [f"  {label(key):<13} {value}" for key, value in rows if value]
        return "\n".join(lines)
    unknown = Text(f"tidak mengenal {citation.short()}", f"does not know {citation.short()}")
    lines.append(f"{label('registry')}: {unknown(lang)}")
    if miscited is not None:
        known = Text(f"kutipan keliru yang dikenal untuk {miscited.label()} (SOP503)",
                     f"a known wrong citation of {miscited.label()} (SOP503)")
        lines.append(f"  {known(lang)}")
    if others:
        head = Text("dengan nomor dan tahun yang sama, jenis lain:", "same number and year, another type:")
        lines.append(f"  {head(lang)}")
        for other in others:
            status = STATUS_TEXT[other.status](lang)
            sure = CONFIDENCE_TEXT[other.confidence](lang)
            lines.append(f"    {other.label()}  [{status}; {sure}]")
    return "\n".join(lines)


def _short(amendment: tuple) -> str:
    kind, nomor, tahun = amendment
    return short_label(kind, nomor, tahun)


def _entry_json(entry) -> dict:
    return {
        "kind": entry.kind, "jenis": jenis_name(entry.kind), "nomor": entry.nomor, "tahun": entry.tahun,
        "short": entry.short(), "judul": entry.judul, "region": entry.region, "status": entry.status,
        "replaced_by": [c.short() for c in entry.replaced_by], "amended_by": [c.short() for c in entry.amended_by],
        "expired_in": entry.expired_in, "confidence": entry.confidence, "source": entry.source, "note": entry.note,
        "origin": entry.origin,
    }


def _as_json(query, citation, entry, others, miscited, registry) -> dict:
    return {
        "query": query,
        "citation": {
            "recognised": citation.recognised, "kind": citation.kind, "jenis": citation.jenis,
            "nomor": citation.nomor, "tahun": citation.tahun, "judul": citation.judul, "region": citation.region,
            "ministry": citation.ministry, "amendment": citation.amendment,
            "amendments": [_short(a) for a in citation.amendments],
            "short": citation.short() if citation.recognised else None,
        },
        "entry": _entry_json(entry) if entry is not None else None,
        "miscited_of": _entry_json(miscited) if miscited is not None else None,
        "same_number": [_entry_json(e) for e in others],
        "registry_files": list(registry.files),
    }
