"""Show the documentation of one rule: what it checks, why it matters, an example, and what to
write instead. NAME is a rule's code (SOP101) or name (step-numbering)."""

from __future__ import annotations

import argparse

from ..i18n import Text, glossed
from ..suggest import closest
from . import UsageError
from .rules import rule_infos


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="rule code or name")


def run(args: argparse.Namespace) -> int:
    infos = rule_infos()
    for info in infos:
        if args.name in (info.code, info.name, *info.aliases) or args.name.upper() == info.code:
            if args.name in info.aliases:
                print("(" + glossed(f"{args.name} sekarang {info.code} {info.name}",
                                    f"{args.name} is now {info.code} {info.name}")(args.lang) + ")\n")
            fix = fix_kinds_text(info)
            print(f"{info.code} {info.name}  (severity: {info.severity.value}, scope: {info.scope}, "
                  f"fix: {fix}, plugin: {info.plugin}, lifecycle: {info.lifecycle})\n")
            print(info.documentation)
            return 0
    names = [i.name for i in infos] + [i.code for i in infos]
    close = closest(args.name, names)
    if close:
        hint = Text(f"; maksud Anda '{close}'? (did you mean '{close}'?)", f"; did you mean '{close}'?")
    else:
        hint = Text("; lihat `soptui rules` (see `soptui rules`)", "; see `soptui rules`")
    raise UsageError(glossed("aturan tidak dikenal", "unknown rule", f" '{args.name}'") + hint)


def fix_kinds_text(info) -> str:
    """"safe", "safe or unsafe", "no": what `soptui lint --fix` (safe) and `--unsafe-fixes` can
    do about the rule's findings."""
    if not info.fixable:
        return "no"
    return " or ".join(info.fix_kinds) or "unsafe"
