"""What the dasar hukum rules (SOP5xx) share: pointers, title comparison, the walk of the cited
regulations through the registry. The registry they check against is the session's,
`context.registry`."""

from __future__ import annotations

from functools import lru_cache

from ..checker.rule import Rule, Violation
from ..citation import Citation, normalise_title, parse_citation, split_merged
from ..i18n import Text


def cited(sop) -> tuple[tuple[int, Citation, bool], ...]:
    """(index, citation, whole) for every regulation the dasar hukum cites: an item that holds two
    ("UU 23/2006 dan UU 24/2013 tentang ...") gives each, with `whole` False, so each is checked."""
    try:
        return _cited(sop.dasar_hukum)
    except TypeError:  # a model built by hand with a list, or a citation holding one: not cached
        return _cited.__wrapped__(sop.dasar_hukum)


# Each rule of the kind (`RegistryRule`) walks the same dasar hukum: the walk is made once per
# list. A lint runs one rule over a chunk of files before the next rule, so a file's list is
# asked for again after the chunk's others: the cache holds more than a chunk's worth.
@lru_cache(maxsize=1024)
def _cited(dasar_hukum: tuple[Citation, ...]) -> tuple[tuple[int, Citation, bool], ...]:
    found = []
    for index, citation in enumerate(dasar_hukum):
        pieces = split_merged(citation.text)
        if len(pieces) == 1:
            found.append((index, citation, True))
        else:
            found.extend((index, parse_citation(piece), False) for piece in pieces)
    return tuple(found)


def pointer(index: int) -> str:
    return f"/dasar_hukum/{index}"


class RegistryRule(Rule):
    """A rule that looks each regulation the dasar hukum cites up in the registry (`cited`: both
    of an item that joins two) and reports at its item what `finding` says of it.

    `finding` depends on the citation, the registry and the date alone, and each citation is
    asked once: the same regulations are cited from SOP to SOP, and a lint asks every rule of
    this kind about each of them in every file."""

    def check(self, sop, context):
        if not sop.dasar_hukum:
            return
        registry = context.registry
        said = self._said(registry, context.today)
        for index, citation, _whole in cited(sop):
            message = said.get(citation, _UNASKED)
            if message is _UNASKED:
                message = self.finding(citation, registry, context)
                if len(said) < _SAID_KEPT:
                    said[citation] = message
            if message is not None:
                yield Violation(pointer(index), message)

    def _said(self, registry, today) -> dict:
        """What `finding` said of each citation asked about, for this registry and date."""
        memo = vars(self).get("_memo")
        if memo is None or memo[0] is not registry or memo[1] != today:
            memo = self._memo = (registry, today, {})
        return memo[2]

    def finding(self, citation: Citation, registry, context) -> Text | None:
        """The message for `citation`, or None when the registry finds nothing wrong with it."""
        raise NotImplementedError


_UNASKED = object()
_SAID_KEPT = 4096  # citations remembered per rule, for a corpus that cites very many


def title_relation(cited: str, known: str) -> str:
    """"same", "truncated" (the cited title is a strict prefix of the known one) or "different",
    comparing case-, punctuation- and whitespace-blind."""
    a, b = normalise_title(cited), normalise_title(known)
    if a == b:
        return "same"
    if a and b.startswith(a):
        return "truncated"
    return "different"


def titles_match(cited: str | None, known: str | None) -> bool:
    """The titles are the same, or the cited one is the known one cut short."""
    if not cited or not known:
        return False
    return title_relation(cited, known) in ("same", "truncated")


def item(index: int, citation: Citation) -> tuple[str, str]:
    """"butir 3 (PP 46/2011)" / "item 3 (PP 46/2011)"."""
    label = citation.short() if citation.recognised else _clip(citation.text)
    return f"butir {index + 1} ({label})", f"item {index + 1} ({label})"


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
