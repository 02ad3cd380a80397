"""Suppressing findings with a comment in the SOP file itself.

    waktu = "2 Hari"  # soptui: ignore[missing-mutu-baku] -- reason    (that line)

    [[langkah]]
    # soptui: ignore[kegiatan-active-verb] -- the title is fixed by the Bupati's decree
    no = 3                                                              (that whole step)

    # soptui: ignore-file[identity-dates] -- reason                     (the whole file)

A trailing comment covers its line. A comment on a line of its own covers the whole step when it
sits inside a ``[[langkah]]`` table or on the line just above its header; elsewhere it covers
the next line that holds a key. Rules are named by code or name, comma-separated. A suppression
that silences nothing is itself reported (`unused-suppression`), so stale ones do not pile up.
"""

from __future__ import annotations

import re

from ..model import Sop
from ..source import Pos

_DIRECTIVE = re.compile(
    r"#\s*soptui:\s*(?P<kind>ignore-file|ignore)\[(?P<rules>[^\]]*)\](?:\s*--\s*(?P<reason>.*))?",
    re.IGNORECASE,
)


class Suppression:
    """One `# soptui: ignore[...]` comment: the rules it names, where it applies, and which of
    them it has silenced so far (`used`; one that silences nothing is reported)."""

    def __init__(self, rules: frozenset[str], pos: Pos, scope: str, line: int = 0, step_index: int = -1,
                 reason: str = "") -> None:
        self.rules = rules
        self.pos = pos
        self.scope = scope  # "line", "step" or "file"
        self.line = line  # for "line"
        self.step_index = step_index  # for "step"
        self.reason = reason
        self.used: set[str] = set()

    def covers(self, code: str, name: str, line: int, pointer: str, aliases: tuple[str, ...] = ()) -> bool:
        """`aliases`: the rule's earlier codes and names, which a comment written before a rename names."""
        if not ({code, name, *aliases} & self.rules):
            return False
        if self.scope == "file":
            return True
        if self.scope == "line":
            return line == self.line
        prefix = f"/langkah/{self.step_index}"
        return pointer == prefix or pointer.startswith(prefix + "/")


def suppressions(sop: Sop) -> list[Suppression]:
    """Every suppression comment of `sop`, with its scope resolved."""
    if "soptui:" not in sop.text:
        return []  # the common case, and it spares the full position scan
    key_lines = sorted({pos.line for pos in sop.source.positions.values()})
    found = []
    for comment in sop.source.comments:
        match = _DIRECTIVE.search(comment.text)
        if not match:
            continue
        rules = frozenset(r.strip() for r in match["rules"].split(",") if r.strip())
        item = Suppression(rules, comment.pos, "file", reason=(match["reason"] or "").strip())
        if match["kind"].lower() == "ignore":
            _resolve_scope(item, comment.own_line, sop.source.headers, key_lines)
        found.append(item)
    return found


def _step_index(pointer: str) -> int | None:
    parts = pointer.split("/")
    return int(parts[2]) if len(parts) == 3 and parts[1] == "langkah" and parts[2].isdigit() else None


def _resolve_scope(item: Suppression, own_line: bool, headers: tuple, key_lines: list[int]) -> None:
    line = item.pos.line
    if not own_line:
        item.scope, item.line = "line", line
        return
    # the table the comment sits in, or the one whose header is on the very next line
    table = next((p for header_line, p in headers if header_line == line + 1), None)
    if table is None:
        table = next((p for header_line, p in reversed(headers) if header_line < line), None)
    index = _step_index(table) if table else None
    if index is not None:
        item.scope, item.step_index = "step", index
        return
    item.scope = "line"
    item.line = next((key for key in key_lines if key > line), line)
