"""Adding, deleting and moving steps, and keys added to a step: comments stay with their step,
blank lines stay, steps are renumbered and references follow. Without a screen."""

import difflib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui.checker.engine import Checker
from soptui.checker.plugins import load_plugins
from soptui.checker.suppress import suppressions
from soptui.editing import (EditError, add_actor, add_step, delete_step, deletion_notice, make_decision, make_process, move_step,
                            move_step_to, references_to, set_value, step_blocks)
from soptui.loading.loader import load_text
from soptui.loading.positions import scan

SEEDS = sorted(Path(__file__).parent.parent.joinpath("sops").glob("*/*.toml"))
CHECKER = Checker(load_plugins().rule_classes())
NUMBERING = Checker([(plugin, rule) for plugin, rule in load_plugins().rule_classes() if rule.name == "step-numbering"])

TEXT = '''nama = "Contoh"
unit = "Kecamatan Contoh"

[pelaksana]
camat = "Camat"
staf = "Staf"

[[langkah]]
no = 1
kegiatan = "Memerintahkan penyusunan konsep"
pelaksana = "camat"
kelengkapan = ["Disposisi"]
waktu = "10 menit"
output = ["Disposisi"]

# The staf drafts: the document says so.
# soptui: ignore[kegiatan-active-verb] -- printed this way
[[langkah]]
no = 2
kegiatan = "Konsep surat"
pelaksana = "staf"
kelengkapan = ["Disposisi"]
waktu = "1 jam"
output = ["Konsep"]

[[langkah]]
no = 3  # printed as 3
kegiatan = "Memeriksa konsep"
pelaksana = "camat"
ya = 4
tidak = 2
kelengkapan = ["Konsep"]
waktu = "15 menit"
output = ["Konsep diperiksa"]
keterangan = "Jika tidak, kembali ke langkah 2"

[[langkah]]
no = 4
kegiatan = "Menandatangani surat, lihat Langkah ke-3"
pelaksana = "camat"
kelengkapan = ["Konsep diperiksa"]
waktu = "5 menit"
output = ["Surat"]
'''


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines a `git diff` shows removed and added."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def findings(text: str, name: str | None = None) -> list:
    result = load_text(text, "contoh.toml")
    assert result.ok, result.problems
    return [f for f in CHECKER.check_loaded(result).findings if name is None or f.name == name]


def comments(text: str) -> Counter:
    return Counter(c.text for c in scan(text).comments)


def steps(text: str) -> list:
    return load_text(text, "contoh.toml").sop.langkah


def test_the_crafted_text_is_clean_of_numbering_and_its_suppression_is_used():
    assert not findings(TEXT, "step-numbering") and not findings(TEXT, "unused-suppression")
    assert not findings(TEXT, "kegiatan-active-verb")


# -- the defects of today's main, one test each ---------------------------------------------------

def test_make_decision_puts_its_keys_in_the_step_not_after_the_next_steps_comment():
    edited = make_decision(TEXT, 0, 2, 3)
    removed, added = changes(TEXT, edited)
    assert removed == [] and added == ['simbol = "keputusan"', "ya = 2", "tidak = 3"]
    assert 'output = ["Disposisi"]\nsimbol = "keputusan"\nya = 2\ntidak = 3\n\n# The staf drafts' in edited
    assert make_process(edited, 0) == TEXT


def test_set_value_adds_a_new_key_inside_its_step():
    edited = set_value(TEXT, "/langkah/0/keterangan", "SOP Disposisi")
    assert 'output = ["Disposisi"]\nketerangan = "SOP Disposisi"\n\n# The staf drafts' in edited
    assert changes(TEXT, edited) == ([], ['keterangan = "SOP Disposisi"'])
    assert set_value(edited, "/langkah/0/keterangan", "") == TEXT


def test_set_value_adds_a_key_to_other_tables_before_the_next_tables_comment():
    text = TEXT.replace("[pelaksana]", "[disahkan_oleh]\njabatan = \"CAMAT\"\n\n# Columns.\n[pelaksana]")
    edited = set_value(text, "/disahkan_oleh/nama", "Budi")
    assert 'jabatan = "CAMAT"\nnama = "Budi"\n\n# Columns.\n[pelaksana]' in edited
    edited = set_value(text, "/nomor", "1/2/3")
    assert 'unit = "Kecamatan Contoh"\nnomor = "1/2/3"\n\n[disahkan_oleh]' in edited


