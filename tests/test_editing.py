"""Edits, undo and save, without a screen."""

import os

import pytest

from soptui.checker.engine import Checker
from soptui.checker.plugins import load_plugins
from soptui.editing import (EditError, actor_removal_notice, add_actor, add_step, delete_step, make_decision,
                            make_process, move_step, parse_input, remove_actor, set_value)
from soptui.loading.loader import load_text
from soptui.template import new_sop_text
from soptui.workspace import ChangedOnDisk, Workspace

TEXT = '''nama = "Contoh"  # keep this comment
unit = "Kecamatan Contoh"

[pelaksana]
camat = "Camat"
staf = "Staf"

[[langkah]]
no = 1
kegiatan = "Memerintahkan penyusunan"
pelaksana = "camat"

[[langkah]]
no = 5  # printed as 5
kegiatan = "Menyusun konsep"
pelaksana = "staf"
'''


def test_set_value_keeps_comments_and_empty_removes_the_key():
    edited = set_value(TEXT, "/langkah/1/waktu", "abc")
    assert 'waktu = "abc"' in edited and "# printed as 5" in edited and "# keep this comment" in edited
    assert set_value(edited, "/langkah/1/waktu", "") == TEXT
    assert set_value(TEXT, "/langkah/0/waktu", "") == TEXT  # removing a missing key changes nothing


def test_parse_input_types():
    assert parse_input("kelengkapan", "Disposisi; Map ;") == ["Disposisi", "Map"]
    assert parse_input("ya", " 7 ") == 7
    assert str(parse_input("tanggal_revisi", "2024-03-01")) == "2024-03-01"
    with pytest.raises(EditError):
        parse_input("no", "tujuh")
    # a date as documents print it is read too; a month only is its "YYYY-MM" text
    assert str(parse_input("tanggal_efektif", "1 Maret 2024")) == "2024-03-01"
    assert parse_input("tanggal_efektif", "2019-09") == "2019-09"
    assert parse_input("tanggal_efektif", "Sept 2019") == "2019-09"
    for wrong in ("Maret", "2024-13", "31 Juni 2023", "besok"):
        with pytest.raises(EditError):
            parse_input("tanggal_efektif", wrong)


def test_a_date_written_rightly_that_names_no_day_is_refused_for_its_day_not_its_format():
    for typed, said in (("2024-02-31", "31 Februari 2024 tidak ada: Februari 2024 hanya 29 hari"),
                        ("2023-02-29", "29 Februari 2023 tidak ada"), ("31-06-2023", "31 Juni 2023 tidak ada"),
                        ("31 Juni 2023", "31 Juni 2023 tidak ada"), ("2019-13", "bulan 13 tidak ada")):
        with pytest.raises(EditError) as refused:
            parse_input("tanggal_efektif", typed)
        assert said in refused.value.text("id") and "YYYY" not in refused.value.text("id"), typed
    with pytest.raises(EditError) as refused:
        parse_input("tanggal_efektif", "2024-02-31")
    assert refused.value.text("en") == "31 February 2024 does not exist: February 2024 has 29 days"
    with pytest.raises(EditError) as refused:
        parse_input("tanggal_efektif", "besok")  # not written as a date: the formats are the help
    assert "YYYY-MM-DD" in refused.value.text("id")


def test_structural_edits_load_and_keep_comments():
    for edited in (add_step(TEXT, 0), add_step(TEXT, None), delete_step(TEXT, 0), move_step(TEXT, 1, -1),
                   add_actor(TEXT, "sekretaris", "Sekretaris"), remove_actor(TEXT, "staf"),
                   make_decision(TEXT, 0, 2, 1), make_process(make_decision(TEXT, 0, 2, 1), 0)):
        assert load_text(edited, "x.toml").ok, edited
        assert "# keep this comment" in edited
    steps = load_text(add_step(TEXT, 0), "x").sop.langkah
    assert [s.no for s in steps] == [1, 2, 6]  # the steps after a new one are numbered one up
    assert [s.kegiatan for s in load_text(move_step(TEXT, 1, -1), "x").sop.langkah][0] == "Menyusun konsep"
    assert load_text(remove_actor(TEXT, "staf"), "x").sop.langkah[1].pelaksana is None
    with pytest.raises(EditError):
        delete_step(delete_step(TEXT, 0), 0)
    with pytest.raises(EditError):
        add_actor(TEXT, "Kepala Seksi", "Kasi")


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "contoh.toml"
    path.write_text(TEXT)
    space = Workspace([path], Checker(load_plugins().rule_classes()))
    space.lint_all()
    return space, path


def test_an_edit_relints_and_undo_redo_restore(workspace):
    space, path = workspace
    document = space.open(path)
    assert any(f.name == "step-numbering" for f in document.findings)
    numbering = next(f for f in document.findings if f.name == "step-numbering")
    assert space.fix(document, numbering)
    assert not any(f.name == "step-numbering" for f in document.findings)
    assert "no = 2  # printed as 5" in document.text and document.dirty
    assert document.undo() and "no = 5" in document.text
    assert any(f.name == "step-numbering" for f in space.findings(path))
    assert document.redo() and "no = 2" in document.text


def test_bad_waktu_edit_becomes_a_finding_at_its_line(workspace):
    space, path = workspace
    document = space.open(path)
    document.edit(lambda text: set_value(text, "/langkah/1/waktu", "abc"))
    assert document.load.ok  # the model holds the waktu; a rule reports it
    errors = [f for f in document.findings if f.name == "waktu-format"]
    assert len(errors) == 1 and errors[0].line == 17 and "'abc'" in errors[0].message.en


