"""A save is never partial: kill the writer mid-write, find the old file or the new one, whole."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def test_pieces_fed_as_they_come_land_on_close_and_nothing_lands_on_abort(tmp_path):
    from soptui.atomic import wait_for_background_writes, write_in_background
    from soptui.pieces import Pieces

    kept, given_up = Pieces(), Pieces()
    write_in_background(tmp_path / "kept", kept.pieces())
    write_in_background(tmp_path / "given-up", given_up.pieces())
    for pieces in (kept, given_up):
        pieces.put(b"head\n")
        pieces.put(b"body\n")
    kept.close()
    given_up.abort()
    wait_for_background_writes()
    assert (tmp_path / "kept").read_bytes() == b"head\nbody\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kept"]  # no temporary file left either


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    from soptui.atomic import atomic_write_text

    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "sop.toml"
    target.write_text("old")
    link = tmp_path / "sop.toml"
    link.symlink_to(target)
    atomic_write_text(link, "new")
    assert link.is_symlink() and target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real", "sop.toml"]


def test_hard_links_stay_one_file(tmp_path):
    from soptui.atomic import atomic_write_text

    first = tmp_path / "a.toml"
    first.write_text("old old old")
    second = tmp_path / "b.toml"
    os.link(first, second)
    atomic_write_text(first, "new")
    assert second.read_text() == "new" and os.stat(first).st_ino == os.stat(second).st_ino


def test_owner_group_and_mode_are_kept(tmp_path):
    from soptui.atomic import atomic_write_text

    path = tmp_path / "sop.toml"
    path.write_text("old")
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 2345)
    atomic_write_text(path, "new")
    info = path.stat()
    assert path.read_text() == "new" and info.st_mode & 0o777 == 0o640
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (1234, 2345)


def test_a_fifo_is_written_into_not_replaced(tmp_path):
    import stat
    import threading

    from soptui.atomic import atomic_write_text

    fifo = tmp_path / "out.sarif"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    atomic_write_text(fifo, "report")
    reader.join(5)
    assert got == ["report"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_is_written_into_not_replaced():
    import stat

    from soptui.atomic import atomic_write_text

    if os.geteuid() != 0:
        pytest.skip("only root could replace /dev/null; as another user the old code failed, not replaced it")
    atomic_write_text(Path("/dev/null"), "nothing")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_killed_writers_temporary_file_goes_at_the_next_write_a_live_ones_stays(tmp_path):
    import fcntl

    import soptui.atomic as atomic

    path = tmp_path / "sop.toml"
    path.write_text("old")
    stale = tmp_path / ".sop.toml.abcd1234.tmp"
    stale.write_text("half")
    live = tmp_path / ".sop.toml.live5678.tmp"
    live.write_text("being written")
    unrelated = tmp_path / ".sop.toml.notours.tmp.bak"
    unrelated.write_text("keep")
    with open(live, "rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        atomic._swept.discard(os.path.abspath(tmp_path))
        atomic.atomic_write_text(path, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, unrelated.name, "sop.toml"]


def test_before_replace_can_cancel_and_nothing_is_left(tmp_path):
    from soptui.atomic import atomic_write_text

    path = tmp_path / "sop.toml"
    path.write_text("old")

    def refuse():
        raise RuntimeError("changed")

    with pytest.raises(RuntimeError):
        atomic_write_text(path, "new", before_replace=refuse)
    assert [p.name for p in tmp_path.iterdir()] == ["sop.toml"] and path.read_text() == "old"


def test_the_cache_is_never_written_into_a_fifo(tmp_path):
    import stat

    from soptui.atomic import wait_for_background_writes, write_in_background

    fifo = tmp_path / "store.lines"
    os.mkfifo(fifo)
    write_in_background(fifo, b"entries")
    wait_for_background_writes()  # on a plain open this would wait for a reader for ever
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_stdout_redirected_to_a_file_is_written_into_not_renamed_over(tmp_path):
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout on this system")
    out = tmp_path / "out.txt"
    code = "from pathlib import Path; from soptui.atomic import atomic_write_text; atomic_write_text(Path('/dev/stdout'), 'report')"
    with open(out, "w") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        subprocess.run([sys.executable, "-c", code], stdout=handle, check=True)
    assert out.read_text() == "report" and out.stat().st_ino == inode
