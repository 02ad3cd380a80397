"""The PDF read back: symbols, columns and arrows against the model's step graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from soptui.exporting import export_sop
from soptui.exporting.page import PAPERS
from soptui.exporting.procedure import LOST_LABEL, UNASSIGNED_LABEL
from soptui.loading.loader import load_bytes, load_file, load_text
from soptui.model import LOST_ACTORS

from .readback import edges, read

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "sops").glob("*/*.toml"))
LABELS = {"ya": "Ya", "tidak": "Tidak"}


def _export(sop, tmp_path, paper="a4", name="out.pdf"):
    out = tmp_path / name
    export_sop(sop, out, "pdf", paper)
    return read(out)


def expected_edges(sop) -> set[tuple[int, int, str]]:
    return {(step.no, edge.target.no, LABELS.get(edge.label, ""))
            for step in sop.langkah for edge in sop.flow.next(step) if edge.target is not None}


def actor_of(sop, step) -> str:
    """The jabatan heading the column a step's arrows join: its first declared actor's."""
    if step.pelaksana in sop.pelaksana:
        return sop.pelaksana[step.pelaksana]
    return LOST_LABEL if sop.lost(LOST_ACTORS) else UNASSIGNED_LABEL


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    done = {}
    for path in SEEDS:
        sop = load_file(path).sop
        out = folder / f"{path.parent.name}-{path.stem}.pdf"
        export_sop(sop, out)
        done[f"{path.parent.name}/{path.stem}"] = (sop, read(out), out)
    return done


@pytest.mark.parametrize("seed", [f"{p.parent.name}/{p.stem}" for p in SEEDS])
def test_every_step_is_drawn_once_with_its_symbol_in_its_actors_column(seeds, seed):
    sop, pages, _ = seeds[seed]
    drawn = {s.row: s for page in pages for s in page.symbols if s.row is not None}
    assert sorted(drawn) == sorted(step.no for step in sop.langkah)
    for step in sop.langkah:
        assert drawn[step.no].kind == sop.symbol(step), step.no
        assert drawn[step.no].actor == actor_of(sop, step), step.no


@pytest.mark.parametrize("seed", [f"{p.parent.name}/{p.stem}" for p in SEEDS])
def test_the_arrows_are_the_step_graph(seeds, seed):
    sop, pages, _ = seeds[seed]
    assert edges(pages) == expected_edges(sop)


def test_sumbersuko_decisions_loop_back_labelled(seeds):
    sop, pages, _ = seeds["sumbersuko/pengukuran-kinerja"]
    found = edges(pages)
    assert {(6, 5, "Tidak"), (6, 7, "Ya"), (7, 6, "Tidak"), (7, 8, "Ya")} <= found


def test_wangon_runs_over_two_procedure_pages_joined_by_a_connector_pair(seeds):
    sop, pages, _ = seeds["wangon/pengukuran-kinerja"]
    procedure = [p for p in pages if "Prosedur:" in p.text]
    assert len(procedure) == 2
    letters = [[s.letter for s in page.symbols if s.kind == "penghubung"] for page in procedure]
    assert letters == [["A"], ["A"]]
    # the header rows repeat on the second page
    assert all("Kelengkapan" in page.text and "PENGADMINISTRASI" in page.text for page in procedure)


def test_awayan_steps_without_pelaksana_stand_in_a_marked_column(seeds):
    sop, pages, _ = seeds["awayan/pengukuran-kinerja-triwulan"]
    without = [s.no for s in sop.langkah if s.pelaksana not in sop.pelaksana]
    assert without
    drawn = {s.row: s.actor for page in pages for s in page.symbols if s.row is not None}
    # the seed's source lost the actor columns: the column says the actor is not in the source
    assert sop.lost(LOST_ACTORS) and all(drawn[no] == LOST_LABEL for no in without)


def test_steps_without_pelaksana_in_a_document_that_has_the_columns_stand_in_tanpa_pelaksana(tmp_path):
    text = SEEDS[0].read_text().replace('hilang_di_sumber = ["pelaksana"]\n', "")
    sop = load_text(text, str(SEEDS[0])).sop
    assert not sop.lost(LOST_ACTORS)
    pages = _export(sop, tmp_path)
    drawn = {s.row: s.actor for page in pages for s in page.symbols if s.row is not None}
    without = [s.no for s in sop.langkah if s.pelaksana not in sop.pelaksana]
    assert without and all(drawn[no] == UNASSIGNED_LABEL for no in without)


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_every_page_fits_its_paper(seeds, tmp_path, paper):
    sop = seeds["wangon/pengukuran-kinerja"][0]
    width, height = PAPERS[paper]
    for page in _export(sop, tmp_path, paper):
        assert (page.width, page.height) == pytest.approx((width, height), abs=0.5)
        for x0, top, x1, bottom in page.bounds:
            assert 0 <= x0 <= x1 <= width and 0 <= top <= bottom <= height


def _overlapping_segments(pages) -> list[tuple]:
    """Arrow segments that run along a table rule or along another arrow's segment."""
    found = []
    for number, page in enumerate(pages):
        segments = []
        for arrow in page.arrows:
            for (ax, ay), (bx, by) in zip(arrow.points, arrow.points[1:]):
                if abs(ay - by) < 0.1:
                    segments.append(("h", ay, min(ax, bx), max(ax, bx), arrow))
                else:
                    segments.append(("v", ax, min(ay, by), max(ay, by), arrow))
        for kind, at, lo, hi, arrow in segments:
            for rule_kind, rule_at, rule_lo, rule_hi in page.rules:
                if rule_kind == kind and abs(rule_at - at) < 1.0 and hi > rule_lo + 0.5 and lo < rule_hi - 0.5:
                    found.append((number, "rule", kind, round(at, 1)))
            for other in segments:
                if (other[4] is not arrow and other[0] == kind and abs(other[1] - at) < 1.0
                        and hi > other[2] + 0.5 and lo < other[3] - 0.5):
                    found.append((number, "arrow", kind, round(at, 1)))
    return found


