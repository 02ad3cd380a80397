"""Which files a command works on: SOP files given directly, or found under folders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

# Configuration files share the .toml suffix but are never SOPs.
NOT_SOPS = frozenset({"pyproject.toml", "soptui.toml", "Cargo.toml", "taplo.toml", ".taplo.toml"})
SKIPPED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "build", "dist"})


class MissingPath(Exception):
    """A path given on the command line does not exist."""


def _sop_files_under(folder: str) -> Iterator[str]:
    # os.scandir rather than Path.rglob: a corpus has thousands of files, and skipped folders
    # are never entered. Like rglob, symlinked folders are not followed.
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not (entry.name.startswith(".") or entry.name in SKIPPED_DIRS):
                    yield from _sop_files_under(entry.path)
            elif entry.name.endswith(".toml") and entry.name not in NOT_SOPS and entry.is_file():
                yield entry.path


def find_sop_files(paths: list[str | Path]) -> list[Path]:
    """Files named directly, and every ``*.toml`` under named folders, sorted and deduplicated.

    Inside folders, hidden folders (``.git``, ``.venv``), build output and configuration files
    (``pyproject.toml``, ``soptui.toml``) are skipped; a file named directly is always taken.
    """
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for name in sorted(_sop_files_under(str(path)), key=lambda name: name.split(os.sep)):
                found.setdefault(Path(name), None)
        elif path.exists():
            found.setdefault(path, None)
        else:
            raise MissingPath(str(given))
    return list(found)
