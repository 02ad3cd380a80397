from soptui.rules.step_numbering import StepNumbering
from soptui.testing import RuleTester

tester = RuleTester(StepNumbering)


def steps(*numbers, extra=None):
    extra = extra or {}
    return "\n".join(
        f'[[langkah]]\nno = {n}\nkegiatan = "Membuat langkah {i}"\n{extra.get(i, "")}\n'
        for i, n in enumerate(numbers)
    )


def test_consecutive_numbers_pass():
    tester.assert_valid(steps(1, 2, 3))


def test_gap_like_awayan_is_reported_at_the_step_that_jumps():
    found = tester.assert_invalid(steps(1, 2, 3, 4, 5, 8, 9), [
        {"step": 8, "line": 27, "message": "jumps from 5 to 8; expected 6"},
    ])
    assert found[0].fix is not None


def test_repeat_and_start_other_than_one():
    tester.assert_invalid(steps(0, 1, 1, 3), [
        {"step": 0, "message": "starts at 0"},
        {"step": 1, "line": 12, "message": "repeated"},
        {"step": 3, "message": "jumps from 1 to 3"},
    ])


def test_fix_renumbers_and_rewrites_references_keeping_comments():
    before = (
        '[[langkah]]\nno = 1\nkegiatan = "Memeriksa"\nsimbol = "keputusan"\nya = 8  # to the end\ntidak = 5\n\n'
        '[[langkah]]\nno = 5\nkegiatan = "Memperbaiki"\nketerangan = "kembali ke langkah 1, lalu langkah 8"\n\n'
        '# the last step\n[[langkah]]\nno = 8\nkegiatan = "Mengarsipkan"\n'
    )
    after = (
        '[[langkah]]\nno = 1\nkegiatan = "Memeriksa"\nsimbol = "keputusan"\nya = 3  # to the end\ntidak = 2\n\n'
        '[[langkah]]\nno = 2\nkegiatan = "Memperbaiki"\nketerangan = "kembali ke langkah 1, lalu langkah 3"\n\n'
        '# the last step\n[[langkah]]\nno = 3\nkegiatan = "Mengarsipkan"\n'
    )
    tester.assert_fix(before, after, unsafe=True)
    tester.assert_fix(before, before)  # "langkah N" rewritten in free text: not a safe fix


def test_renumbering_with_only_ya_tidak_lanjut_references_is_a_safe_fix():
    before = ('[[langkah]]\nno = 1\nkegiatan = "Memeriksa"\nya = 8\ntidak = 5\n\n'
              '[[langkah]]\nno = 5\nkegiatan = "Memperbaiki"\nlanjut = 1\n\n'
              '[[langkah]]\nno = 8\nkegiatan = "Mengarsipkan"\n')
    after = ('[[langkah]]\nno = 1\nkegiatan = "Memeriksa"\nya = 3\ntidak = 2\n\n'
             '[[langkah]]\nno = 2\nkegiatan = "Memperbaiki"\nlanjut = 1\n\n'
             '[[langkah]]\nno = 3\nkegiatan = "Mengarsipkan"\n')
    tester.assert_fix(before, after)
    assert tester.findings(before)[0].fix.applicability == "safe"


def test_a_kegiatan_naming_a_renumbered_step_makes_the_fix_unsafe():
    # the fix does not rewrite kegiatan, so renumbering would leave "langkah 5" pointing elsewhere
    before = ('[[langkah]]\nno = 1\nkegiatan = "Memeriksa hasil langkah 5"\n\n'
              '[[langkah]]\nno = 5\nkegiatan = "Memperbaiki"\n')
    assert tester.findings(before)[0].fix.applicability == "unsafe"
    tester.assert_fix(before, before)


def test_a_reference_to_a_repeated_number_makes_the_fix_unsafe():
    # two steps numbered 2: `tidak = 2` is taken to mean the first, a guess
    before = ('[[langkah]]\nno = 1\nkegiatan = "Memeriksa"\nya = 3\ntidak = 2\n\n'
              '[[langkah]]\nno = 2\nkegiatan = "Memperbaiki"\n\n'
              '[[langkah]]\nno = 2\nkegiatan = "Mengarsipkan"\n')
    assert tester.findings(before)[0].fix.applicability == "unsafe"
    repeat_unreferenced = before.replace("ya = 3\ntidak = 2\n", "")
    assert tester.findings(repeat_unreferenced)[0].fix.applicability == "safe"
