""""Did you mean ...?": the known name closest to a misspelt one.

difflib is imported with the first suggestion rather than at start-up: only a file, a
configuration or a command line with a mistake in it needs one.
"""

from __future__ import annotations

from typing import Iterable


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name most like `word`, None when none is close."""
    import difflib

    found = difflib.get_close_matches(word, list(known), n=1)
    return found[0] if found else None
