"""`soptui import` as a user runs it: files written, never overwritten without --force, bad input
refused with one message and exit 2, and the lint path untouched by the document libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


LIBRARIES = ("docx", "lxml", "pdfplumber", "pdfminer", "soptui.importing")


def test_lint_never_imports_the_document_libraries(tmp_path):
    (tmp_path / "sops").mkdir()
    (tmp_path / "sops" / "a.toml").write_text((Path(__file__).parents[2] / "sops/wangon/pengukuran-kinerja.toml")
                                              .read_text(encoding="utf-8"), encoding="utf-8")
    code = ("import sys; from soptui.cli import main; main(['lint', 'sops', '--quiet', '--no-cache']); "
            f"print('imported:', [name for name in {LIBRARIES!r} if name in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert "imported: []" in done.stdout, done.stdout + done.stderr
