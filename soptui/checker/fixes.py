"""Applying fixes: edit the TOML with tomlkit so comments and layout survive, then write atomically.

Fixes are applied in passes: each pass lints the text, applies every fix whose edits do not touch
a pointer another fix of the same pass already changed, and lints again, until nothing is left
to fix. Running it twice changes nothing the second time.

The edits of one pass all point into the text the pass linted, so none may move another's
target: values are set first, then deletions run from the end of each list (deleting item 1
before item 2 would make "item 2" the item that was 3). And a fixed file is written only when
a guard agrees (as SQLFluff's fix-safety check does): the new text parses to exactly the old
data with the fixes' edits made, and no rule reports more than it did before.

Which fixes a run may apply is the fixes' own applicability (see `rule.Applicability`): safe
ones always, unsafe ones only when asked (`--unsafe-fixes`), display-only ones never.
"""

from __future__ import annotations

import copy
import difflib
import sys
from pathlib import Path
from typing import Any, TextIO

import tomlkit

from ..atomic import atomic_write_text, read_sop_text
from ..i18n import Text, TextError
from ..loading.loader import MAX_FILE_BYTES, load_text
from .rule import Applicability, Edit, Fix, applicability_of

MAX_PASSES = 10


class FixRefused(TextError):
    """Fixing a file would change more than its fixes say; the file is left as it is. `text`
    says why in both languages; `attempted` is the text the guard refused, when there was one
    (a preview shows what the fix would have done)."""

    def __init__(self, message: Text | str, attempted: str | None = None) -> None:
        super().__init__(message)
        self.attempted = attempted


UnsafeFix = FixRefused  # its first name, from before fixes had an applicability of their own


def applies(fix: Fix, unsafe: bool = False) -> bool:
    """Whether a run applies `fix`: safe fixes always, unsafe ones when `unsafe`, display-only never."""
    applicability = applicability_of(fix)
    return applicability is Applicability.SAFE or (unsafe and applicability is Applicability.UNSAFE)


def _parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def _overlap(a: list[str], b: list[str]) -> bool:
    """One pointer is the other or inside it: an edit of one moves or replaces the other."""
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def _order(edits: list[Edit]) -> list[Edit]:
    """Sets first, in the fixes' order; then deletions from the last index to the first, inner
    keys before the tables that hold them, so no deletion shifts a pointer still to be used."""
    def deletion_key(edit: Edit) -> list[tuple[int, Any]]:
        return [(1, int(p)) if p.isdigit() else (0, p) for p in _parts(edit.pointer)]

    sets = [e for e in edits if not e.delete]
    deletions = sorted((e for e in edits if e.delete), key=deletion_key, reverse=True)
    return sets + deletions


def _chosen_edits(fixes: list[Fix]) -> list[Edit]:
    """The edits of every fix that touches nothing an earlier fix of the pass touches."""
    taken: list[list[str]] = []
    edits: list[Edit] = []
    for fix in fixes:
        parts = [_parts(edit.pointer) for edit in fix.edits]
        if any(_overlap(p, t) for p in parts for t in taken):
            continue  # another fix changed these first; the next pass will see the new text
        taken.extend(parts)
        edits.extend(edit for edit in fix.edits if edit not in edits)
    return _order(edits)


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """`text` with as many of `fixes` applied as do not conflict with each other."""
    document = tomlkit.parse(text)
    for edit in _chosen_edits(fixes):
        _apply(document, edit)
    return document.as_string()


def _apply(document, edit: Edit) -> None:
    *parents, last = _parts(edit.pointer)
    node = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    key: int | str = int(last) if isinstance(node, list) else last
    if edit.delete:
        del node[key]
    elif not (isinstance(edit.value, list) and _reorder_items(node[key], edit.value)):
        node[key] = edit.value


def _reorder_items(array, values: list) -> bool:
    """Set a tomlkit array to `values` when they are its own items in another order (a list
    put in order): each item moves with the comment that ends its line, so a `# soptui:
    ignore[...]` or a note stays on its item; indents and commas stay in place. False when it
    is not a tomlkit array or `values` are not a reordering of its items: then the array is
    replaced."""
    groups = getattr(array, "_value", None)  # tomlkit's item groups (value, indent, comma, comment)
    index_map = getattr(array, "_index_map", None)
    if not isinstance(array, tomlkit.items.Array) or groups is None or index_map is None:
        return False
    current = array.unwrap()
    if len(values) != len(current) or sorted(map(repr, values)) != sorted(map(repr, current)):
        return False
    slots = [groups[index_map[i]] for i in range(len(current))]
    items = [(slot.value, slot.comment) for slot in slots]
    free = list(range(len(current)))
    for position, value in enumerate(values):
        source = next(i for i in free if current[i] == value)
        free.remove(source)
        slots[position].value, slots[position].comment = items[source]
        list.__setitem__(array, position, items[source][0])
    return True