def test_add_step_leaves_the_next_steps_comments_with_it_and_renumbers():
    edited = add_step(TEXT, 0)
    removed, added = changes(TEXT, edited)
    assert added[:4] == ["[[langkah]]", "no = 2", 'kegiatan = "Melakukan ..."', ""]
    assert "no = 3  # printed as 3" in removed and "no = 4  # printed as 3" in added
    assert 'output = ["Disposisi"]\n\n[[langkah]]\nno = 2\nkegiatan = "Melakukan ..."\n\n# The staf drafts' in edited
    assert "# soptui: ignore[kegiatan-active-verb] -- printed this way\n[[langkah]]\nno = 3\n" in edited
    assert [s.no for s in steps(edited)] == [1, 2, 3, 4, 5]
    assert not findings(edited, "step-numbering")
    assert not findings(edited, "unused-suppression") and not findings(edited, "kegiatan-active-verb")


def test_add_step_rewrites_every_reference_to_the_steps_after_it():
    edited = add_step(TEXT, 0)
    decision = steps(edited)[3]
    assert (decision.ya, decision.tidak, decision.keterangan) == (5, 3, "Jika tidak, kembali ke langkah 3")
    assert steps(edited)[4].kegiatan == "Menandatangani surat, lihat Langkah ke-4"


def test_move_step_carries_its_comments_and_suppression_and_exchanges_numbers():
    edited = move_step(TEXT, 1, -1)
    assert ('[pelaksana]\ncamat = "Camat"\nstaf = "Staf"\n\n# The staf drafts: the document says so.\n'
            '# soptui: ignore[kegiatan-active-verb] -- printed this way\n[[langkah]]\nno = 1\nkegiatan = "Konsep surat"') in edited
    blocks = step_blocks(edited)
    assert blocks[0].startswith("# The staf drafts: the document says so.\n# soptui: ignore[kegiatan-active-verb]")
    assert blocks[0].splitlines()[2:4] == ["[[langkah]]", "no = 1"]
    assert [s.kegiatan for s in steps(edited)][:2] == ["Konsep surat", "Memerintahkan penyusunan konsep"]
    assert [s.no for s in steps(edited)] == [1, 2, 3, 4]
    assert (steps(edited)[2].ya, steps(edited)[2].tidak) == (4, 1)  # "2" was the moved step, now 1
    assert steps(edited)[2].keterangan == "Jika tidak, kembali ke langkah 1"
    assert not findings(edited, "step-numbering") and not findings(edited, "unused-suppression")
    assert not findings(edited, "kegiatan-active-verb")
    assert move_step(edited, 0, 1) == TEXT  # and back, byte for byte
    assert move_step(TEXT, 0, -1) == TEXT and move_step(TEXT, 3, 1) == TEXT  # at the ends, nothing


def test_delete_step_takes_its_own_comments_and_leaves_the_next_steps():
    edited = delete_step(TEXT, 0)
    assert edited.startswith(TEXT.split("[[langkah]]")[0] + "# The staf drafts")
    assert comments(TEXT) - comments(edited) == Counter()
    assert [s.no for s in steps(edited)] == [1, 2, 3]
    assert not findings(edited, "step-numbering") and not findings(edited, "unused-suppression")
    deleted = delete_step(TEXT, 1)
    assert "# The staf drafts" not in deleted and "soptui: ignore" not in deleted
    assert comments(TEXT) - comments(deleted) == Counter({"# The staf drafts: the document says so.": 1,
                                                         "# soptui: ignore[kegiatan-active-verb] -- printed this way": 1})
    # the decision's `tidak` to the deleted step is removed, not left to mean the step now 2
    # (the decision itself): decision-exits reports the exit to choose
    decision = steps(deleted)[1]
    assert (decision.no, decision.ya, decision.tidak, decision.is_decision) == (2, 3, None, True)
    assert [f.message.id for f in findings(deleted, "decision-exits")] == [
        "keputusan di langkah 2 tidak punya jalur `tidak`"]
    assert decision.keterangan == "Jika tidak, kembali ke langkah 2"  # a text is the reviewer's to mend


