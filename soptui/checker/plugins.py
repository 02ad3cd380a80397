"""Loading plugins: the built-in rules and every third-party package in entry-point group `soptui`.

pluggy's own `load_setuptools_entrypoints` stops at the first plugin that fails to import. Here
each entry point is loaded on its own, so a broken plugin is reported (name, version, error) and
the others still run. Nothing is ever imported from the folder being linted: plugins come only
from installed packages.
"""

from __future__ import annotations

import os
from typing import NamedTuple

import pluggy

from .. import hookspecs
from ..suggest import closest
from .entrypoints import entry_points
from .rule import Rule

BUILTIN = "builtin"
AUTOLOAD_VARIABLE = "SOPTUI_DISABLE_PLUGIN_AUTOLOAD"


class PluginInfo(NamedTuple):
    name: str
    version: str
    origin: str  # the module the entry point names
    error: str | None = None  # why it failed to load


class Plugins:
    """The loaded plugin manager, what was loaded, and what failed."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self.loaded: list[PluginInfo] = []
        self.failed: list[PluginInfo] = []
        self.problems: list[str] = []  # duplicate codes, bad rule classes

    def rule_classes(self) -> list[tuple[str, type[Rule]]]:
        """(plugin name, rule class) for every rule, first registration of a code/name winning."""
        seen: set[str] = set()
        found = []
        for impl in self.manager.hook.soptui_rules.get_hookimpls():  # registration order: builtin first
            plugin = self.manager.get_name(impl.plugin) or "?"
            try:
                classes = call(impl)
            except Exception as error:  # noqa: BLE001 - a plugin's bug is reported, not fatal
                self.problems.append(f"plugin '{plugin}': soptui_rules() raised {error!r}")
                continue
            for cls in classes or ():
                if not (isinstance(cls, type) and issubclass(cls, Rule)) or not getattr(cls, "code", None):
                    self.problems.append(f"plugin '{plugin}': {cls!r} is not a Rule subclass with a code")
                    continue
                names = {cls.code, cls.name, *cls.aliases}  # an old code stays its rule's
                taken = names & seen
                if taken:
                    self.problems.append(f"plugin '{plugin}': rule {cls.code} ({cls.name}) skipped, {sorted(taken)} already taken")
                    continue
                seen |= names
                found.append((plugin, cls))
        return found

    def reporter_classes(self) -> dict[str, type]:
        found: dict[str, type] = {}
        for impl in self.manager.hook.soptui_reporters.get_hookimpls():
            try:
                classes = call(impl)
            except Exception as error:  # noqa: BLE001
                self.problems.append(f"plugin '{self.manager.get_name(impl.plugin)}': soptui_reporters() raised {error!r}")
                continue
            for cls in classes or ():
                found.setdefault(cls.name, cls)
        return found


def call(impl: pluggy.HookImpl, **arguments: object) -> object:
    """Call one plugin's hook implementation as pluggy does: by keyword, with only the arguments
    it names (so a hook that gains an argument does not break an older plugin). soptui calls
    each implementation on its own, so one plugin's failure is reported without hiding the rest."""
    return impl.function(**{name: arguments[name] for name in impl.argnames if name in arguments})


def load_plugins(include: list[str] | None = None, exclude: list[str] | None = None,
                 only: list[str] | None = None) -> Plugins:
    """Load the entry points of group `soptui`.

    With `SOPTUI_DISABLE_PLUGIN_AUTOLOAD=1`, only the built-in plugin and those named in
    `include` load; `exclude` names plugins never to load. Raises
    `pluggy.PluginValidationError` when a plugin implements a hook that does not exist.
    """
    include, exclude = set(include or ()), set(exclude or ())
    autoload = os.environ.get(AUTOLOAD_VARIABLE, "") in ("", "0")
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    for entry in sorted(entry_points(group=hookspecs.PROJECT), key=lambda e: (e.name != BUILTIN, e.name)):
        if entry.name in exclude or manager.has_plugin(entry.name):
            continue
        if only is not None and entry.name not in only:
            continue
        if not (autoload or entry.name == BUILTIN or entry.name in include):
            continue
        version = entry.version
        try:
            module = entry.load()
        except Exception as error:  # noqa: BLE001 - any import-time failure of a plugin
            import traceback  # only for a plugin that failed: kept out of start-up

            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            plugins.failed.append(PluginInfo(entry.name, version, entry.value, detail))
            continue
        manager.register(module, name=entry.name)
        plugins.loaded.append(PluginInfo(entry.name, version, entry.value))
    missing = include - {info.name for info in plugins.loaded} - {info.name for info in plugins.failed}
    for name in sorted(missing):
        plugins.failed.append(PluginInfo(name, "?", "?", "no installed plugin has this name"))
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        raise pluggy.PluginValidationError(error.plugin, _unknown_hooks(manager)) from None
    return plugins


def _unknown_hooks(manager: pluggy.PluginManager) -> str:
    """A message naming each plugin that implements a hook soptui does not have."""
    known = [name for name in dir(hookspecs) if name.startswith("soptui_")]
    problems = []
    for name in dir(manager.hook):
        caller = getattr(manager.hook, name)
        if name.startswith("_") or not hasattr(caller, "get_hookimpls") or caller.spec is not None:
            continue
        for impl in caller.get_hookimpls():
            close = closest(name, known)
            hint = f"; maksud Anda (did you mean) '{close}'?" if close else ""
            problems.append(f"plugin '{manager.get_name(impl.plugin)}' mengimplementasikan hook tak dikenal "
                            f"(implements unknown hook) '{name}'{hint}")
    return "; ".join(problems) or "hook tidak sah (invalid hook)"
