"""Speed of the terminal UI, printed: start-up on a large corpus, and re-lint after an edit.

    python bench/tui.py [COUNT]     (default 1,000 SOPs)

Targets: ready for input on 1,000 SOPs in under a second (linting goes on in a worker);
an edit of a seed-sized SOP re-linted in under 50 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

from soptui.editing import set_value  # noqa: E402


async def startup(corpus: Path) -> tuple[float, float]:
    from soptui.tui.app import SoptuiApp

    started = time.perf_counter()
    app = SoptuiApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ready = time.perf_counter() - started  # the screen is up and takes keys; lint runs on
        await app.workers.wait_for_complete()
        await pilot.pause()
        linted = time.perf_counter() - started
    return ready, linted


def relint(seed: Path) -> list[float]:
    from soptui.checker.engine import Checker
    from soptui.checker.plugins import load_plugins
    from soptui.workspace import Workspace

    space = Workspace([seed], Checker(load_plugins().rule_classes()))
    space.lint_all()
    document = space.open(seed)
    times = []
    for minutes in range(10, 30):
        started = time.perf_counter()
        document.edit(lambda text: set_value(text, "/langkah/0/waktu", f"{minutes} menit"))
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    corpus = HERE / "out" / f"corpus-{count}"
    if not corpus.exists():
        generate(corpus, count)
    ready, linted = asyncio.run(startup(corpus))
    seed = HERE.parent / "sops" / "wangon" / "pengukuran-kinerja.toml"
    times = relint(seed)
    print(f"\n{count} SOPs")
    print(f"  ready for input          {ready:7.3f} s   (target < 1 s)")
    print(f"  whole corpus linted      {linted:7.3f} s   (in a worker, progress shown)")
    print(f"  edit + re-lint, {seed.parent.name} ({len(seed.read_text().splitlines())} lines): "
          f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms   (target < 50 ms)")


if __name__ == "__main__":
    main()
