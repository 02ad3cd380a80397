"""The code table of soptui's built-in rules: each code, its name, where it stands in its
lifecycle, and the old codes and names it still answers to.

A code is a promise: a suppression comment, a baseline, a configuration and a CI script name
it. So a code is never reused, and a rule that is renamed or renumbered keeps its old code and
name here as *aliases*: ``# soptui: ignore[OLD]``, ``--select OLD`` and ``[tool.soptui.rules.OLD]``
still reach the rule, with a note saying the new name.

Lifecycle (as ruff's):

- ``stable``: runs with ``select = ["ALL"]`` and with its code's prefix.
- ``preview``: new and still settling; runs only when named by code or name (not by ``ALL`` or a
  prefix), so a release can add it without changing anyone's findings.
- ``deprecated``: still runs; naming it gives a note that it will be removed.
- ``removed``: no longer runs; its code stays here so that it is never given to another rule,
  and naming it gives a note rather than an "unknown rule" error.

Every built-in rule must have a row (a test checks it), and `soptui rules` shows the table.
Plugins give their own rules ``lifecycle`` and ``aliases`` as class attributes.
"""

from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    code: str
    name: str
    lifecycle: str = "stable"
    aliases: tuple[str, ...] = ()  # earlier codes and names of this rule
    note: str = ""  # why it changed: shown with the lifecycle


# The findings about the run itself (see checker/engine.py), then the rules, by code.
TABLE: tuple[Code, ...] = (
    Code("SOP000", "load-error"),
    Code("SOP001", "internal-error"),
    Code("SOP002", "unused-suppression"),
    Code("SOP010", "wrong-type"),
    Code("SOP011", "unknown-key"),
    Code("SOP012", "missing-key"),
    Code("SOP013", "date-as-text"),
    Code("SOP014", "negative-number"),
    Code("SOP020", "empty-value"),
    Code("SOP021", "waktu-format"),
    Code("SOP022", "pelaksana-id"),
    Code("SOP101", "step-numbering"),
    Code("SOP102", "missing-mutu-baku"),
    Code("SOP103", "kegiatan-active-verb"),
    Code("SOP104", "inconsistent-output"),
    Code("SOP105", "unassigned-actor"),
    Code("SOP106", "not-in-source"),
    Code("SOP201", "flow-start"),
    Code("SOP202", "flow-end"),
    Code("SOP203", "flow-unreachable"),
    Code("SOP204", "decision-exits"),
    Code("SOP205", "flow-branching"),
    Code("SOP206", "flow-symbol"),
    Code("SOP301", "missing-pengesahan"),
    Code("SOP302", "identity-dates"),
    Code("SOP303", "missing-dasar-hukum"),
    Code("SOP304", "revision-date"),
    Code("SOP305", "identity-completeness"),
    Code("SOP306", "missing-section"),
    Code("SOP307", "duplicate-item"),
    Code("SOP308", "signer-unit"),
    Code("SOP309", "doubled-word"),
    Code("SOP310", "kualifikasi-job-title"),
    Code("SOP401", "unresolved-keterkaitan"),
    Code("SOP402", "duplicate-nomor"),
    Code("SOP403", "keterkaitan-not-sop"),
    Code("SOP501", "revoked-regulation"),
    Code("SOP502", "superseded-regulation"),
    Code("SOP503", "wrong-regulation-type"),
    Code("SOP504", "citation-unparsed"),
    Code("SOP505", "citation-title-mismatch"),
    Code("SOP506", "dasar-hukum-order"),
    Code("SOP507", "cited-with-replacement"),
    Code("SOP508", "foreign-region"),
    Code("SOP509", "duplicate-citation"),
    Code("SOP510", "miscited-regulation"),
    Code("SOP511", "non-regulation-basis"),
)

BY_CODE = {row.code: row for row in TABLE}


def apply(rule_classes: list[type]) -> list[type]:
    """Give each built-in rule class the lifecycle and aliases of its row."""
    for cls in rule_classes:
        row = BY_CODE.get(cls.code)
        if row is not None:
            cls.lifecycle, cls.aliases = row.lifecycle, row.aliases
    return rule_classes


def removed() -> dict[str, Code]:
    """Each removed rule by its code, name and aliases: naming one is a note, not an error."""
    return {key: row for row in TABLE if row.lifecycle == "removed" for key in (row.code, row.name, *row.aliases)}
