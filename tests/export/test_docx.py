"""The .docx read back from its XML: the same symbols, columns and edges as the model."""

from __future__ import annotations

import pytest

from soptui.exporting import export_sop
from soptui.exporting.page import PAPERS
from soptui.loading.loader import load_bytes, load_file

from .readback import edges, read_docx
from .test_pdf import DANGLING, SEEDS, _long, actor_of, expected_edges

pytest.importorskip("docx", reason="the export extra (python-docx) is not installed")


@pytest.mark.parametrize("path", SEEDS, ids=[f"{p.parent.name}/{p.stem}" for p in SEEDS])
def test_seed_symbols_columns_and_edges(tmp_path, path):
    sop = load_file(path).sop
    out = tmp_path / "sop.docx"
    export_sop(sop, out, "docx")
    pages, settings = read_docx(out)
    drawn = {s.row: s for page in pages for s in page.symbols if s.row is not None}
    assert sorted(drawn) == sorted(step.no for step in sop.langkah)
    for step in sop.langkah:
        assert (drawn[step.no].kind, drawn[step.no].actor) == (sop.symbol(step), actor_of(sop, step)), step.no
    assert edges(pages) == expected_edges(sop)


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_pages_fit_the_paper_and_word_lays_out_as_2013(tmp_path, paper):
    sop = load_bytes(_long(30, jump_back=True), "long.toml").sop
    out = tmp_path / "long.docx"
    export_sop(sop, out, "docx", paper)
    pages, settings = read_docx(out)
    assert edges(pages) == expected_edges(sop)
    width, height = PAPERS[paper]
    for page in pages:
        assert (page.width, page.height) == pytest.approx((width, height), abs=0.1)
        for x0, top, x1, bottom in page.bounds:
            assert 0 <= x0 <= x1 <= width and 0 <= top <= bottom <= height
    mode = [s for s in settings.iter() if s.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}name")
            == "compatibilityMode"]
    assert [s.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") for s in mode] == ["15"]


def test_dangling_edge_marked_in_word_too(tmp_path):
    sop = load_bytes(DANGLING, "uji.toml").sop
    out = tmp_path / "uji.docx"
    export_sop(sop, out, "docx")
    pages, _ = read_docx(out)
    dangling = [a for page in pages for a in page.arrows if a.dashed]
    assert len(dangling) == 1 and dangling[0].source.row == 2 and dangling[0].target is None
    assert "Tidak 9?" in " ".join(page.text for page in pages)
