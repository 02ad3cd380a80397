"""Hostile input: every case one clear message (and, from the command line, exit 2), never a
traceback, an internal error or a hang."""

import datetime as dt
import json
import time

import pytest

from soptui.loading.loader import load_text
from soptui.rules.missing_pengesahan import nip_problems
from soptui.waktu import parse_waktu, total
from test_cli import CLEAN, corpus, lint  # noqa: F401 - corpus is a fixture


@pytest.mark.parametrize("old, new, line", [
    ('nama = "Pengumpulan Data"', "nama = 2023-07-26T00:00:00", 2),
    ('dasar_hukum = ["', 'dasar_hukum = [2023-07-26, "', 4),
    ('kegiatan = "Mengumpulkan data"', "kegiatan = 10:00:00", 24),
])
def test_a_date_where_text_is_expected_is_one_load_problem_at_its_line(old, new, line):
    result = load_text(CLEAN.replace(old, new), "sop.toml")
    assert result.sop is None
    assert [p.pos.line for p in result.problems] == [line]
    assert "date or time where text is expected" in result.problems[0].message.en


def test_a_date_where_text_is_expected_exits_1_without_an_internal_error(corpus, capsys):
    (corpus / "a.toml").write_text(CLEAN.replace('nama = "Pengumpulan Data"', "nama = 2023-07-26T00:00:00"))
    assert lint(corpus, "--no-cache") == 1  # a finding about the file, not a failure of the tool
    out = capsys.readouterr().out
    assert "wrong-type" in out and "internal-error" not in out
    from soptui.cli import main

    assert main(["validate", str(corpus)]) == 1  # not "valid"


@pytest.mark.parametrize("today", [dt.date(2024, 2, 29), dt.date(2028, 2, 29)])
def test_the_nip_check_runs_on_29_february(today):
    assert nip_problems("197012081992031007", today) == []


def test_a_nip_with_a_superscript_digit_is_not_18_digits():
    [problem] = nip_problems("19701208199203100\u00b2", dt.date(2024, 5, 1))
    assert "18 digits" in problem.en


def test_a_four_hundred_digit_waktu_is_not_a_duration_and_totals_still_print():
    assert parse_waktu("9" * 400 + " menit") is None
    assert parse_waktu("9" * 200 + " x " + "9" * 200 + " menit") is None
    assert total([parse_waktu("10 menit"), parse_waktu("999999999999 jam")]) .startswith("999999999999 jam")


@pytest.mark.parametrize("depth", [150, 600, 5000])
def test_deep_dotted_keys_are_one_problem_quickly(depth):
    started = time.perf_counter()
    result = load_text(".".join(["a"] * depth) + " = 1\n" + CLEAN, "sop.toml")
    assert time.perf_counter() - started < 2
    assert [p.pos for p in result.problems] == [(1, 1)]
    assert "nested too deep" in result.problems[0].message.en


def test_dotted_keys_within_the_limit_load_as_before():
    result = load_text(CLEAN + "\n[x]\n" + ".".join(["a"] * 50) + " = 1\n", "sop.toml")
    assert all("too deep" not in p.message.en for p in result.problems)


# -- the file system ---------------------------------------------------------------------------

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

from soptui.cli import main  # noqa: E402

NIP_OK = CLEAN  # a clean SOP: its findings are not what these tests are about
# CLEAN with every identity field and section the identity rules ask for: it lints to exit 0
COMPLETE = CLEAN.replace('unit = "Kecamatan Contoh"\n', '''unit = "Kecamatan Contoh"
nomor = "001/SOP/CONTOH/2024"
instansi = "Pemerintah Kabupaten Contoh"
tanggal_pembuatan = 2024-03-01
tanggal_efektif = 2024-03-01
kualifikasi_pelaksana = ["Memahami tata kelola data kinerja"]
peralatan_perlengkapan = ["Komputer"]
peringatan = ["Data terlambat menunda laporan"]
pencatatan_pendataan = ["Arsip data"]
''')


