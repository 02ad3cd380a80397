"""Speed of `soptui lint`, printed side by side with what it is measured against.

    python bench/run.py [COUNT] [--sizes 1000,10000,50000] [--only cold|growth|changed-since|one-file]
                        [--against OTHER_SOPTUI] [--rounds N] [--one-file-rounds N] [--growth-rounds M]
                        [--only one-core] [--one-core-rounds K]
        (default 10,000 SOPs and sizes 1,000 and 10,000; each corpus is generated once, in bench/out/;
        --against: figures 4, 5 and 6 also for another installation's `soptui` (another branch), the
        two measured in alternation, N rounds (default 5; figure 4: 21; figure 5: M, default 1;
        figure 7: K, default 3),
        medians side by side; `--only cold`: figures 1 and 3 alone, N rounds, each round a cold
        run and a `--no-cache` run of each installation and tomllib's parse, with CPU time)

Figures, all wall-clock, best of N where noted:
  1. `soptui lint` on the corpus, cold (empty cache)
  2. the same with nothing changed (cache warm): target under a tenth of 1; and after one SOP
     is edited (no target: what a reviewer's next run costs)
  3. merely parsing the same files with tomllib, in one process: target 1 faster than this
  4. `soptui lint` on one file, cold process (`--no-cache`), against `python -c "import tomllib"`:
     target 2.5x (issue 14); and the same with the cache on but empty, as a user's first run (no
     target). Each round runs every command once, in turn; medians of the rounds
  5. how the cost grows: `soptui lint --no-cache` at each of `--sizes`, on the plain corpus and on
     the stress corpus (`generate.py --stress`: keterkaitan cross-references, nomor shared by
     every 1,000 SOPs), as wall time and CPU time per SOP (the lint's process and its workers,
     from `os.wait4`), that CPU split into the lint's own process ("parent": start-up, taking the
     workers' results, the corpus rules, the report) and its workers, and peak memory (the largest
     resident set of the lint or any worker); tomllib's parse of the same files, CPU per SOP,
     beside it. The lint runs here through `python -I -c` importing the installation's
     `soptui.cli.run_process`, the console script's own call, so that it can write down its own
     CPU time at exit
  6. `--changed-since HEAD` in a git repository of COUNT SOPs with one file changed, first and
     again (median of the rounds), beside a full run with the cache warm (target: no slower) and
     a replayed one; and the CPU time of the same runs (steadier on a shared machine)
  7. one busy core: `soptui lint --no-cache` at each of `--sizes`, plain and stress, with the lint
     (and so its `parallel.workers()`) held to one core, the one-process path, as `taskset -c 0`
     does; its CPU time per SOP (start-up included) beside that of tomllib's parse of the same
     files in a process held to the same core (target: no more, issue 14), and the lint's peak
     memory; the installations and tomllib in turn each round, medians of the rounds, with the
     load average
"""

from __future__ import annotations

import argparse
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


def timed(command: list[str], env: dict, repeat: int = 1, cwd: Path | None = None) -> float:
    return min(measured(command, env, cwd)[0] for _ in range(repeat))


