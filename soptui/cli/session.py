"""What `lint`, `rules`, `rule` and `plugins` share: plugins, configuration, the checker, targets."""

from __future__ import annotations

import argparse
import sys
from functools import cached_property, partial
from pathlib import Path

from ..checker.config import (Config, ConfigError, find_config, load_config, refuse_unknown_selectors,
                              selector_notes)
from ..checker.engine import Checker, LintResult
from ..checker.plugins import PluginError, Plugins, failed_to_load, load_plugins
from ..checker.rule import Context
from ..i18n import Text, glossed
from ..loading.discover import find_sop_names
from ..loading.not_sop import split_not_sops
from ..registry import Registry, RegistryError, registry_for
from ..rules import codes
from . import UsageError, no_such_config
from .discovery import found, note_links_not_followed, note_not_sops


class NoSopFiles(UsageError):
    """Every file given was skipped as plainly not an SOP (pre-commit handing over `ruff.toml`
    alone): nothing to do, which `lint` takes as success and other commands as a usage error."""


class Session:
    """One command's plugins, configuration, checker and files (see `open_session`)."""

    def __init__(self, plugins: Plugins, config: Config, checker: Checker, lang: str, files: list[str],
                 targets: list[str], quiet: bool = False, use_cache: bool = True,
                 registry: Registry | None = None, *, changed_since: "ChangedSince | None" = None) -> None:
        self.plugins = plugins
        self.config = config
        self.checker = checker
        self.lang = lang
        # File names as `Path` writes them, not `Path`s: a corpus has ten thousand of them.
        self.files = files  # everything found under PATH
        self._targets = targets  # what is reported on (--changed-since narrows it: see `targets`)
        self._changed_since = changed_since  # git's answer, while it is being asked
        self.quiet = quiet
        self.use_cache = use_cache
        # The dasar hukum registry of this configuration and these plugins: the checker's
        # context holds the same one, which is what the rules read.
        self.registry = registry

    @property
    def targets(self) -> list[str]:
        """The files reported on: with --changed-since, those git names, their texts at the
        revision given to the checker's context (asked on a thread: see `ChangedSince`)."""
        if self._changed_since is not None:
            from ..checker.revisions import RevisionError  # imported already, with ChangedSince

            try:
                targets, previous = self._changed_since.result()
            except RevisionError as error:
                raise UsageError(error.text) from None
            self._targets, self.checker.context.previous_text = targets, previous
            self._changed_since = None
        return self._targets

    @property
    def reporters(self) -> dict[str, type]:
        return self.plugins.reporter_classes()

    @property
    def plugin_failures(self) -> bool:
        return bool(self.plugins.failed)

    @cached_property
    def engine_key(self) -> str:
        """What, besides the files, decides the findings (see `checker.cache.engine_key`)."""
        from ..checker.cache import engine_key

        return engine_key(self.checker)

    def lint(self, render=None) -> LintResult:
        """The run's result; `render`: see `checker.run.lint`."""
        from ..checker.run import lint, open_store

        progress = partial(_progress, lang=self.lang) \
            if (not self.quiet and sys.stderr.isatty() and len(self.files) > 50) else None
        key = self.engine_key if self.use_cache else None
        # The cache's index is read, and every file's stamp checked against it, while git answers
        # --changed-since, before the targets.
        store = open_store(key) if key is not None and self._changed_since is not None else None
        if store is not None:
            store.check_stamps(self.files)
        try:
            targets = self.targets
        except UsageError:
            if store is not None:
                store.close()
            raise
        return lint(self.checker, self.files, targets, key=key, progress=progress, store=store, render=render)


_CHECKING = glossed("memeriksa", "checking")


def _progress(done: int, total: int, lang: str = "id") -> None:
    end = "\n" if done == total else ""
    print(f"\r{_CHECKING(lang)} {done}/{total}", end=end, file=sys.stderr, flush=True)


def _paths(args: argparse.Namespace) -> list[str]:
    return getattr(args, "paths", None) or (["sops"] if Path("sops").is_dir() else ["."])


