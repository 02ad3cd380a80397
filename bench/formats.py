"""Cost of each report format on a large corpus, printed: what a CI job pays for the report it
uploads (SARIF to code scanning, JUnit to a test reporter, GitLab's Code Quality widget).

    python bench/formats.py [COUNT] [--against OTHER_SOPTUI]    (default 10,000 stress SOPs)

Each row is one `soptui lint --no-cache` run of the stress corpus (cross-references, duplicate
groups: the most findings a SOP) with the report on standard output (`--format F`), and one with
the report written to a file (`--format json --output F=FILE`, as the README's CI example
does), cold and then replayed from its record: wall and CPU seconds, and the peak resident set
of the lint or any of its workers. Target: peak memory no larger than the JSON report's, at any
corpus size (the report is written a finding at a time, never held whole).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import corpus_of, installed_soptui, measured  # noqa: E402

FORMATS = ("json", "text", "sarif", "junit", "gitlab", "github")


def main() -> None:
    count = int(next((a for a in sys.argv[1:] if a.isdigit()), 10_000))
    soptuis = {"this": installed_soptui()}
    if "--against" in sys.argv:
        soptuis["other"] = [sys.argv[sys.argv.index("--against") + 1]]
    corpus = corpus_of("stress", count)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="")
    print(f"report formats on {count:,} stress SOPs (load {os.getloadavg()[0]:.2f})")
    print(f"  {'':6s} {'run':28s} {'wall':>8s} {'CPU':>8s} {'peak MB':>8s}")
    with tempfile.TemporaryDirectory() as folder:
        for name in FORMATS:
            for who, soptui in soptuis.items():
                wall, cpu, peak = measured([*soptui, "lint", "-q", "--no-cache", "--format", name, str(corpus)], env)
                print(f"  {who:6s} {'--format ' + name:28s} {wall:7.2f}s {cpu:7.2f}s {peak:8.0f}", flush=True)
        for name in ("sarif", "junit"):
            for who, soptui in soptuis.items():
                cache = Path(folder) / f"cache-{who}-{name}"
                command = [*soptui, "lint", "-q", "--format", "json", "--output",
                           f"{name}={Path(folder) / ('report-' + who)}", str(corpus)]
                for run in ("cold", "replayed"):
                    wall, cpu, peak = measured(command, dict(env, SOPTUI_CACHE_DIR=str(cache)))
                    print(f"  {who:6s} {'--output ' + name + ', ' + run:28s} {wall:7.2f}s {cpu:7.2f}s {peak:8.0f}",
                          flush=True)


if __name__ == "__main__":
    main()