def measured(command: list[str], env: dict, cwd: Path | None = None,
             core: int | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MB) of one run. `os.wait4` gives the child's
    usage with that of the workers it waited for: CPU summed, the resident set the largest.
    With `core`, the run is held to that one core (`taskset -c CORE`)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             preexec_fn=None if core is None else lambda: os.sched_setaffinity(0, {core}))
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # 1 is findings; anything else is no figure at all
        sys.exit(f"bench: {' '.join(command)} failed ({child.returncode}):\n{errors.decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


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
    return parse_cost(files)[0]


def parse_cost(files: list[Path]) -> tuple[float, float]:
    """(wall, CPU seconds) of parsing every file with tomllib in this process."""
    import tomllib

    started, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with open(path, "rb") as handle:
            tomllib.load(handle)
    return time.perf_counter() - started, time.process_time() - cpu


def corpus_of(kind: str, count: int) -> Path:
    corpus = HERE / "out" / (f"corpus-{count}" if kind == "plain" else f"stress-{count}")
    if not corpus.exists():
        print(f"generating {count} {kind} SOPs in {corpus} ...", flush=True)
        generate(corpus, count, stress=kind == "stress")
    return corpus


# The console script's call, which also writes the process's own CPU seconds (without those of
# its workers) to the file named by BENCH_OWN_CPU when it exits.
_LINT_OWN_CPU = """import atexit, os, resource, sys
def _own():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["BENCH_OWN_CPU"], "w") as out:
        out.write(repr(usage.ru_utime + usage.ru_stime))
atexit.register(_own)
sys.argv[0] = "soptui"
from soptui.cli import run_process
run_process()
"""


def python_of(soptui: list[str]) -> str:
    """The Python of the environment a `soptui` program was installed in."""
    if len(soptui) > 1:
        return soptui[0]  # [python, "-m", "soptui"]
    script = Path(soptui[0])
    beside = script.parent / "python"
    if beside.exists():
        return str(beside)
    shebang = script.read_text("utf-8", errors="replace").split("\n", 1)[0]
    return shebang[2:].strip() if shebang.startswith("#!") else sys.executable


def split_measured(soptui: list[str], args: list[str], env: dict,
                   core: int | None = None) -> tuple[float, float, float, float]:
    """`measured` of `soptui ARGS`, with the lint's own process's share of the CPU seconds:
    (wall, CPU, peak MB, own CPU)."""
    with tempfile.TemporaryDirectory() as scratch:
        own = Path(scratch) / "own"
        wall, cpu, peak = measured([python_of(soptui), "-I", "-c", _LINT_OWN_CPU, *args],
                                   dict(env, BENCH_OWN_CPU=str(own)), core=core)
        return wall, cpu, peak, float(own.read_text())


def growth(soptuis: dict[str, list[str]], env: dict, sizes: list[int], rounds: int = 1) -> None:
    """Figure 5: cost per SOP and peak memory at each size, on both corpora; with several
    installations, measured in alternation, medians of the rounds."""
    print("\nhow the cost grows: soptui lint --no-cache --format json (CPU: the lint and its workers;"
          f" parent: the lint's own process; {rounds} round(s), median)\n")
    print(f"  {'':8s} {'corpus':8s} {'SOPs':>7s} {'wall':>8s} {'CPU':>8s} {'wall/SOP':>9s} {'CPU/SOP':>8s}"
          f" {'parent':>8s} {'workers':>8s} {'peak MB':>8s} {'tomllib CPU/SOP':>16s} {'CPU/tomllib':>12s}")
    for kind in ("plain", "stress"):
        for count in sizes:
            corpus = corpus_of(kind, count)
            files = sorted(corpus.rglob("*.toml"))
            args = ["lint", str(corpus), "--format", "json", "--quiet", "--no-cache"]
            runs: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in soptuis}
            parses = []
            for _ in range(rounds):
                for name, soptui in soptuis.items():
                    runs[name].append(split_measured(soptui, args, env))
                parses.append(parse_cost(files)[1])
            per_sop = 1000 / len(files)
            parse_cpu = statistics.median(parses) * per_sop
            for name in soptuis:
                wall, cpu, peak, own = (statistics.median(column) for column in zip(*runs[name]))
                print(f"  {name:8s} {kind:8s} {len(files):7d} {wall:7.2f}s {cpu:7.2f}s {wall * per_sop:7.3f}ms"
                      f" {cpu * per_sop:6.3f}ms {own * per_sop:6.3f}ms {(cpu - own) * per_sop:6.3f}ms {peak:8.0f}"
                      f" {parse_cpu:14.3f}ms {cpu * per_sop / parse_cpu:11.2f}x", flush=True)


# tomllib's parse of every *.toml under argv[1], in sorted order as `parse_cost` reads them: its
# CPU seconds, start-up excluded, on standard output.
_PARSE_CPU = """import sys, time, tomllib
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.toml"))
cpu = time.process_time()
for path in files:
    with open(path, "rb") as handle:
        tomllib.load(handle)
print(repr(time.process_time() - cpu))
"""


def parse_cost_on(corpus: Path, core: int) -> float:
    """`parse_cost`'s CPU seconds, in a process of its own held to `core`."""
    child = subprocess.run([sys.executable, "-I", "-c", _PARSE_CPU, str(corpus)], check=True, capture_output=True,
                           text=True, preexec_fn=lambda: os.sched_setaffinity(0, {core}))
    return float(child.stdout)


