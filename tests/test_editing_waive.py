"""Waiving a finding by writing the file's own suppression comment, which covers that finding only."""

from pathlib import Path

import pytest

from soptui.checker.suppress import suppressions
from soptui.editing import EditError, add_step, delete_step, move_step, waive
from soptui.loading.loader import load_text

from test_editing_steps import TEXT, findings

# Without the seed's marker of its lost actor columns, so that its steps have unassigned-actor
# findings to waive.
WANGON = Path(__file__).parent.parent.joinpath("sops/wangon/pengukuran-kinerja.toml").read_text().replace(
    'hilang_di_sumber = ["pelaksana"]\n', "")


def keyed(text: str) -> set:
    return {(f.name, f.pointer) for f in findings(text)}


def waived(text: str, finding) -> str:
    return waive(text, finding.pointer, finding.line, finding.name, "tertulis demikian di dokumen")


def test_a_steps_finding_is_waived_for_that_step_only():
    before = findings(WANGON)
    target = next(f for f in before if f.name == "kegiatan-active-verb" and f.pointer == "/langkah/8/kegiatan")
    edited = waived(WANGON, target)
    assert "[[langkah]]\n# soptui: ignore[kegiatan-active-verb] -- tertulis demikian di dokumen\nno = 9\n" in edited
    assert keyed(WANGON) - keyed(edited) == {("kegiatan-active-verb", "/langkah/8/kegiatan")}
    assert keyed(edited) - keyed(WANGON) == set()  # no unused-suppression either
    [item] = suppressions(load_text(edited, "x").sop)
    assert item.scope == "step" and item.step_index == 8


def test_a_second_rule_for_the_same_step_joins_the_first_comment():
    first = next(f for f in findings(WANGON) if f.name == "kegiatan-active-verb" and f.pointer == "/langkah/9/kegiatan")
    edited = waived(WANGON, first)
    second = next(f for f in findings(edited) if f.name == "unassigned-actor" and f.pointer == "/langkah/7")
    assert waived(edited, second).count("soptui:") == 2  # another step: a comment of its own
    output = next(f for f in findings(edited) if f.name == "inconsistent-output" and f.pointer == "/langkah/9/output/0")
    both = waive(edited, output.pointer, output.line, output.name, "lain")
    assert both.count("soptui:") == 1
    assert "# soptui: ignore[kegiatan-active-verb, inconsistent-output] -- tertulis demikian di dokumen; lain\n" in both
    assert keyed(WANGON) - keyed(both) == {(first.name, first.pointer), (output.name, output.pointer)}
    assert not findings(both, "unused-suppression")
    assert waive(both, output.pointer, output.line, output.name, "lain") == both  # already waived


def test_the_comment_directly_above_a_header_is_the_steps_and_gets_the_rule():
    text = TEXT.replace('pelaksana = "staf"\n', "", 1)  # step 2 now has unassigned-actor
    target = next(f for f in findings(text) if f.name == "unassigned-actor" and f.pointer == "/langkah/1")
    edited = waived(text, target)
    assert "# soptui: ignore[kegiatan-active-verb, unassigned-actor] -- printed this way; tertulis demikian" in edited
    assert ("unassigned-actor", "/langkah/1") not in keyed(edited) and not findings(edited, "unused-suppression")


def test_another_finding_gets_a_comment_on_its_line():
    target = next(f for f in findings(WANGON) if f.pointer == "/pelaksana/pengadministrasi_kepegawaian")
    edited = waived(WANGON, target)
    line = edited.splitlines()[target.line - 1]
    assert line == ('pengadministrasi_kepegawaian = "PENGADMINISTRASI KEPEGAWAIAN"'
                    "  # soptui: ignore[unassigned-actor] -- tertulis demikian di dokumen")
    assert keyed(WANGON) - keyed(edited) == {(target.name, target.pointer)} and keyed(edited) <= keyed(WANGON)


def test_a_line_that_has_a_comment_keeps_it_and_the_directive_follows():
    text = TEXT.replace('staf = "Staf"\n', 'staf = "Staf"  # no step is drawn here\n').replace('pelaksana = "staf"\n', "")
    target = next(f for f in findings(text) if f.pointer == "/pelaksana/staf")
    edited = waived(text, target)
    line = edited.splitlines()[target.line - 1]
    assert line == 'staf = "Staf"  # no step is drawn here  # soptui: ignore[unassigned-actor] -- tertulis demikian di dokumen'
    assert (target.name, target.pointer) not in keyed(edited) and not findings(edited, "unused-suppression")
    # why not "# old; soptui: ...": the directive must follow a "#"
    joined = text.replace("# no step is drawn here", "# no step is drawn here; soptui: ignore[unassigned-actor] -- x")
    assert (target.name, target.pointer) in keyed(joined)
    again = waive(edited, target.pointer, target.line, "SOP999", "juga")
    assert "# soptui: ignore[unassigned-actor, SOP999] -- tertulis demikian di dokumen; juga" in again


def test_a_whole_file_finding_gets_an_ignore_file_comment_after_the_leading_comments():
    edited = waive(WANGON, "", 1, "missing-pengesahan", "belum disahkan")
    lines = edited.splitlines()
    leading = next(i for i, line in enumerate(WANGON.splitlines()) if not line.startswith("#"))
    assert lines[leading] == "# soptui: ignore-file[missing-pengesahan] -- belum disahkan"
    assert lines[:leading] == WANGON.splitlines()[:leading]
    assert not findings(edited, "missing-pengesahan") and not findings(edited, "unused-suppression")
    both = waive(edited, "", 1, "missing-dasar-hukum", "x")
    assert "# soptui: ignore-file[missing-pengesahan, missing-dasar-hukum] -- belum disahkan; x" in both


def test_a_reason_is_required_and_a_quoted_line_cannot_take_a_comment():
    with pytest.raises(EditError):
        waive(TEXT, "/langkah/0", 9, "unassigned-actor", "  ")
    with pytest.raises(EditError):
        waive(TEXT, "/langkah/0", 9, "not a rule", "x")
    text = TEXT.replace('unit = "Kecamatan Contoh"', 'unit = """Kecamatan\nContoh"""')
    with pytest.raises(EditError):
        waive(text, "/unit", 2, "x", "y")  # the string goes on past the end of line 2
    assert waive(text, "/unit", 3, "x", "y").splitlines()[2] == 'Contoh"""  # soptui: ignore[x] -- y'
    with pytest.raises(EditError):
        waive(TEXT, "/nama", 3, "x", "y")  # a blank line


def test_a_waiver_keeps_covering_its_step_through_add_move_and_delete():
    target = next(f for f in findings(WANGON) if f.name == "kegiatan-active-verb" and f.pointer == "/langkah/8/kegiatan")
    text = waived(WANGON, target)
    kegiatan = load_text(WANGON, "x").sop.langkah[8].kegiatan
    for edit in (lambda t: add_step(t, 0), lambda t: add_step(t, 8), lambda t: add_step(t, 7), lambda t: move_step(t, 8, -1),
                 lambda t: move_step(t, 8, 1), lambda t: move_step(t, 7, 1), lambda t: delete_step(t, 7),
                 lambda t: delete_step(t, 9), lambda t: delete_step(t, 0)):
        edited = edit(text)
        sop = load_text(edited, "x").sop
        [item] = suppressions(sop)
        assert sop.langkah[item.step_index].kegiatan == kegiatan
        assert not findings(edited, "unused-suppression")
        assert not [f for f in findings(edited, "kegiatan-active-verb") if f.pointer == f"/langkah/{item.step_index}/kegiatan"]
