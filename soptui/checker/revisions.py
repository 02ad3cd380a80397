"""Git revisions: which SOP files changed since a revision, and what they said then."""

from __future__ import annotations

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
    top = Path(_git("rev-parse", "--show-toplevel", cwd=cwd).strip())
    _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", cwd=top)
    changed = set(_git("diff", "--name-only", "--no-renames", revision, "--", cwd=top).splitlines())
    changed |= set(_git("ls-files", "--others", "--exclude-standard", cwd=top).splitlines())
    targets, previous = [], {}
    for path in files:
        relative = path.resolve().relative_to(top).as_posix()
        if relative in changed:
            targets.append(path)
            try:
                previous[str(path)] = _git("show", f"{revision}:{relative}", cwd=top)
            except RuntimeError:
                previous[str(path)] = None
    return targets, previous