def test_deleting_a_step_a_decision_points_to_never_re_aims_the_decision():
    """walk2 #2: Sumbersuko's step 6 says `tidak = 5`; deleting step 5 made it `tidak = 5` to
    itself (the old 6 takes number 5)."""
    text = Path("sops/sumbersuko/pengukuran-kinerja.toml").read_text()
    edited = delete_step(text, 4)
    decisions = [(s.no, s.ya, s.tidak) for s in steps(edited) if s.is_decision]
    assert decisions == [(5, 6, None), (6, 7, 5)]  # the second's `tidak = 6` follows its step, now 5
    assert [f.message.id for f in findings(edited, "decision-exits")] == [
        "keputusan di langkah 5 tidak punya jalur `tidak`"]
    assert "# Back to the Kasubag's step, 6." in edited  # the comments stay


def test_a_decision_with_both_exits_to_the_deleted_step_stays_a_decision():
    text = TEXT.replace("ya = 4\ntidak = 2", "ya = 2\ntidak = 2")
    decision = steps(delete_step(text, 1))[1]
    assert (decision.ya, decision.tidak, decision.simbol, decision.is_decision) == (None, None, "keputusan", True)


def test_a_lanjut_to_the_deleted_step_is_removed_and_a_duplicate_number_means_its_first_step():
    text = TEXT.replace('output = ["Surat"]\n', 'output = ["Surat"]\nlanjut = 2\n')
    assert steps(delete_step(text, 1))[2].lanjut is None
    # two steps 2: references to 2 mean the first, so deleting the second leaves them alone
    twice = TEXT.replace("no = 3  # printed as 3", "no = 2  # printed as 3")
    assert steps(delete_step(twice, 2))[1].lanjut is None and steps(delete_step(twice, 2))[1].no == 2


def test_the_deletion_notice_says_what_happens_to_each_reference():
    notice = deletion_notice(TEXT, 1)  # step 2: step 3's `tidak`, and step 3's keterangan
    assert notice("id") == ("Langkah ini dirujuk oleh:\n"
                            "- langkah 3 (tidak): jalur ini dihapus; tentukan lagi tujuannya\n"
                            "- langkah 3 (keterangan): teks yang menyebut langkah 2 tidak diubah; periksa")
    assert notice("en").startswith("This step is referred to by:\n- step 3 (tidak): this exit is removed")
    lanjut = TEXT.replace('output = ["Surat"]\n', 'output = ["Surat"]\nlanjut = 1\n')
    assert "langkah 4 (lanjut): dihapus, jadi langkah 4 berlanjut ke baris berikutnya" in deletion_notice(lanjut, 0)("id")
    assert deletion_notice(TEXT, 0) is None and deletion_notice("not toml [", 0) is None


def test_delete_the_last_step_keeps_the_file_ending():
    edited = delete_step(TEXT, 3)
    assert edited.endswith('keterangan = "Jika tidak, kembali ke langkah 2"\n')
    assert changes(TEXT, edited)[1] == []


# -- numbering --------------------------------------------------------------------------------------

def test_a_trailing_comment_on_no_survives_renumbering():
    assert "no = 4  # printed as 3" in add_step(TEXT, -1)
    assert "no = 2  # printed as 3" in delete_step(TEXT, 0)
    assert "no = 4  # printed as 3" in move_step(TEXT, 2, 1)


def test_add_first_and_last():
    first = add_step(TEXT, -1)
    assert [s.no for s in steps(first)] == [1, 2, 3, 4, 5]
    assert first.split("[[langkah]]", 1)[1].startswith('\nno = 1\nkegiatan = "Melakukan ..."\n\n[[langkah]]\nno = 2\n')
    last = add_step(TEXT, None)
    assert last.endswith('output = ["Surat"]\n\n[[langkah]]\nno = 5\nkegiatan = "Melakukan ..."\n')
    assert changes(TEXT, last)[0] == []


def test_a_new_step_starts_with_the_keys_it_needs():
    values = {"kegiatan": "Mengarsipkan surat", "pelaksana": "staf", "kelengkapan": ["Surat"], "waktu": "5 menit",
              "output": [], "keterangan": ""}
    edited = add_step(TEXT, 3, values)
    assert edited.endswith('[[langkah]]\nno = 5\nkegiatan = "Mengarsipkan surat"\npelaksana = "staf"\n'
                           'kelengkapan = ["Surat"]\nwaktu = "5 menit"\n')
    step = steps(edited)[4]
    assert (step.pelaksana, step.kelengkapan, step.output, step.keterangan) == ("staf", ("Surat",), (), None)
    assert not [f for f in findings(edited) if f.pointer.startswith("/langkah/4")
                and f.name in ("unassigned-actor", "kegiatan-active-verb")]


