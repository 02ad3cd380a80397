"""Start a new SOP from a template that has every section the standard asks for.

PATH is the new file (e.g. sops/awayan/pelayanan-surat.toml); it is never overwritten.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..atomic import atomic_write_text
from ..template import new_sop_text
from ..i18n import glossed
from . import UsageError, already_exists


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the new SOP file (.toml)")
    parser.add_argument("--nama", default="Nama SOP", help="the SOP's title (nama)")


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if path.suffix != ".toml":
        path = path.with_suffix(".toml")
    if path.exists():
        raise UsageError(already_exists(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, new_sop_text(path, nama=args.nama))
    print(glossed(f"{path}: SOP baru dibuat. Isi bagiannya, lalu: soptui lint {path}",
                  f"{path}: new SOP written. Fill in its sections, then: soptui lint {path}")(args.lang))
    return 0