def open_session(args: argparse.Namespace) -> Session:
    paths = _paths(args)
    asked = getattr(args, "lang", None)  # the configuration's `lang` is not known yet
    skipped: list[str] = []
    files = found(find_sop_names, paths, follow_links=getattr(args, "follow_links", False), skipped=skipped)
    if skipped and not getattr(args, "quiet", False):
        note_links_not_followed(skipped, asked)
    named = {str(Path(p)) for p in paths if not Path(p).is_dir()}  # as find_sop_names writes them
    files, not_sops = split_not_sops(files, named)
    if not_sops and not getattr(args, "quiet", False):
        note_not_sops(not_sops, lang=asked)
    if not files and not_sops:
        raise NoSopFiles(glossed("tidak ada berkas SOP untuk diperiksa", "no SOP files to check"))
    if not files:
        raise UsageError(Text(f"tidak ada berkas .toml di {', '.join(paths)} (no .toml files found)",
                              f"no .toml files found in {', '.join(paths)}"))
    changed_since = None
    if getattr(args, "changed_since", None):
        from ..checker.revisions import ChangedSince

        changed_since = ChangedSince(args.changed_since, files)  # git answers while the rest is set up
    try:
        config = _config(args, Path(paths[0]))
    except ConfigError as error:
        raise UsageError(error.text) from None
    plugins = _plugins(args, config)
    rule_classes = plugins.rule_classes()
    for problem in plugins.problems:
        print(f"soptui: {problem(getattr(args, 'lang', None) or config.lang)}", file=sys.stderr)
    _apply_cli_selection(args, config)
    classes = [cls for _, cls in rule_classes]
    removed = codes.removed()
    try:
        refuse_unknown_selectors(config, classes, removed=removed)
    except ConfigError as error:
        raise UsageError(error.text) from None
    if not getattr(args, "quiet", False):
        for note in selector_notes(config, classes, removed=removed):
            said = asked or config.lang
            print(f"soptui: {Text('catatan (note)', 'note')(said)}: {note(said)}", file=sys.stderr)
    # The registry of this configuration and these plugins, built once: the rules, the workers
    # and the cache key all read it from the context.
    registry = _registry(config, plugins)
    # With --changed-since, the texts at the revision come with the targets (`Session.targets`).
    context = Context(previous_text=None, registry=registry)
    try:
        checker = Checker(rule_classes, config, context)
    except ConfigError as error:
        raise UsageError(error.text) from None
    lang = getattr(args, "lang", None) or config.lang or "id"
    args.lang = lang  # a usage error from here on is said in it (see cli._command)
    return Session(plugins, config, checker, lang, files, files,
                   quiet=getattr(args, "quiet", False), use_cache=not getattr(args, "no_cache", False),
                   registry=registry, changed_since=changed_since)


def _registry(config: Config, plugins: Plugins) -> Registry:
    try:
        return registry_for(config, plugins.manager)
    except RegistryError as error:
        raise UsageError(error.text) from None


def _config(args: argparse.Namespace, first: Path) -> Config:
    given = getattr(args, "config", None)
    path = Path(given) if given else find_config(first)
    if given and not path.is_file():
        raise UsageError(no_such_config(given))
    try:
        return load_config(path) if path else Config()
    except ConfigError as error:
        raise UsageError(error.text) from None


def reporter_names(args: argparse.Namespace) -> set[str] | None:
    """The report formats this command line can name, worked out without its files (for a
    usage error found before the formats were checked); None when the configuration or the
    plugins cannot say."""
    try:
        config = _config(args, Path(_paths(args)[0]))
        plugins = load_plugins(include=[*config.plugins, *getattr(args, "plugin", [])],
                               exclude=getattr(args, "no_plugin", []))
    except (UsageError, ConfigError, PluginError):
        return None
    return set(plugins.reporter_classes())


def _plugins(args: argparse.Namespace, config: Config) -> Plugins:
    try:
        plugins = load_plugins(include=[*config.plugins, *getattr(args, "plugin", [])],
                               exclude=getattr(args, "no_plugin", []))
    except PluginError as error:
        raise UsageError(error.text) from None
    lang = getattr(args, "lang", None) or config.lang
    for failure in plugins.failed:
        print(f"soptui: {failed_to_load(failure)(lang)}", file=sys.stderr)
    return plugins


def _apply_cli_selection(args: argparse.Namespace, config: Config) -> None:
    if getattr(args, "select", None):
        config.select = tuple(args.select)
    config.extend_select = (*config.extend_select, *getattr(args, "extend_select", []))
    config.ignore = (*config.ignore, *getattr(args, "ignore", []))
