from soptui.rules.decision_exits import DecisionExits
from soptui.rules.not_in_source import NotInSource
from soptui.rules.unassigned_actor import UnassignedActor
from soptui.testing import RuleTester

STEPS = '''
[pelaksana]
camat = "Camat"

[[langkah]]
no = 1
kegiatan = "Menerima berkas"
pelaksana = "camat"

[[langkah]]
no = 2
kegiatan = "Memeriksa berkas"
simbol = "keputusan"
ya = 3

[[langkah]]
no = 3
kegiatan = "Mengarsipkan berkas"
'''


def test_without_a_marker_nothing_is_said_and_the_gaps_are_defects():
    RuleTester(NotInSource).assert_valid(STEPS)
    RuleTester(UnassignedActor).assert_invalid(STEPS, [
        {"pointer": "/langkah/1", "message": "step 2 has no Actor"},
        {"pointer": "/langkah/2", "message": "step 3 has no Actor"},
    ])


def test_lost_actor_columns_and_branches_are_said_once_each_as_unknown_not_as_defects():
    marked = 'hilang_di_sumber = ["pelaksana", "cabang"]\n' + STEPS
    RuleTester(NotInSource).assert_invalid(marked, [
        {"pointer": "/hilang_di_sumber/0", "severity": "info",
         "message": "2 steps with no Actor: not in the source (steps 2, 3)"},
        {"pointer": "/hilang_di_sumber/1", "severity": "info",
         "message": "1 decision without a ya/tidak branch: not in the source (step 2)"},
    ])
    RuleTester(UnassignedActor).assert_valid(marked)
    RuleTester(DecisionExits).assert_valid(marked)


def test_a_stale_marker_and_an_unknown_name_are_reported():
    restored = STEPS.replace('kegiatan = "Memeriksa berkas"', 'kegiatan = "Memeriksa berkas"\npelaksana = "camat"')
    restored = restored.replace('kegiatan = "Mengarsipkan berkas"', 'kegiatan = "Mengarsipkan berkas"\npelaksana = "camat"')
    RuleTester(NotInSource).assert_invalid('hilang_di_sumber = ["pelaksana", "kolom"]\n' + restored, [
        {"pointer": "/hilang_di_sumber/0",
         "message": 'hilang_di_sumber names "pelaksana", but every step has its Actor: remove the marker'},
        {"pointer": "/hilang_di_sumber/1",
         "message": '`kolom` is not known in hilang_di_sumber: write "pelaksana", "cabang" or a section\'s name'},
    ])