def test_numbering_defects_elsewhere_are_left_for_the_reviewer():
    awayan = Path("sops/awayan/pengukuran-kinerja-triwulan.toml").read_text()
    assert [s.no for s in steps(awayan)] == [1, 2, 3, 4, 5, 8, 9]
    edited = add_step(awayan, 4)  # after step 5
    assert [s.no for s in steps(edited)] == [1, 2, 3, 4, 5, 6, 9, 10]
    assert len(findings(edited, "step-numbering")) == len(findings(awayan, "step-numbering")) == 1
    edited = delete_step(awayan, 1)
    assert [s.no for s in steps(edited)] == [1, 2, 3, 4, 7, 8]
    edited = move_step(awayan, 5, -1)
    assert [s.no for s in steps(edited)] == [1, 2, 3, 4, 5, 8, 9]
    assert steps(edited)[4].kegiatan.startswith("Menyampaikan Laporan")
    assert "# The document's numbering jumps from 5 to 8.\n[[langkah]]\nno = 5\nkegiatan = \"Menyampaikan" in edited


def test_move_step_to_shifts_the_steps_between():
    edited = move_step_to(TEXT, 0, 2)
    assert [s.kegiatan.split()[0] for s in steps(edited)] == ["Konsep", "Memeriksa", "Memerintahkan", "Menandatangani"]
    assert [s.no for s in steps(edited)] == [1, 2, 3, 4]
    decision = steps(edited)[1]
    assert (decision.ya, decision.tidak, decision.keterangan) == (4, 1, "Jika tidak, kembali ke langkah 1")
    assert steps(edited)[3].kegiatan == "Menandatangani surat, lihat Langkah ke-2"
    assert move_step_to(edited, 2, 0) == TEXT
    assert move_step_to(TEXT, 1, 1) == TEXT
    with pytest.raises(EditError):
        move_step_to(TEXT, 0, 4)


def test_references_in_every_form_are_rewritten():
    text = TEXT.replace('keterangan = "Jika tidak, kembali ke langkah 2"',
                        'lanjut = 4\nketerangan = "Lihat LANGKAH 4, langkah no. 2, kegiatan 4; step 2"')
    edited = add_step(text, -1)
    assert steps(edited)[3].keterangan == "Lihat LANGKAH 5, langkah no. 3, kegiatan 5; step 3"
    assert steps(edited)[3].lanjut == 5


def test_a_string_keeps_how_it_was_written():
    text = TEXT.replace('keterangan = "Jika tidak, kembali ke langkah 2"',
                        "keterangan = '''\nJika tidak,\nkembali ke langkah 2'''  # as printed")
    edited = add_step(text, -1)
    assert "keterangan = '''\nJika tidak,\nkembali ke langkah 3'''  # as printed" in edited
    assert steps(edited)[3].keterangan == "Jika tidak,\nkembali ke langkah 3"


def test_a_number_held_twice_keeps_its_first_meaning():
    text = TEXT.replace("no = 4\n", "no = 2\n")  # steps 1, 2, 3, 2; the decision's "tidak = 2" means the first
    edited = move_step(text, 0, 1)
    assert [s.no for s in steps(edited)] == [1, 2, 3, 2]
    assert steps(edited)[2].tidak == 1


def test_references_to():
    assert references_to(TEXT, 2) == ["/langkah/2/tidak", "/langkah/2/keterangan"]
    assert references_to(TEXT, 3) == ["/langkah/3/kegiatan"]
    assert references_to(TEXT, 4) == ["/langkah/2/ya"]
    assert references_to(TEXT, 9) == [] and references_to("not toml [", 1) == []


# -- layouts -----------------------------------------------------------------------------------------

