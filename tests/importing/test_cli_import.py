"""`soptui import` as a user runs it: files written, never overwritten without --force, bad input
refused with one message and exit 2, and the lint path untouched by the document libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from soptui.cli import main
from soptui.loading.loader import load_file

FIXTURES = Path(__file__).parent / "fixtures"
WANGON = FIXTURES / "004_487b0fd81a30745f.txt"


def test_a_text_file_becomes_a_valid_sop_and_is_not_overwritten(tmp_path, capsys):
    out = tmp_path / "wangon.toml"
    assert main(["import", str(WANGON), "-o", str(out)]) == 0
    assert load_file(out).ok
    printed = capsys.readouterr()
    assert "14 langkah" in printed.out and "1 dari 1 dokumen diimpor" in printed.err
    out.write_text("# edited by hand\n", encoding="utf-8")
    assert main(["import", str(WANGON), "-o", str(out), "--lang", "en"]) == 2
    assert "already exists, not overwritten (use --force)" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "# edited by hand\n"
    assert main(["import", str(WANGON), "-o", str(out), "--force"]) == 0
    assert load_file(out).ok


def test_a_folder_becomes_a_folder_with_one_sop_per_table(tmp_path, capsys):
    assert main(["import", str(FIXTURES), "-o", str(tmp_path / "out"), "--lang", "en"]) == 0
    written = sorted(path.name for path in (tmp_path / "out").glob("*.toml"))
    assert len([name for name in written if name.startswith("001_")]) == 2
    assert all(load_file(path).ok for path in (tmp_path / "out").glob("*.toml"))
    assert "not recovered: each step's actor column" in capsys.readouterr().out


def test_the_last_line_counts_the_files_written_and_says_why_some_are_named_after_their_sop(tmp_path, capsys):
    import shutil

    for name in ("000_39170732dfa9ac72.txt", "001_5daf636721a2d55b.txt"):  # 001 holds two SOPs
        shutil.copy(FIXTURES / name, tmp_path / name)
    assert main(["import", str(tmp_path), "-o", str(tmp_path / "out"), "--lang", "en"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "2 of 2 documents imported, 3 SOP files written (1 document held several SOPs: one file each, "
        "<document>-<name>.toml)")
    assert sorted(path.name for path in (tmp_path / "out").glob("*.toml")) == [
        "000_39170732dfa9ac72.toml", "001_5daf636721a2d55b-pelaksanaan-pengukuran-kinerja-triwulan.toml",
        "001_5daf636721a2d55b-pengumpulan-data-kinerja-per-triwulan.toml"]
    assert main(["import", str(tmp_path / "000_39170732dfa9ac72.txt"), "-o", str(tmp_path / "satu")]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "1 dari 1 dokumen diimpor, 1 berkas SOP ditulis"
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "DOCUMENT-<nama>.toml" in " ".join(capsys.readouterr().out.split())


LIBRARIES = ("docx", "lxml", "pdfplumber", "pdfminer", "soptui.importing")


def test_lint_never_imports_the_document_libraries(tmp_path):
    (tmp_path / "sops").mkdir()
    (tmp_path / "sops" / "a.toml").write_text((Path(__file__).parents[2] / "sops/wangon/pengukuran-kinerja.toml")
                                              .read_text(encoding="utf-8"), encoding="utf-8")
    code = ("import sys; from soptui.cli import main; main(['lint', 'sops', '--quiet', '--no-cache']); "
            f"print('imported:', [name for name in {LIBRARIES!r} if name in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert "imported: []" in done.stdout, done.stdout + done.stderr


BAD = {
    "picture.png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "unknown file type (.png)"),
    "letter.docx": (b"Dear sir, this was never a Word file", "named .docx but not a zip archive"),
    "truncated.docx": (b"PK\x03\x04" + b"\x00" * 30, "damaged Word document"),
    "locked.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "encrypted or old-format Office document"),
    "notes.txt": ("Rapat tanggal 3 Mei\nTidak ada tabel di sini.\n".encode(), "no SOP procedure table"),
    "broken.pdf": (b"%PDF-1.4\n" + b"\x00garbage" * 10, "damaged PDF"),
}


def test_each_bad_input_gets_one_clear_message_exit_2_and_no_output(tmp_path, capsys):
    for name, (data, message) in BAD.items():
        source = tmp_path / name
        source.write_bytes(data)
        out = tmp_path / "out" / f"{name}.toml"
        assert main(["import", str(source), "-o", str(out), "--lang", "en"]) == 2, name
        err = capsys.readouterr().err
        assert f"soptui import: {source}: " in err and message in err, (name, err)
        assert "Traceback" not in err
        assert not out.exists()


def test_a_folder_with_a_bad_document_imports_the_rest_and_exits_2(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wangon.txt").write_bytes(WANGON.read_bytes())
    (folder / "letter.docx").write_text("not a zip", encoding="utf-8")
    assert main(["import", str(folder), "-o", str(tmp_path / "out"), "--lang", "en"]) == 2
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["wangon.toml"]
    assert "1 of 2 documents imported" in capsys.readouterr().err


def test_a_folder_shows_progress_on_a_terminal(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["import", str(FIXTURES), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "\r[" in err and "] 15/16 " in err


def test_without_the_import_extra_the_message_names_the_package_to_install(tmp_path, capsys, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_docx(name, *args, **kwargs):
        if name == "docx" or name.startswith("docx."):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "soptui.importing.word", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_docx)
    out = tmp_path / "a.toml"
    assert main(["import", str(FIXTURES / "drawingml-fallback.docx"), "-o", str(out), "--lang", "en"]) == 2
    assert 'needs an extra library (python-docx): pip install "soptui[import]"' in capsys.readouterr().err
    assert not out.exists()


def test_the_summary_says_what_of_the_flowchart_was_not_recovered(tmp_path, capsys):
    assert main(["import", str(FIXTURES / "vml-only.pdf"), "-o", str(tmp_path / "v.toml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "5 steps, 3 actors, 5 steps placed, 5 with a symbol" in out
    assert "not recovered: the ya/tidak branches of 1 decision\n" in out
