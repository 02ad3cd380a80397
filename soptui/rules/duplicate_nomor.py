"""No two SOPs share a nomor.

## What it checks
The `nomor` of each SOP, compared across all files linted together, ignoring spaces and case.

## Why it matters
The nomor identifies an SOP in registers, dispositions and other SOPs' keterkaitan. Two SOPs
with one number are usually a copied file whose number was never changed.

## Example
Two files under `sops/awayan/` both with `nomor = "071/02/KEC.AWY/VII/2023"`.

## Instead
Give each SOP its own number from the unit's register (tata naskah dinas).
"""

from __future__ import annotations

import heapq
import re

from ..checker.rule import CorpusIndex, CorpusRule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text
from ..source import Pos

# How many of the other holders a finding names: a template copied into a thousand files makes
# groups of a thousand, and a finding that listed them all would make the report (and memory)
# grow with the square of the group.
NAMED = 3


def number_key(nomor: str) -> str:
    return re.sub(r"\s+", "", nomor).casefold()


class DuplicateNomor(CorpusRule):
    __doc__ = __doc__
    code = "SOP402"
    name = "duplicate-nomor"
    needs = ("nomor",)
    severity = Severity.ERROR

    def collect(self, sop):
        if not sop.nomor or not sop.nomor.strip():
            return None
        at = sop.locate("/nomor")  # here, where the text is at hand: see unresolved-keterkaitan
        # its key too, worked out once with the file: a --changed-since run reads ten thousand
        # files' data from the cache and would otherwise work out every key again
        return [sop.nomor, at.line, at.col, number_key(sop.nomor)]

    def check_corpus(self, collected, context):
        return self.index(context).check_all(collected)

    def index(self, context):
        return _Groups()

    def judged_by(self, data):
        # Another file is judged by this file's number key alone (it is named by its path); the
        # nomor as written and its place serve only this file's own finding.
        if isinstance(data, list) and len(data) > 3:
            return [None, None, None, data[3]]
        return data


def _key(data: list) -> str:
    """The number key of a file's collected data: stored in it, or worked out from the nomor."""
    return data[3] if len(data) > 3 else number_key(data[0])


class _Groups(CorpusIndex):
    """The files of each nomor (as compared): a change touches its old and new group only."""

    def __init__(self) -> None:
        self.groups: dict[str, dict[str, list]] = {}  # number key -> path -> [nomor as written, line, col]
        self.key_of: dict[str, str] = {}  # path -> its number key

    def add(self, path, data):
        key = self.key_of[path] = _key(data)
        self.groups.setdefault(key, {})[path] = data

    def check_some(self, collected, paths):
        # Only the groups of those files' numbers: the other files are read for their key alone.
        keys = {_key(collected[path]) for path in paths if path in collected}
        for path, data in collected.items():
            if _key(data) in keys:
                self.add(path, data)
        return self.check([path for path in collected if path in paths])

    def remove(self, path, data):
        key = self.key_of.pop(path, None)
        if key is not None:
            group = self.groups[key]
            del group[path]
            if not group:
                del self.groups[key]

    def affected(self, path, old, new):
        keys = {number_key(data[0]) for data in (old, new) if data}
        if len(keys) == 1 and old and new:
            return {path}  # the same number, written or placed otherwise: only its own finding moves
        paths = {path}
        for key in keys:
            paths.update(self.groups.get(key, ()))
        return paths

    def check(self, paths):
        named: dict[str, list[str]] = {}  # number key -> its first holders, in path order
        for path in paths:
            key = self.key_of.get(path)
            holders = self.groups[key] if key is not None else {}
            if len(holders) < 2:
                continue
            if key not in named:
                named[key] = heapq.nsmallest(NAMED + 1, holders)
            others = [p for p in named[key] if p != path][:NAMED]
            count = len(holders) - 1
            listed = ", ".join(others)
            nomor, line, col = holders[path][:3]
            if count > len(others):
                message = Text(f"nomor {nomor!r} juga dipakai oleh {count} SOP lain, antara lain {listed}",
                               f"the {english_name('nomor')} {nomor!r} is also used by {count} other SOPs, among them {listed}")
            else:
                message = Text(f"nomor {nomor!r} juga dipakai oleh {listed}", f"the {english_name('nomor')} {nomor!r} is also used by {listed}")
            yield Violation("/nomor", message, path=path, pos=Pos(line, col))
