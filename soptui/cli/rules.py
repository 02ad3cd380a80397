"""List every rule: code, name, default severity, scope, plugin, and whether it can fix.

`soptui rule NAME` prints one rule's documentation.
"""

from __future__ import annotations

import argparse

from ..checker.config import Config
from ..checker.engine import Checker


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def rule_infos() -> list:
    from .session import _plugins

    plugins = _plugins(argparse.Namespace(), Config())
    return Checker(plugins.rule_classes(), Config()).infos()


def run(args: argparse.Namespace) -> int:
    infos = rule_infos()
    if args.format == "json":
        import json

        print(json.dumps([
            {"code": r.code, "name": r.name, "severity": r.severity.value, "scope": r.scope,
             "fixable": r.fixable, "fix": list(r.fix_kinds) if r.fixable else [], "plugin": r.plugin, "summary": r.summary} for r in infos
        ], indent=2, ensure_ascii=False))
        return 0
    header = ("CODE", "NAME", "SEVERITY", "SCOPE", "FIX", "PLUGIN", "SUMMARY")
    rows = [(r.code, r.name, r.severity.value, r.scope, "/".join(r.fix_kinds) if r.fixable else "", r.plugin, r.summary)
            for r in infos]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    return 0
