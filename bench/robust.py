"""Faults that must cost no data, printed as figures: SIGKILLs of `soptui lint --fix`, and a
racing writer against repeated saves of a document.

    python bench/robust.py [KILLS] [SAVES] [SAVE_KILLS]     (defaults 200, 1,000 and 100; a few minutes)

1. KILLS times: `soptui lint --fix` on copies of the seeds (20 of each), killed with SIGKILL
   after a random delay. After each kill every file must be its original or its fully fixed
   text, and after a last run no temporary file may be left.
2. SAVE_KILLS times: a process saving a document over and over, through the workspace as the
   terminal UI's ctrl+s does, killed with SIGKILL after a random delay. After each kill the
   file must be one whole text that process could have saved (or the original), and after a
   last save no temporary file may be left.
3. SAVES times: a document is edited and saved while another thread rewrites the file (whole,
   by a rename: a file written in place can be read half-written, by us or anyone), each time
   adding a marker line to what it read. A save that lands over
   a write it has not seen loses that marker; at the end every marker must be in the file.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def kills(count: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        corpus = work / "sops"
        for copy in range(20):
            for seed in sorted((ROOT / "sops").rglob("*.toml")):
                target = corpus / f"{seed.parent.name}-{copy}" / seed.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(seed, target)
        files = sorted(corpus.rglob("*.toml"))
        original = {path: path.read_bytes() for path in files}
        env = {**os.environ, "SOPTUI_CACHE_DIR": str(work / "cache")}
        command = [sys.executable, "-m", "soptui", "lint", str(corpus), "--fix", "--no-cache", "-q"]
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        whole_run = time.perf_counter() - started
        fixed = {path: path.read_bytes() for path in files}
        changed = sum(fixed[p] != original[p] for p in files)
        torn = 0
        outcomes = {"original": 0, "fixed": 0}
        strays_seen = 0
        for _ in range(count):
            for path in files:
                if path.read_bytes() != original[path]:
                    path.write_bytes(original[path])
            run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(random.uniform(0.0, whole_run))
            run.send_signal(signal.SIGKILL)
            run.wait()
            for path in files:
                now = path.read_bytes()
                if now == original[path]:
                    outcomes["original"] += 1
                elif now == fixed[path]:
                    outcomes["fixed"] += 1
                else:
                    torn += 1
            strays_seen += sum(1 for p in corpus.rglob(".*.tmp"))
        for path in files:
            path.write_bytes(original[path])
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        left = sorted(p.name for p in corpus.rglob(".*.tmp"))
        print(f"--fix killed {count} times ({len(files)} files, {changed} fixable, a whole run {whole_run:.2f} s): "
              f"{torn} files neither original nor fixed; files seen original {outcomes['original']}, "
              f"fixed {outcomes['fixed']}; temporary files seen after kills {strays_seen}, "
              f"left after the next run {len(left)}")


# The child of `save_kills`: saves `base` plus N marker lines, N = 1, 2, 3, ..., until killed.
_SAVER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from soptui.checker.engine import Checker
from soptui.checker.plugins import load_plugins
from soptui.workspace import Workspace
path = Path(sys.argv[1])
document = Workspace([path], Checker(load_plugins().rule_classes())).open(path)
base = document.text
for number in range(1, 100000):
    document.apply(base + "# save\\n" * number)
    document.save()
"""


def save_kills(count: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "sop.toml"
        seed = sorted((ROOT / "sops").rglob("*.toml"))[0]
        base = seed.read_text("utf-8")
        path.write_text(base, "utf-8")
        torn = after_a_save = strays_seen = 0
        for _ in range(count):
            run = subprocess.Popen([sys.executable, "-c", _SAVER, str(path), str(ROOT)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(random.uniform(0.3, 1.5))  # start-up, then some saves
            run.send_signal(signal.SIGKILL)
            run.wait()
            text = path.read_text("utf-8")
            start = text.find("# save\n")
            whole = text == base or (text.startswith(base.rstrip("\n")) and start >= 0
                                     and set(text[start:].splitlines()) == {"# save"})
            torn += not whole
            after_a_save += text != base
            strays_seen += sum(1 for p in Path(temporary).iterdir() if p.name.endswith(".tmp"))
            path.write_text(base, "utf-8")
        subprocess.run([sys.executable, "-c", _SAVER.replace("range(1, 100000)", "range(1, 2)"), str(path), str(ROOT)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        left = [p.name for p in Path(temporary).iterdir() if p.name.endswith(".tmp")]
        print(f"a save killed {count} times ({after_a_save} after at least one save had landed): {torn} files torn "
              f"(neither the original nor a whole save); "
              f"temporary files seen after kills {strays_seen}, left after the next save {len(left)}")


def race(count: int) -> None:
    from soptui.checker.engine import Checker
    from soptui.checker.plugins import load_plugins
    from soptui.workspace import ChangedOnDisk, Workspace

    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "sop.toml"
        seed = sorted((ROOT / "sops").rglob("*.toml"))[0]
        path.write_text(seed.read_text("utf-8"), "utf-8")
        document = Workspace([path], Checker(load_plugins().rule_classes())).open(path)
        written: list[str] = []
        stop = threading.Event()

        def writer() -> None:
            number = 0
            while not stop.is_set():
                number += 1
                marker = f"# external write {number}\n"
                text = path.read_text("utf-8")
                other = path.with_name(f"theirs-{number}")
                other.write_text(text + marker, "utf-8")
                os.replace(other, path)  # whole: a reader never sees a half-written file
                written.append(marker)
                time.sleep(random.uniform(0, 0.004))

        thread = threading.Thread(target=writer)
        thread.start()
        saved = refused = 0
        try:
            for number in range(count):
                document.edit(lambda text: text + f"# our edit {number}\n")
                try:
                    document.save()
                    saved += 1
                except ChangedOnDisk:
                    refused += 1
                    document.reload()  # take theirs, as the UI offers; the edit is made again next time
        finally:
            stop.set()
            thread.join()
        final = path.read_text("utf-8")
        copies = [p.read_text("utf-8") for p in Path(temporary).glob("*.kept")]
        lost = [marker for marker in written if marker not in final and not any(marker in c for c in copies)]
        in_copies = sum(1 for marker in written if marker not in final) - len(lost)
        print(f"{count} saves against a racing writer: {saved} saved, {refused} refused as changed on disk; "
              f"{len(written)} external writes, {len(lost)} lost, {in_copies} kept in {len(copies)} copies "
              "(a third write on top of a save being undone)")


if __name__ == "__main__":
    kills(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
    race(int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    save_kills(int(sys.argv[3]) if len(sys.argv) > 3 else 100)
