"""The built-in plugin: soptui's own rules and report formats.

It is registered through the entry point `builtin` of group `soptui`, exactly like a
third-party plugin, so the built-in rules take the same code path as everyone else's.
"""

from __future__ import annotations

from .hookspecs import hookimpl
from .rules import step_numbering


@hookimpl
def soptui_rules():
    return [
        step_numbering.StepNumbering,
    ]


@hookimpl
def soptui_reporters():
    from .reporting import REPORTERS

    return list(REPORTERS)
