"""`soptui` as a user runs it: exit codes, formats, fixes, baselines, revisions."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from soptui.cli import main

ROOT = Path(__file__).resolve().parent.parent

CLEAN = '''#:schema ../schemas/sop.schema.json
nama = "Pengumpulan Data"
unit = "Kecamatan Contoh"
dasar_hukum = ["Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil"]

[disahkan_oleh]
jabatan = "Camat Contoh"
nama = "Budi"
nip = "197012081992031007"

[pelaksana]
camat = "Camat"

[[langkah]]
no = 1
kegiatan = "Memerintahkan pengumpulan data"
pelaksana = "camat"
kelengkapan = ["Disposisi"]
waktu = "10 menit"
output = ["Disposisi"]

[[langkah]]
no = 2
kegiatan = "Mengumpulkan data"
pelaksana = "camat"
kelengkapan = ["Disposisi"]
waktu = "1 jam"
output = ["Data"]
'''
GAP = CLEAN.replace("no = 2\n", "no = 5  # as printed\n")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sops").mkdir()
    return tmp_path / "sops"


def lint(*args):
    return main(["lint", *map(str, args)])


def test_clean_corpus_exits_0(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN)
    assert lint(corpus, "--select", "SOP1,SOP2") == 0
    assert "1 berkas diperiksa: 0 galat" in capsys.readouterr().out


def test_findings_exit_1_and_text_shows_line_excerpt_and_fix(corpus, capsys):
    (corpus / "a.toml").write_text(GAP)
    assert lint(corpus, "--select", "step-numbering") == 1
    out = capsys.readouterr().out
    assert "23:1: galat SOP101 penomoran langkah melompat dari 1 ke 5; seharusnya 2 [langkah 5]" in out
    assert "| no = 5  # as printed" in out
    assert "perbaikan:" in out


def test_english_and_fail_on_and_exit_zero(corpus, capsys):
    (corpus / "a.toml").write_text(GAP)
    assert lint(corpus, "--select", "step-numbering", "--lang", "en") == 1
    assert "step numbering jumps from 1 to 5" in capsys.readouterr().out
    assert lint(corpus, "--select", "step-numbering", "--exit-zero") == 0


def test_load_error_exits_1_and_is_reported_with_position(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN)
    (corpus / "broken.toml").write_text('nama = "x\n')
    assert lint(corpus) == 1  # a finding about that file, as ruff and ESLint report a syntax error
    out = capsys.readouterr().out
    assert "broken.toml" in out and "load-error" in out


@pytest.mark.parametrize("args, message", [
    (["nope/"], "no such file or folder"),
    (["sops", "--format", "xml"], "(unknown format) 'xml'"),
    (["sops", "--select", "step-numbrng"], "(did you mean) `step-numbering`?"),
    (["sops", "--output", "json"], "FORMAT=FILE"),
])
def test_usage_errors_exit_2_with_one_clear_line(corpus, capsys, args, message):
    (corpus / "a.toml").write_text(CLEAN)
    assert lint(*args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_json_to_stdout_and_several_formats_to_files(corpus, capsys):
    (corpus / "a.toml").write_text(GAP)
    lint(corpus, "--format", "json", "--output", "json=report.json", "--output", "text=report.txt",
         "--select", "step-numbering")
    data = json.loads(capsys.readouterr().out)
    assert data["findings"][0]["code"] == "SOP101" and data["findings"][0]["step"] == 5
    assert json.loads(Path("report.json").read_text()) == data
    assert "SOP101" in Path("report.txt").read_text()


def test_fix_renumbers_in_place_keeping_comments_and_is_idempotent(corpus, capsys):
    path = corpus / "a.toml"
    path.write_text(GAP)
    assert lint(corpus, "--select", "step-numbering", "--diff") == 0
    assert "-no = 5  # as printed\n+no = 2  # as printed" in capsys.readouterr().out
    assert path.read_text() == GAP  # --diff changes nothing
    assert lint(corpus, "--select", "step-numbering", "--fix") == 0
    assert path.read_text() == CLEAN.replace("no = 2\n", "no = 2  # as printed\n")
    assert lint(corpus, "--select", "step-numbering", "--fix") == 0
    assert path.read_text() == CLEAN.replace("no = 2\n", "no = 2  # as printed\n")


def test_corpus_findings_keep_their_line_when_results_come_from_the_cache(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN.replace('no = 1\n', 'no = 1\nketerangan = "lihat SOP Rapat Dinas"\n'))
    lines = []
    for fail_on in ("error", "warning"):  # two different runs: the second is not a replay
        lint(corpus, "--select", "unresolved-keterkaitan", "--format", "json", "--fail-on", fail_on)
        lines.append([(f["line"], f["step"]) for f in json.loads(capsys.readouterr().out)["findings"]])
    assert lines == [[(16, 1)], [(16, 1)]]


def test_baseline_reports_only_new_findings(corpus, capsys):
    (corpus / "a.toml").write_text(GAP)
    assert lint(corpus, "--select", "step-numbering", "--write-baseline", "base.json") == 1
    assert lint(corpus, "--select", "step-numbering", "--baseline", "base.json") == 0
    (corpus / "b.toml").write_text(GAP.replace("Pengumpulan Data", "Lain"))
    capsys.readouterr()
    assert lint(corpus, "--select", "step-numbering", "--baseline", "base.json") == 1
    out = capsys.readouterr().out
    assert "b.toml" in out and "a.toml" not in out
    assert lint(corpus, "--baseline", "missing.json") == 2


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})


def test_changed_since_lints_changed_files_and_checks_revision_date(corpus, capsys):
    git("init", "-q", cwd=corpus.parent)
    (corpus / "a.toml").write_text(GAP)
    (corpus / "b.toml").write_text(CLEAN.replace("Pengumpulan Data", "Lain") + "")
    git("add", ".", cwd=corpus.parent)
    git("commit", "-qm", "start", cwd=corpus.parent)
    (corpus / "b.toml").write_text(CLEAN.replace("Pengumpulan Data", "Lain").replace("1 jam", "2 jam"))
    assert lint(corpus, "--changed-since", "HEAD", "--select", "step-numbering,revision-date", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["files"] == [str(Path("sops/b.toml"))] or [Path(f).name for f in data["files"]] == ["b.toml"]
    assert [f["name"] for f in data["findings"]] == ["revision-date"]
    assert lint(corpus, "--changed-since", "no-such-rev") == 2


def test_rules_and_rule_commands(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "SOP101  step-numbering" in listing and "yes" in listing
    assert main(["rule", "SOP101"]) == 0
    assert "## Why it matters" in capsys.readouterr().out
    assert main(["rule", "nothing-like-this"]) == 2


# What a lint must not import: the terminal UI ever, and (for start-up time: each costs 1-10 ms
# of a one-file lint) what only other paths need: the full position scanner, used for a file it
# cannot read quickly; hashlib, used by the cache; shutil, which argparse imports to ask the
# terminal's width unless told it; tomllib and jsonschema, which rtoml and the generated gate replace.
NEVER_IMPORTED = ("textual", "soptui.tui", "jsonschema", "tomllib", "soptui.loading.positions", "hashlib", "shutil")


def test_lint_path_never_imports_what_it_does_not_need(corpus):
    (corpus / "a.toml").write_text(GAP)
    code = ("import sys; from soptui.cli import main; main(['lint', 'sops', '--quiet', '--no-cache']); "
            f"print('imported:', [name for name in {NEVER_IMPORTED!r} if name in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=corpus.parent, capture_output=True, text=True)
    assert "imported: []" in done.stdout, done.stdout + done.stderr


def test_fixing_collects_its_garbage_though_linting_does_not(corpus, capsys, monkeypatch):
    # Each file's tomlkit document is a web of reference cycles: fixing a large corpus with the
    # collector paused, as the rest of a command runs, held every one of them (90 MB for 1,000).
    import gc

    import soptui.checker.engine
    import soptui.checker.fixes

    seen = {}

    def spy(name, function):
        def wrapped(*args, **kwargs):
            seen[name] = gc.isenabled()
            return function(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(soptui.checker.fixes, "fix_files", spy("fix", soptui.checker.fixes.fix_files))
    monkeypatch.setattr(soptui.checker.engine.Checker, "run", spy("lint", soptui.checker.engine.Checker.run))
    (corpus / "a.toml").write_text(GAP)
    lint(corpus, "--fix", "--no-cache")
    assert seen == {"fix": True, "lint": False}
    assert gc.isenabled()


def test_lint_leaves_the_garbage_collector_as_it_found_it(corpus, capsys):
    import gc

    (corpus / "a.toml").write_text(CLEAN)
    assert gc.isenabled()
    lint(corpus, "--format", "json")
    assert gc.isenabled()


def test_help_wraps_to_the_terminal_width(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    narrow = capsys.readouterr().out
    assert max(len(line) for line in narrow.splitlines() if line.startswith("  --")) <= 60
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    assert len(capsys.readouterr().out.splitlines()) < len(narrow.splitlines())


def test_the_program_exits_with_lints_code_and_all_its_output(corpus):
    # `python -m soptui` ends through run_process, which spares Python's collection at exit:
    # the exit code and every byte written must still come out.
    (corpus / "a.toml").write_text(GAP)
    done = subprocess.run([sys.executable, "-m", "soptui", "lint", "sops", "--format", "json", "--no-cache"],
                          cwd=corpus.parent, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert any(f["name"] == "step-numbering" for f in json.loads(done.stdout)["findings"])


def test_python_m_soptui_runs_in_a_checkout_that_was_not_installed_from_it(tmp_path):
    # The checkout's own code, without the package layout an install gives it (schemas/ inside
    # soptui/): `python -m soptui` run there imports it, and must find the schemas all the same.
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "soptui", checkout / "soptui", ignore=shutil.ignore_patterns("__pycache__", "tui"))
    shutil.copytree(ROOT / "schemas", checkout / "schemas")
    shutil.copytree(ROOT / "sops", checkout / "sops")
    # As `python -m soptui` there, without the finder an editable install adds (which would
    # supply soptui.schemas and hide the case)
    code = ("import runpy, sys; "
            "sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, '__module__', '').startswith('__editable__')]; "
            "sys.argv = ['soptui', 'lint', 'sops', '--no-cache', '--format', 'json']; "
            "runpy.run_module('soptui', run_name='__main__', alter_sys=True)")
    done = subprocess.run([sys.executable, "-c", code], cwd=checkout, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["findings"]