def soptui(*args, cwd, timeout=30, env=None):
    """The command in a fresh process, as a user (or CI) runs it; a hang fails the test."""
    env = {**os.environ, **(env or {}), "SOPTUI_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "soptui", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _clean_exit(run, code):
    assert run.returncode == code, (run.stdout, run.stderr)
    assert "Traceback" not in run.stderr + (run.stdout or "") and "internal error" not in run.stderr


def _clean_exit_2(run):
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert "Traceback" not in run.stderr + (run.stdout or "") and "internal error" not in run.stderr


@pytest.mark.parametrize("make", ["fifo", "zero", "socket"])
def test_a_special_file_in_the_folder_is_one_load_error_not_a_hang(corpus, make):
    import socket

    (corpus / "a.toml").write_text(CLEAN)
    special = corpus / "b.toml"
    if make == "fifo":
        os.mkfifo(special)
    elif make == "zero":
        special.symlink_to("/dev/zero")
        (corpus / "inside").mkdir()  # a link to a device, but followed: it stays in the tree's terms
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(special))
    for args in ([corpus, "--follow-links"], [special], [corpus, "--follow-links", "--no-cache"]):
        run = soptui("lint", *args, cwd=corpus.parent)
        _clean_exit(run, 1)  # a load-error is a finding about the file
        assert "not a regular file" in run.stdout and "b.toml" in run.stdout


def test_a_sparse_gigabyte_is_refused_by_its_size_unread(corpus, monkeypatch):
    big = corpus / "big.toml"
    with open(big, "wb") as handle:
        handle.truncate(1 << 30)
    import soptui.files

    reads = []
    real = os.fdopen
    monkeypatch.setattr(soptui.files.os, "fdopen", lambda *a, **k: reads.append(a) or real(*a, **k))
    assert lint(big, "--no-cache") == 1  # one load-error finding
    assert reads == []  # refused by stat, before opening


@pytest.mark.parametrize("role", ["--baseline", "cache", "registry", "config"])
def test_a_fifo_as_baseline_cache_registry_or_configuration_is_refused_not_waited_on(corpus, role):
    (corpus / "a.toml").write_text(COMPLETE)
    fifo = corpus.parent / "special"
    os.mkfifo(fifo)
    env = {}
    args = ["lint", corpus]
    if role == "--baseline":
        args += ["--baseline", fifo]
    elif role == "cache":
        cache = corpus.parent / "cache"
        cache.mkdir()
        env["SOPTUI_CACHE_DIR"] = str(cache)
        run = soptui(*args, cwd=corpus.parent, env=env)
        [store] = [p for p in cache.iterdir() if p.suffix == ".lines"]
        store.unlink()
        os.mkfifo(store)
    elif role == "registry":
        (corpus.parent / "soptui.toml").write_text('registries = ["special"]\n')
    else:
        fifo.rename(corpus.parent / "soptui.toml")
    run = soptui(*args, cwd=corpus.parent, env=env)
    assert "Traceback" not in run.stderr
    if role == "cache":
        assert run.returncode == 0  # a cache that cannot be read is rebuilt, not a failure
    else:
        _clean_exit_2(run)
        assert "not a regular file" in run.stderr


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_a_link_whose_file_is_gone_in_a_folder_is_that_files_load_error_and_the_rest_is_checked(corpus, command):
    (corpus / "a.toml").write_text(CLEAN)
    (corpus / "gone.toml").symlink_to("renamed.toml")
    run = soptui(command, corpus, cwd=corpus.parent)
    _clean_exit(run, 1)
    said = run.stdout + run.stderr
    assert "gone.toml" in said and "a symbolic link that leads to no file" in said and "SOP000" in said
    assert "a.toml" in run.stdout if command == "lint" else "1 of 2 files valid" in said
    # named on the command line it is no file to check: one message, as for a path that does not exist
    run = soptui(command, corpus / "gone.toml", cwd=corpus.parent)
    _clean_exit_2(run)
    assert "symbolic link that leads to no file" in run.stderr and "no such file" not in run.stderr


