"""Applying fixes: edit the TOML with tomlkit so comments and layout survive, then write atomically.

Fixes are applied in passes: each pass lints the text, applies every fix whose edits do not touch
a pointer another fix of the same pass already changed, and lints again, until nothing is left
to fix. Running it twice changes nothing the second time.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TextIO

import tomlkit

from ..loading.loader import load_text
from .rule import Edit, Fix

MAX_PASSES = 10


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """`text` with as many of `fixes` applied as do not conflict with each other."""
    document = tomlkit.parse(text)
    touched: set[str] = set()
    for fix in fixes:
        pointers = {edit.pointer for edit in fix.edits}
        if pointers & touched:
            continue  # another fix changed these first; the next pass will see the new text
        for edit in fix.edits:
            _apply(document, edit)
        touched |= pointers
    return document.as_string()


def _apply(document, edit: Edit) -> None:
    *parents, last = [p.replace("~1", "/").replace("~0", "~") for p in edit.pointer.split("/")[1:]]
    node = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    key: int | str = int(last) if isinstance(node, list) else last
    if edit.delete:
        del node[key]
    else:
        node[key] = edit.value


def fix_text(checker, path: str, text: str) -> str:
    for _ in range(MAX_PASSES):
        result = checker.check_loaded(load_text(text, path))
        fixes = []
        for finding in result.findings:
            if finding.fix is not None and finding.fix not in fixes:
                fixes.append(finding.fix)
        if not fixes:
            break
        fixed = apply_fixes(text, fixes)
        if fixed == text:
            break
        text = fixed
    return text


def fix_files(checker, paths: list[Path], write: bool, diff_out: TextIO | None = None) -> int:
    """Fix each file; write it back (atomically) when `write`, print a unified diff to `diff_out`.
    Returns how many files changed."""
    from ..atomic import atomic_write_text

    changed = 0
    for path in paths:
        try:
            original = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the lint that follows reports why the file cannot be read
        fixed = fix_text(checker, str(path), original)
        if fixed == original:
            continue
        changed += 1
        if diff_out is not None:
            diff_out.writelines(difflib.unified_diff(
                original.splitlines(keepends=True), fixed.splitlines(keepends=True),
                fromfile=f"a/{path}", tofile=f"b/{path}",
            ))
        if write:
            atomic_write_text(path, fixed)
    return changed
