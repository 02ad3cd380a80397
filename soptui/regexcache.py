"""Regular expressions compiled once per Python build, not once per process.

Compiling a pattern runs `re`'s parser and compiler, which are Python code: the patterns a lint
compiles (the citation reader's, the rules', the loader's) cost a one-file lint a large part of
its start. `soptui/data/regex.marshal` holds what `re`'s compiler made of each of them, for the
Python build that wrote it; `preload()` puts them in `re`'s own cache, where `re.compile` and
every `re` function look first, so no module changes how it compiles. The stored code is what
`re._compiler.compile` gives the pattern, and a test holds each stored pattern equal to the one
`re.compile` makes. On another Python build the file is not used; a pattern changed or added
since it was written is compiled as usual (only slower).

    python -m soptui.cli.stores    rewrites the file for the running Python, from a lint of sops/
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

import _sre

try:  # re's compiler is a private module, and has this name from Python 3.11
    from re import _compiler, _parser
except ImportError:  # an older Python: patterns compile as usual
    _compiler = _parser = None

STORE = Path(__file__).with_name("data") / "regex.marshal"


def stamp() -> tuple[int, int, int]:
    """What the stored code is valid for: this Python build and its regex engine's format."""
    return (sys.hexversion, _sre.MAGIC, _sre.CODESIZE)


def _usable_cache() -> dict | None:
    """`re`'s cache of compiled patterns, keyed (type, pattern, flags), if it is the dict this
    module was written for (Python 3.11's)."""
    cache = getattr(re, "_cache", None)
    return cache if type(cache) is dict and isinstance(getattr(re, "_MAXCACHE", None), int) else None


def preload(store: Path = STORE) -> int:
    """Put the stored patterns into `re`'s cache; how many (0 when the store does not fit this Python)."""
    cache = _usable_cache()
    if cache is None or _compiler is None:
        return 0
    try:
        # read whole, then decoded: marshal.load on a file reads it a few bytes at a time
        written_for, rows = marshal.loads(store.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return 0
    if tuple(written_for) != stamp():
        return 0
    room = re._MAXCACHE - len(cache)
    added = 0
    for pattern, flags, effective, code, groups, groupindex, indexgroup in rows[:max(room, 0)]:
        key = (type(pattern), pattern, flags)
        if key not in cache:
            cache[key] = _sre.compile(pattern, effective, code, groups, groupindex, indexgroup)
            added += 1
    return added


def compiled_form(pattern: str | bytes, flags: int) -> tuple:
    """(pattern, flags as given, flags as compiled, code, groups, groupindex, indexgroup): the
    arguments `re._compiler.compile` hands `_sre.compile`, as marshal can store them."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, flags, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))
