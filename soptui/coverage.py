"""How much of a dasar hukum the registry could check: the coverage line of every lint.

A citation the registry does not know is never checked for revocation, replacement, type or
title, and a reviewer should know that rather than read silence as approval. Each SOP's readable
citations (each regulation of an item that holds two) are looked up; the run adds them up, and
`soptui regulation --unknown PATH` lists the unknown ones, most cited first, so that a kabupaten
sees what its own registry file should add.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple

from .citation import parse_citation, split_merged
from .registry import Registry


class Coverage(NamedTuple):
    """Citations checked against the registry, and the unknown ones by label with their counts."""

    checked: int = 0
    unknown: Counter = Counter()

    @property
    def known(self) -> int:
        return self.checked - sum(self.unknown.values())


def cited_regulations(sop):
    """Every readable citation of the SOP's dasar hukum, each regulation of a merged item apart."""
    for citation in sop.dasar_hukum:
        pieces = split_merged(citation.text)
        for piece in ((citation,) if len(pieces) == 1 else map(parse_citation, pieces)):
            if piece.recognised:
                yield piece


def of_sop(sop, registry: Registry) -> tuple[int, list[str]]:
    """(citations checked, labels of the unknown ones) for one SOP against the session's
    registry: plain data, for the cache."""
    if not sop.dasar_hukum:
        return 0, []
    checked, unknown = 0, []
    for citation in cited_regulations(sop):
        checked += 1
        if registry.lookup(citation) is None:
            unknown.append(citation.short())
    return checked, unknown


def total(parts: Iterable[tuple[int, list[str]] | None]) -> Coverage:
    checked, unknown = 0, Counter()
    for part in parts:
        if part:
            checked += part[0]
            unknown.update(part[1])
    return Coverage(checked, unknown)
