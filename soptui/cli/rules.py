"""List every rule: code, name, default severity, scope, plugin, whether it can fix, and its
lifecycle (stable, preview, deprecated, removed; see soptui/rules/codes.py) and earlier names.

`soptui rule NAME` prints one rule's documentation.
"""

from __future__ import annotations

import argparse
import json

from ..checker.config import Config
from ..checker.engine import Checker
from ..rules import codes
from .session import _plugins


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def rule_infos() -> list:
    plugins = _plugins(argparse.Namespace(), Config())
    return Checker(plugins.rule_classes(), Config()).infos()


def run(args: argparse.Namespace) -> int:
    infos = rule_infos()
    # removed rules run no more, but their codes stay taken: listed so no one reuses one
    gone = [row for row in codes.TABLE if row.lifecycle == "removed" and row.code not in {r.code for r in infos}]
    if args.format == "json":
        print(json.dumps([
            *({"code": r.code, "name": r.name, "severity": r.severity.value, "scope": r.scope,
               "fixable": r.fixable, "fix": list(r.fix_kinds) if r.fixable else [], "plugin": r.plugin,
               "lifecycle": r.lifecycle, "aliases": list(r.aliases), "summary": r.summary} for r in infos),
            *({"code": row.code, "name": row.name, "lifecycle": row.lifecycle, "aliases": list(row.aliases),
               "plugin": "builtin", "summary": row.note} for row in gone),
        ], indent=2, ensure_ascii=False))
        return 0
    header = ("CODE", "NAME", "SEVERITY", "SCOPE", "FIX", "PLUGIN", "LIFECYCLE", "SUMMARY")
    rows = [(r.code, r.name, r.severity.value, r.scope, "/".join(r.fix_kinds) if r.fixable else "", r.plugin,
             r.lifecycle, r.summary + (f" (formerly {', '.join(r.aliases)})" if r.aliases else "")) for r in infos]
    rows += [(row.code, row.name, "", "", "", "builtin", row.lifecycle, row.note) for row in gone]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    return 0
