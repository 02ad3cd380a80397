"""Writing the stores soptui reads at its start instead of recomputing them: the patterns a lint
compiles (`soptui/data/regex.marshal`, see `soptui.regexcache`) and the shipped registry's entries
(`soptui/data/regulations.marshal`, see `soptui.registry.shipped_entries`). Run after changing a
pattern or the shipped registry (a test says when):

    python -m soptui.cli.stores
"""

from __future__ import annotations

import ast
import contextlib
import io
import marshal
import re
import subprocess
import sys
from pathlib import Path
from re import _compiler

from . import main
from ..regexcache import STORE, compiled_form, stamp


def patterns_of_a_lint(paths: list[str]) -> list[tuple[str | bytes, int]]:
    """(pattern, flags) of every pattern compiled by `soptui lint PATHS` in this process
    (a fresh one: modules imported before compile their patterns unseen)."""
    seen: dict[tuple, None] = {}
    original = _compiler.compile

    def recording(pattern, flags=0):
        if _compiler.isstring(pattern):
            seen[(pattern, int(flags))] = None
        return original(pattern, flags)

    re.purge()
    _compiler.compile = recording
    try:  # the rules' modules, loaded by the lint, compile their patterns as they load
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            for path in paths:
                main(["lint", path, "--no-cache", "--quiet"])
    finally:
        _compiler.compile = original
    return list(seen)


def patterns_in_a_fresh_process(paths: list[str]) -> list[tuple[str | bytes, int]]:
    """`patterns_of_a_lint(paths)` in a new Python process, where no module has compiled its
    patterns yet."""
    script = "import sys; from soptui.cli.stores import patterns_of_a_lint; print(repr(patterns_of_a_lint(sys.argv[1:])))"
    out = subprocess.run([sys.executable, "-c", script, *paths], capture_output=True, text=True, check=True).stdout
    return ast.literal_eval(out)


def write(store: Path = STORE, paths: list[str] | None = None) -> int:
    """Write the store for this Python from what a lint of `paths` (default: the seeds, all
    together and one alone) compiles; how many patterns."""
    root = Path(__file__).resolve().parent.parent.parent
    seeds = sorted(str(p) for p in (root / "sops").rglob("*.toml"))
    found = patterns_in_a_fresh_process(paths or [str(root / "sops"), seeds[0]])
    rows = [compiled_form(pattern, flags) for pattern, flags in found if not flags & re.DEBUG]
    store.write_bytes(marshal.dumps((stamp(), rows)))
    return len(rows)


if __name__ == "__main__":
    from ..registry import SHIPPED_STORE, write_shipped_store

    print(f"wrote {write_shipped_store()} entries to {SHIPPED_STORE}")  # first: a lint then reads it
    print(f"wrote {write()} patterns to {STORE}")