def test_blank_lines_and_comments_inside_a_step_stay_with_it():
    text = TEXT.replace('pelaksana = "staf"\n', 'pelaksana = "staf"\n\n# about the output\noutput_note = 1\n', 1)
    text = text.replace('output = ["Konsep"]\n', 'output = ["Konsep"]\n# a note after the last key\n', 1)
    edited = move_step(text, 1, 1)
    assert step_blocks(edited)[2] == step_blocks(text)[1].replace("no = 2", "no = 3")
    added = set_value(text, "/langkah/1/keterangan", "x")
    assert 'output = ["Konsep"]\nketerangan = "x"\n# a note after the last key\n\n[[langkah]]' in added


def test_a_suppression_further_up_belongs_to_the_step_before_and_stays_there():
    # suppress.py scopes an own-line comment that is not directly above a header to the table it
    # sits in: here step 0's
    text = TEXT.replace("# The staf drafts: the document says so.\n# soptui: ignore[kegiatan-active-verb] -- printed this way\n",
                        "# soptui: ignore[missing-mutu-baku] -- step 1's\n# The staf drafts.\n")
    [item] = suppressions(load_text(text, "x").sop)
    assert item.scope == "step" and item.step_index == 0
    assert step_blocks(text)[1].startswith("# The staf drafts.\n[[langkah]]")
    moved = move_step(text, 1, -1)
    [item] = suppressions(load_text(moved, "x").sop)
    assert item.scope == "step" and load_text(moved, "x").sop.langkah[item.step_index].kegiatan.startswith("Memerintahkan")


def test_steps_between_other_tables_move_in_their_places():
    text = TEXT.replace("[pelaksana]\ncamat = \"Camat\"\nstaf = \"Staf\"\n\n", "")
    text = text.replace("# The staf drafts", "[pelaksana]\ncamat = \"Camat\"\nstaf = \"Staf\"\n\n# The staf drafts")
    moved = move_step(text, 0, 1)
    # the slots stay where they are: the first step's, then [pelaksana], then the others
    assert moved.index("Konsep surat") < moved.index("[pelaksana]") < moved.index("Memerintahkan")
    assert [s.kegiatan.split()[0] for s in steps(moved)][:2] == ["Konsep", "Memerintahkan"]
    assert moved.count("[pelaksana]") == 1 and load_text(moved, "x").sop.pelaksana == {"camat": "Camat", "staf": "Staf"}
    assert step_blocks(moved)[1].endswith('output = ["Disposisi"]\n')
    assert len(steps(delete_step(text, 0))) == 3 and len(steps(add_step(text, 0))) == 5


def test_a_multi_line_string_holding_a_header_is_not_read_as_one():
    text = TEXT.replace('keterangan = "Jika tidak, kembali ke langkah 2"',
                        'keterangan = """\nCatatan:\n[[langkah]]\n# bukan komentar\n\n"""')
    edited = move_step(text, 2, -1)
    assert steps(edited)[1].keterangan == "Catatan:\n[[langkah]]\n# bukan komentar\n\n"
    assert set_value(text, "/langkah/2/lanjut", 4).count('lanjut = 4\n\n[[langkah]]\nno = 4') == 1


def test_crlf_and_no_final_newline_are_kept():
    text = TEXT.replace("\n", "\r\n").rstrip("\r\n")
    for edited in (add_step(text, 1), add_step(text, None), delete_step(text, 3), move_step(text, 3, -1),
                   make_decision(text, 0, 2, 3), set_value(text, "/langkah/3/keterangan", "x")):
        assert "\n" not in edited.replace("\r\n", "") and not edited.endswith("\n")
        assert load_text(edited, "x").ok


@pytest.mark.parametrize("text", [
    'nama = "A"\nunit = "B"\nlangkah = [{no = 1, kegiatan = "Memulai"}]\n',
    'nama = "A"\nunit = "B"\n[[langkah]]\nno = 1\nkegiatan = "Memulai"\n[langkah.detail]\nx = 1\n',
    'nama = "A"\nunit = "B"\n[[langkah]]\nno = 1\nkegiatan = "Memulai\n',
])
def test_layouts_the_block_model_cannot_follow_are_refused_with_a_reason(text):
    for edit in (lambda: add_step(text, 0), lambda: delete_step(text, 0), lambda: move_step(text, 0, 1),
                 lambda: make_decision(text, 0, 1, 1)):
        with pytest.raises(EditError) as raised:
            edit()
        assert raised.value.text.id and raised.value.text.en and raised.value.text.id != raised.value.text.en


