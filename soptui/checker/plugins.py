"""Loading plugins: the built-in rules and every third-party package in entry-point group `soptui`.

pluggy's own `load_setuptools_entrypoints` stops at the first plugin that fails to import. Here
each entry point is loaded on its own, so a broken plugin is reported (name, version, error) and
the others still run. Nothing is ever imported from the folder being linted: plugins come only
from installed packages.

The built-in plugin comes through the same door (its entry point, `builtin`), and its hooks are
called directly, first; pluggy manages the third-party plugins, and is imported only when one
loads. A lint with soptui's own rules alone never imports pluggy, nor the `inspect` module pluggy
imports: together a large part of a one-file lint's start.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from ..i18n import Text, TextError, glossed
from ..suggest import closest
from .entrypoints import entry_points
from .rule import Rule

if TYPE_CHECKING:
    import pluggy

BUILTIN = "builtin"
PROJECT = "soptui"  # the entry-point group, and pluggy's project name (`hookspecs.PROJECT`)
AUTOLOAD_VARIABLE = "SOPTUI_DISABLE_PLUGIN_AUTOLOAD"


class PluginError(TextError):
    """A plugin that implements a hook soptui does not have; the message (a `Text`) names plugin
    and hook."""


class PluginInfo(NamedTuple):
    name: str
    version: str
    origin: str  # the module the entry point names
    error: Text | None = None  # why it failed to load (Python's words for an import's failure, in both)


class Plugins:
    """The loaded plugins: the built-in one, pluggy's manager of the others (None until one
    loads), what was loaded, and what failed."""

    def __init__(self, manager: pluggy.PluginManager | None = None) -> None:
        self.manager = manager
        self.builtin: Any = None  # the built-in plugin's module, once loaded
        self.loaded: list[PluginInfo] = []
        self.failed: list[PluginInfo] = []
        # duplicate codes, bad rule classes: Indonesian with the English in brackets, and English
        self.problems: list[Text] = []

    def implementations(self, hook: str) -> list[tuple[str, Callable[[], object]]]:
        """(plugin name, a call of its implementation) for every plugin implementing `hook`, the
        built-in plugin first, then pluggy's in its order (registration order)."""
        found: list[tuple[str, Callable[[], object]]] = []
        if self.builtin is not None and callable(getattr(self.builtin, hook, None)):
            found.append((BUILTIN, getattr(self.builtin, hook)))
        if self.manager is not None:
            for impl in getattr(self.manager.hook, hook).get_hookimpls():
                found.append((self.manager.get_name(impl.plugin) or "?", lambda impl=impl: call(impl)))
        return found

    def rule_classes(self) -> list[tuple[str, type[Rule]]]:
        """(plugin name, rule class) for every rule, first registration of a code/name winning."""
        seen: set[str] = set()
        found = []
        for plugin, implementation in self.implementations("soptui_rules"):
            try:
                classes = implementation()
            except Exception as error:  # noqa: BLE001 - a plugin's bug is reported, not fatal
                self.problems.append(_raised(plugin, "soptui_rules", error))
                continue
            for cls in classes or ():
                if not (isinstance(cls, type) and issubclass(cls, Rule)) or not getattr(cls, "code", None):
                    self.problems.append(Text(
                        f"plugin '{plugin}': {cls!r} bukan subkelas Rule yang berkode (is not a Rule subclass with a code)",
                        f"plugin '{plugin}': {cls!r} is not a Rule subclass with a code"))
                    continue
                names = {cls.code, cls.name, *cls.aliases}  # an old code stays its rule's
                taken = names & seen
                if taken:
                    self.problems.append(Text(
                        f"plugin '{plugin}': aturan {cls.code} ({cls.name}) dilewati, {sorted(taken)} sudah dipakai "
                        f"(rule skipped, already taken)",
                        f"plugin '{plugin}': rule {cls.code} ({cls.name}) skipped, {sorted(taken)} already taken"))
                    continue
                seen |= names
                found.append((plugin, cls))
        return found

    def reporter_classes(self) -> dict[str, type]:
        found: dict[str, type] = {}
        for plugin, implementation in self.implementations("soptui_reporters"):
            try:
                classes = implementation()
            except Exception as error:  # noqa: BLE001
                self.problems.append(_raised(plugin, "soptui_reporters", error))
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
    `include` load; `exclude` names plugins never to load. Raises `PluginError` when a plugin
    implements a hook that does not exist.
    """
    include, exclude = set(include or ()), set(exclude or ())
    autoload = os.environ.get(AUTOLOAD_VARIABLE, "") in ("", "0")
    plugins = Plugins()
    for entry in sorted(entry_points(group=PROJECT), key=lambda e: (e.name != BUILTIN, e.name)):
        if entry.name in exclude or entry.name in {info.name for info in plugins.loaded}:
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
            plugins.failed.append(PluginInfo(entry.name, version, entry.value, Text(detail, detail)))
            continue
        if entry.name == BUILTIN:
            plugins.builtin = module
        else:
            if plugins.manager is None:
                plugins.manager = _manager()
            plugins.manager.register(module, name=entry.name)
        plugins.loaded.append(PluginInfo(entry.name, version, entry.value))
    missing = include - {info.name for info in plugins.loaded} - {info.name for info in plugins.failed}
    for name in sorted(missing):
        plugins.failed.append(PluginInfo(name, "?", "?", _NOT_INSTALLED))
    if plugins.manager is not None:
        _check(plugins.manager)
    return plugins


def failed_to_load(failure: PluginInfo) -> Text:
    """What to say of a plugin that failed to load: its name, version, module and why."""
    said = f"plugin '{failure.name}' {failure.version} ({failure.origin})"
    error = failure.error or Text("?", "?")
    return Text(f"{said} gagal dimuat (failed to load): {error.id}", f"{said} failed to load: {error.en}")


_NOT_INSTALLED = Text("tidak ada plugin terpasang dengan nama ini (no installed plugin has this name)",
                      "no installed plugin has this name")


def _raised(plugin: str, hook: str, error: Exception) -> Text:
    return glossed(f"plugin '{plugin}': {hook}() gagal", f"plugin '{plugin}': {hook}() raised", f" {error!r}")


def _pluggy():
    """pluggy, imported when the first third-party plugin loads."""
    import pluggy  # it brings inspect: a lint with the built-in plugin alone pays for neither

    return pluggy


def _manager() -> pluggy.PluginManager:
    """pluggy's manager with soptui's hooks, for the third-party plugins."""
    from .. import hookspecs  # the specifications are pluggy's markers

    manager = _pluggy().PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager


def _check(manager: pluggy.PluginManager) -> None:
    """pluggy's check that every hook a plugin implements exists, as a `PluginError`."""
    try:
        manager.check_pending()
    except _pluggy().PluginValidationError:
        raise PluginError(_unknown_hooks(manager)) from None


def _unknown_hooks(manager: pluggy.PluginManager) -> Text:
    """A message naming each plugin that implements a hook soptui does not have."""
    callers = {name: getattr(manager.hook, name) for name in dir(manager.hook) if not name.startswith("_")}
    known = [name for name, caller in callers.items() if getattr(caller, "spec", None) is not None]
    problems = []
    for name, caller in callers.items():
        if not hasattr(caller, "get_hookimpls") or caller.spec is not None:
            continue
        for impl in caller.get_hookimpls():
            close = closest(name, known)
            plugin = manager.get_name(impl.plugin)
            problems.append(glossed(
                f"plugin '{plugin}' mengimplementasikan hook tak dikenal '{name}'"
                + (f"; maksud Anda '{close}'?" if close else ""),
                f"plugin '{plugin}' implements unknown hook '{name}'" + (f"; did you mean '{close}'?" if close else "")))
    if not problems:
        return Text("hook tidak sah (invalid hook)", "invalid hook")
    return Text("; ".join(p.id for p in problems), "; ".join(p.en for p in problems))
