"""The hooks a soptui plugin can implement.

A plugin is a module (or object) with functions marked ``@hookimpl``, announced to soptui by an
entry point in the group ``soptui``::

    # pyproject.toml of the plugin
    [project.entry-points.soptui]
    balangan = "soptui_balangan"

soptui's built-in rules and report formats come through this same door (the entry point
``builtin = "soptui.rules"``), so a plugin's rules are treated exactly like the built-in ones.

Every hook is called once per run, right after the plugins are loaded, with no arguments, and
returns a list; the results of all plugins are concatenated. A hook whose name is misspelled
is an error at load time (soptui calls ``check_pending``), not a silently ignored function.
"""

from __future__ import annotations

import pluggy

PROJECT = "soptui"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def soptui_rules() -> list[type]:
    """Contribute rules.

    Return a list of rule classes, each a subclass of :class:`soptui.checker.rule.Rule` (one SOP
    at a time) or :class:`soptui.checker.rule.CorpusRule` (across files), with a unique ``code``
    and ``name``. soptui instantiates each with its options from ``[tool.soptui.rules.NAME]``,
    validated against the class's ``options_schema``.

    Called once per run, after loading plugins. A class whose code or name is already taken is
    reported and skipped.
    """


@hookspec
def soptui_reporters() -> list[type]:
    """Contribute report formats for ``soptui lint --format NAME``.

    Return a list of reporter classes, each a subclass of
    :class:`soptui.reporting.base.Reporter` with a unique ``name`` (``"sarif"``). A reporter
    receives the whole result of a run and writes it to a text stream.

    Called once per run, after loading plugins.
    """


@hookspec
def soptui_registries() -> list[str]:
    """Contribute regulation registry files (a kabupaten's list of Perbup, corrections).

    Return a list of paths (``str`` or :class:`pathlib.Path`) to registry TOML files, each valid
    against ``schemas/registry.schema.json`` (see ``docs/regulations.md``). They are read after
    soptui's own registry and the files named by ``registries = [...]`` in the configuration; an
    entry of the same type, number and year (and region) replaces the earlier one.

    Called once per run, after loading plugins. A missing or invalid file is an error that names
    the file, line and key.
    """