def _parse(text: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


def _guarded_pass(text: str, fixes: list[Fix]) -> str:
    """One pass of fixes, checked: the new text must parse (with the reference parser, not the
    one that wrote it) to the old data with the pass's edits made, and nothing else."""
    edits = _chosen_edits(fixes)
    document = tomlkit.parse(text)
    expected = copy.deepcopy(_parse(text))
    try:
        for edit in edits:
            _apply(document, edit)
            _apply(expected, edit)
    except (KeyError, IndexError, ValueError, TypeError) as error:
        raise FixRefused(Text(f"sebuah suntingan tidak dapat diterapkan ({type(error).__name__}: {error})",
                              f"an edit does not apply ({type(error).__name__}: {error})")) from None
    fixed = document.as_string()
    try:
        if _parse(fixed) != expected:
            raise FixRefused(Text("teks hasil perbaikan memuat data lain dari yang dibuat perbaikannya",
                                  "the fixed text holds other data than the fixes make"), fixed)
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        raise FixRefused(Text(f"teks hasil perbaikan bukan TOML yang sah ({error})",
                              f"the fixed text is not valid TOML ({error})"), fixed) from None
    return fixed


def _counts(result) -> dict[str, int]:
    """How many findings of each rule, by "CODE name"."""
    counts: dict[str, int] = {}
    for finding in result.findings:
        rule = f"{finding.code} {finding.name}"
        counts[rule] = counts.get(rule, 0) + 1
    return counts


def fix_text(checker, path: str, text: str, *, unsafe: bool = False) -> str:
    """`text` with every safe fix applied (and every unsafe one too when `unsafe`); raises
    `FixRefused` when the guard refuses."""
    before = None
    result = None
    for _ in range(MAX_PASSES):
        result = checker.check_loaded(load_text(text, path))
        if before is None:
            before = _counts(result)
        fixes = []
        for finding in result.findings:
            if finding.fix is not None and finding.fix not in fixes and applies(finding.fix, unsafe):
                fixes.append(finding.fix)
        if not fixes:
            break
        fixed = _guarded_pass(text, fixes)
        if fixed == text:
            break
        text = fixed
    else:
        result = checker.check_loaded(load_text(text, path))
    if before is not None and result is not None:
        _refuse_growth(before, result, text)
    return text


def _refuse_growth(before: dict[str, int], result, fixed: str) -> None:
    """Raise `FixRefused` when `result`, the lint of `fixed`, has more findings of a rule than `before`."""
    grown = sorted(code for code, n in _counts(result).items() if n > before.get(code, 0))
    if grown:
        raise FixRefused(Text(f"temuan {', '.join(grown)} akan bertambah",
                              f"fixing adds findings of {', '.join(grown)}"), fixed)


def fix_one(checker, path: str, text: str, fix: Fix) -> str:
    """`text` with `fix` alone applied, whatever its applicability (the user chose it, after a
    preview), under the guard `fix_text` applies: raises `FixRefused` when the new text holds
    other data than the fix makes, or a rule reports more than it did before."""
    before = _counts(checker.check_loaded(load_text(text, path)))
    fixed = _guarded_pass(text, [fix])
    _refuse_growth(before, checker.check_loaded(load_text(fixed, path)), fixed)
    return fixed


_NOT_FIXED = Text("tidak diperbaiki, perbaikan ditolak pemeriksa", "not fixed, the fix guard refused")


def fix_files(checker, paths: list[Path], write: bool, diff_out: TextIO | None = None,
              errors: TextIO | None = None, *, unsafe: bool = False, lang: str = "id",
              refused: set[str] | None = None) -> int:
    """Fix each file (unsafe fixes too when `unsafe`); write it back (atomically) when `write`,
    print a unified diff to `diff_out`.
    A file the guard refuses is left unwritten, with a message in `lang` on `errors` (standard
    error), and its path added to `refused` (the report then counts none of its fixes as fixable).
    Returns how many files changed."""
    errors = errors if errors is not None else sys.stderr
    changed = 0
    for path in paths:
        try:
            original, encoding = read_sop_text(path, MAX_FILE_BYTES)
        except (OSError, UnicodeDecodeError, ValueError):
            continue  # the lint that follows reports why the file cannot be read
        try:
            fixed = fix_text(checker, str(path), original, unsafe=unsafe)
        except FixRefused as refusal:
            print(f"{path}: {_NOT_FIXED(lang)}: {refusal.text(lang)}", file=errors)
            if refused is not None:
                refused.add(str(path))
            continue
        if fixed == original:
            continue
        changed += 1
        if diff_out is not None:
            diff_out.writelines(difflib.unified_diff(
                original.splitlines(keepends=True), fixed.splitlines(keepends=True),
                fromfile=f"a/{path}", tofile=f"b/{path}",
            ))
        if write:
            atomic_write_text(path, fixed, encoding=encoding)
    return changed
