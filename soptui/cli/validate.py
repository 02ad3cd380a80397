"""Check SOP files against the format: TOML syntax, structure, and the format group of rules.

Runs the loader and the rules of the format group (`soptui rules` lists them: blank values,
waktu, simbol, pelaksana ids), none of the content rules. Prints one line per problem as
path:line:col: message (code), then how many files are valid on standard error; --quiet leaves
standard error to errors (no notes of links or other tools' TOML skipped, no summary). PATH is
files or folders (default: sops/). Exit code 0 when every file is valid, 1 when any is not, 2 on
a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..builtin import builtin_rules
from ..checker.engine import Checker
from ..i18n import Text
from ..loading.discover import find_sop_files
from ..loading.loader import load_file
from ..loading.not_sop import split_not_sops
from . import EXIT_FINDINGS, EXIT_OK, NO_TOML_FILES, UsageError
from .discovery import found, note_links_not_followed, note_not_sops

_SUMMARY = Text("{valid} dari {total} berkas sah", "{valid} of {total} files valid")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="SOP files or folders (default: sops/)")
    parser.add_argument("--follow-links", action="store_true",
                        help="follow symbolic links that lead out of the folders given (default: skip them)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no notes or summary on standard error, only the problems on standard output")


def run(args: argparse.Namespace) -> int:
    lang = args.lang or "id"
    skipped: list[str] = []
    files = found(find_sop_files, args.paths or ["sops"], follow_links=args.follow_links, skipped=skipped)
    if skipped and not args.quiet:
        note_links_not_followed(skipped, lang)
    files, not_sops = _without_other_tools_toml(args.paths or ["sops"], files, None if args.quiet else lang)
    if not files and not_sops:
        return EXIT_OK  # pre-commit gave only other tools' TOML: nothing to validate
    if not files:
        raise UsageError(NO_TOML_FILES)
    checker = Checker([("builtin", cls) for cls in builtin_rules() if cls.group == "format"])
    invalid = 0
    for path in files:
        findings = checker.check_loaded(load_file(path)).findings
        if findings:
            invalid += 1
            for finding in sorted(findings, key=lambda f: (f.line, f.col, f.code)):
                print(f"{finding.path}:{finding.line}:{finding.col}: {finding.message(lang)} ({finding.code})")
    if not args.quiet:
        print(_SUMMARY.format(valid=len(files) - invalid, total=len(files))(lang), file=sys.stderr)
    return EXIT_FINDINGS if invalid else EXIT_OK


def _without_other_tools_toml(paths, files, lang: str | None):
    """The files minus those plainly not SOPs, each named in a note in `lang` (as `lint` does),
    or in none when `lang` is None (--quiet)."""
    files, not_sops = split_not_sops(files, {Path(p) for p in paths if not Path(p).is_dir()})
    if not_sops and lang is not None:
        note_not_sops(not_sops, lang=lang)
    return files, not_sops
