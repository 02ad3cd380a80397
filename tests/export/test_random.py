"""Random procedures (branches back and forward, jumps, self-loops, pages of them, up to eight
actors) exported and read back: the drawing is the step graph, and no arrow runs along a rule
or another arrow. Seeded, so a failure names a SOP that can be rebuilt (random_sops.random_sop)."""

from __future__ import annotations

import pytest

from soptui.exporting import export_sop
from soptui.loading.loader import load_bytes

from .random_sops import random_sop
from .readback import edges, read, read_docx
from .test_pdf import _overlapping_segments, actor_of, expected_edges


def _check(sop, pages) -> None:
    drawn: dict[int, list] = {}
    for page in pages:
        for symbol in page.symbols:
            if symbol.row is not None:
                drawn.setdefault(symbol.row, []).append(symbol)
    assert sorted(drawn) == [step.no for step in sop.langkah]
    for step in sop.langkah:
        # one symbol in each of the step's actors' columns
        actors = {sop.pelaksana[a] for a in step.pelaksana_semua if a in sop.pelaksana} or {actor_of(sop, step)}
        assert {s.kind for s in drawn[step.no]} == {sop.symbol(step)}, step.no
        assert sorted(s.actor for s in drawn[step.no]) == sorted(actors), step.no
    assert edges(pages) == expected_edges(sop)


def test_the_random_procedures_have_steps_of_several_actors():
    several = [seed for seed in (*range(12), *range(30, 35))
               if any(len(s.pelaksana_semua) > 1 for s in load_bytes(random_sop(seed), "acak.toml").sop.langkah)]
    assert len(several) >= 6 and 30 in several


@pytest.mark.parametrize("seed", range(12))
def test_random_procedure_as_pdf(tmp_path, seed):
    sop = load_bytes(random_sop(seed), f"acak-{seed}.toml").sop
    out = tmp_path / "acak.pdf"
    export_sop(sop, out)
    pages = read(out)
    _check(sop, pages)
    assert _overlapping_segments(pages) == []


@pytest.mark.parametrize("seed", range(30, 35))
def test_random_procedure_as_docx(tmp_path, seed):
    sop = load_bytes(random_sop(seed), f"acak-{seed}.toml").sop
    out = tmp_path / "acak.docx"
    export_sop(sop, out, "docx")
    _check(sop, read_docx(out)[0])
