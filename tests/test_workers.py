"""Lint's worker processes end with it, even when it is killed and cannot tell them."""

import os
import signal
import subprocess
import sys
import time

import pytest

from test_cli import CLEAN

# A lint whose workers take their time, so that the kill lands while they work or wait.
SLOW_LINT = """
import sys, time
import soptui.checker.parallel as parallel
parallel.PARENT_CHECK_SECONDS = 0.1
def _check_chunk(paths, digests):  # a named function: the pool sends it by name
    time.sleep(120)
    return []
parallel._check_chunk = _check_chunk
from soptui.cli import main
sys.exit(main(["lint", sys.argv[1], "--no-cache"]))
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finds the workers through /proc (Linux)")
def test_workers_die_when_their_parent_is_killed(tmp_path):
    import soptui.checker.parallel as parallel

    if parallel.workers() < 2:
        pytest.skip("one core: lint runs in process, there are no workers")
    for index in range(parallel.PARALLEL_MIN_FILES):
        (tmp_path / f"sop{index:03d}.toml").write_text(CLEAN)
    lint = subprocess.Popen([sys.executable, "-c", SLOW_LINT, str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = []
    try:
        deadline = time.monotonic() + 30
        while not (workers := _children(lint.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert workers, "the lint started no workers"
        time.sleep(0.3)  # let them start their watch
        lint.send_signal(signal.SIGKILL)
        lint.wait()
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers))
    finally:
        lint.kill()
        for pid in [*workers, *_children(lint.pid)]:  # orphans, should the test fail
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
