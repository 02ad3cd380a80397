"""`--fix` never corrupts: edits of one pass do not shift each other, and a guard refuses a fix
that would change more than it says."""

from pathlib import Path

import pytest

from soptui.checker.fixes import UnsafeFix, apply_fixes, fix_files
from soptui.checker.rule import Edit, Fix
from soptui.i18n import Text
from test_cli import CLEAN, corpus, lint  # noqa: F401 - corpus is a fixture

A = "Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil"
B = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"


def _with_dasar_hukum(items):
    line = 'dasar_hukum = [' + ", ".join(f'"{i}"' for i in items) + ']'
    return CLEAN.replace(f'dasar_hukum = ["{A}"]', line)


def test_two_deletions_in_one_pass_remove_the_repeats_not_a_distinct_item(corpus, capsys):
    path = corpus / "a.toml"
    path.write_text(_with_dasar_hukum([A, A, A, B]))
    lint(corpus, "--select", "duplicate-citation", "--fix")
    text = path.read_text()
    assert B in text and text.count(A) == 1


def test_deleting_the_last_item_after_an_earlier_one_is_no_index_error(corpus, capsys):
    path = corpus / "a.toml"
    path.write_text(_with_dasar_hukum([A, A, B, A]))
    lint(corpus, "--select", "duplicate-citation", "--fix")
    text = path.read_text()
    assert B in text and text.count(A) == 1


def test_deletions_apply_from_the_end_whatever_order_the_fixes_come_in():
    text = 'x = [1, 2, 3, 4]\n'
    fixes = [Fix(Text("a", "a"), (Edit("/x/1", delete=True),)), Fix(Text("b", "b"), (Edit("/x/2", delete=True),))]
    assert apply_fixes(text, fixes) == 'x = [1, 4]\n'


class _Breaking:
    """A checker whose one fix deletes an item that is not there: the guard must refuse."""

    def __init__(self, edit):
        self.edit = edit

    def check_loaded(self, load):
        from soptui.checker.engine import FileResult
        from soptui.checker.finding import Finding
        from soptui.checker.rule import Severity

        finding = Finding("SOP999", "breaking", Severity.ERROR, load.path, 1, 1, "", None,
                          Text("m", "m"), Fix(Text("f", "f"), (self.edit,)))
        return FileResult(load.path, [finding])


def test_the_guard_refuses_a_fix_that_does_not_apply_and_leaves_the_file(tmp_path):
    import io

    path = tmp_path / "a.toml"
    path.write_text("x = [1]\n")
    errors = io.StringIO()
    assert fix_files(_Breaking(Edit("/x/5", delete=True)), [path], write=True, errors=errors) == 0
    assert path.read_text() == "x = [1]\n"
    assert "a.toml" in errors.getvalue() and "unsafe" in errors.getvalue()


def test_the_guard_refuses_when_the_written_data_differs_from_the_edits(monkeypatch):
    import soptui.checker.fixes as fixes

    monkeypatch.setattr(fixes, "_apply", lambda node, edit: node.__setitem__("y", 1)
                        if hasattr(node, "as_string") else node.__setitem__("y", 2))
    with pytest.raises(UnsafeFix):
        fixes._guarded_pass("x = 1\n", [Fix(Text("f", "f"), (Edit("/x", 2),))])


def test_a_fix_keeps_the_byte_order_mark(corpus, capsys):
    path = corpus / "a.toml"
    path.write_bytes(b"\xef\xbb\xbf" + _with_dasar_hukum([A, A]).encode())
    lint(corpus, "--select", "duplicate-citation", "--fix")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(A.encode()) == 1


def test_fix_reads_no_file_past_the_size_limit(tmp_path, monkeypatch):
    import soptui.files

    big = tmp_path / "big.toml"
    with open(big, "wb") as handle:
        handle.truncate(1 << 30)
    opened = []
    real = soptui.files.os.open
    monkeypatch.setattr(soptui.files.os, "open", lambda *a, **k: opened.append(a[0]) or real(*a, **k))
    assert fix_files(_Breaking(Edit("/x", 1)), [big], write=True) == 0
    assert opened == []  # refused by its size, unopened