def test_a_sop_without_steps_gets_its_first():
    text = 'nama = "A"\nunit = "B"\n'
    edited = add_step(text, None)
    assert edited == 'nama = "A"\nunit = "B"\n\n[[langkah]]\nno = 1\nkegiatan = "Melakukan ..."\n'
    with pytest.raises(EditError):
        delete_step(edited, 0)


# -- every seed -------------------------------------------------------------------------------------

def lines(text: str) -> Counter:
    return Counter(text.splitlines())


def _no_lines(text: str) -> Counter:
    return Counter(line for line in text.splitlines() if line.startswith("no ="))


def _without_no_lines(text: str) -> Counter:
    return Counter(line for line in text.splitlines() if not line.startswith("no ="))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_edit_on_every_seed(seed):
    text = seed.read_text()
    numbering = len(findings(text, "step-numbering"))
    count = len(steps(text))
    references = any(s.ya or s.tidak or s.lanjut for s in steps(text))
    for index in range(count):
        # add: the new block, and the `no` lines after it, change; nothing else
        added = add_step(text, index)
        new_block = ["[[langkah]]", f"no = {steps(text)[index].no + 1}", 'kegiatan = "Melakukan ..."', ""]
        if not references:
            after = steps(text)[index + 1:]
            expected = lines(text) - Counter(f"no = {s.no}" for s in after) \
                + Counter(new_block + [f"no = {s.no + 1}" for s in after])
            assert lines(added) == expected
            assert added.count("[[langkah]]\nno = ") == count + 1
        assert comments(added) == comments(text)
        # delete: its block goes, with its own comments only
        if count > 1:
            deleted = delete_step(text, index)
            assert comments(text) - comments(deleted) == comments(step_blocks(text)[index])
            assert comments(deleted) - comments(text) == Counter()
            if not references:
                # the block and the one blank line that separated it from its neighbour
                assert _without_no_lines(text) - _without_no_lines(deleted) == \
                    _without_no_lines(step_blocks(text)[index]) + Counter({"": 1})
                assert _without_no_lines(deleted) - _without_no_lines(text) == Counter()
            assert [s.no for s in steps(deleted)] == [s.no for s in steps(text)[:index]] + \
                [s.no - 1 for s in steps(text)[index + 1:]]
        # move: the same lines in another order, numbers with positions
        if index + 1 < count:
            moved = move_step(text, index, 1)
            if not references:
                assert _without_no_lines(moved) == _without_no_lines(text) and _no_lines(moved) == _no_lines(text)
            assert comments(moved) == comments(text)
            assert [s.no for s in steps(moved)] == [s.no for s in steps(text)]
            assert move_step(moved, index + 1, -1) == text
        for edited in (added, moved if index + 1 < count else text, deleted if count > 1 else text):
            assert len(NUMBERING.check_loaded(load_text(edited, "x")).findings) <= numbering, edited


def test_sumbersukos_decisions_follow_their_steps():
    text = Path("sops/sumbersuko/pengukuran-kinerja.toml").read_text()
    assert [(s.ya, s.tidak) for s in steps(text) if s.ya] == [(7, 5), (8, 6)]
    edited = add_step(text, 4)  # after step 5, before the decisions
    assert [(s.ya, s.tidak) for s in steps(edited) if s.ya] == [(8, 5), (9, 7)]
    assert "ya = 9\n# Back to the Kasubag's step, 6.\ntidak = 7\n" in edited
    edited = move_step(text, 5, -1)  # the first decision up: it takes number 5, step 5 takes 6
    assert [(s.no, s.ya, s.tidak) for s in steps(edited) if s.ya] == [(5, 7, 6), (7, 8, 5)]
    assert not findings(edited, "step-numbering")
    edited = delete_step(text, 0)
    assert [(s.ya, s.tidak) for s in steps(edited) if s.ya] == [(6, 4), (7, 5)]


# -- random sequences of edits -------------------------------------------------------------------

_OPERATIONS = st.one_of(
    st.tuples(st.just("add"), st.integers(-1, 20)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("move"), st.integers(0, 20), st.sampled_from((-1, 1))),
    st.tuples(st.just("move_to"), st.integers(0, 20), st.integers(0, 20)),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), operations=st.lists(_OPERATIONS, max_size=6))
