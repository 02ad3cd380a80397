"""Speed of the terminal UI on the corpus it holds, printed.

    python bench/tui.py [COUNT ...]     (default: 1,000 and 10,000 generated SOPs)

Each figure is what a reviewer waits for, measured in the running app (`App.run_test`), with
the whole corpus loaded and linted:

- ready for input: from start to the first screen taking keys (the lint goes on in a worker);
- whole corpus linted: until the worker's last result is on screen;
- open a SOP, `n` / `N`, moving between steps, an edit with its re-lint (the corpus rules
  included): from the key (or the call) to the last frame painted for it, median and worst
  of repeated presses. `n` and `N` are pressed until each has gone into another tab (from a
  finding of Prosedur to one of Identitas, or back) at least eight times, and those presses
  are also given on their own. Frames are timed where the app hands them to the terminal
  (`App._display`), not by the test pilot, whose waits for idleness sleep in 20 ms steps, once
  the frame's escape sequences are made, as the app makes them for a terminal (run headless,
  it skips that); a turn that hands it nothing (no region changed, so nothing is written) is
  not a frame;
- of which Document.edit: the same kind of edit with no UI (the text changed, read again and
  linted, corpus rules included), so the rest of the edit figure is the drawing;
- CPU: the process's CPU time for the same presses, median / worst (on a machine others load,
  less swayed by them than the wall time);
- memory: the process's peak resident size once everything is loaded.

Targets (issue 15): ready < 1 s on 1,000 and < 3 s on 10,000; every action < 50 ms at both sizes.
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


class Took(float):
    """A press's wall time, in seconds, with its CPU time (`cpu`): the process's, the lint's
    workers being done by then."""

    cpu: float


async def measure(corpus: Path) -> dict[str, object]:
    from textual import events

    from textual._compositor import CompositorUpdate
    from textual.widgets import TabbedContent

    from soptui.editing import set_value
    from soptui.tui.app import SoptuiApp
    from soptui.tui.widgets.procedure import ProcedureView

    figures: dict[str, object] = {}
    started = time.perf_counter()
    app = SoptuiApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        figures["ready"] = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()
        while app.workspace.linted is False:
            await pilot.pause(0.05)
        figures["linted"] = time.perf_counter() - started

        frames: list[float] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:  # None: nothing changed on screen, nothing is written
                if isinstance(renderable, CompositorUpdate):
                    # What the app writes to a terminal, which a headless app skips: the frame's
                    # escape sequences (`App._display`), made and thrown away.
                    renderable.render_segments(app.console)
                frames.append((time.perf_counter(), time.process_time()))

        app._display = timed_display

        async def timed(action, repeat: int = 15) -> list[float]:
            times = []
            for i in range(repeat):
                await pilot.pause()
                frames.clear()
                begun, begun_cpu = time.perf_counter(), time.process_time()
                await action(i)
                await pilot.pause()  # until every frame of the change is painted
                painted = [t for t in frames if t[0] >= begun]
                end, end_cpu = painted[-1] if painted else (time.perf_counter(), time.process_time())
                took = Took(end - begun)
                took.cpu = end_cpu - begun_cpu
                times.append(took)
            return times

        files = app.workspace.files

        async def open_one(i: int) -> None:
            app.open(files[(i * 37) % len(files)])

        figures["open a SOP"] = await timed(open_one)
        app.open(files[len(files) // 2])
        await pilot.pause()

        async def press(key: str):
            async def run(_: int) -> None:
                app.post_message(events.Key(key, None))
            return run

        # `n` and `N` press on until each has gone into another tab at least eight times (a
        # finding of Identitas after one of Prosedur, or back), the press that shows a tab
        # other than the one on screen; those are also given on their own.
        tabbed = app.query_one(TabbedContent)

        async def finding_presses(key: str) -> tuple[list[float], list[float]]:
            times, crossing = [], []
            while len(crossing) < 8 and len(times) < 120:
                before = tabbed.active
                took = (await timed(await press(key), repeat=1))[0]
                times.append(took)
                if tabbed.active != before:
                    crossing.append(took)
            return times, crossing

        for key, name in (("n", "n (next finding)"), ("N", "N (previous finding)")):
            figures[name], figures[f"  of which into another tab ({key})"] = await finding_presses(key)
        app.action_tab("prosedur")
        app.query_one(ProcedureView).select_step(0)
        await pilot.pause()
        figures["down (next step)"] = await timed(await press("down"), repeat=8)

        async def edit(i: int) -> None:
            app.edit(lambda text: set_value(text, "/langkah/0/waktu", f"{10 + i} menit"))

        figures["edit + re-lint"] = await timed(edit)

        async def edit_nomor(i: int) -> None:  # an edit the corpus rules see (duplicate-nomor)
            app.edit(lambda text: set_value(text, "/nomor", f"999/SOP/BENCH/{i}"))

        figures["edit of nomor + corpus rules"] = await timed(edit_nomor, repeat=8)

        # The same edits without the UI: the text changed, read again and linted (the corpus
        # rules included), nothing drawn. What is left of the figures above is the drawing.
        def untimed_ui(change) -> list[float]:
            times = []
            for i in range(8):
                begun = time.perf_counter()
                app.document.edit(lambda text, i=i: change(text, i))
                times.append(time.perf_counter() - begun)
            return times

        figures["  of which Document.edit"] = untimed_ui(
            lambda text, i: set_value(text, "/langkah/0/waktu", f"{40 + i} menit"))
        figures["  of which Document.edit (nomor)"] = untimed_ui(
            lambda text, i: set_value(text, "/nomor", f"998/SOP/BENCH/{i}"))
    figures["peak memory"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    for count in counts:
        corpus = HERE / "out" / f"corpus-{count}"
        if not corpus.exists():
            generate(corpus, count)
        figures = asyncio.run(measure(corpus))
        print(f"\n{count} SOPs")
        target = "< 1 s" if count <= 1000 else "< 3 s"
        print(f"  ready for input                  {figures['ready']:7.3f} s     (target {target})")
        print(f"  whole corpus linted              {figures['linted']:7.3f} s     (in a worker, progress shown)")
        for name in ("open a SOP", "n (next finding)", "  of which into another tab (n)", "N (previous finding)",
                     "  of which into another tab (N)", "down (next step)",
                     "edit + re-lint", "  of which Document.edit", "edit of nomor + corpus rules",
                     "  of which Document.edit (nomor)"):
            times = figures[name]
            target = "" if "Document.edit" in name else "   (target < 50 ms)"
            spent = [t.cpu for t in times if isinstance(t, Took)]
            cpu = f"   CPU {statistics.median(spent) * 1000:.1f} / {max(spent) * 1000:.1f} ms" if spent else ""
            print(f"  {name:<33}{statistics.median(times) * 1000:7.1f} ms median, "
                  f"{max(times) * 1000:6.1f} ms worst{target}   ({len(times)} presses){cpu}")
        print(f"  peak memory                      {figures['peak memory']:7.0f} MB")


if __name__ == "__main__":
    main()
