"""Replaying a lint whose input has not changed.

Run `soptui lint` twice with the same arguments, in the same folder, with the same configuration,
plugins, registry and date, on files whose modification times and sizes have not changed: the
second run would print exactly what the first printed. So each run records its reports, its
summary and its exit code, and such a rerun plays them back without loading a single SOP. This
is what CI and pre-commit do most of the time, and it costs a `stat` a file.

Like git's index and make, the record trusts (modification time, size). A file modified within
`RACY_SECONDS` of the run that would record it could change again within the clock's resolution
without its stamp moving, so that run records nothing and the next one lints afresh.

Runs that change files or depend on git (`--fix`, `--diff`, `--write-baseline`,
`--changed-since`) and `--no-cache` runs are never recorded or replayed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

RACY_SECONDS = 2


@dataclass
class Recording:
    """What one lint run wrote, and how it ended."""

    stdout: str
    stderr: str
    outputs: dict[str, str]  # --output FILE -> what was written to it
    exit_code: int

    @cached_property
    def encoded(self) -> list[bytes]:
        """stdout, stderr and each output in UTF-8, encoded once for both the record and the
        screen: a report of ten thousand SOPs is tens of megabytes."""
        return [text.encode("utf-8") for text in (self.stdout, self.stderr, *self.outputs.values())]

    def play(self) -> int:
        from ..atomic import atomic_write_bytes

        stdout, stderr, *outputs = self.encoded
        for target, data in zip(self.outputs, outputs):
            atomic_write_bytes(Path(target), data)
        _write(sys.stdout, self.stdout, stdout)
        _write(sys.stderr, self.stderr, stderr)
        return self.exit_code


def _write(stream, text: str, data: bytes) -> None:
    # Hand the UTF-8 straight to the byte stream when the text stream would only encode it again.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8":
        stream.flush()
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(text)


def replayable(args: argparse.Namespace) -> bool:
    return not (args.no_cache or args.fix or args.diff or args.write_baseline or args.changed_since)


class Replay:
    """The record of one combination of arguments, folder and engine."""

    def __init__(self, record_path: Path, files: list[Path]) -> None:
        self.record_path = record_path
        self.files = files
        started_ns = time.time_ns()
        self.stamps, newest = _stamps(files)
        # Modified within RACY_SECONDS of the start (or in the future): it could change again
        # without its stamp moving. Any later edit moves the stamp past what this run records.
        self.racy = newest is not None and newest > started_ns - RACY_SECONDS * 1_000_000_000

    @classmethod
    def for_run(cls, engine_key: str, args: argparse.Namespace, files: list[Path], color: bool) -> "Replay":
        from ..checker.cache import cache_dir

        settings = {
            "engine": engine_key,
            "cwd": os.getcwd(),
            "args": {key: value for key, value in sorted(vars(args).items()) if key != "run"},
            "color": color,
            "baseline": _digest_of(args.baseline),
        }
        name = hashlib.blake2b(json.dumps(settings, default=str).encode(), digest_size=16).hexdigest()
        return cls(cache_dir() / f"replay-{name}", files)

    def recorded(self) -> Recording | None:
        """The recording of an earlier run on these very files, if there is one.

        The record is a line of JSON (the stamps, the exit code and the length of each text)
        followed by the texts themselves, so a stale record is told after reading one line.
        """
        if self.stamps is None:
            return None
        try:
            with open(self.record_path, "rb") as record:
                head = json.loads(record.readline())
                if head["stamps"] != self.stamps:
                    return None
                raw = [record.read(size) for size in head["sizes"]]
            stdout, stderr, *outputs = [data.decode("utf-8") for data in raw]
            recording = Recording(stdout, stderr, dict(zip(head["outputs"], outputs)), head["exit_code"])
            recording.encoded = raw  # as read: played back without encoding it again
            return recording
        except (OSError, ValueError, KeyError, TypeError):
            return None  # no record, or a damaged one: lint afresh

    def record(self, recording: Recording) -> None:
        if self.stamps is None or self.racy:
            return
        from ..atomic import write_in_background

        texts = recording.encoded
        head = {"stamps": self.stamps, "exit_code": recording.exit_code,
                "outputs": list(recording.outputs), "sizes": [len(t) for t in texts]}
        # Written while the run prints its reports; a failed write costs speed, never the lint.
        write_in_background(self.record_path, [json.dumps(head).encode() + b"\n", *texts])


def _stamps(files: list[Path]) -> tuple[str | None, int | None]:
    """One digest of every file's name, modification time and size, and the newest modification
    time; (None, None) if a file is unreadable."""
    digest = hashlib.blake2b(digest_size=16)
    newest = 0
    try:
        for path in files:
            info = os.stat(path)
            newest = max(newest, info.st_mtime_ns)
            digest.update(f"{path}\0{info.st_mtime_ns}\0{info.st_size}\n".encode())
    except OSError:
        return None, None
    return digest.hexdigest(), newest


def _digest_of(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"