def one_core(soptuis: dict[str, list[str]], env: dict, sizes: list[int], rounds: int = 3) -> None:
    """Figure 7: the lint on one core beside tomllib's parse on the same core; for each
    installation, in turn with tomllib's parse each round (the machine's load moves)."""
    core = min(os.sched_getaffinity(0))
    print(f"\none core (core {core}, as taskset -c {core}): soptui lint --no-cache --format json, CPU per SOP"
          f" (start-up included) against tomllib's parse on that core; {rounds} round(s), median\n")
    print(f"  {'':8s} {'corpus':8s} {'SOPs':>7s} {'wall':>8s} {'CPU':>8s} {'CPU/SOP':>8s} {'peak MB':>8s}"
          f" {'tomllib CPU/SOP':>16s} {'CPU/tomllib':>12s} {'load':>6s}")
    for kind in ("plain", "stress"):
        for count in sizes:
            corpus = corpus_of(kind, count)
            files = len(list(corpus.rglob("*.toml")))
            args = ["lint", str(corpus), "--format", "json", "--quiet", "--no-cache"]
            runs: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in soptuis}
            parses, loads = [], []
            for _ in range(rounds):
                for name, soptui in soptuis.items():
                    runs[name].append(split_measured(soptui, args, env, core=core))
                parses.append(parse_cost_on(corpus, core))
                loads.append(os.getloadavg()[0])
            per_sop = 1000 / files
            parse_cpu = statistics.median(parses) * per_sop
            for name in soptuis:
                wall, cpu, peak, _ = (statistics.median(column) for column in zip(*runs[name]))
                print(f"  {name:8s} {kind:8s} {files:7d} {wall:7.2f}s {cpu:7.2f}s {cpu * per_sop:6.3f}ms {peak:8.0f}"
                      f" {parse_cpu:14.3f}ms {cpu * per_sop / parse_cpu:11.2f}x {statistics.median(loads):6.2f}",
                      flush=True)


def cold_cache(soptuis: dict[str, list[str]], env: dict, count: int, rounds: int) -> None:
    """Figures 1 and 3 in alternation: each round, for each installation, a lint with an empty
    cache and one with `--no-cache`, then tomllib's parse; wall and CPU time (the lint's own
    process, "parent", and all of it), the load average beside each round. Medians of the rounds,
    and the median of each round's cold/parse."""
    corpus = corpus_of("plain", count)
    files = sorted(corpus.rglob("*.toml"))
    args = ["lint", str(corpus), "--format", "json", "--quiet"]
    runs: dict[tuple[str, str], list[tuple[float, float, float, float]]] = {}
    ratios: dict[str, list[float]] = {name: [] for name in soptuis}
    print(f"\ncold cache against --no-cache and tomllib's parse, {len(files)} SOPs, {rounds} round(s)\n")
    print(f"  {'round':5s} {'':8s} {'run':9s} {'wall':>8s} {'CPU':>8s} {'parent':>8s} {'load':>6s}")
    for round_ in range(rounds):
        parse_wall, parse_cpu = parse_cost(files)
        for name, soptui in soptuis.items():
            for kind, extra in (("cold", []), ("no-cache", ["--no-cache"])):
                with tempfile.TemporaryDirectory() as cache:
                    wall, cpu, _, own = split_measured(soptui, [*args, *extra], dict(env, SOPTUI_CACHE_DIR=cache))
                runs.setdefault((name, kind), []).append((wall, cpu, own, os.getloadavg()[0]))
                print(f"  {round_:5d} {name:8s} {kind:9s} {wall:7.2f}s {cpu:7.2f}s {own:7.2f}s {os.getloadavg()[0]:6.2f}",
                      flush=True)
            ratios[name].append(runs[(name, "cold")][-1][0] / parse_wall)
        runs.setdefault(("tomllib", "parse"), []).append((parse_wall, parse_cpu, parse_cpu, os.getloadavg()[0]))
        print(f"  {round_:5d} {'tomllib':8s} {'parse':9s} {parse_wall:7.2f}s {parse_cpu:7.2f}s", flush=True)
    print("\n  medians")
    for (name, kind), values in runs.items():
        wall, cpu, own, _ = (statistics.median(column) for column in zip(*values))
        print(f"  {'':5s} {name:8s} {kind:9s} {wall:7.2f}s {cpu:7.2f}s {own:7.2f}s")
    for name in soptuis:
        print(f"  {name}: cold/parse = {statistics.median(ratios[name]):.2f} (median of the rounds; target < 1)")