def test_no_arrow_runs_along_a_rule_or_another_arrow(seeds):
    for sop, pages, _ in seeds.values():
        assert _overlapping_segments(pages) == [], sop.path


def test_fonts_are_embedded_and_dates_are_indonesian(seeds):
    sop, pages, out = seeds["sumbersuko/pengukuran-kinerja"]
    assert b"/FontFile2" in out.read_bytes()
    assert "25 Agustus 2023" in pages[0].text and "30 November 2018" in pages[0].text
    assert "427.101/16.01/2023" in pages[-1].text and f"Halaman {len(pages)} dari {len(pages)}" in pages[-1].text


DANGLING = b'''nama = "Uji"
unit = "Kecamatan Uji"
[pelaksana]
staf = "Staf"
[[langkah]]
no = 1
kegiatan = "Memulai"
pelaksana = "staf"
[[langkah]]
no = 2
kegiatan = "Memeriksa berkas"
pelaksana = "staf"
ya = 3
tidak = 9
[[langkah]]
no = 3
kegiatan = "Menyelesaikan"
pelaksana = "staf"
'''


def test_a_dangling_edge_is_drawn_marked_with_its_number(tmp_path):
    sop = load_bytes(DANGLING, "uji.toml").sop
    pages = _export(sop, tmp_path)
    dangling = [a for page in pages for a in page.arrows if a.dashed]
    assert len(dangling) == 1 and dangling[0].source.row == 2 and dangling[0].target is None
    assert "Tidak 9?" in "".join(page.text for page in pages)
    assert edges(pages) == expected_edges(sop) == {(1, 2, ""), (2, 3, "Ya")}


def _long(steps: int, jump_back: bool) -> bytes:
    lines = ['nama = "Panjang"', 'unit = "Kecamatan Uji"', "[pelaksana]", 'a = "Kasi"', 'b = "Staf"']
    for no in range(1, steps + 1):
        lines += ["[[langkah]]", f"no = {no}", f'kegiatan = "Mengerjakan tahap {no} dengan teliti"',
                  f'pelaksana = "{"a" if no % 3 else "b"}"']
        if jump_back and no == steps - 1:
            lines += ["ya = %d" % steps, "tidak = 2"]
    return "\n".join(lines).encode()


def test_a_back_edge_across_pages_becomes_a_connector_pair(tmp_path):
    sop = load_bytes(_long(30, jump_back=True), "long.toml").sop
    pages = _export(sop, tmp_path)
    assert edges(pages) == expected_edges(sop)
    assert (29, 2, "Tidak") in edges(pages)
    rows = [s.row for page in pages for s in page.symbols if s.row is not None]
    assert sorted(rows) == list(range(1, 31))  # no row lost, none drawn twice (never split)


def test_long_identity_lists_flow_onto_another_page_never_off_it(tmp_path):
    items = ", ".join(f'"Peraturan Bupati Uji Nomor {n} Tahun 2020 tentang Hal Yang Diatur Dengan Panjang Sekali"'
                      for n in range(1, 81))
    source = _long(4, jump_back=False).replace(b'unit = "Kecamatan Uji"',
                                               f'unit = "Kecamatan Uji"\ndasar_hukum = [{items}]'.encode())
    sop = load_bytes(source, "panjang.toml").sop
    assert len(sop.dasar_hukum) == 80
    pages = _export(sop, tmp_path)
    identity = [p for p in pages if "Prosedur:" not in p.text]
    assert len(identity) >= 2 and "(lanjutan)" in identity[1].text
    text = "\n".join(p.text for p in identity)
    assert all(f"Nomor {n} Tahun 2020" in text for n in range(1, 81))
    width, height = PAPERS["a4"]
    for page in pages:
        for x0, top, x1, bottom in page.bounds:
            assert 0 <= x0 <= x1 <= width and 0 <= top <= bottom <= height - 20  # above the footer's line
