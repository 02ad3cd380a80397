"""A save keeps the user's file and never overwrites another program's write unseen."""

import os

import pytest

import soptui.atomic
from soptui.checker.engine import Checker
from soptui.checker.plugins import load_plugins
from soptui.workspace import ChangedOnDisk, Workspace
from test_cli import CLEAN


@pytest.fixture
def opened(tmp_path):
    path = tmp_path / "sop.toml"
    path.write_text(CLEAN)
    space = Workspace([path], Checker(load_plugins().rule_classes()))
    return space.open(path), path


def test_a_write_right_after_the_rename_is_not_taken_for_the_save(opened, monkeypatch):
    document, path = opened
    replace = os.replace

    def then_another_program_writes(source, target):
        replace(source, target)
        with open(target, "w") as other:  # same size, same second: only the content tells
            other.write(document.text.replace("Budi", "Andi"))

    monkeypatch.setattr(soptui.atomic.os, "replace", then_another_program_writes)
    monkeypatch.setattr(soptui.atomic, "_exchange", lambda first, second: False)  # a plain rename
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    document.save()
    monkeypatch.undo()
    assert document.changed_on_disk()
    document.edit(lambda text: text.replace("1 jam", "2 jam"))
    with pytest.raises(ChangedOnDisk):
        document.save()
    assert "Andi" in path.read_text()


def test_a_write_while_the_save_is_being_written_cancels_it(opened, monkeypatch):
    document, path = opened
    fsync = os.fsync

    def meanwhile(fd):
        fsync(fd)
        if not path.read_text().startswith("# theirs"):
            path.write_text("# theirs\n" + CLEAN)

    monkeypatch.setattr(soptui.atomic.os, "fsync", meanwhile)
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    with pytest.raises(ChangedOnDisk):
        document.save()
    monkeypatch.undo()
    assert path.read_text().startswith("# theirs")
    assert [p.name for p in path.parent.iterdir()] == ["sop.toml"]


