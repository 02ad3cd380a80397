"""JSON as `json.dumps(value, ensure_ascii=False, indent=1)` writes it, for the reports that are
written indented (SARIF, GitLab) one finding at a time.

Not `json.dumps` itself: with an indent it runs json's Python encoder, whose nested functions
make a reference cycle at every call, and a command runs with the cycle collector off
(`gcpolicy`), so a report of ten thousand SOPs left hundreds of megabytes of them behind. This
makes no cycles; strings still go through json's own escaping. Only what the reports hold:
dicts with string keys, lists, strings, integers, booleans, None.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _string  # json's C escaper (ensure_ascii=False)


def indented(value, depth: int = 0) -> str:
    """`value` as JSON indented one space a level, its first line at `depth` (written after
    whatever precedes it) and its other lines indented from there."""
    if isinstance(value, str):
        return _string(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = "\n" + " " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        members = ("," + inner).join(f"{_string(key)}: {indented(item, depth + 1)}" for key, item in value.items())
        return "{" + inner + members + "\n" + " " * depth + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(indented(item, depth + 1) for item in value) + "\n" + " " * depth + "]"
    raise TypeError(f"not written by indented(): {type(value).__name__}")
