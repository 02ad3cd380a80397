"""Speed of `soptui lint`, printed side by side with what it is measured against.

    python bench/run.py [COUNT]        (default 10,000 SOPs; the corpus is generated once)

Figures, all wall-clock, best of N where noted:
  1. `soptui lint` on the corpus, cold (empty cache)
  2. the same with nothing changed (cache warm): target under a tenth of 1; and after one SOP
     is edited (no target: what a reviewer's next run costs)
  3. merely parsing the same files with tomllib, in one process: target 1 faster than this
  4. `soptui lint` on one file, cold process (`--no-cache`), against `python -c "import tomllib"`:
     target 3x; and the same with the cache on but empty, as a user's first run (no target)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def timed(command: list[str], env: dict, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):  # 1 is findings; anything else is no figure at all
            sys.exit(f"bench: {' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return min(times)


def installed_soptui() -> list[str]:
    """The `soptui` program of this Python's environment, as users run it. (`python -m soptui`
    run in a checkout would import the checkout's code rather than what is installed.)"""
    script = shutil.which("soptui", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "soptui"]


def edited_rerun(command: list[str], env: dict, victim: Path) -> float:
    """The lint again after one SOP is edited (a reviewer's fix): the cache answers the rest."""
    original = victim.read_bytes()
    try:
        victim.write_bytes(original + b"\n# edited by bench/run.py\n")
        return timed(command, env)
    finally:
        victim.write_bytes(original)


def first_run(command: list[str], env: dict) -> float:
    """A run with the cache on but empty, as a user's first: it also writes the cache and record."""
    with tempfile.TemporaryDirectory() as cache:
        return timed(command, dict(env, SOPTUI_CACHE_DIR=cache))


def parse_all(files: list[Path]) -> float:
    import tomllib

    started = time.perf_counter()
    for path in files:
        with open(path, "rb") as handle:
            tomllib.load(handle)
    return time.perf_counter() - started


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    corpus = HERE / "out" / f"corpus-{count}"
    if not corpus.exists():
        print(f"generating {count} SOPs in {corpus} ...", flush=True)
        generate(corpus, count)
    files = sorted(corpus.rglob("*.toml"))
    soptui = installed_soptui()
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, SOPTUI_CACHE_DIR=cache)
        # Measure Python as users run it: with bytecode caching (some sandboxes turn it off,
        # which would recompile soptui on every start but not the stdlib's precompiled tomllib).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        timed([*soptui, "rules"], env)  # warm-up: writes the .pyc files
        lint = [*soptui, "lint", str(corpus), "--format", "json", "--quiet"]
        cold = timed(lint, env)
        warm = timed(lint, env, repeat=3)
        one_edit = edited_rerun(lint, env, files[len(files) // 2])
        no_cache = timed([*lint, "--no-cache"], env)
        parse = min(parse_all(files) for _ in range(2))
        one = [*soptui, "lint", str(files[0]), "--quiet"]
        one_cold = statistics.median(timed([*one, "--no-cache"], env) for _ in range(5))
        one_first = statistics.median(first_run(one, env) for _ in range(5))
        bare = statistics.median(timed([sys.executable, "-c", "import tomllib"], env) for _ in range(5))
    print(f"\n{len(files)} SOPs, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    rows = [
        ("soptui lint, cold cache", cold, ""),
        ("soptui lint, --no-cache", no_cache, ""),
        ("tomllib parse only", parse, f"lint/parse = {cold / parse:.2f} (target < 1)"),
        ("soptui lint, nothing changed", warm, f"rerun/cold = {warm / cold:.2f} (target < 0.10)"),
        ("soptui lint, one SOP edited", one_edit, f"rerun/cold = {one_edit / cold:.2f}"),
        ("soptui lint one file, cold", one_cold, f"vs bare import = {one_cold / bare:.2f}x (target <= 3x)"),
        ("the same, first run with cache", one_first, f"vs bare import = {one_first / bare:.2f}x"),
        ('python -c "import tomllib"', bare, ""),
    ]
    for name, seconds, note in rows:
        print(f"  {name:32s} {seconds:8.3f} s   {note}")


if __name__ == "__main__":
    main()
