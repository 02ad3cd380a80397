"""`soptui` as a user runs it: exit codes, formats, fixes, baselines, revisions."""

import json
import os
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
    assert "23:1: galat SOP101 [*] penomoran langkah melompat dari 1 ke 5; seharusnya 2 [langkah 5]" in out
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


def test_the_help_says_the_exit_code_a_load_error_gives(corpus, capsys):
    # `soptui --help`, `soptui lint --help` and the README all say what the code does.
    (corpus / "broken.toml").write_text('nama = "x\n')
    assert lint(corpus) == 1
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--help"])
    codes = " ".join(capsys.readouterr().out.split("exit codes:")[1].split())
    assert "1 problems found, a file that cannot be read or loaded included" in codes
    assert "load error" not in codes  # it was "2 usage or load error"
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text().split())
    assert "1 findings at or above `--fail-on` (default `error`), a file that cannot be read" in readme


@pytest.mark.parametrize("args, message", [
    (["nope/"], "no such file or folder"),
    (["sops", "--format", "xml"], "format tidak dikenal 'xml'; pilih (unknown format 'xml'; choose): github, "),
    (["sops", "--select", "step-numbrng"], "maksud Anda `step-numbering`? (did you mean `step-numbering`?)"),
    (["sops", "--output", "json"], "FORMAT=FILE"),
])
def test_usage_errors_exit_2_with_one_clear_line(corpus, capsys, args, message):
    (corpus / "a.toml").write_text(CLEAN)
    assert lint(*args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_bad_format_is_said_first_even_where_the_folder_is_missing_and_the_folder_with_it(corpus, capsys):
    assert main(["lint", "--format", "nope", "nosuchfolder", "--lang", "en"]) == 2
    assert capsys.readouterr().err == ("soptui lint: unknown format 'nope'; choose: github, gitlab, json, junit, "
                                       "sarif, text; also: no such file or folder 'nosuchfolder'\n")
    assert main(["lint", "--output", "nope=x.txt", "nosuchfolder"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("soptui lint: format tidak dikenal 'nope'; pilih (unknown format 'nope'; choose)") and "'nosuchfolder'" in said
    assert main(["lint", "--output", "nope", "nosuchfolder", "--lang", "en"]) == 2  # its syntax, before the files
    assert capsys.readouterr().err == "soptui lint: --output needs FORMAT=FILE, not 'nope'\n"
    assert main(["lint", "--format", "json", "nosuchfolder", "--lang", "en"]) == 2  # a good format: the folder alone
    assert capsys.readouterr().err == "soptui lint: no such file or folder 'nosuchfolder'\n"
    os.mkfifo("soptui.toml")  # a configuration that cannot be read: its error alone, no crash
    (corpus / "a.toml").write_text(CLEAN)
    assert main(["lint", "--format", "nope", "sops", "--lang", "en"]) == 2
    assert "soptui.toml: not a regular file" in capsys.readouterr().err


def test_an_output_file_that_cannot_be_written_is_refused_before_the_lint(corpus, capsys):
    (corpus / "a.toml").write_text(GAP)
    assert main(["lint", "sops", "--lang", "en", "--output", "json=good.json", "--output", "sarif=nodir/x.sarif"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "soptui lint: --output nodir/x.sarif: no such folder nodir\n"
    assert captured.out == "" and not Path("good.json").exists()  # nothing checked, nothing half-written
    assert main(["lint", "sops", "--output", "sarif=sops"]) == 2
    assert "--output sops: ini folder, bukan berkas (--output sops: is a folder, not a file)" in capsys.readouterr().err


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


def test_fix_with_diff_previews_and_writes_nothing(corpus, capsys):
    """walk2 #1: a user adds --diff to --fix to see what it would do first."""
    path = corpus / "a.toml"
    path.write_text(GAP)
    assert lint(corpus, "--select", "step-numbering", "--fix", "--diff") == 0
    captured = capsys.readouterr()
    assert "-no = 5  # as printed\n+no = 2  # as printed" in captured.out
    assert "akan diperbaiki: 1 berkas" in captured.err
    assert path.read_text() == GAP


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
    assert "SOP101  step-numbering" in listing and "safe/unsafe" in listing
    assert main(["rule", "SOP101"]) == 0
    shown = capsys.readouterr().out
    assert "## Why it matters" in shown and "fix: safe or unsafe" in shown
    assert main(["rule", "duplicate-item"]) == 0 and "fix: safe," in capsys.readouterr().out
    assert main(["rule", "load-error"]) == 0 and "fix: no," in capsys.readouterr().out
    assert main(["rules", "--format", "json"]) == 0
    listed = {r["name"]: r["fix"] for r in json.loads(capsys.readouterr().out)}
    assert listed["step-numbering"] == ["safe", "unsafe"] and listed["load-error"] == []
    assert main(["rule", "nothing-like-this"]) == 2


# What a lint must not import: the terminal UI ever, and (for start-up time: each costs 1-10 ms
# of a one-file lint) what only other paths need: the full position scanner, used for a file it
# cannot read quickly; hashlib, used by the cache; shutil, which argparse imports to ask the
# terminal's width unless told it; tomllib and jsonschema, which rtoml and the generated gate replace.
NEVER_IMPORTED = ("textual", "soptui.tui", "jsonschema", "tomllib", "soptui.loading.positions", "hashlib", "shutil",
                  "pluggy")  # pluggy: only with a third-party plugin


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

    import soptui.checker.fixes
    import soptui.checker.run

    seen = {}

    def spy(name, function):
        def wrapped(*args, **kwargs):
            seen[name] = gc.isenabled()
            return function(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(soptui.checker.fixes, "fix_files", spy("fix", soptui.checker.fixes.fix_files))
    monkeypatch.setattr(soptui.checker.run, "lint", spy("lint", soptui.checker.run.lint))
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


# -- TOML files that are plainly not SOPs, and the pre-commit hooks -----------------------------

RUFF = 'line-length = 100\n[lint]\nselect = ["E"]\n'


def test_a_tool_config_passed_explicitly_is_skipped_with_a_note_not_a_finding(corpus, capsys):
    (corpus.parent / "ruff.toml").write_text(RUFF)
    (corpus / "a.toml").write_text(CLEAN)
    assert lint(corpus.parent / "ruff.toml", corpus / "a.toml", "--format", "json", "--select", "SOP1,SOP2") == 0
    captured = capsys.readouterr()
    assert "not an SOP file, skipped" in captured.err and "ruff.toml (a tool's configuration file)" in captured.err
    assert [Path(f).name for f in json.loads(captured.out)["files"]] == ["a.toml"]


def test_only_other_tools_toml_given_exits_0_as_pre_commit_needs(corpus, capsys):
    (corpus.parent / ".taplo.toml").write_text('[formatting]\nalign_entries = true\n')
    (corpus.parent / "settings.toml").write_text('[server]\nport = 8080\n')
    assert lint(corpus.parent / ".taplo.toml", corpus.parent / "settings.toml") == 0
    err = capsys.readouterr().err
    assert ".taplo.toml" in err and "settings.toml (no key of the SOP format" in err and "its keys: server, port" in err
    assert main(["validate", str(corpus.parent / "settings.toml")]) == 0
    assert "settings.toml" in capsys.readouterr().err
    assert lint(corpus.parent / "settings.toml", "--quiet") == 0 and capsys.readouterr().err == ""


def test_a_file_named_that_is_not_toml_is_reported_with_its_position_not_skipped(corpus, capsys):
    """walk2 #9: `soptui lint README.md` skipped it as "not an SOP" (its "keys" were words of
    prose) and exited 0, so a CI job given the wrong file went green."""
    readme = corpus.parent / "README.md"
    readme.write_text("# soptui\n\nsoptui checks SOPs.\n\n1. install\n2. run\n")
    assert lint(readme) == 1
    captured = capsys.readouterr()
    assert "not an SOP" not in captured.err
    assert "README.md\n  3:8: galat SOP000 TOML tidak sah" in captured.out
    # valid TOML with other keys, in a file whose name is not *.toml: the user means it checked
    (corpus.parent / "notes.txt").write_text("[server]\nport = 8080\n")
    assert lint(corpus.parent / "notes.txt", "--format", "json") == 1
    captured = capsys.readouterr()
    assert "not an SOP" not in captured.err and json.loads(captured.out)["findings"]


def test_a_broken_sop_is_never_taken_for_another_tools_file(corpus, capsys):
    # an empty file, or one with a single SOP key, is linted: its problems are findings
    (corpus / "empty.toml").write_text("")
    (corpus / "half.toml").write_text('[[langkah]]\nno = 1\n')
    assert lint(corpus / "empty.toml", corpus / "half.toml") == 1  # findings about the files (issue 12)
    captured = capsys.readouterr()
    assert "not an SOP" not in captured.err and "empty.toml" in captured.out and "half.toml" in captured.out


def test_in_a_folder_a_tool_config_is_skipped_by_name_and_other_toml_is_linted(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN)
    (corpus / "ruff.toml").write_text(RUFF)
    (corpus / "settings.toml").write_text('[server]\nport = 8080\n')  # not read twice: only named files are
    assert lint(corpus, "--format", "json") == 1  # settings.toml's findings (unknown keys)
    captured = capsys.readouterr()
    assert "ruff.toml (a tool's configuration file)" in captured.err and "settings.toml" not in captured.err
    assert sorted(Path(f).name for f in json.loads(captured.out)["files"]) == ["a.toml", "settings.toml"]


def _hook_file_patterns() -> list[str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "types:" not in text  # `types: [toml]` would hand every TOML file of the repository over
    return [line.split(":", 1)[1].strip().strip("'") for line in text.splitlines() if line.strip().startswith("files:")]


def test_the_pre_commit_hooks_take_only_toml_files_under_sops():
    import re

    patterns = _hook_file_patterns()
    assert len(patterns) == 2
    for pattern in patterns:
        taken = [p for p in ("sops/a.toml", "sops/awayan/b.toml", "docs/sops/c.toml", "ruff.toml", ".taplo.toml",
                             "pyproject.toml", "sops.toml", "config/sops.toml", "sops/notes.md", "mysops/d.toml")
                 if re.search(pattern, p)]
        assert taken == ["sops/a.toml", "sops/awayan/b.toml", "docs/sops/c.toml"]


# -- JUnit and the exit code agree -----------------------------------------------------------------

def test_junit_fails_what_makes_lint_exit_1_and_no_more(corpus, capsys):
    import xml.etree.ElementTree as ET

    (corpus / "a.toml").write_text(CLEAN.replace('waktu = "1 jam"\n', 'waktu = "1 jam"\nketerangan = "dan dan"\n'))
    assert lint(corpus, "--select", "doubled-word", "--format", "junit") == 0  # a warning: below --fail-on error
    suite = ET.fromstring(capsys.readouterr().out)
    assert suite.get("failures") == "0" and suite.get("skipped") == "1"
    assert lint(corpus, "--select", "doubled-word", "--format", "junit", "--fail-on", "warning") == 1
    suite = ET.fromstring(capsys.readouterr().out)
    assert suite.get("failures") == "1" and suite.find("testcase").get("name").startswith("SOP309 doubled-word at ")


@pytest.mark.parametrize("text, skipped", [
    ('[tool.black]\nline-length = 88\n', True),
    ('name = "x"\nversion = "1"\n', True),
    ('# a comment only\n', False),  # no key: the loader says what is wrong
    ('nama = "A"\n[tool]\nx = 1\n', False),
    ('  "langkah" = []\n', False),
    ('[[ langkah ]]\nno = 1\n', False),
    ('[disahkan_oleh.x]\n', False),
    ('x = """\nnama = 1\n"""\n', False),  # an SOP key anywhere, even in a string: when in doubt, lint
    ('\ufeff[server]\nport = 1\n', True),
    (b'\xff\xfe[x]\n', False),  # not UTF-8 where a key would start: the loader says it is not UTF-8
    (b'[x]\ny = "\xff"\n', True),  # a stray byte further on does not hide its keys
    ('# Title\n\n1. first\n2. second\ncrashed = yes\n', False),  # Markdown: key-like lines, not TOML
    ('[server]\nport = 8080\nhost = \n', False),  # broken TOML: the loader says where
])
def test_what_counts_as_plainly_not_an_sop(tmp_path, text, skipped):
    from soptui.loading.not_sop import why_not_an_sop

    path = tmp_path / "f.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    assert (why_not_an_sop(path) is not None) == skipped
    assert why_not_an_sop(path, sniff=False) is None  # by its name alone: f.toml may be an SOP


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_explicitly_is_not_read_to_decide(tmp_path):
    import os

    from soptui.loading.not_sop import why_not_an_sop

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert why_not_an_sop(fifo) is None  # returned at once: the loader refuses it by its status


def test_the_sniffed_sop_keys_are_the_schemas_top_level_keys():
    """A key added to the schema and not to not_sop.SOP_KEYS would make an SOP that starts with
    it look like another tool's file."""
    from soptui.loading import not_sop, schema

    assert set(not_sop.SOP_KEYS) == set(schema.sop_schema()["properties"])


# -- the command line's own messages in the language asked for (walk2 #10) -----------------------

@pytest.mark.parametrize("args, english", [
    (["lint", "nonexist"], "soptui lint: no such file or folder 'nonexist'\n"),
    (["lint", "sops", "--format", "xml"], "soptui lint: unknown format 'xml'; choose: github, gitlab, json, junit, sarif, text\n"),
    (["lint", "sops", "--output", "x"], "soptui lint: --output needs FORMAT=FILE, not 'x'\n"),
    (["lint", "sops", "--baseline", "none.json"], "soptui lint: no such baseline: none.json\n"),
    (["lint", "sops", "--config", "none.toml"], "soptui lint: no such config file: none.toml\n"),
    (["lint", "ruff.toml"], "soptui: not an SOP file, skipped: ruff.toml (a tool's configuration file)\n"
                            "soptui: no SOP files to check\n"),
    (["validate", "nonexist"], "soptui validate: no such file or folder 'nonexist'\n"),
    (["rule", "no-such-rule"], "soptui rule: unknown rule 'no-such-rule'; see `soptui rules`\n"),
    (["new", "sops/a.toml"], "soptui new: already exists, not overwritten: sops/a.toml\n"),
    (["lint", "sops", "--select", "step-numberin"],
     "soptui lint: unknown rule `step-numberin`; did you mean `step-numbering`?\n"),
    (["lint", "sops", "--config", "bad.toml"], "soptui lint: bad.toml:1:1: unknown key `selec`; did you mean `select`?\n"
                                               "       1 | selec = [\"ALL\"]\n         | ^\n"),
])
@pytest.mark.parametrize("how", ["flag", "environment"])
def test_command_line_messages_are_english_only_when_english_is_asked(corpus, capsys, monkeypatch, args, english, how):
    (corpus / "a.toml").write_text(CLEAN)
    (corpus.parent / "ruff.toml").write_text(RUFF)
    (corpus.parent / "bad.toml").write_text('selec = ["ALL"]\n')
    if how == "flag":
        main([*args, "--lang", "en"])
    else:
        monkeypatch.setenv("SOPTUI_LANG", "en")
        main(args)
    assert capsys.readouterr().err == english
    monkeypatch.delenv("SOPTUI_LANG", raising=False)
    main(args)  # without: Indonesian, the English in brackets, as before
    said = capsys.readouterr().err
    assert said != english and any(word in said for word in ("tidak", "bukan", "sudah ada", "maksud Anda")), said


def test_a_registry_that_cannot_be_used_is_said_in_english_when_asked(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN)
    (corpus.parent / "soptui.toml").write_text('registries = ["none.toml"]\n')
    assert lint(corpus, "--lang", "en") == 2
    assert capsys.readouterr().err.endswith("none.toml: no such registry file\n")
    assert lint(corpus) == 2
    assert capsys.readouterr().err.endswith("none.toml: berkas registri tidak ada (no such registry file)\n")


# -- a broken configuration said as a broken SOP file is (walk5 #4) ------------------------------

@pytest.mark.parametrize("name, text, indonesian, english", [
    ("pyproject.toml", '[tool.soptui]\nselect = ["SOP101"]\nignore = [\n"x" "y"]\n',
     "pyproject.toml:4:5: TOML tidak sah: daftar [ ] tidak ditutup",
     "pyproject.toml:4:5: invalid TOML: unclosed list [ ]"),
    ("soptui.toml", 'select = ["SOP101"]\nignore = [\n"x", "y"\n',  # no position in tomllib's message
     "soptui.toml:3:9: TOML tidak sah: berkas berakhir sebelum [ ], { } atau tanda kutip ditutup",
     "soptui.toml:3:9: invalid TOML: the file ends before a [ ], { } or quote is closed"),
    ("soptui.toml", 'lang = "caf\xe9"\n'.encode("latin-1"),
     "soptui.toml:1:12: bukan teks UTF-8 (byte 0xE9); simpan berkas sebagai UTF-8",
     "soptui.toml:1:12: not UTF-8 text (byte 0xE9); save the file as UTF-8"),
])
def test_a_broken_configuration_is_said_at_its_line_and_column_in_the_loaders_words(
        corpus, capsys, name, text, indonesian, english):
    (corpus / "a.toml").write_text(CLEAN)
    config = corpus.parent / name
    config.write_bytes(text if isinstance(text, bytes) else text.encode())
    assert lint(corpus) == 2
    said = capsys.readouterr().err.split("\n")
    assert said[0] == f"soptui lint: {corpus.parent / indonesian}"
    assert said[2].endswith("^") and said[2].index("^") == said[1].index("|") + 2 + int(indonesian.split(":")[2]) - 1
    assert lint(corpus, "--lang", "en") == 2
    assert capsys.readouterr().err.split("\n")[0] == f"soptui lint: {corpus.parent / english}"


def test_the_line_printed_under_a_problem_sends_no_control_code_to_the_terminal(corpus, capsys):
    """An escape sequence in the broken line reached the terminal raw (and recoloured it); each
    control is printed as one visible cell, so the caret stays under its column."""
    (corpus / "a.toml").write_text(CLEAN)
    (corpus.parent / "soptui.toml").write_text('select = ["SOP101\x1b[31m\x00"\n')
    assert lint(corpus) == 2
    said = capsys.readouterr().err
    assert "\x1b" not in said and "\x00" not in said
    line, caret = said.split("\n")[1:3]
    assert line.endswith('select = ["SOP101␛[31m␀"')
    assert caret.index("^") == line.index("␛")


def test_an_unknown_rule_in_the_configuration_is_named_with_its_file_and_line(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN)
    config = corpus.parent / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n\n[tool.soptui]\nselect = ["SOP101", "NOPE999"]\n'
                      '[[tool.soptui.overrides]]\npaths = ["a/**"]\nignore = ["NOPE999"]\n')
    assert lint(corpus, "--lang", "en", "--extend-select", "QQQ") == 2
    assert capsys.readouterr().err == (f"soptui lint: {config}:5:21: unknown rule `NOPE999`\n"
                                       '       5 | select = ["SOP101", "NOPE999"]\n'
                                       "         |                     ^\n"
                                       "  unknown rule `QQQ`\n"
                                       f"  {config}:8:11: unknown rule `NOPE999`\n"
                                       '       8 | ignore = ["NOPE999"]\n'
                                       "         |           ^\n")


@pytest.mark.parametrize("lang, summary", [(None, "1 dari 2 berkas sah\n"), ("en", "1 of 2 files valid\n")])
def test_validate_quiet_leaves_standard_error_empty_and_its_summary_is_said_in_the_language(
        corpus, tmp_path, capsys, lang, summary):
    """validate had no --quiet; the notes of links not followed and of other tools' TOML, and
    its summary, went to standard error whatever was asked."""
    (corpus / "a.toml").write_text(CLEAN)
    (corpus / "b.toml").write_text(CLEAN.replace("no = 2\n", 'no = "dua"\n'))
    tool = corpus.parent / "pyproject.toml"  # given by pre-commit with the folder: a note says it is skipped
    tool.write_text('[project]\nname = "x"\n')
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "c.toml").write_text(CLEAN)
    (corpus / "c.toml").symlink_to(outside / "c.toml")
    said = ["--lang", lang] if lang else []
    assert main(["validate", str(corpus), str(tool), *said]) == 1
    captured = capsys.readouterr()
    assert "c.toml" in captured.err and "pyproject.toml" in captured.err and captured.err.endswith(summary)
    problems = captured.out
    assert "b.toml" in problems and "a.toml" not in problems
    assert main(["validate", str(corpus), str(tool), "--quiet", *said]) == 1
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == problems
