"""Git revisions: which SOP files changed since a revision, and what they said then."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

from ..i18n import Text, TextError, glossed


class RevisionError(TextError, RuntimeError):
    """Git could not say what changed: the revision is unknown, the files are not in a
    repository, git is not installed, or git failed. The message is the user's to act on,
    in both languages, and names no git command line."""


GIT_NOT_FOUND = glossed("git tidak ditemukan; --changed-since memerlukan git di PATH",
                        "git not found; --changed-since needs git on the PATH")


def unknown_revision(revision: str) -> Text:
    return Text(f"revisi tidak dikenal (unknown revision): '{revision}'; berikan commit, branch atau tag "
                "yang ada di repositori (give a commit, branch or tag the repository has; in a shallow "
                "clone, fetch it first)",
                f"unknown revision '{revision}': give a commit, branch or tag the repository has "
                "(in a shallow clone, fetch it first)")


def not_a_repository(folder: str) -> Text:
    return Text(f"bukan repositori git (not a git repository): {folder}; --changed-since hanya berlaku "
                "untuk berkas di dalam repositori git (only works on files in a git repository)",
                f"not a git repository: {folder}; --changed-since only works on files in a git repository")


def git_failed(said: str) -> Text:
    said = said.removeprefix("fatal: ") or "?"
    return glossed("git gagal", "git failed", f": {said}")


def _git(*args: str, cwd: Path | str) -> str:
    return _output(_start(*args, cwd=cwd))


def _start(*args: str, cwd: Path | str) -> subprocess.Popen:
    try:
        return subprocess.Popen(["git", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        raise RevisionError(GIT_NOT_FOUND) from None


def _output(running: subprocess.Popen, failure: Text | None = None) -> str:
    """What git wrote, or RevisionError: `failure` if given, else what git said."""
    out, err = running.communicate()
    if running.returncode != 0:
        raise RevisionError(failure or git_failed(err.strip().splitlines()[-1] if err.strip() else ""))
    return out


def changed_files(revision: str, files: list[str] | list[Path]) -> tuple[list, dict[str, str | None]]:
    """The `files` whose content differs from `revision` (including new, untracked ones), and for
    each of those its text at `revision` (None when it did not exist then). The files are names
    or paths; the changed ones come back as given."""
    if not files:
        return [], {}
    if revision.startswith("-"):  # an option to git, not a revision: never handed to `git diff`
        raise RevisionError(unknown_revision(revision))
    cwd = os.path.dirname(os.path.realpath(files[0]))
    try:
        top = os.path.realpath(_git("rev-parse", "--show-toplevel", cwd=cwd).strip())
    except RevisionError as error:
        if error.text == GIT_NOT_FOUND:
            raise
        raise RevisionError(not_a_repository(_folder_of(files))) from None
    # The revision checked, the diff and the untracked files asked at once: git's three answers
    # cost a lint of ten thousand SOPs more than the rest of its setup.
    verify = ("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    diff = ("diff", "--name-only", "--no-renames", revision, "--")
    untracked = ("ls-files", "--others", "--exclude-standard")
    running = [(_start(*args, cwd=top), failure) for args, failure in
               ((verify, unknown_revision(revision)), (diff, None), (untracked, None))]
    try:
        answers = [_output(process, failure) for process, failure in running]
    finally:
        for process, _ in running:
            if process.poll() is None:
                process.kill()
                process.wait()
    changed = set(answers[1].splitlines())
    changed |= set(answers[2].splitlines())
    targets, previous = [], {}
    # A file is looked at more closely only if its name ends as a changed file's does (a test in
    # C): most did not change. Unless so many did that the test would cost more than it spares.
    endings = {relative[relative.rfind("/") + 1:] for relative in changed}
    endings = tuple(endings) if len(endings) <= _ENDINGS_AT_MOST else ("",)
    # Each folder resolved once, as strings: ten thousand Path objects cost more than the diff.
    from_top: dict[str, str | None] = {}  # a folder, its "/" kept -> the same from the top (None: outside)
    for path in files:
        name = path if type(path) is str else os.fspath(path)
        if not name.endswith(endings):
            continue
        cut = name.rfind(os.sep) + 1
        folder = name[:cut]
        prefix = from_top.get(folder, False)
        if prefix is False:
            prefix = from_top[folder] = _from_top(folder, top)
        if prefix is None:
            continue  # outside the repository: git knows nothing of it
        relative = prefix + name[cut:]
        if relative in changed:
            targets.append(path)
            try:
                previous[name] = _git("show", f"{revision}:{relative}", cwd=top)
            except RuntimeError:
                previous[name] = None
    return targets, previous


def _folder_of(files: list[str] | list[Path]) -> str:
    """The folder holding all `files`, as the user would have named it (for a message)."""
    try:
        return os.path.commonpath([os.path.dirname(os.fspath(name)) or "." for name in files]) or "."
    except ValueError:  # absolute and relative names mixed
        return os.path.dirname(os.fspath(files[0])) or "."


# Up to this many names of changed files, each file's name is tested against them first.
_ENDINGS_AT_MOST = 64


def _from_top(folder: str, top: str) -> str | None:
    """`folder` as git names it from the repository's `top` ("" for the top itself, else with a
    "/" after it), or None if it lies outside."""
    real = os.path.realpath(folder or ".")
    if not (real == top or real.startswith(top + os.sep)):
        return None
    relative = Path(os.path.relpath(real, top)).as_posix()
    return "" if relative == "." else relative + "/"


class ChangedSince:
    """`changed_files`, asked of git on a thread as soon as the files are known: git works on
    another core while this process goes on (the configuration, the cache's index), and
    `result` waits for its answer only when the targets are needed."""

    def __init__(self, revision: str, files: list[str] | list[Path]) -> None:
        self._answer: tuple | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._ask, args=(revision, files), daemon=True)
        self._thread.start()

    def _ask(self, revision: str, files: list[str] | list[Path]) -> None:
        try:
            self._answer = changed_files(revision, files)
        except BaseException as error:  # noqa: BLE001 - raised again where the answer is taken
            self._error = error

    def result(self) -> tuple[list, dict[str, str | None]]:
        """What `changed_files` returns, or raises (RevisionError: why git could not say)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._answer
