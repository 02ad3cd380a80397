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