def test_a_link_to_nowhere_out_of_the_folder_is_skipped_with_a_note(corpus):
    (corpus / "a.toml").write_text(CLEAN)
    (corpus / "out.toml").symlink_to("/nonexistent/x.toml")
    run = soptui("lint", corpus, cwd=corpus.parent)
    _clean_exit(run, 1)  # a.toml's findings (it has no nomor)
    assert "1 symbolic links out of the folder not followed" in run.stderr and "out.toml" in run.stderr
    assert "a.toml" in run.stdout and "out.toml" not in run.stdout
    run = soptui("lint", corpus, "--follow-links", cwd=corpus.parent)
    _clean_exit(run, 1)
    assert "out.toml" in run.stdout and "a symbolic link that leads to no file" in run.stdout


def test_a_symlink_loop_a_non_utf8_name_and_an_unwritable_output_are_one_message(corpus):
    (corpus / "a.toml").write_text(CLEAN)
    (corpus / "loop.toml").symlink_to("loop.toml")
    for format_ in ("text", "sarif"):  # no file name to report it by: every path to it loops
        run = soptui("lint", corpus, "--format", format_, cwd=corpus.parent)
        _clean_exit_2(run)
        assert "loop.toml" in run.stderr and "symbolic link" in run.stderr
    run = soptui("lint", corpus / "loop.toml", cwd=corpus.parent)
    _clean_exit_2(run)
    assert "no such file" not in run.stderr
    (corpus / "loop.toml").unlink()
    bad = os.fsencode(str(corpus)) + b"/b\xff.toml"
    with open(bad, "w") as handle:
        handle.write(CLEAN)
    run = soptui("lint", corpus, cwd=corpus.parent)
    _clean_exit_2(run)
    assert "b\\xff.toml" in run.stderr and "not UTF-8" in run.stderr
    os.unlink(bad)
    run = soptui("lint", corpus, "--output", "json=no/such/folder/r.json", cwd=corpus.parent)
    _clean_exit_2(run)
    assert "no/such/folder/r.json" in run.stderr and ".tmp" not in run.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_device_as_output_or_standard_output_is_exit_2_with_a_message(corpus):
    (corpus / "a.toml").write_text(CLEAN)
    run = soptui("lint", corpus, "--output", "json=/dev/full", cwd=corpus.parent)
    _clean_exit_2(run)
    assert "/dev/full" in run.stderr and "No space left" in run.stderr
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "soptui", "lint", str(corpus), "--no-cache"],
                             cwd=corpus.parent, stdout=full, stderr=subprocess.PIPE, text=True, timeout=30)
    _clean_exit_2(run)
    assert "standard output" in run.stderr and "No space left" in run.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder: unreadable needs another user")
def test_an_unreadable_folder_is_one_message(corpus):
    (corpus / "a.toml").write_text(CLEAN)
    locked = corpus / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        run = soptui("lint", corpus, cwd=corpus.parent)
    finally:
        locked.chmod(0o755)
    _clean_exit_2(run)
    assert "locked" in run.stderr


@pytest.mark.parametrize("files, complaint", [
    ({"soptui.toml/": None}, "not a regular file"),
    ({"pyproject.toml": 'tool = "x"\n[x]\n"[tool.soptui" = 1\n'}, "must be a table"),
    ({"soptui.toml": "select = " + "[" * 500 + '"x"' + "]" * 500 + "\n"}, "nested too deep"),
    ({"soptui.toml": "[rules.SOP102]\n[rules.missing-mutu-baku]\n"}, "same rule"),
])
def test_a_configuration_problem_is_never_ignored(corpus, capsys, files, complaint):
    (corpus / "a.toml").write_text(CLEAN)
    for name, text in files.items():
        if name.endswith("/"):
            (corpus.parent / name).mkdir()
        else:
            (corpus.parent / name).write_text(text)
    assert lint(corpus) == 2
    assert complaint in capsys.readouterr().err


