"""A pytest fixture for plugin authors: lint a folder with exactly the given rules.

Registered through the `pytest11` entry point, so any project with soptui installed has it::

    def test_my_rules_on_our_sops(soptui_lint):
        result = soptui_lint("sops/", plugins=["balangan"])
        assert not [f for f in result.findings if f.code.startswith("BLG")]

`plugins` names installed plugins (entry points of group `soptui`, "builtin" included) and
`rules` adds rule classes directly; nothing else runs. The regulation registry is soptui's, then
the configuration's `registries`, then the registry files of exactly those plugins (another
installed plugin's registry is not read). The result cache is not used.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def lint_with(paths, plugins=("builtin",), rules=(), config=None):
    from .checker.config import Config
    from .checker.engine import Checker
    from .checker.plugins import load_plugins
    from .checker.rule import Context
    from .checker.run import lint
    from .loading.discover import find_sop_files
    from .registry import registry_for

    loaded = load_plugins(include=list(plugins), exclude=[], only=list(plugins))
    if loaded.failed:
        raise RuntimeError("; ".join(f"{p.name}: {p.error('en')}" for p in loaded.failed))
    classes = loaded.rule_classes() + [("test", cls) for cls in rules]
    files = find_sop_files([Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)])
    config = config or Config()
    context = Context(registry=registry_for(config, loaded.manager))
    return lint(Checker(classes, config, context), files)


@pytest.fixture
def soptui_lint():
    """`soptui_lint(paths, plugins=("builtin",), rules=(), config=None) -> LintResult`."""
    return lint_with