def one_file(soptuis: dict[str, list[str]], env: dict, path: Path, rounds: int) -> dict[str, float]:
    """Figure 4: one file in a fresh process, `--no-cache` and a first run with an empty cache, for
    each installation in `soptuis`, and `python -c "import tomllib"`. A round runs each command
    once, in turn, so a change in the machine's load reaches all of them alike (stop 13's five runs
    of each in a row gave 3.15x where 21 alternated rounds gave 2.37x); the median of each."""
    commands = {"bare": lambda: timed([sys.executable, "-c", "import tomllib"], env)}
    for name, soptui in soptuis.items():
        one = [*soptui, "lint", str(path), "--quiet"]
        commands[f"{name} cold"] = lambda one=one: timed([*one, "--no-cache"], env)
        commands[f"{name} first"] = lambda one=one: first_run(one, env)
    for measure in commands.values():  # one unmeasured round: the .pyc files, the disk cache
        measure()
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(rounds):
        for key, measure in commands.items():
            times[key].append(measure())
    return {key: statistics.median(values) for key, values in times.items()}


def print_one_file(figures: dict[str, float], soptuis: dict[str, list[str]], rounds: int) -> None:
    bare = figures["bare"]
    print(f"\none file, fresh process, median of {rounds} alternated rounds "
          f"(python -c \"import tomllib\": {bare * 1000:.1f} ms)\n")
    for name in soptuis:
        cold, first = figures[f"{name} cold"], figures[f"{name} first"]
        print(f"  {name:8s} --no-cache {cold * 1000:6.1f} ms = {cold / bare:.2f}x (target <= 2.5x);"
              f" first run with cache {first * 1000:6.1f} ms = {first / bare:.2f}x")


