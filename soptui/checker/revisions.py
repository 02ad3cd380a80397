"""Git revisions: which SOP files changed since a revision, and what they said then."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def _git(*args: str, cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise RuntimeError("git tidak ditemukan (git not found)") from None
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def changed_files(revision: str, files: list[Path]) -> tuple[list[Path], dict[str, str | None]]:
    """The `files` whose content differs from `revision` (including new, untracked ones), and for
    each of those its text at `revision` (None when it did not exist then)."""
    if not files:
        return [], {}
    cwd = files[0].resolve().parent
    top = Path(os.path.realpath(_git("rev-parse", "--show-toplevel", cwd=cwd).strip()))
    _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", cwd=top)
    changed = set(_git("diff", "--name-only", "--no-renames", revision, "--", cwd=top).splitlines())
    changed |= set(_git("ls-files", "--others", "--exclude-standard", cwd=top).splitlines())
    targets, previous = [], {}
    # Each folder resolved once, as strings: ten thousand Path objects cost more than the diff.
    folders: dict[str, str | None] = {}  # a folder -> its path from the top
    for path in files:
        folder, name = os.path.split(str(path))
        if folder not in folders:
            real = os.path.realpath(folder or ".")
            inside = real == str(top) or real.startswith(str(top) + os.sep)
            folders[folder] = Path(os.path.relpath(real, top)).as_posix() if inside else None
        if folders[folder] is None:
            continue  # outside the repository: git knows nothing of it
        relative = name if folders[folder] == "." else f"{folders[folder]}/{name}"
        if relative in changed:
            targets.append(path)
            try:
                previous[str(path)] = _git("show", f"{revision}:{relative}", cwd=top)
            except RuntimeError:
                previous[str(path)] = None
    return targets, previous