def test_the_byte_order_mark_and_line_endings_are_kept(tmp_path):
    path = tmp_path / "sop.toml"
    path.write_bytes(b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode())
    document = Workspace([path], Checker(load_plugins().rule_classes())).open(path)
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    document.save()
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf#:schema")
    assert b"15 menit" in data and data.count(b"\r\n") == CLEAN.count("\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert not document.changed_on_disk()


def test_bytes_that_are_not_utf8_are_never_replaced_by_a_save(tmp_path):
    path = tmp_path / "sop.toml"
    original = CLEAN.replace("Budi", "B\xfcdi").encode("latin-1")
    path.write_bytes(original)
    document = Workspace([path], Checker(load_plugins().rule_classes())).open(path)
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    with pytest.raises(soptui.atomic.UnsavableText, match="UTF-8"):
        document.save()
    assert path.read_bytes() == original


def test_a_character_utf8_cannot_hold_is_refused_with_its_place(opened):
    document, path = opened
    document.edit(lambda text: text.replace("Budi", "B\udcfcdi"))
    with pytest.raises(soptui.atomic.UnsavableText, match=r"sop.toml:8:10"):
        document.save()
    assert path.read_text() == CLEAN


def test_a_symlinked_sop_is_saved_into_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "sop.toml"
    target.write_text(CLEAN)
    link = tmp_path / "sop.toml"
    link.symlink_to(target)
    document = Workspace([link], Checker(load_plugins().rule_classes())).open(link)
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    document.save()
    assert link.is_symlink() and "15 menit" in target.read_text()
    assert not document.changed_on_disk()


def test_a_write_between_the_last_check_and_the_rename_is_kept(opened, monkeypatch):
    document, path = opened
    if not soptui.atomic._exchange(path, path):
        pytest.skip("no atomic exchange of two paths here (renameat2): the last check is the guard")
    real = soptui.atomic._exchange
    done = []

    def another_program_first(first, second):
        if not done:
            done.append(1)
            theirs = path.with_name("theirs")
            theirs.write_text("# theirs\n" + CLEAN)
            os.replace(theirs, path)  # lands after the check, before our rename
        return real(first, second)

    monkeypatch.setattr(soptui.atomic, "_exchange", another_program_first)
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    with pytest.raises(ChangedOnDisk):
        document.save()
    assert path.read_text() == "# theirs\n" + CLEAN
    assert [p.name for p in path.parent.iterdir()] == ["sop.toml"]


def test_a_write_on_top_of_a_save_being_undone_keeps_the_write_it_replaced(opened, monkeypatch):
    # Three writers: theirs lands after our check, ours is swapped in, and a third program reads
    # ours in that moment and writes on top of it before we swap back. Its write (the newest)
    # stays; the first one, which it replaced without seeing, is kept beside the file.
    document, path = opened
    if not soptui.atomic._exchange(path, path):
        pytest.skip("no atomic exchange of two paths here (renameat2): no swap to undo")
    real = soptui.atomic._exchange
    calls = []

    def two_other_programs(first, second):
        calls.append(1)
        if len(calls) == 1:
            theirs = path.with_name("theirs")
            theirs.write_text("# first\n" + CLEAN)
            os.replace(theirs, path)
            swapped = real(first, second)
            third = path.with_name("third")
            third.write_text(path.read_text() + "# third\n")  # built on our save
            os.replace(third, path)
            return swapped
        return real(first, second)

    monkeypatch.setattr(soptui.atomic, "_exchange", two_other_programs)
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    with pytest.raises(ChangedOnDisk) as raised:
        document.save()
    monkeypatch.undo()
    assert path.read_text().endswith("# third\n") and "15 menit" in path.read_text()
    kept = raised.value.kept
    assert kept and os.path.dirname(kept) == str(path.parent)
    with open(kept) as copy:
        assert copy.read() == "# first\n" + CLEAN
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(["sop.toml", os.path.basename(kept)])


def _another_program_writes(path, text):
    path.write_text(text)
    os.utime(path, ns=(1, 1))  # same size, same second would not tell: the stamp does


def test_undoing_past_a_reload_then_saving_asks_as_a_conflict_does(opened):
    # walk5 #3: the text from before "reload" lacks the other program's write; a save of it
    # overwrote that write without a word.
    document, path = opened
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    theirs = CLEAN.replace("Budi", "Andi")
    _another_program_writes(path, theirs)
    with pytest.raises(ChangedOnDisk):
        document.save()
    assert document.reload() and document.text == theirs and not document.behind_disk
    assert document.undo() and "15 menit" in document.text and "Budi" in document.text
    assert document.behind_disk
    with pytest.raises(ChangedOnDisk) as raised:
        document.save()
    assert raised.value.behind and path.read_text() == theirs
    document.edit(lambda text: text.replace("1 jam", "2 jam"))  # an edit of it is as old
    with pytest.raises(ChangedOnDisk):
        document.save()
    document.save(force=True)  # "overwrite": the user's choice, and so the text's edits after it
    assert "15 menit" in path.read_text() and not document.behind_disk
    document.edit(lambda text: text.replace("2 jam", "3 jam"))
    document.save()
    assert "3 jam" in path.read_text()


def test_redo_back_to_the_reloaded_text_saves_without_asking_and_so_do_own_saves(opened):
    document, path = opened
    document.edit(lambda text: text.replace("10 menit", "15 menit"))
    document.save()
    document.edit(lambda text: text.replace("1 jam", "2 jam"))
    document.save()
    assert document.undo() and not document.behind_disk  # undoing past our own save is ours
    document.save()
    assert "1 jam" in path.read_text()
    theirs = path.read_text().replace("Budi", "Andi")
    _another_program_writes(path, theirs)
    document.edit(lambda text: text.replace("15 menit", "20 menit"))
    with pytest.raises(ChangedOnDisk):
        document.save()
    document.reload()
    document.undo()
    assert document.redo() and not document.behind_disk
    document.edit(lambda text: text.replace("15 menit", "25 menit"))
    document.save()
    assert "Andi" in path.read_text() and "25 menit" in path.read_text()


LATIN1 = CLEAN.replace("Budi", "B\xfcdi").encode("latin-1")


def test_a_file_that_is_not_utf8_is_lints_load_error_and_its_bytes_are_kept(tmp_path):
    # walk5 #9: the UI showed a decoded copy (U+FFFD for the byte) with ordinary findings,
    # while `soptui lint` says load-error.
    from soptui.loading.loader import load_file

    path = tmp_path / "sop.toml"
    path.write_bytes(LATIN1)
    document = Workspace([path], Checker(load_plugins().rule_classes())).open(path)
    assert not document.load.ok and document.load.problems == load_file(path).problems
    assert [(f.code, f.name, f.line, f.col) for f in document.findings] == [("SOP000", "load-error", 8, 10)]
    assert document.file_bytes() == LATIN1  # for an editor: the file's own byte, not U+FFFD
    assert document.apply_bytes(LATIN1) is False  # an editor that changed nothing changed nothing
    assert document.apply_bytes(LATIN1.replace(b"B\xfcdi", "Büdi".encode())) and document.load.ok
    document.save()  # mended: written as UTF-8
    assert path.read_bytes() == CLEAN.replace("Budi", "Büdi").encode()


def test_a_binary_file_an_editor_leaves_unchanged_is_not_edited(tmp_path):
    path = tmp_path / "sop.toml"
    data = bytes(range(256)) * 4 + b"\r\n\r\x85\xff"
    path.write_bytes(data)
    document = Workspace([path], Checker(load_plugins().rule_classes())).open(path)
    assert not document.load.ok and document.file_bytes() == data
    assert document.apply_bytes(data) is False and not document.dirty
