"""The flow rules, on small procedures built step by step."""

import gc
import weakref

from soptui.loading.loader import load_text
from soptui.rules.decision_exits import DecisionExits
from soptui.rules.flow_branching import FlowBranching
from soptui.rules.flow_end import FlowEnd
from soptui.rules.flow_start import FlowStart
from soptui.rules.flow_symbol import FlowSymbol
from soptui.rules.flow_unreachable import FlowUnreachable
from soptui.testing import RuleTester


def procedure(*steps: str) -> str:
    """Steps numbered 1..n; each argument is extra TOML lines for that step."""
    return "\n".join(
        f'[[langkah]]\nno = {n}\nkegiatan = "Melakukan langkah {n}"\n{extra}\n'
        for n, extra in enumerate(steps, 1)
    )


LINEAR = procedure("", "", "")
SUMBERSUKO_LIKE = procedure("", "", 'simbol = "keputusan"\nya = 4\ntidak = 2', "")


def test_a_linear_procedure_and_a_loop_back_pass_every_flow_rule():
    for rule in (FlowStart, FlowEnd, FlowUnreachable, DecisionExits, FlowBranching, FlowSymbol):
        RuleTester(rule).assert_valid(LINEAR)
        RuleTester(rule).assert_valid(SUMBERSUKO_LIKE)


def test_first_step_drawn_as_process_has_no_start():
    RuleTester(FlowStart).assert_invalid(procedure('simbol = "proses"', "", ""), [
        {"step": 1, "line": 4, "message": "terminator"},
    ])


def test_a_second_start():
    RuleTester(FlowStart).assert_invalid(
        procedure("", 'simbol = "terminator"', 'simbol = "terminator"\nlanjut = 4', ""),
        [{"step": 3, "message": "second start"}],
    )


def test_a_loop_without_exit_has_no_reachable_end():
    RuleTester(FlowEnd).assert_invalid(
        procedure("", 'simbol = "keputusan"\nya = 1\ntidak = 1', ""),
        [{"step": 1, "message": "no end can be reached"}],
    )


def test_flow_stopping_at_a_process_box():
    RuleTester(FlowEnd).assert_invalid(procedure("", "", 'simbol = "proses"'), [
        {"step": 3, "message": "not a terminator"},
    ])


def test_unreachable_step():
    RuleTester(FlowUnreachable).assert_invalid(
        procedure("", 'simbol = "keputusan"\nya = 4\ntidak = 1', "", ""),
        [{"step": 3, "line": 13}],
    )


def test_decision_exits_missing_dangling_self_and_same():
    RuleTester(DecisionExits).assert_invalid(procedure("", 'simbol = "keputusan"\nya = 3', ""), [
        {"step": 2, "message": "no `tidak` exit"},
    ])
    RuleTester(DecisionExits).assert_invalid(procedure("", "ya = 9\ntidak = 2", ""), [
        {"step": 2, "message": "step 9, which does not exist"},
        {"step": 2, "message": "points at itself"},
    ])
    RuleTester(DecisionExits).assert_invalid(procedure("", "ya = 3\ntidak = 3", ""), [
        {"step": 2, "message": "same step (3)"},
    ])


def test_process_that_branches_and_dangling_lanjut():
    RuleTester(FlowBranching).assert_invalid(procedure("", 'simbol = "proses"\nya = 3\ntidak = 1', ""), [
        {"step": 2, "message": "not a decision"},
    ])
    RuleTester(FlowBranching).assert_invalid(procedure("lanjut = 7", "", ""), [
        {"step": 1, "message": "step 7, which does not exist"},
    ])


def test_only_the_standard_symbols():
    RuleTester(FlowSymbol).assert_invalid(procedure("", 'simbol = "keputusn"', 'simbol = "lingkaran"'), [
        {"step": 2, "message": "did you mean 'keputusan'"},
        {"step": 3, "message": "not allowed"},
    ])


def test_a_sop_and_its_flow_are_freed_without_the_garbage_collector():
    # A flow that pointed back at its SOP would make each SOP a cycle for the collector to find.
    sop = load_text('nama = "Contoh"\nunit = "Kecamatan Contoh"\n' + SUMBERSUKO_LIKE, "sop.toml").sop
    assert sop.flow.next(sop.langkah[0])
    freed = weakref.ref(sop)
    gc.disable()
    try:
        del sop
        assert freed() is None
    finally:
        gc.enable()
