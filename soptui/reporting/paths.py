"""Paths as CI systems want them: relative to the repository root, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path


def relative(path: str, root: str | None) -> str:
    if root:
        try:
            return Path(os.path.relpath(Path(path).resolve(), Path(root).resolve())).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()
