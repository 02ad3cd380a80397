"""The built-in plugin: soptui's own rules and report formats.

It is found through the entry point `builtin` of group `soptui`, as a third-party plugin is, and
its rules go through the same checks as everyone else's (`Plugins.rule_classes`). Its hooks are
plain functions, called first and directly: pluggy, which calls the third-party plugins' hooks,
is imported only when one is installed.
Every module of `soptui.rules` holds one rule; they are found by walking the package, so adding
a rule is adding a module (and its row in `soptui.rules.codes`, the code table).
"""

from __future__ import annotations

import importlib
import os
from importlib.machinery import all_suffixes

from . import rules
from .checker.rule import CorpusRule, Rule
from .rules import codes


def builtin_rules() -> list[type[Rule]]:
    found = []
    for name in _rule_modules():
        module = importlib.import_module(f"{rules.__name__}.{name}")
        found += [
            value for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Rule) and value not in (Rule, CorpusRule)
            and value.__module__ == module.__name__
        ]
    return codes.apply(sorted(found, key=lambda cls: cls.code))


def _rule_modules() -> list[str]:
    """The modules of `soptui.rules` not named with `_`, as `pkgutil.iter_modules` lists them (a
    file with any module suffix, or a folder with an `__init__`), without pkgutil's import, which
    costs a one-file lint more than listing the folder does."""
    suffixes = sorted(all_suffixes(), key=len, reverse=True)  # ".cpython-311-x86_64-linux-gnu.so" before ".so"
    names = set()
    for folder in rules.__path__:
        for entry in sorted(os.listdir(folder)):
            if entry.startswith("_"):
                continue
            name = next((entry[:-len(suffix)] for suffix in suffixes if entry.endswith(suffix)), None)
            if name is None and os.path.isfile(os.path.join(folder, entry, "__init__.py")):
                name = entry
            if name is not None and name.isidentifier():
                names.add(name)
    return sorted(names)


def soptui_rules():
    return builtin_rules()


def soptui_reporters():
    from .reporting import REPORTERS  # here: validate and the UI take the rules, not the reporters

    return list(REPORTERS)
