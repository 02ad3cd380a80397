"""The entry points of one group, read the way importlib.metadata reads them, but cheaply.

Importing importlib.metadata is a large part of a one-file lint: it pulls in email, zipfile,
csv, socket... What it does for `entry_points(group=...)` is simple: walk `sys.path`, take
every `*.dist-info` / `*.egg-info` folder (the first of each normalised project name wins), and
read the `[group]` section of its `entry_points.txt`. This module does exactly that, with
`os.listdir` and plain string handling.

When the environment holds something this reader does not follow (a zip file on `sys.path`, or
an import hook that announces distributions of its own), it hands over to importlib.metadata,
so every installed plugin is found either way.
"""

from __future__ import annotations

import os
import re
import sys
from importlib import import_module
from importlib.machinery import PathFinder

_SUFFIXES = (".dist-info", ".egg-info")
# importlib.metadata's EntryPoint.pattern: "module", "module:attr.attr", optional "[extras]"
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


class EntryPoint:
    """One `name = value` line of a distribution's `entry_points.txt`."""

    def __init__(self, name: str, value: str, version: str | None) -> None:
        self.name = name
        self.value = value
        self.version = version  # the distribution's version ("Version" of its metadata)

    def load(self):
        """Import the module the value names, then follow its attributes (as importlib.metadata)."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"entry point value {self.value!r} is not `module` or `module:attr`")
        found = import_module(match["module"])
        for attr in filter(None, (match["attr"] or "").split(".")):
            found = getattr(found, attr)
        return found

    def __repr__(self) -> str:
        return f"EntryPoint({self.name!r}, {self.value!r}, {self.version!r})"


def entry_points(group: str) -> list[EntryPoint]:
    """Every entry point of `group` in the installed distributions, in `sys.path` order."""
    if not _plain_environment():
        return _from_importlib(group)
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for folder in _metadata_folders():
        project = _normalise(os.path.basename(folder).lower().rpartition(".")[0].partition("-")[0])
        if project in seen:  # an earlier path entry has this project: it shadows this one
            continue
        seen.add(project)
        lines = _section(_read(os.path.join(folder, "entry_points.txt")) or "", group)
        if lines:
            version = _version(folder)
            found += [EntryPoint(name, value, version) for name, value in lines]
    return found


def _plain_environment() -> bool:
    """Whether importlib.metadata would find distributions only in the folders of `sys.path`."""
    for finder in sys.meta_path:
        if finder is not PathFinder and hasattr(finder, "find_distributions"):
            return False
    return not any(os.path.isfile(entry) for entry in sys.path if entry)


def _metadata_folders():
    """The metadata folders of each `sys.path` entry, in order (listing order within a folder,
    as importlib.metadata; a `.egg` path entry's own `EGG-INFO` is not followed here)."""
    for entry in sys.path:
        if entry.lower().endswith(".egg"):
            continue
        try:
            children = os.listdir(entry or ".")
        except OSError:
            continue
        for child in children:
            if child.lower().endswith(_SUFFIXES):
                yield os.path.join(entry, child)


def _normalise(name: str) -> str:
    """PEP 503 normalisation with dashes as underscores (importlib.metadata's `Prepared.normalize`)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return None


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """(name, value) of each entry of `[group]` in an `entry_points.txt` (an ini-style file)."""
    pairs, current = [], None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line.strip("[]")
        elif current == group:
            name, _, value = line.partition("=")
            pairs.append((name.strip(), value.strip()))
    return pairs


def _version(folder: str) -> str | None:
    """The `Version:` header of the distribution's METADATA (or PKG-INFO), None when absent."""
    text = _read(os.path.join(folder, "METADATA")) or _read(os.path.join(folder, "PKG-INFO")) or ""
    for line in text.splitlines():
        if not line.strip():
            break  # the headers end at the first blank line; the description follows
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == "version":
            return value.strip()
    return None


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points as metadata_entry_points

    return [EntryPoint(e.name, e.value, e.dist.version if e.dist else "?")
            for e in metadata_entry_points(group=group)]