# -- output that cannot be abused -----------------------------------------------------------------

def test_control_characters_and_line_separators_never_reach_the_terminal_raw(corpus, capsys):
    text = CLEAN.replace('kegiatan = "Mengumpulkan data"', 'kegiatan = "Data\\u001b[2J\\u2028"  # \x1b]0;owned\x07')
    text = text.replace('unit = "Kecamatan Contoh"', 'unit = "Kecamatan\u2028Contoh"')
    (corpus / "a.toml").write_text(text)
    lint(corpus, "--lang", "en", "--no-cache")
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u2028" not in out
    assert "\\x1b" in out  # shown, escaped, so the reviewer sees what is there


def test_a_file_name_with_a_newline_cannot_forge_a_line_of_output(corpus, capsys):
    (corpus / "a\n::error file=x::forged.toml").write_text(CLEAN.replace("no = 2\n", "no = 5\n"))
    lint(corpus, "--no-cache")
    out = capsys.readouterr().out
    assert not any(line.startswith("::") for line in out.splitlines())
    lint(corpus, "--no-cache", "--format", "github")
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("::error") or line.startswith("::warning") or line.startswith("::notice")
                         for line in lines) and "forged" in lines[0]


def test_junit_stays_xml_whatever_the_file_holds(corpus, capsys):
    (corpus / "a\x01.toml").write_text(CLEAN.replace("no = 2\n", "no = 5\n"))
    lint(corpus, "--no-cache", "--format", "junit")
    ET.fromstring(capsys.readouterr().out.encode())  # raises on a character XML cannot hold


def test_the_line_under_a_finding_is_the_line_it_names_past_a_unicode_separator(corpus, capsys):
    text = CLEAN.replace('unit = "Kecamatan Contoh"', 'unit = "Kecamatan\u2028Contoh"').replace("no = 2\n", "no = 5\n")
    (corpus / "a.toml").write_text(text)
    lint(corpus, "--no-cache", "--select", "step-numbering")
    out = capsys.readouterr().out
    assert "| no = 5" in out


def test_a_symlink_out_of_the_tree_is_not_followed_unless_asked(corpus, tmp_path, capsys):
    (corpus / "a.toml").write_text(COMPLETE)
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "secret.toml").write_text("password = 'hunter2'\n")
    (corpus / "b.toml").symlink_to(secret / "secret.toml")
    (corpus / "c.toml").symlink_to("a.toml")  # inside the tree, to a file linted already
    # not 2: the link out of the tree is skipped, not an error
    assert lint(corpus, "--no-cache", "--format", "json") != 2
    captured = capsys.readouterr()
    assert "hunter2" not in captured.out and "b.toml" not in captured.out
    assert "b.toml" in captured.err and "--follow-links" in captured.err
    report = json.loads(captured.out)
    # a.toml is checked once, under its own name: not reported as its own duplicate through c.toml
    assert not [f for f in report["findings"] if f["name"] == "duplicate-nomor"]
    assert not [f for f in report["findings"] if f["path"].endswith("c.toml")]
    assert lint(corpus, "--no-cache", "--follow-links") == 1
    assert "hunter2" in capsys.readouterr().out  # followed when asked: a load error quoting its line


def test_a_unicode_line_separator_does_not_move_a_problem_past_the_end_of_the_file():
    result = load_text('nama = "a\u2028b"\nunit = "x\u2028y', "sop.toml")
    assert [p.pos.line for p in result.problems] == [2]


def test_a_date_time_without_seconds_is_invalid_toml_as_tomllib_says():
    # TOML 1.0 (tomllib) requires the seconds; rtoml (TOML 1.1) would read it, and once did
    result = load_text(CLEAN.replace('nama = "Pengumpulan Data"', "nama = 2023-07-26T00:00"), "sop.toml")
    assert [(p.kind, p.pos.line) for p in result.problems] == [("load-error", 2)]
    assert result.problems[0].message.en.startswith("invalid TOML")