def test_save_is_atomic_and_refuses_to_overwrite_a_file_changed_on_disk(workspace):
    space, path = workspace
    document = space.open(path)
    document.edit(lambda text: set_value(text, "/langkah/0/waktu", "10 menit"))
    document.save()
    assert path.read_text() == document.text and not document.dirty
    assert [p.name for p in path.parent.iterdir()] == ["contoh.toml"]  # no temporary file left
    document.edit(lambda text: set_value(text, "/langkah/0/waktu", "20 menit"))
    path.write_text(TEXT.replace("Contoh", "Diubah di luar"))
    os.utime(path, ns=(1, 1))
    with pytest.raises(ChangedOnDisk):
        document.save()
    document.reload()
    assert "Diubah di luar" in document.text and not document.dirty
    assert document.undo() and "20 menit" in document.text  # the discarded edit is still reachable


def test_a_reload_keeps_unsaved_edits_over_a_file_broken_on_disk_and_says_where(workspace):
    space, path = workspace
    document = space.open(path)
    document.edit(lambda text: set_value(text, "/langkah/0/waktu", "20 menit"))
    path.write_text(TEXT.replace('kegiatan = "Menyusun konsep"', 'kegiatan = "Menyusun konsep'))  # another program
    os.utime(path, ns=(1, 1))
    with pytest.raises(ChangedOnDisk):
        document.save()
    assert document.reload() is False  # not taken: it does not load, and the edits would go
    assert document.dirty and "20 menit" in document.text and document.load.ok
    assert document.view.langkah[0].waktu == "20 menit"  # the view is the edited SOP, findings and all
    problem = document.disk_load.problems[0]
    assert problem.pos.line == 15 and document.disk_text.splitlines()[14] == 'kegiatan = "Menyusun konsep'
    with pytest.raises(ChangedOnDisk):  # a save still asks: the file is not what was read
        document.save()
    document.save(force=True)
    assert path.read_text() == document.text and document.disk_load is None


def test_a_reload_of_a_file_broken_on_disk_with_no_edits_takes_it_and_keeps_the_last_good_view(workspace):
    space, path = workspace
    document = space.open(path)
    good = document.sop
    path.write_text(TEXT.replace('nama = "Contoh"', 'nama = "Contoh'))
    os.utime(path, ns=(1, 1))
    assert document.reload() is True
    assert not document.load.ok and document.load.problems[0].pos.line == 1 and not document.dirty
    assert document.view is good  # the last version that loaded
    path.unlink()
    with pytest.raises(OSError):  # the caller says so; the document stays as it was
        document.reload()
    assert document.view is good


def test_new_sop_template_loads_with_every_section(tmp_path):
    text = new_sop_text(tmp_path / "sops" / "baru" / "sop.toml", nama="Pelayanan Surat")
    sop = load_text(text, "baru.toml").sop
    assert sop is not None and sop.nama == "Pelayanan Surat"
    assert all(getattr(sop, key) is not None for key in ("tanggal_pembuatan", "tanggal_efektif", "disahkan_oleh"))
    assert sop.dasar_hukum and sop.peringatan and sop.pencatatan_pendataan and len(sop.langkah) == 2


def test_a_step_of_several_actors_is_edited_as_a_list_and_keeps_the_others_when_one_column_goes():
    both = set_value(TEXT, "/langkah/0/pelaksana", ["camat", "staf"])
    assert 'pelaksana = ["camat", "staf"]' in both and "# keep this comment" in both
    assert load_text(both, "x").sop.langkah[0].pelaksana_semua == ("camat", "staf")
    without_staf = load_text(remove_actor(both, "staf"), "x").sop.langkah
    assert [s.pelaksana_semua for s in without_staf] == [("camat",), ()]
    assert 'pelaksana = "camat"' in remove_actor(both, "staf")  # one left: written as an id again


def test_an_edit_of_a_file_that_is_not_valid_toml_says_where_in_the_users_language():
    """walk2 #17: the notice said "(Illegal character '\\n' (at line 2, column 13))", tomllib's
    English inside an Indonesian sentence."""
    broken = 'nama = "A"\nwaktu = "1 Jam\n[[langkah]]\nno = 1\n'
    with pytest.raises(EditError) as refused:
        add_step(broken, 0)
    assert refused.value.text.id == ("baris 2 kolom 15: TOML tidak sah: baris berakhir sebelum teks ditutup dengan "
                                     "tanda kutip; perbaiki dulu, lalu ubah langkahnya")
    assert refused.value.text.en.startswith("line 2 column 15: invalid TOML: the line ends before the text's closing quote")


def test_removing_an_actor_says_first_which_steps_it_carries_out_and_what_becomes_of_them():
    """walk5 #5: `ctrl+r` removed an actor that steps used and cleared their pelaksana without a
    word; the dialog now names them (from this notice) and asks, as deleting a step does."""
    both = set_value(TEXT, "/langkah/0/pelaksana", ["camat", "staf"])
    notice = actor_removal_notice(both, "staf")
    assert notice.id == ("Langkah yang dikerjakan `staf`:\n- langkah 1: tetap pada camat\n"
                         "- langkah 5: menjadi tanpa pelaksana")
    assert notice.en == "Steps `staf` carries out:\n- step 1: stays with camat\n- step 5: left with no pelaksana"
    assert actor_removal_notice(add_actor(TEXT, "sekretaris", "Sekretaris"), "sekretaris") is None  # no step: no question
    assert actor_removal_notice("nama = [\n", "staf") is None  # a text that does not load: nothing to say
