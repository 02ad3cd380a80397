"""A file's result as plain data (lists, strings, numbers), and back.

Worker processes send their results to the parent in this form, and the cache stores it as JSON.
It is built for volume: ten thousand SOPs make over a hundred thousand findings. A fix that
several findings share (one reordering of the dasar hukum, say) is written once per file and
referred to by its index.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from sys import intern

from ..i18n import Text
from .engine import FileResult
from .finding import Finding
from .rule import Applicability, Edit, Fix, Severity, applicability_of

_SEVERITIES = {severity.value: severity for severity in Severity}

# `Finding.by_place` of one file's findings in plain form (`encode`): line, column, code.
PLAIN_BY_PLACE = itemgetter(3, 4, 0)

# Messages seen, each as one Text; emptied when it holds this many, so a long-running process
# (the TUI) does not keep every message it ever decoded.
_TEXTS: dict[tuple[str, str], Text] = {}
_TEXTS_KEPT = 50_000


def _text(message_id: str, message_en: str) -> Text:
    key = (message_id, message_en)
    text = _TEXTS.get(key)
    if text is None:
        if len(_TEXTS) >= _TEXTS_KEPT:
            _TEXTS.clear()
        text = _TEXTS[key] = Text(message_id, message_en)
    return text


def encode(result: FileResult) -> dict:
    fixes: list[list] = []
    index_of: dict[int, int] = {}  # id(fix) -> its index in `fixes`
    findings = []
    # Each finding unpacked as the tuple it is, in `Finding`'s field order: reading eleven fields
    # by name, each a Python-level lookup, cost more than the rest of its encoding.
    for code, name, severity, _, line, col, pointer, step, message, fix, plugin in result.findings:
        fix_index = None
        if fix is not None:
            fix_index = index_of.get(id(fix))
            if fix_index is None:
                fix_index = index_of[id(fix)] = len(fixes)
                fixes.append([fix.description.id, fix.description.en,
                              [[e.pointer, _plain_value(e.value), e.delete] for e in fix.edits],
                              applicability_of(fix).value])
        # `_value_`, not `value`: the same string, without the enum property's cost
        findings.append([code, name, severity._value_, line, col, pointer, step,
                         message.id, message.en, plugin, fix_index])
    return {
        "loaded": result.loaded,
        "collected": result.collected,
        "identity": result.identity,
        "coverage": result.coverage,
        "fixes": fixes,
        "findings": findings,
    }


def decode(path: str, data: dict, *, findings: bool = True) -> FileResult:
    """The result `encode` made `data` of; with `findings=False`, without its findings (for a
    caller that keeps them in their plain form)."""
    return FileResult(path, decode_findings(path, data["fixes"], data["findings"]) if findings else [],
                      data["collected"], data["loaded"], data["identity"], coverage=data.get("coverage"))


def decode_findings(path: str, plain_fixes: list, plain_findings: list) -> list[Finding]:
    """The findings of `encode`'s "fixes" and "findings" lists."""
    fixes = [Fix(Text(description_id, description_en),
                 tuple(Edit(pointer, _value(value), delete) for pointer, value, delete in edits),
                 Applicability(applicability))
             for description_id, description_en, edits, applicability in plain_fixes]
    # Codes, names, plugins, pointers and most messages repeat from file to file: one object
    # each, not one per finding, for a corpus's worth of findings held until they are reported.
    return [
        Finding(intern(code), intern(name), _SEVERITIES[severity], path, line, col, intern(pointer), step,
                _text(message_id, message_en), None if fix is None else fixes[fix], intern(plugin))
        for code, name, severity, line, col, pointer, step, message_id, message_en, plugin, fix in plain_findings
    ]


def _plain_value(value):
    """An edit's value as JSON holds it: a date (a fix that unquotes one) as {"date": "..."}."""
    return {"date": value.isoformat()} if isinstance(value, dt.date) else value


def _value(plain):
    if isinstance(plain, dict) and set(plain) == {"date"}:
        return dt.date.fromisoformat(plain["date"])
    return plain
