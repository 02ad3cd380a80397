"""`soptui export` as a user meets it: outputs, bad input, atomic replacement, findings page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from soptui.cli import main

from .readback import read

ROOT = Path(__file__).resolve().parents[2]


def test_one_sop_to_the_named_file(tmp_path, capsys):
    out = tmp_path / "wangon.pdf"
    assert main(["export", str(ROOT / "sops/wangon/pengukuran-kinerja.toml"), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["wangon.pdf"]  # no temporary left behind


def test_a_folder_into_a_folder_keeping_subfolders(tmp_path):
    out = tmp_path / "dokumen"
    assert main(["export", str(ROOT / "sops"), "-o", str(out), "--quiet"]) == 0
    made = sorted(str(p.relative_to(out)) for p in out.rglob("*.pdf"))
    assert made == ["awayan/pengukuran-kinerja-triwulan.pdf", "awayan/pengumpulan-data-kinerja-triwulan.pdf",
                    "lampihong/pengukuran-kinerja.pdf", "sumbersuko/pengukuran-kinerja.pdf",
                    "wangon/pengukuran-kinerja.pdf"]


def test_a_sop_that_does_not_load_gets_its_error_exit_2_and_no_output(tmp_path, capsys):
    bad = tmp_path / "rusak.toml"
    bad.write_text('nama = "Rusak"\nunit = \n')
    out = tmp_path / "rusak.pdf"
    assert main(["export", str(bad), "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert "rusak.toml:2:" in error and "tidak diekspor" in error
    assert not out.exists()


def test_a_file_name_that_is_not_utf8_is_a_usage_error_not_a_crash(tmp_path, capsys):
    (tmp_path / "sops").mkdir()
    with open(bytes(tmp_path / "sops") + b"/b\xff.toml", "w") as handle:
        handle.write('nama = "X"\n')
    assert main(["export", str(tmp_path / "sops"), "-o", str(tmp_path / "out"), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert "b\\xff.toml: the file name is not UTF-8" in error and "internal error" not in error


def test_in_a_folder_the_others_are_still_exported(tmp_path, capsys):
    corpus = tmp_path / "sops"
    corpus.mkdir()
    shutil.copy(ROOT / "sops/lampihong/pengukuran-kinerja.toml", corpus / "baik.toml")
    (corpus / "rusak.toml").write_text("[[langkah]\n")
    out = tmp_path / "out"
    assert main(["export", str(corpus), "-o", str(out), "--lang", "en"]) == 2
    assert (out / "baik.pdf").exists() and not (out / "rusak.pdf").exists()
    assert "not exported" in capsys.readouterr().err


def test_a_link_whose_file_is_gone_in_the_folder_is_not_exported_and_the_others_are(tmp_path, capsys):
    corpus = tmp_path / "sops"
    corpus.mkdir()
    shutil.copy(ROOT / "sops/lampihong/pengukuran-kinerja.toml", corpus / "baik.toml")
    (corpus / "gone.toml").symlink_to("renamed.toml")
    out = tmp_path / "out"
    assert main(["export", str(corpus), "-o", str(out), "--lang", "en"]) == 2
    assert (out / "baik.pdf").exists() and not (out / "gone.pdf").exists()
    assert "a symbolic link that leads to no file" in capsys.readouterr().err


def test_an_existing_output_is_replaced_whole(tmp_path):
    out = tmp_path / "sop.pdf"
    out.write_bytes(b"old contents")
    assert main(["export", str(ROOT / "sops/lampihong/pengukuran-kinerja.toml"), "-o", str(out), "-q"]) == 0
    assert out.read_bytes().startswith(b"%PDF") and b"old contents" not in out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.pdf"]


def test_with_findings_adds_a_page_listing_them(tmp_path):
    out = tmp_path / "review.pdf"
    source = ROOT / "sops/sumbersuko/pengukuran-kinerja.toml"
    assert main(["export", str(source), "-o", str(out), "--with-findings", "-q"]) == 0
    plain = tmp_path / "plain.pdf"
    assert main(["export", str(source), "-o", str(plain), "-q"]) == 0
    pages, plain_pages = read(out), read(plain)
    added = pages[len(plain_pages):]
    assert added, "no findings page"
    assert "Temuan pemeriksaan" in added[0].text
    listed = " ".join(page.text for page in added)
    from soptui.checker.engine import Checker
    from soptui.checker.plugins import load_plugins
    from soptui.checker.run import lint
    codes = {f.code for f in lint(Checker(load_plugins().rule_classes()), [source]).findings}
    assert codes and all(code in listed for code in codes)  # every finding's rule, over as many pages as it takes
    # the severity in the document's language, as the text report says it
    assert "peringatan" in listed and "warning" not in listed
    english = tmp_path / "review-en.pdf"
    assert main(["export", str(source), "-o", str(english), "--with-findings", "--lang", "en", "-q"]) == 0
    listed_en = " ".join(page.text for page in read(english)[len(plain_pages):])
    assert "warning" in listed_en and "peringatan" not in listed_en


def test_paper_and_format_are_checked(tmp_path, capsys):
    source = str(ROOT / "sops/lampihong/pengukuran-kinerja.toml")
    try:
        main(["export", source, "--paper", "a3"])
    except SystemExit as stop:
        assert stop.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_lint_never_imports_the_document_libraries(tmp_path):
    code = ("import sys; from soptui.cli import main; main(['lint', 'sops', '--quiet', '--no-cache']); "
            "print('imported:', [m for m in ('reportlab', 'docx', 'lxml', 'pdfplumber', 'soptui.exporting') "
            "if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert "imported: []" in done.stdout, done.stdout + done.stderr


def test_the_logo_can_be_named_in_the_configuration(tmp_path):
    from .test_pieces import _png

    (tmp_path / "sops").mkdir()
    shutil.copy(ROOT / "sops/wangon/pengukuran-kinerja.toml", tmp_path / "sops" / "wangon.toml")
    (tmp_path / "lambang.png").write_bytes(_png(30, 30))
    (tmp_path / "soptui.toml").write_text('logo = "lambang.png"\n')
    out = tmp_path / "wangon.pdf"
    assert main(["export", str(tmp_path / "sops" / "wangon.toml"), "-o", str(out), "-q"]) == 0
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages[0].images) == 1
    (tmp_path / "soptui.toml").write_text('logo = "tidak-ada.png"\n')
    assert main(["export", str(tmp_path / "sops" / "wangon.toml"), "-o", str(out), "-q"]) == 2


def test_the_output_name_decides_the_format_and_a_contradicting_to_is_refused(tmp_path, capsys):
    source = str(ROOT / "sops/wangon/pengukuran-kinerja.toml")
    word = tmp_path / "wangon.docx"
    assert main(["export", source, "-o", str(word), "-q"]) == 0
    assert word.read_bytes()[:2] == b"PK"  # a Word document (a zip), not a PDF named .docx
    assert main(["export", source, "-o", str(tmp_path / "x.docx"), "--to", "pdf", "-q"]) == 2
    assert "--to docx" in capsys.readouterr().err and not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("name", ["a.txt", "a", "a.PDF.bak"])
def test_an_output_name_with_no_export_suffix_is_refused(tmp_path, capsys, name):
    """walk2 #18: `-o a.txt` wrote a PDF named a.txt, exit 0."""
    source = str(ROOT / "sops/wangon/pengukuran-kinerja.toml")
    assert main(["export", source, "-o", str(tmp_path / name), "-q"]) == 2
    err = capsys.readouterr().err
    assert "bukan format ekspor; pakai .pdf atau .docx" in err and not (tmp_path / name).exists()
    assert main(["export", source, "-o", str(tmp_path / name), "-q", "--lang", "en"]) == 2
    assert "is not an export format; use .pdf or .docx" in capsys.readouterr().err
    assert main(["export", source, "-o", str(tmp_path / "A.PDF"), "-q"]) == 0  # the suffix in any case
    assert main(["export", source, "-o", f"{tmp_path}/new-folder/", "-q"]) == 0  # a folder, said with /
    assert (tmp_path / "new-folder" / "pengukuran-kinerja.pdf").is_file()