def changed_since(soptuis: dict[str, list[str]], env: dict, count: int, rounds: int = 5) -> None:
    """Figure 6: `--changed-since` with one file changed, beside full runs with a warm cache; for
    each installation in `soptuis`, measured in alternation (the machine's load moves)."""
    repository = HERE / "out" / f"git-{count}"
    if not repository.exists():
        shutil.copytree(corpus_of("plain", count), repository / "sops")
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        for step in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "corpus"]):
            subprocess.run([*git, *step], cwd=repository, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=repository, check=True)
    victim = sorted((repository / "sops").rglob("*.toml"))[count // 2]
    lint = {name: [*soptui, "lint", "sops", "--format", "json", "--quiet"] for name, soptui in soptuis.items()}
    figures: dict[str, dict[str, list[float]]] = {name: {} for name in soptuis}
    cpus: dict[str, dict[str, list[float]]] = {name: {} for name in soptuis}  # the same runs' CPU

    def run(name: str, kind: str, command: list[str]) -> None:
        wall, cpu, _ = measured(command, envs[name], cwd=repository)
        figures[name].setdefault(kind, []).append(wall)
        cpus[name].setdefault(kind, []).append(cpu)

    with tempfile.TemporaryDirectory() as caches:
        envs = {name: dict(env, SOPTUI_CACHE_DIR=str(Path(caches) / str(number)))
                for number, name in enumerate(soptuis)}
        for name in soptuis:
            timed(lint[name], envs[name], cwd=repository)  # fills the cache
        original = victim.read_bytes()
        try:
            for _ in range(rounds):
                for name in soptuis:
                    run(name, "replayed", lint[name])
            victim.write_bytes(original.replace(b"no = 2\n", b"no = 20\n", 1))
            for round_ in range(rounds):
                for name in soptuis:
                    run(name, "first" if round_ == 0 else "again", [*lint[name], "--changed-since", "HEAD"])
                    for record in Path(envs[name]["SOPTUI_CACHE_DIR"]).glob("replay-*"):
                        record.unlink()  # a full run from the cache, not a replay of the one before
                    run(name, "full", lint[name])
        finally:
            victim.write_bytes(original)
    print(f"\n--changed-since HEAD, {count} SOPs in git, one file changed "
          f"(median of {rounds} rounds, first: round 1 alone)\n")
    print(f"  {'':40s}" + "".join(f" {name:>14s}" for name in soptuis))
    medians = {name: {kind: statistics.median(values) for kind, values in kinds.items()} for name, kinds in figures.items()}
    cpu_medians = {name: {kind: statistics.median(values) for kind, values in kinds.items()} for name, kinds in cpus.items()}
    for kind, label in [("replayed", "full run, nothing changed (replayed)"),
                        ("full", "full run, one file changed, cache warm"),
                        ("first", "--changed-since HEAD, first"),
                        ("again", "--changed-since HEAD, again")]:
        if all(kind in medians[name] for name in soptuis):
            print(f"  {label:40s}" + "".join(f" {medians[name][kind]:12.3f} s" for name in soptuis))
    # On a shared machine the wall time moves with the others' load; the CPU time (the lint's
    # process, its workers and git, from `os.wait4`) much less.
    print(f"\n  CPU time, median of the same runs{'':7s}" + "".join(f" {name:>14s}" for name in soptuis))
    for kind, label in [("full", "full run, one file changed, cache warm"), ("again", "--changed-since HEAD, again")]:
        if all(kind in cpu_medians[name] for name in soptuis):
            print(f"  {label:40s}" + "".join(f" {cpu_medians[name][kind]:12.3f} s" for name in soptuis))
    for name in soptuis:
        again = medians[name].get("again", medians[name]["first"])
        print(f"  {name}: again / full warm = {again / medians[name]['full']:.2f} (target <= 1); "
              f"again {again:.3f} s (target < 0.3 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", nargs="?", type=int, default=10_000, help="SOPs in the corpus (default 10,000)")
    parser.add_argument("--sizes", type=lambda text: [int(size) for size in text.split(",")],
                        default=[1_000, 10_000], help="corpus sizes for figure 5 (default 1000,10000)")
    parser.add_argument("--only", choices=["cold", "growth", "changed-since", "one-file", "one-core"],
                        help="print only figures 1 and 3 (alternated), or figure 5, 6, 4 or 7")
    parser.add_argument("--against", metavar="OTHER_SOPTUI", help="figures 4, 5 and 6 also for another installation")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of figure 6 (default 5)")
    parser.add_argument("--one-file-rounds", type=int, default=21, help="rounds of figure 4 (default 21)")
    parser.add_argument("--growth-rounds", type=int, default=1, help="rounds of figure 5 (default 1)")
    parser.add_argument("--one-core-rounds", type=int, default=3, help="rounds of figure 7 (default 3)")
    options = parser.parse_args()
    count, sizes, only, against, rounds = options.count, options.sizes, options.only, options.against, options.rounds
    soptui = installed_soptui()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    soptuis = {"this": soptui, **({"against": [against]} if against else {})}
    if only == "growth":
        with tempfile.TemporaryDirectory() as cache:
            growth(soptuis, dict(env, SOPTUI_CACHE_DIR=cache), sizes, options.growth_rounds)
        return
    if only == "one-core":
        with tempfile.TemporaryDirectory() as cache:
            one_core(soptuis, dict(env, SOPTUI_CACHE_DIR=cache), sizes, options.one_core_rounds)
        return
    if only == "cold":
        cold_cache(soptuis, env, count, rounds)
        return
    if only == "changed-since":
        changed_since(soptuis, env, count, rounds)
        return
    if only == "one-file":  # a plain corpus's first SOP is the same at every COUNT
        with tempfile.TemporaryDirectory() as cache:
            first = sorted(corpus_of("plain", 1).rglob("*.toml"))[0]
            figures = one_file(soptuis, dict(env, SOPTUI_CACHE_DIR=cache), first, options.one_file_rounds)
        print_one_file(figures, soptuis, options.one_file_rounds)
        return
    corpus = corpus_of("plain", count)
    files = sorted(corpus.rglob("*.toml"))
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
        one = one_file(soptuis, env, files[0], options.one_file_rounds)
        one_cold, one_first, bare = one["this cold"], one["this first"], one["bare"]
    print(f"\n{len(files)} SOPs, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    rows = [
        ("soptui lint, cold cache", cold, ""),
        ("soptui lint, --no-cache", no_cache, ""),
        ("tomllib parse only", parse, f"lint/parse = {cold / parse:.2f} (target < 1)"),
        ("soptui lint, nothing changed", warm, f"rerun/cold = {warm / cold:.2f} (target < 0.10)"),
        ("soptui lint, one SOP edited", one_edit, f"rerun/cold = {one_edit / cold:.2f}"),
        ("soptui lint one file, cold", one_cold, f"vs bare import = {one_cold / bare:.2f}x (target <= 2.5x)"),
        ("the same, first run with cache", one_first, f"vs bare import = {one_first / bare:.2f}x"),
        ('python -c "import tomllib"', bare, ""),
    ]
    for name, seconds, note in rows:
        print(f"  {name:32s} {seconds:8.3f} s   {note}")
    if against:
        print_one_file(one, soptuis, options.one_file_rounds)
    with tempfile.TemporaryDirectory() as cache:
        growth(soptuis, dict(env, SOPTUI_CACHE_DIR=cache), sizes, options.growth_rounds)
        one_core(soptuis, dict(env, SOPTUI_CACHE_DIR=cache), sizes, options.one_core_rounds)
    changed_since(soptuis, env, count, rounds)


if __name__ == "__main__":
    main()