def test_random_edits_keep_the_file_loading_and_its_comments(seed, operations):
    text = seed.read_text()
    expected = comments(text)
    numbering = len(NUMBERING.check_loaded(load_text(text, "x")).findings)
    for operation in operations:
        count = len(steps(text))
        if operation[0] == "add":
            text = add_step(text, min(operation[1], count - 1))
            count += 1
        elif operation[0] == "delete" and count > 1:
            index = operation[1] % count
            expected -= comments(step_blocks(text)[index])
            text = delete_step(text, index)
            count -= 1
        elif operation[0] == "move":
            text = move_step(text, operation[1] % count, operation[2])
        elif operation[0] == "move_to":
            text = move_step_to(text, operation[1] % count, operation[2] % count)
        result = load_text(text, "x")
        assert result.ok, (operations, text)
        assert len(result.sop.langkah) == count
        assert comments(text) == expected
        assert len(NUMBERING.check_loaded(result).findings) <= numbering


def test_set_value_on_a_layout_without_blocks_leaves_the_placing_to_tomlkit():
    text = 'nama = "A"\nunit = "B"\nlangkah = [{no = 1, kegiatan = "Memulai"}]\n'
    assert set_value(text, "/langkah/0/waktu", "1 jam").endswith('kegiatan = "Memulai", waktu = "1 jam"}]\n')


def test_set_value_on_an_existing_key_changes_that_line_only_even_between_other_tables():
    text = TEXT.replace("[pelaksana]\ncamat = \"Camat\"\nstaf = \"Staf\"\n\n", "")
    text = text.replace("# The staf drafts", "[pelaksana]\ncamat = \"Camat\"\nstaf = \"Staf\"\n\n# The staf drafts")
    edited = set_value(text, "/langkah/2/waktu", "20 menit")
    assert changes(text, edited) == (['waktu = "15 menit"'], ['waktu = "20 menit"'])
    edited = set_value(text, "/langkah/2/kelengkapan/0", "Konsep surat")
    assert changes(text, edited) == (['kelengkapan = ["Konsep"]'], ['kelengkapan = ["Konsep surat"]'])
    assert changes(TEXT, set_value(TEXT, "/langkah/2/no", 7)) == (["no = 3  # printed as 3"], ["no = 7  # printed as 3"])


def test_a_new_top_level_key_goes_after_the_leading_comments():
    text = '#:schema ../../schemas/sop.schema.json\n# Seed: x\n\n[pelaksana]\ncamat = "Camat"\n'
    assert set_value(text, "/nama", "A").startswith('#:schema ../../schemas/sop.schema.json\n# Seed: x\nnama = "A"\n\n')


def test_add_actor_keeps_the_comments_that_introduce_the_first_step():
    text = TEXT.replace("[[langkah]]\nno = 1\n", "# The first step.\n[[langkah]]\nno = 1\n")
    edited = add_actor(text, "sekretaris", "Sekretaris")
    assert changes(text, edited) == ([], ['sekretaris = "Sekretaris"'])
    assert 'staf = "Staf"\nsekretaris = "Sekretaris"\n\n# The first step.\n[[langkah]]' in edited
    bare = text.replace('[pelaksana]\ncamat = "Camat"\nstaf = "Staf"\n\n', "")
    edited = add_actor(bare, "camat", "Camat")
    assert 'unit = "Kecamatan Contoh"\n\n[pelaksana]\ncamat = "Camat"\n\n# The first step.\n[[langkah]]' in edited
    assert load_text(edited, "x").sop.pelaksana == {"camat": "Camat"}


def test_a_new_step_is_separated_as_the_file_separates_its_steps():
    compact = 'nama = "A"\nunit = "B"\n\n[[langkah]]\nno = 1\nkegiatan = "Memulai"\n[[langkah]]\nno = 2\nkegiatan = "Mengakhiri"\n'
    assert add_step(compact, 0).endswith('kegiatan = "Memulai"\n[[langkah]]\nno = 2\nkegiatan = "Melakukan ..."\n'
                                         '[[langkah]]\nno = 3\nkegiatan = "Mengakhiri"\n')
    assert add_step(compact, None).endswith('kegiatan = "Mengakhiri"\n[[langkah]]\nno = 3\nkegiatan = "Melakukan ..."\n')
