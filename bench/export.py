"""Speed of `soptui export`, printed: generated SOPs to PDF (and, with --docx, to Word).

    python bench/export.py [COUNT] [--docx]     (default 100 SOPs)

Target: under 100 ms a document on this project's machine. The time is the whole of one SOP's
export as the command does it (load, lay out, render, atomic write); the fonts are registered
once per process, so the first document is reported apart.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

from soptui.exporting import export_sop  # noqa: E402
from soptui.loading.loader import load_file  # noqa: E402


def main() -> None:
    count = int(next((a for a in sys.argv[1:] if a.isdigit()), 100))
    to = "docx" if "--docx" in sys.argv else "pdf"
    with tempfile.TemporaryDirectory() as folder:
        corpus, out = Path(folder) / "sops", Path(folder) / "out"
        generate(corpus, count)
        out.mkdir()
        files = sorted(corpus.rglob("*.toml"))
        times = []
        for i, path in enumerate(files):
            started = time.perf_counter()
            sop = load_file(path).sop
            export_sop(sop, out / f"{i}.{to}", to)
            times.append(time.perf_counter() - started)
    first, rest = times[0], times[1:] or times
    print(f"{len(files)} SOPs to {to.upper()}: {sum(times):.2f} s in all")
    print(f"  first document (registers the fonts): {first * 1000:.0f} ms")
    print(f"  per document after it: median {statistics.median(rest) * 1000:.1f} ms, "
          f"max {max(rest) * 1000:.1f} ms (target: under 100 ms)")


if __name__ == "__main__":
    main()
