"""The built-in plugin: soptui's own rules and report formats.

It is registered through the entry point `builtin` of group `soptui`, exactly like a
third-party plugin, so the built-in rules take the same code path as everyone else's.
Every module of `soptui.rules` holds one rule; they are found by walking the package, so adding
a rule is adding a module (and its row in `soptui.rules.codes`, the code table).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from . import rules
from .checker.rule import CorpusRule, Rule
from .hookspecs import hookimpl
from .rules import codes


def builtin_rules() -> list[type[Rule]]:
    found = []
    for module_info in pkgutil.iter_modules(rules.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{rules.__name__}.{module_info.name}")
        found += [
            value for value in vars(module).values()
            if inspect.isclass(value) and issubclass(value, Rule) and value not in (Rule, CorpusRule)
            and value.__module__ == module.__name__
        ]
    return codes.apply(sorted(found, key=lambda cls: cls.code))


@hookimpl
def soptui_rules():
    return builtin_rules()


@hookimpl
def soptui_reporters():
    from .reporting import REPORTERS  # here: validate and the UI take the rules, not the reporters

    return list(REPORTERS)
