"""Which files a command works on: SOP files given directly, or found under folders."""

from __future__ import annotations

from pathlib import Path

# Configuration files share the .toml suffix but are never SOPs.
NOT_SOPS = frozenset({"pyproject.toml", "soptui.toml", "Cargo.toml", "taplo.toml", ".taplo.toml"})
SKIPPED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "build", "dist"})


class MissingPath(Exception):
    """A path given on the command line does not exist."""


def _skipped(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts[:-1]
    return any(part.startswith(".") or part in SKIPPED_DIRS for part in parts)


def find_sop_files(paths: list[str | Path]) -> list[Path]:
    """Files named directly, and every ``*.toml`` under named folders, sorted and deduplicated.

    Inside folders, hidden folders (``.git``, ``.venv``), build output and configuration files
    (``pyproject.toml``, ``soptui.toml``) are skipped; a file named directly is always taken.
    """
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for candidate in sorted(path.rglob("*.toml")):
                if candidate.name not in NOT_SOPS and not _skipped(candidate, path) and candidate.is_file():
                    found.setdefault(candidate, None)
        elif path.exists():
            found.setdefault(path, None)
        else:
            raise MissingPath(str(given))
    return list(found)
