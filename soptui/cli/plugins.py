"""List the plugins soptui loads: name, version, where it comes from, its rules, and any that
failed to load with the reason. Honours SOPTUI_DISABLE_PLUGIN_AUTOLOAD, --plugin and --no-plugin."""

from __future__ import annotations

import argparse

from ..checker.config import Config
from ..i18n import Text
from .session import _plugins


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plugin", action="append", default=[], metavar="NAME", help="load this plugin too")
    parser.add_argument("--no-plugin", action="append", default=[], metavar="NAME", help="do not load this plugin")


def run(args: argparse.Namespace) -> int:
    plugins = _plugins(args, Config())
    rules_by_plugin: dict[str, list[str]] = {}
    for plugin, cls in plugins.rule_classes():
        rules_by_plugin.setdefault(plugin, []).append(f"{cls.code} {cls.name}")
    for info in plugins.loaded:
        print(f"{info.name} {info.version}  ({info.origin})")
        for rule in rules_by_plugin.get(info.name, []):
            print(f"    {rule}")
    for info in plugins.failed:
        failed = Text("GAGAL DIMUAT (failed to load)", "FAILED TO LOAD")(args.lang)
        print(f"{info.name} {info.version}  ({info.origin})  {failed}: {info.error(args.lang)}")
    for problem in plugins.problems:
        print(f"{Text('masalah (problem)', 'problem')(args.lang)}: {problem(args.lang)}")
    return 2 if plugins.failed else 0
