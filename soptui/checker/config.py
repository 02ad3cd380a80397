"""Configuration: `[tool.soptui]` in pyproject.toml, or a soptui.toml, found upward from the files.

```toml
[tool.soptui]
ignore = ["kegiatan-active-verb"]          # codes, names, code prefixes ("SOP2") or "ALL"
severity = { missing-mutu-baku = "error" }
fail-on = "warning"
lang = "en"

[[tool.soptui.overrides]]                  # settings for some paths only
paths = ["sops/arsip/**"]
ignore = ["identity-dates"]

[tool.soptui.rules.step-numbering]         # a rule's options, checked against its schema
```

A mistake in the file is a `ConfigError` naming the file, line and key.
"""

from __future__ import annotations

import fnmatch
import json
import os
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, NamedTuple

from .. import schema_file
from ..fieldwise import Fieldwise
from ..files import read_regular_text
from ..i18n import Text, TextError, glossed
from ..loading import toml
from ..suggest import closest
from .rule import Rule, Severity

CONFIG_FILES = ("soptui.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 1024 * 1024


class ConfigError(TextError):
    """A configuration file soptui cannot use; the message names file, line and key."""


class Override(NamedTuple):
    """One [[overrides]] table: rule selection and severities for the files matching `paths`."""

    paths: tuple[str, ...]
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = MappingProxyType({})


class Config(Fieldwise):
    """What a run is configured with: a configuration file's settings, or the defaults.

    A plain class rather than a dataclass: a dataclass has its methods compiled at every start,
    and `dataclasses` imports `inspect`, costs a one-file lint feels. It compares and prints
    as the dataclass did."""

    _fields = ("path", "select", "extend_select", "ignore", "severity", "overrides", "rules", "fail_on", "lang",
              "plugins", "registries", "logo")
    _COMPARED = _SHOWN = _fields

    def __init__(self, path: Path | None = None, select: tuple[str, ...] = ("ALL",), extend_select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = (), severity: dict[str, str] | None = None,
                 overrides: tuple[Override, ...] = (), rules: dict[str, dict] | None = None,
                 fail_on: str | None = None, lang: str | None = None, plugins: tuple[str, ...] = (),
                 registries: tuple[Path, ...] = (), logo: Path | None = None) -> None:
        self.path = path  # the file it came from; None for defaults
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore
        self.severity = {} if severity is None else severity
        self.overrides = overrides
        self.rules = {} if rules is None else rules
        self.fail_on = fail_on
        self.lang = lang
        self.plugins = plugins
        self.registries = registries
        self.logo = logo  # the instansi's logo for `soptui export`, relative to the file

    __hash__ = None  # type: ignore[assignment]  # changed in place (the command line's selection)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path) -> Path | None:
    """The nearest soptui.toml, or pyproject.toml with a [tool.soptui] table, at or above `start`.

    A configuration file that is there but cannot be used (a folder named soptui.toml, an
    unreadable pyproject.toml) is a `ConfigError`: running the defaults instead would hide it."""
    try:
        start = start.resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop
        raise ConfigError(f"{start}: {getattr(error, 'strerror', None) or error}") from None
    for folder in [start, *start.parents] if start.is_dir() else [start.parent, *start.parent.parents]:
        for name in CONFIG_FILES:
            candidate = folder / name
            if not os.path.lexists(candidate):
                continue
            if not candidate.is_file():
                raise ConfigError(Text(f"{candidate}: bukan berkas biasa (not a regular file)",
                                       f"{candidate}: not a regular file"))
            if name == "soptui.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "[tool.soptui" in read_regular_text(pyproject, MAX_CONFIG_BYTES, errors="replace")
    except OSError as error:
        raise ConfigError(_unreadable(pyproject, error.strerror)) from None


def load_config(path: Path) -> Config:
    try:
        text = read_regular_text(path, MAX_CONFIG_BYTES, "utf-8-sig")  # a BOM is no part of the TOML
    except OSError as error:
        raise ConfigError(_unreadable(path, error.strerror)) from None
    except UnicodeDecodeError as error:
        # here and below: the loader (model, schema) only with a file to read
        from ..loading.said import undecodable

        raise ConfigError(undecodable(str(path), error)) from None
    from ..loading.said import Unparsed, read_toml

    try:
        data = read_toml(str(path), text)
    except Unparsed as problem:  # where, and in the words a broken SOP file gets
        raise ConfigError(problem.message) from None
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("soptui", {}) if isinstance(tool, dict) else None
        prefix = "/tool/soptui"
        if not isinstance(data, dict):
            raise ConfigError(_placed(path, text, "", ["tool"], Text("`tool.soptui` harus tabel (must be a table)",
                                                                   "`tool.soptui` must be a table")))
    _validate(data, path, text, prefix)
    return Config(
        path=path,
        select=tuple(data.get("select", ("ALL",))),
        extend_select=tuple(data.get("extend-select", ())),
        ignore=tuple(data.get("ignore", ())),
        severity=dict(data.get("severity", {})),
        overrides=tuple(
            Override(
                paths=tuple(item["paths"]),
                select=tuple(item["select"]) if "select" in item else None,
                extend_select=tuple(item.get("extend-select", ())),
                ignore=tuple(item.get("ignore", ())),
                severity=dict(item.get("severity", {})),
            )
            for item in data.get("overrides", ())
        ),
        rules=dict(data.get("rules", {})),
        fail_on=data.get("fail-on"),
        lang=data.get("lang"),
        plugins=tuple(data.get("plugins", ())),
        registries=tuple(path.parent / item for item in data.get("registries", ())),
        logo=path.parent / data["logo"] if "logo" in data else None,
    )


def _validate(data: dict, path: Path, text: str, prefix: str) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(Path(schema_file("config.schema.json")).read_text("utf-8"))
    error = next(iter(Draft202012Validator(schema).iter_errors(data)), None)
    if error is None:
        return
    keys = [str(part) for part in error.absolute_path]
    if error.validator == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in known]
        keys.append(extra[0])
        close = closest(extra[0], known)
        detail = glossed("kunci tidak dikenal", "unknown key", f" `{extra[0]}`")
        detail += _did_you_mean(close)
    else:
        said = f"`{'.'.join(keys) or 'tool.soptui'}`: {error.message}"  # jsonschema's, in English only
        detail = Text(said, said)
    raise ConfigError(_placed(path, text, prefix, keys, detail))


def _unreadable(path: Path, why: str | None) -> Text:
    return Text(f"{path}: tidak dapat dibaca (cannot be read): {why}", f"{path}: cannot be read: {why}")


def _did_you_mean(close: str | None) -> Text:
    return Text(f"; maksud Anda `{close}`? (did you mean `{close}`?)", f"; did you mean `{close}`?") if close \
        else Text("", "")


def _placed(path: Path, text: str, prefix: str, keys: list[str], message: Text) -> Text:
    """`message` about the key at `keys` (under `prefix`), as a problem of an SOP file is said:
    FILE:LINE:COL, and the line with a caret below; after the file's name alone when the key
    cannot be placed."""
    from ..loading.said import placed  # here: only a broken configuration needs it

    return placed(str(path), text, prefix + "".join(f"/{k}" for k in keys), message)


# -- choosing rules --------------------------------------------------------------------------


def _names(selector: str, rule: type[Rule]) -> bool:
    """`selector` is the rule's code, name, or one of its earlier codes and names."""
    return selector in (rule.code, rule.name, *rule.aliases)


def _matches(selector: str, rule: type[Rule]) -> bool:
    return selector == "ALL" or _names(selector, rule) or (
        selector.isupper() and rule.code.startswith(selector)
    )


def _enables(selector: str, rule: type[Rule]) -> bool:
    """Whether `selector` in `select` turns the rule on: a preview rule only when named."""
    return _names(selector, rule) if rule.lifecycle == "preview" else _matches(selector, rule)


def _all_selectors(config: Config, cli: list[str] = ()) -> list[str]:
    overrides = [s for o in config.overrides for s in (*(o.select or ()), *o.extend_select, *o.ignore, *o.severity)]
    return [*config.select, *config.extend_select, *config.ignore, *config.severity, *overrides, *config.rules, *cli]


def unknown_selectors(config: Config, rules: list[type[Rule]], cli: list[str] = (),
                      removed: Mapping[str, object] = MappingProxyType({})) -> list[Text]:
    """Selectors (in config or on the command line) that match no rule, each with a suggestion.
    A selector in `removed` (a rule that no longer exists) is left to `selector_notes`."""
    return [message for _, message in _unknown(config, rules, cli, removed)]


def _unknown(config: Config, rules: list[type[Rule]], cli: list[str],
             removed: Mapping[str, object]) -> list[tuple[str, Text]]:
    found = []
    names = sorted({r.name for r in rules} | {r.code for r in rules})
    for selector in _all_selectors(config, cli):
        if selector in removed:
            continue
        if not any(_matches(selector, rule) for rule in rules):
            close = closest(selector, names)
            found.append((selector, glossed("aturan tidak dikenal", "unknown rule", f" `{selector}`")
                          + _did_you_mean(close)))
    return found


def refuse_unknown_selectors(config: Config, rules: list[type[Rule]],
                             removed: Mapping[str, object] = MappingProxyType({})) -> None:
    """Raise `ConfigError` naming every selector that matches no rule (`unknown_selectors`): a
    mistyped code checks less than the configuration says, `select = ["SOP999"]` nothing at all,
    so no command checks with it (`soptui lint` exits 2, the UI does not start). A selector
    written in the configuration file is named with its FILE:LINE:COL."""
    unknown = _unknown(config, rules, (), removed)
    if not unknown:
        return
    places = _selector_places(config, {selector for selector, _ in unknown})
    # one a line when one is placed (its line of the file and caret below it), else on one line
    joint = "\n" if places else "; "
    said = [place(message) if (place := _next(places, selector)) else message for selector, message in unknown]
    raise ConfigError(Text(joint.join(u.id for u in said), joint.join(u.en for u in said)))


def _next(places: dict[str, list], selector: str):
    """Where the next occurrence of `selector` is written, if it is (not one given on the command line)."""
    found = places.get(selector)
    return found.pop(0) if found else None


# The lists of selectors in a configuration table (and in each [[overrides]]), in the order of
# `_all_selectors`; `severity` and `rules` are tables keyed by them.
_SELECTOR_LISTS = ("select", "extend-select", "ignore")


def _selector_places(config: Config, wanted: set[str]) -> dict[str, list]:
    """Each of the selectors `wanted` written in the configuration file -> for each time it is,
    in the order `_all_selectors` lists them, what places a message there (`_placed`). Read again from the file: only a
    refused configuration needs it, and the positions cost a scan of the text."""
    if config.path is None:
        return {}
    try:
        text = read_regular_text(config.path, MAX_CONFIG_BYTES, "utf-8-sig")
        data = toml.parse(text)
        if config.path.name == "pyproject.toml":
            data, prefix = data["tool"]["soptui"], "/tool/soptui"
        else:
            prefix = ""
        written = _written_selectors(data)
    except Exception:  # noqa: BLE001 - changed since it was read; a place is a help, the messages stand without it
        return {}
    places: dict[str, list] = {}
    for selector, keys in written:
        if selector in wanted:
            places.setdefault(selector, []).append(partial(_placed, config.path, text, prefix, keys))
    return places


def _written_selectors(data: dict) -> list[tuple[str, list[str]]]:
    """(selector, its keys in the table) for each selector `data` holds, in `_all_selectors`' order."""
    written: list[tuple[str, list[str]]] = []

    def collect(table: dict, at: list[str]) -> None:
        for name in _SELECTOR_LISTS:
            written.extend((item, [*at, name, str(i)]) for i, item in enumerate(table.get(name, ())))
        written.extend((key, [*at, "severity", key]) for key in table.get("severity", {}))

    collect(data, [])
    for index, override in enumerate(data.get("overrides", ())):
        collect(override, ["overrides", str(index)])
    written.extend((key, ["rules", key]) for key in data.get("rules", {}))
    return written


def selector_notes(config: Config, rules: list[type[Rule]], cli: list[str] = (),
                   removed: Mapping[str, object] = MappingProxyType({})) -> list[Text]:
    """Notes for selectors that still work but should change: an earlier code or name of a rule
    (an alias), a deprecated rule named, a removed rule named (`removed`: selector -> its row)."""
    notes: list[Text] = []
    for selector in dict.fromkeys(_all_selectors(config, cli)):
        renamed = next((r for r in rules if selector in r.aliases), None)
        if renamed is not None:
            notes.append(glossed(f"`{selector}` sekarang {renamed.code} `{renamed.name}`; tulis nama barunya",
                                 f"`{selector}` is now {renamed.code} `{renamed.name}`; write the new name"))
        named = next((r for r in rules if selector in (r.code, r.name)), renamed)
        if named is not None and named.lifecycle == "deprecated":
            notes.append(glossed(f"aturan {named.code} `{named.name}` usang dan akan dihapus",
                                 f"rule {named.code} `{named.name}` is deprecated and will be removed"))
        if selector in removed and not any(_matches(selector, r) for r in rules):
            notes.append(glossed(f"aturan `{selector}` sudah dihapus dan tidak berjalan lagi; hapus dari konfigurasi",
                                 f"rule `{selector}` was removed and no longer runs; drop it from the configuration"))
    return notes


class RuleSelection(NamedTuple):
    """Which rules run for a given file, and at which severity."""

    enabled: frozenset[str]  # codes
    severity: dict[str, Severity]


def matching_overrides(config: Config, path: str) -> tuple[int, ...]:
    """The indexes of the [[overrides]] whose paths match `path`."""
    if not config.overrides:
        return ()
    relative = _relative(path, config.root)
    return tuple(index for index, override in enumerate(config.overrides)
                 if any(fnmatch.fnmatch(relative, pattern) for pattern in override.paths))


def selection_with(config: Config, rules: list[type[Rule]], overrides: tuple[int, ...]) -> RuleSelection:
    """The selection of a file that the overrides numbered `overrides` apply to."""
    select, extend, ignore = list(config.select), list(config.extend_select), list(config.ignore)
    severity = dict(config.severity)
    for override in (config.overrides[index] for index in overrides):
        if override.select is not None:
            select = list(override.select)
        extend += override.extend_select
        ignore += override.ignore
        severity.update(override.severity)
    enabled = frozenset(
        rule.code
        for rule in rules
        if any(_enables(s, rule) for s in [*select, *extend]) and not any(_matches(s, rule) for s in ignore)
    )
    levels = {}
    for rule in rules:
        chosen = next((Severity(v) for k, v in severity.items() if _matches(k, rule)), rule.severity)
        levels[rule.code] = chosen
    return RuleSelection(enabled, levels)


def options_for(config: Config, rule: type[Rule]) -> dict:
    """The options of `rule` from [rules.NAME] (or [rules.CODE], or an earlier name or code of
    the rule), validated against its schema."""
    given = [key for key in (rule.name, rule.code, *rule.aliases) if key in config.rules]
    if len(given) > 1:
        where = config.path or "config"
        raise ConfigError(Text(f"{where}: ", f"{where}: ") + glossed(
            f"[rules.{given[0]}] dan [rules.{given[1]}] adalah aturan yang sama; tulis satu saja",
            f"[rules.{given[0]}] and [rules.{given[1]}] are the same rule: keep one"))
    options = config.rules[given[0]] if given else {}
    if not options:
        return {}  # nothing to check: the rule's own defaults apply (and jsonschema stays unimported)
    from jsonschema import Draft202012Validator

    error = next(iter(Draft202012Validator(rule.options_schema).iter_errors(options)), None)
    if error is not None:
        key = ".".join(str(p) for p in error.absolute_path)
        if error.validator == "additionalProperties":
            known = sorted(rule.options_schema.get("properties", {}))
            key = next(k for k in error.instance if k not in known)
            shown = ", ".join(known) or "-"
            detail = glossed("opsi tidak dikenal; opsi yang ada", "unknown option; known options", f": {shown}")
        else:
            detail = Text(error.message, error.message)
        where = f"{config.path or 'config'}: [rules.{rule.name}] `{key or rule.name}`: "
        raise ConfigError(Text(where, where) + detail)
    return options


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()

