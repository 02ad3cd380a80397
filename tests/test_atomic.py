"""A save is never partial: kill the writer mid-write, find the old file or the new one, whole."""

import os
import signal
import subprocess
import sys
import time

WRITER = """
import sys
from pathlib import Path
from soptui.atomic import atomic_write_text
atomic_write_text(Path(sys.argv[1]), sys.argv[2] * 2_000_000)  # ~ tens of MB: slow enough to interrupt
"""


def test_killed_mid_write_leaves_old_or_new_whole(tmp_path):
    path = tmp_path / "sop.toml"
    old = "old content\n" * 1000
    path.write_text(old)
    outcomes = set()
    for delay in (0.0, 0.02, 0.05, 0.1, 0.2, 0.4):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "new-line-of-sop\n"])
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        text = path.read_text()
        assert text == old or text == "new-line-of-sop\n" * 2_000_000, f"partial file after {delay}s"
        outcomes.add("old" if text == old else "new")
        if text != old:
            path.write_text(old)
    assert "old" in outcomes  # at least one kill landed mid-write
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "sop.toml"]
    assert all(name.startswith(".sop.toml.") and name.endswith(".tmp") for name in leftovers)


def test_write_keeps_permissions_and_leaves_no_temporary_file(tmp_path):
    from soptui.atomic import atomic_write_text

    path = tmp_path / "sop.toml"
    path.write_text("a")
    os.chmod(path, 0o600)
    atomic_write_text(path, "b")
    assert path.read_text() == "b" and (path.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["sop.toml"]


def test_background_writes_land_whole_once_waited_for_and_failures_are_quiet(tmp_path):
    from soptui.atomic import wait_for_background_writes, write_in_background

    target = tmp_path / "cache" / "store.lines"
    write_in_background(target, [b"head\n", b"x" * 1_000_000, b"\n"])
    blocked = tmp_path / "file"
    blocked.write_text("a file, not a folder")
    write_in_background(blocked / "store.lines", b"never written")
    wait_for_background_writes()
    assert target.read_bytes() == b"head\n" + b"x" * 1_000_000 + b"\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["store.lines"]
    assert blocked.read_text() == "a file, not a folder"
