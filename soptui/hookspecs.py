"""The hooks a soptui plugin can implement, grouped by when they fire.

A plugin is a module (or object) with functions marked ``@hookimpl`` (from ``soptui.api``),
announced to soptui by an entry point in the group ``soptui``::

    # pyproject.toml of the plugin
    [project.entry-points.soptui]
    balangan = "soptui_balangan"

soptui's built-in rules and report formats come through this same door (the entry point
``builtin = "soptui.builtin"``), so a plugin's rules are treated exactly like the built-in ones.

Each hook returns a list; the lists of all plugins are joined, the built-in plugin's first. soptui
calls hooks with keyword arguments only, and an implementation receives just the arguments it
names: a hook that gains an argument in a later API version keeps every plugin working. A hook
whose name is misspelled is an error at load time (soptui calls ``check_pending``), not a
silently ignored function.

When they fire, in the order of a ``soptui lint`` session:

1. Plugins are loaded (entry points of group ``soptui``).
2. ``soptui_rules`` -- the rule classes, when the session builds its checker (also for
   ``soptui rules``, ``soptui rule NAME`` and the TUI).
3. ``soptui_registries`` -- the registry files, when the session builds its regulation registry,
   once, before any file is checked.
4. ``soptui_reporters`` -- the report formats, when ``lint`` resolves ``--format`` and
   ``--output``, before any file is checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # for the annotations only: the hooks are below the checker and the reports
    import os

    from .checker.rule import Rule
    from .reporting.base import Reporter

PROJECT = "soptui"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# -- building the checker ---------------------------------------------------------------------------


@hookspec
def soptui_rules() -> list[type[Rule]]:
    """Contribute rules.

    **When:** once per session, after the plugins load, when the checker is built (``lint``,
    ``rules``, ``rule``, ``export``, the TUI).

    **Gets:** nothing.

    **Returns:** a list of rule classes, each a subclass of ``soptui.api.Rule`` (one SOP at a time)
    or ``soptui.api.CorpusRule`` (across files), with a unique ``code`` and ``name``. soptui
    instantiates each with its options from ``[tool.soptui.rules.NAME]``, validated against the
    class's ``options_schema``. A class whose code or name is already taken is reported and
    skipped; a hook that raises is reported and the other plugins' rules still run.
    """


@hookspec
def soptui_registries() -> list[str | os.PathLike[str]]:
    """Contribute regulation registry files (a kabupaten's list of Perbup, corrections).

    **When:** once per session, after the plugins load and the configuration is read, when the
    session builds its registry -- before any file is checked. Every rule then sees that one
    registry as ``context.registry`` (in worker processes too), and its files are part of the
    cache key.

    **Gets:** nothing.

    **Returns:** a list of paths (``str`` or ``pathlib.Path``) to registry TOML files, each valid
    against ``schemas/registry.schema.json`` (see ``docs/regulations.md``). They are read after
    soptui's own registry and the files named by ``registries = [...]`` in the configuration; an
    entry of the same type, number and year (and region) replaces the earlier one. A missing or
    invalid file is a usage error (exit 2) that names the file, line and key.
    """


# -- reporting ----------------------------------------------------------------------------------------


@hookspec
def soptui_reporters() -> list[type[Reporter]]:
    """Contribute report formats for ``soptui lint --format NAME`` and ``--output NAME=FILE``.

    **When:** once per ``lint`` session, after the plugins load, when the report formats asked for
    are resolved -- before any file is checked, so an unknown format fails fast.

    **Gets:** nothing.

    **Returns:** a list of reporter classes, each a subclass of ``soptui.api.Reporter`` with a
    unique ``name`` (``"sarif"``). soptui builds one with ``lang``, ``color`` and ``root``
    keywords and calls ``write(result, out)`` once, with the run's ``soptui.api.LintReport`` (a
    read-only view: files, findings, rules, coverage) and a text stream. The first class of a
    name wins.
    """
