"""A step's lanes, worked out once (`soptui.lanes`) and drawn the same by the exported document
and the text diagram (the TUI's Prosedur table: tests/tui/test_app.py)."""

from pathlib import Path

import pytest

from soptui import diagram
from soptui.lanes import UNASSIGNED, sop_lanes, step_lanes
from soptui.loading.loader import load_file, load_text

from export.random_sops import random_sop

RAPAT = Path(__file__).parent / "data" / "format" / "rapat-dua-pelaksana.toml"
MIXED = """
nama = "UJI"
unit = "Uji"
[pelaksana]
camat = "Camat"
sekcam = "Sekretaris Camat"
[[langkah]]
no = 1
kegiatan = "Rapat"
pelaksana = ["sekcam", "lurah", "camat", "sekcam", "kades"]
[[langkah]]
no = 2
kegiatan = "Tanpa pelaksana"
[[langkah]]
no = 3
kegiatan = "Tidak dikenal"
pelaksana = "lurah"
[[langkah]]
no = 4
kegiatan = "Camat saja"
pelaksana = "camat"
"""


def test_a_steps_lanes_are_its_actors_once_in_order_with_the_undeclared_in_one_lane():
    sop = load_text(MIXED, "uji.toml").sop
    assert [step_lanes(sop, step) for step in sop.langkah] == [
        ("sekcam", UNASSIGNED, "camat"), (UNASSIGNED,), (UNASSIGNED,), ("camat",)]
    assert step_lanes(sop, sop.langkah[0], unassigned="") == ("sekcam", "", "camat")
    assert all(step_lanes(sop, step)[0] == (step.pelaksana if step.pelaksana in sop.pelaksana else UNASSIGNED)
               for step in sop.langkah)


def test_the_unassigned_lane_comes_last_and_only_when_a_step_is_drawn_there():
    assert sop_lanes(load_text(MIXED, "uji.toml").sop) == ["camat", "sekcam", UNASSIGNED]
    assert sop_lanes(load_file(RAPAT).sop) == ["camat", "sekcam", "staf"]
    assert sop_lanes(load_file(RAPAT).sop, unassigned="") == ["camat", "sekcam", "staf"]


SOPS = [pytest.param(lambda: load_text(MIXED, "uji.toml").sop, id="mixed"),
        pytest.param(lambda: load_file(RAPAT).sop, id="rapat"),
        *(pytest.param(lambda seed=seed: load_text(random_sop(seed).decode(), f"acak-{seed}.toml").sop,
                       id=f"random-{seed}") for seed in (0, 3, 5, 30, 31, 33))]


@pytest.mark.parametrize("make", SOPS)
def test_the_export_draws_each_step_in_its_lanes(make):
    pytest.importorskip("reportlab", reason="the export extra (reportlab) is not installed")
    from soptui.exporting.layout import MARGIN, TOP
    from soptui.exporting.page import PAPERS
    from soptui.exporting.procedure import Frame, lanes_of, plan

    sop = make()
    width, height = PAPERS["a4"]
    layout = plan(sop, Frame(width, height, MARGIN, TOP, height - 80, width - 2 * MARGIN))
    ids = [lane_id for lane_id, _ in lanes_of(sop)]
    assert ids == (sop_lanes(sop) or [UNASSIGNED])
    for step in sop.langkah:
        drawn = {layout.lane_of[step.index], *(layout.also_in or {}).get(step.index, ())}
        assert {ids[k] for k in drawn} == set(step_lanes(sop, step)), step.no


@pytest.mark.parametrize("make", SOPS)
def test_the_text_diagram_draws_each_step_in_its_lanes(make):
    sop = make()
    plan = diagram.layout(sop)
    ids = [lane.id for lane in plan.lanes]
    assert ids == sop_lanes(sop)
    for box in plan.boxes:
        drawn = [ids[box.lane], *(ids[copy.lane] for copy in plan.also if copy.step is box.step)]
        assert sorted(drawn) == sorted(step_lanes(sop, box.step)), box.step.no
