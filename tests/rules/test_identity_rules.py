from soptui.rules.missing_dasar_hukum import MissingDasarHukum
from soptui.rules.missing_mutu_baku import MissingMutuBaku
from soptui.rules.missing_pengesahan import MissingPengesahan
from soptui.rules.unassigned_actor import UnassignedActor
from soptui.testing import RuleTester

SIGNER = '[disahkan_oleh]\njabatan = "Camat Awayan"\nnama = "Aswal Salahudin, S.IP"\nnip = "{nip}"\n'


def test_pengesahan_complete_with_the_seed_nips():
    tester = RuleTester(MissingPengesahan)
    for nip in ("197012081992031007", "19690627 200112 1 003", "19920131 201406 1 001"):
        tester.assert_valid(SIGNER.format(nip=nip))


def test_blank_pengesahan_and_missing_parts():
    tester = RuleTester(MissingPengesahan)
    tester.assert_invalid('unit = "Kecamatan Wangon"\n', [{"message": "\"Approved by\" is blank"}])
    tester.assert_invalid('[disahkan_oleh]\njabatan = "Camat Awayan"\n', [
        {"line": 1, "message": "no name"}, {"line": 1, "message": "no NIP"}])


def test_impossible_nips():
    tester = RuleTester(MissingPengesahan)
    tester.assert_invalid(SIGNER.format(nip="19701208199203100"), [{"line": 4, "message": "not 18 digits"}])
    tester.assert_invalid(SIGNER.format(nip="197013081992031007"), [{"message": "is not a date"}])
    tester.assert_invalid(SIGNER.format(nip="193012081992031007"), [{"message": "impossible"}])
    tester.assert_invalid(SIGNER.format(nip="197012081985031007"), [{"message": "CPNS appointment"}])
    tester.assert_invalid(SIGNER.format(nip="197012081992033007"), [{"message": "sex digit"}])


STEPS = '''[[langkah]]
no = 1
kegiatan = "Memerintahkan"
kelengkapan = ["Disposisi"]
waktu = "10 menit"
output = ["Disposisi"]

[[langkah]]
no = 2
kegiatan = "Menyusun"
output = ["Laporan"]
'''


def test_mutu_baku_missing_parts_and_require_option():
    RuleTester(MissingMutuBaku).assert_invalid(STEPS, [
        {"step": 2, "line": 8, "message": "no Requirements"}, {"step": 2, "line": 8, "message": "no Time"}])
    RuleTester(MissingMutuBaku, options={"require": ["output"]}).assert_valid(STEPS)


def test_dasar_hukum():
    RuleTester(MissingDasarHukum).assert_invalid('unit = "Kecamatan A"\n', [{"message": "no Legal basis"}])
    RuleTester(MissingDasarHukum).assert_invalid('dasar_hukum = []\n', [{"line": 1}])
    RuleTester(MissingDasarHukum).assert_valid('dasar_hukum = ["Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"]\n')


def test_unassigned_undeclared_and_idle_actors():
    text = '[pelaksana]\ncamat = "Camat"\nstaf = "Staf"\n\n' + STEPS.replace(
        'kegiatan = "Memerintahkan"', 'kegiatan = "Memerintahkan"\npelaksana = "camta"')
    RuleTester(UnassignedActor).assert_invalid(text, [
        {"line": 2, "message": "'Camat' performs no step"},
        {"line": 3, "message": "'Staf' performs no step"},
        {"step": 1, "line": 8, "message": "did you mean `camat`?"},
        {"step": 2, "message": "has no Actor"},
    ])
    RuleTester(UnassignedActor, options={"report-idle-actors": False}).assert_invalid(text, [{"step": 1}, {"step": 2}])


def test_a_step_of_several_actors_is_checked_for_each_and_makes_each_busy():
    actors = '[pelaksana]\ncamat = "Camat"\nsekcam = "Sekcam"\nstaf = "Staf"\n\n'
    both = STEPS.replace('kegiatan = "Memerintahkan"', 'kegiatan = "Memerintahkan"\npelaksana = ["camat", "sekcam"]') \
                .replace('kegiatan = "Menyusun"', 'kegiatan = "Menyusun"\npelaksana = "staf"')
    RuleTester(UnassignedActor).assert_valid(actors + both)  # nobody idle: the meeting keeps both busy
    wrong = both.replace('["camat", "sekcam"]', '["camat", "sekcm", "lurah"]')
    found = RuleTester(UnassignedActor).assert_invalid(actors + wrong, [
        {"line": 3, "message": "'Sekcam' performs no step"},
        {"step": 1, "line": 9, "col": 23, "pointer": "/langkah/0/pelaksana/1", "message": "did you mean `sekcam`?"},
        {"step": 1, "pointer": "/langkah/0/pelaksana/2", "message": "Actor `lurah` of step 1 is not declared"},
    ])
    assert found[2].col > found[1].col
    RuleTester(UnassignedActor).assert_invalid(actors + both.replace('["camat", "sekcam"]', '["camat", "sekcam", ""]'), [
        {"step": 1, "pointer": "/langkah/0/pelaksana/2", "message": "Actor id 3 of step 1 is blank"}])
