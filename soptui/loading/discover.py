"""Which files a command works on: SOP files given directly, or found under folders."""

from __future__ import annotations

import errno
import os
from operator import attrgetter
from pathlib import Path

from ..i18n import Text, TextError

# Configuration files share the .toml suffix but are never SOPs.
NOT_SOPS = frozenset({"pyproject.toml", "soptui.toml", "Cargo.toml", "taplo.toml", ".taplo.toml"})
SKIPPED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "build", "dist"})


class MissingPath(Exception):
    """A path given on the command line does not exist."""


class UnusablePath(TextError):
    """A path given, or found under a folder given, that cannot be worked on: a folder that
    cannot be read, a name that is not UTF-8, a symbolic link that loops, a symbolic link given
    that leads to no file. The message (a `Text`, `str()` in Indonesian) says which and why; the
    command stops (exit 2) rather than lint part of the tree unsaid, unless its caller asked for
    them as a list (`unusable`: the terminal UI, which opens what it can and says what it could
    not)."""


def _check_name(path: str) -> None:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        raise UnusablePath(Text(f"{shown}: nama berkas bukan UTF-8, ganti namanya (the file name is not UTF-8: "
                                "rename it)", f"{shown}: the file name is not UTF-8: rename it")) from None


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _sop_files_under(folder: str, root: str, follow_links: bool, skipped: list[str],
                     links: dict[str, str], found: list[str], unusable: list[Text] | None) -> list[str]:
    """`found` with the SOP files under `folder` added, in order. A folder that cannot be read
    and a name that is not UTF-8 raise `UnusablePath`, or with `unusable` go there, skipped."""
    # os.scandir rather than Path.rglob: a corpus has thousands of files, and skipped folders
    # are never entered. Like rglob, symlinked folders are not followed. Each folder's entries
    # in order of name: the names come out sorted by their parts, with no sort of all of them.
    try:
        entries = sorted(os.scandir(folder), key=_name)
    except OSError as error:
        _refuse(Text(f"{folder}: folder tidak dapat dibaca (cannot read the folder): {error.strerror}",
                     f"{folder}: cannot read the folder: {error.strerror}"), unusable)
        return found
    # The folder's names checked at once: one that is not UTF-8 fails the whole, then each is
    # checked, so that the message names it.
    one_by_one = not _utf8([entry.name for entry in entries])
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            wanted = not (entry.name.startswith(".") or entry.name in SKIPPED_DIRS)
            if wanted and not (one_by_one and _misnamed(entry.path, unusable)):
                _sop_files_under(entry.path, root, follow_links, skipped, links, found, unusable)
            continue
        if not entry.name.endswith(".toml") or entry.name in NOT_SOPS:
            continue
        if one_by_one and _misnamed(entry.path, unusable):
            continue
        if entry.is_symlink():
            target = os.path.realpath(entry.path)
            if not (follow_links or _inside(target, root)):
                skipped.append(entry.path)  # out of the tree under review: see --follow-links
                continue
            if os.path.isdir(target):
                continue
            if os.path.exists(target):
                links[entry.path] = target
            elif _loops(entry.path):  # no name to report it by: every path to it loops
                _refuse(_leads_to_no_file(entry.path, os.strerror(errno.ELOOP)), unusable)
                continue
            # else a link whose file is gone: linted under its name, it is a file that cannot be
            # read, which the loader says, and the rest of the tree is checked
        found.append(entry.path)  # a FIFO or a device too: the loader refuses it, at its name
    return found


_name = attrgetter("name")  # a DirEntry's name: the key of a folder's entries, in C


def _utf8(names: list[str]) -> bool:
    try:
        "".join(names).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse(problem: Text, unusable: list[Text] | None) -> None:
    if unusable is None:
        raise UnusablePath(problem)
    unusable.append(problem)


def _misnamed(path: str, unusable: list[Text] | None) -> bool:
    """Whether `path`'s name is not UTF-8 (raising `UnusablePath`, without `unusable`)."""
    try:
        _check_name(path)
    except UnusablePath as error:
        _refuse(error.text, unusable)
        return True
    return False


def _loops(path: str) -> bool:
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def _leads_to_no_file(path: str, why: str) -> Text:
    return Text(f"{path}: tautan simbolik tidak menuju berkas (a symbolic link that leads to no file): {why}",
                f"{path}: a symbolic link that leads to no file: {why}")


def _dangling(path: str) -> None:
    """`UnusablePath` for a link given on the command line that leads to no file (dangling, or
    a loop): said as such rather than "no such file"."""
    try:
        os.stat(path)
    except OSError as error:
        raise UnusablePath(_leads_to_no_file(path, error.strerror)) from None


def find_sop_files(paths: list[str | Path], follow_links: bool = False,
                   skipped: list[str] | None = None, unusable: list[Text] | None = None) -> list[Path]:
    """Files named directly, and every ``*.toml`` under named folders, sorted and deduplicated.

    Inside folders, hidden folders (``.git``, ``.venv``), build output and configuration files
    (``pyproject.toml``, ``soptui.toml``) are skipped; a file named directly is always taken.
    A symbolic link found inside a folder that leads out of it is not followed unless
    `follow_links` (its name goes to `skipped`): a repository under review must not make
    soptui print another file's content. One found inside a folder whose file is gone is taken,
    as a file that cannot be read; one that loops, or one named directly that leads to no file,
    is an `UnusablePath`.
    """
    return [Path(name) for name in find_sop_names(paths, follow_links, skipped, unusable)]


def find_sop_names(paths: list[str | Path], follow_links: bool = False,
                   skipped: list[str] | None = None, unusable: list[Text] | None = None) -> list[str]:
    """`find_sop_files` as strings, each as `Path` would write it: what a lint of a corpus works
    with, since building ten thousand `Path` objects costs more than finding the files."""
    skipped = [] if skipped is None else skipped
    found: dict[str, None] = {}
    links: dict[str, str] = {}  # a symbolic link found in a folder -> the file it leads to
    for given in paths:
        path = Path(given)
        _check_name(str(given))
        if os.path.islink(given) and not os.path.exists(given):
            _dangling(str(given))  # raises: a loop or a dangling link, not "no such file"
        if path.is_dir():
            root = os.path.realpath(path)
            folder = str(path)
            # os.scandir(".") names "./a.toml", which Path writes "a.toml"; the folder is
            # written as Path writes it, and the names found under it add plain file names.
            cut = 2 if folder == "." else 0
            for name in _sop_files_under(folder, root, follow_links, skipped, links, [], unusable):
                found.setdefault(name[cut:], None)
        elif path.exists():
            found.setdefault(str(path), None)
        else:
            raise MissingPath(str(given))
    if any(name.startswith("./") for name in links):  # found under ".": named as in `found`
        links = {name[2:] if name.startswith("./") else name: target for name, target in links.items()}
    return _without_second_names(found, links) if links else list(found)


def _without_second_names(found: dict[str, None], links: dict[str, str]) -> list[str]:
    """Drop a link found in a folder when the file it leads to is linted already, under its own
    name or another link's: one SOP checked twice would be reported as its own duplicate (the
    same nomor in two files). Real paths are taken only when the tree has links."""
    seen = {os.path.realpath(path) for path in found if path not in links}
    kept = []
    for path in found:
        target = links.get(path)
        if target is not None:
            if target in seen:
                continue
            seen.add(target)
        kept.append(path)
    return kept
