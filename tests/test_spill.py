"""A large run keeps its findings on disk until they are reported (`checker.spill`): every report
format writes the same bytes, and lint exits the same, as when they are held in memory."""

import io
import shutil
import sys
from pathlib import Path

import pytest

import soptui.checker.parallel as parallel
import soptui.checker.run as run
from soptui.checker.finding import Finding
from soptui.checker.spill import SpilledFindings
from soptui.cli import main
from soptui.i18n import Text
from soptui.reporting.json import _fix_json
from soptui.checker.rule import Fix, Edit, Severity

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

FORMATS = ("text", "json", "sarif", "junit", "gitlab", "github")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """The seeds beside generated SOPs, plain and stressed (keterkaitan across files, shared nomor)."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "sops", tmp_path / "sops" / "seeds")
    generate(tmp_path / "sops" / "plain", 60)
    generate(tmp_path / "sops" / "stress", 60, stress=True, group=20)
    return tmp_path / "sops"


def reports(capsys, *args) -> tuple[int, str, dict[str, str]]:
    """lint's exit code, standard error and every format's report, in one run."""
    outputs = [f"--output={name}=out.{name}" for name in FORMATS[1:]]
    code = main(["lint", "sops", "--format", "text", "--fail-on", "warning", *outputs, *args])
    captured = capsys.readouterr()
    written = {name: Path(f"out.{name}").read_text("utf-8") for name in FORMATS[1:]}
    return code, captured.err, {"text": captured.out, **written}


def test_every_format_is_the_same_whether_findings_are_kept_in_memory_or_on_disk(corpus, capsys, monkeypatch):
    monkeypatch.setattr(run, "SPILL_MIN_FILES", 10**9)
    in_memory = reports(capsys, "--no-cache")
    monkeypatch.setattr(run, "SPILL_MIN_FILES", 0)
    on_disk = reports(capsys, "--no-cache")
    assert on_disk == in_memory
    assert in_memory[2]["json"].count('"code"') > 500  # a report with findings of every kind to compare
    assert '"SOP' in in_memory[2]["gitlab"] and "unresolved-keterkaitan" in in_memory[2]["text"]


def test_the_same_from_workers_and_from_the_cache(corpus, capsys, monkeypatch):
    monkeypatch.setattr(run, "SPILL_MIN_FILES", 10**9)
    expected = reports(capsys, "--no-cache")
    monkeypatch.setattr(run, "SPILL_MIN_FILES", 0)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    assert reports(capsys, "--no-cache") == expected  # worker results, never decoded before the report
    assert reports(capsys) == expected  # fills the cache
    assert reports(capsys, "--select", "SOP") == expected  # not a replay: every result from the cache


def test_baseline_and_exit_codes_agree_on_disk(corpus, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(run, "SPILL_MIN_FILES", 0)
    baseline = tmp_path / "baseline.json"
    assert main(["lint", "sops", "--no-cache", "--write-baseline", str(baseline), "--quiet"]) == 1
    capsys.readouterr()
    assert main(["lint", "sops", "--no-cache", "--baseline", str(baseline), "--format", "json"]) == 0
    assert '"findings": [\n]}' in capsys.readouterr().out
    assert main(["lint", "sops", "--no-cache", "--quiet", "--exit-zero"]) == 0


def _finding(path: str, line: int, code: str, fix: Fix | None = None) -> Finding:
    return Finding(code, "name", Severity.WARNING, path, line, 1, "", None, Text(code, code), fix)


def test_findings_on_disk_come_back_in_report_order_ties_included():
    from soptui.checker.plain import encode
    from soptui.checker.engine import FileResult

    spilled = SpilledFindings()
    own = [_finding("b.toml", 3, "SOP101"), _finding("b.toml", 1, "SOP200"), _finding("b.toml", 3, "SOP101")]
    spilled.add_plain("b.toml", **{k: v for k, v in encode(FileResult("b.toml", own)).items()
                                   if k in ("fixes", "findings")})
    spilled.add([_finding("b.toml", 3, "SOP101"), _finding("a.toml", 9, "SOP401")])
    expected = sorted([*own, _finding("b.toml", 3, "SOP101"), _finding("a.toml", 9, "SOP401")],
                      key=Finding.by_place)
    assert list(spilled) == expected == list(spilled)  # read twice: the same
    assert len(spilled) == 5 and spilled[1] == expected[1] and spilled[-1] == expected[-1]
    assert spilled[1:3] == expected[1:3]
    assert spilled.tally.count(Severity.WARNING) == 5 and spilled.tally.files_with == 2
    spilled.close()


def test_a_fix_written_before_is_not_taken_for_a_new_one_with_the_same_id():
    fix = Fix(Text("a", "a"), (Edit("/x", 1, False),))
    other = Fix(Text("b", "b"), (Edit("/y", 2, False),))
    stale = {id(fix): (other, '"stale"')}  # as if `other` had died and its id been reused
    assert "stale" not in _fix_json(_finding("a.toml", 1, "SOP101", fix), "en", stale)


def test_a_disk_that_refuses_the_findings_costs_memory_not_findings(monkeypatch):
    from soptui.checker import spill
    from soptui.checker.engine import FileResult
    from soptui.checker.plain import encode

    spilled = SpilledFindings()
    own = [_finding("a.toml", 2, "SOP101"), _finding("a.toml", 1, "SOP200")]
    plain = encode(FileResult("a.toml", own))

    def full(fd, data, offset):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spill.os, "pwrite", full)
    spilled.add_plain("a.toml", plain["fixes"], plain["findings"])
    assert list(spilled) == sorted(own, key=Finding.by_place)


def test_many_files_findings_are_written_together_and_read_back_each_in_place(monkeypatch):
    from soptui.checker import spill
    from soptui.checker.engine import FileResult
    from soptui.checker.plain import encode

    writes = []
    real = spill.os.pwrite
    monkeypatch.setattr(spill.os, "pwrite", lambda fd, data, offset: writes.append(len(data)) or real(fd, data, offset))
    monkeypatch.setattr(spill, "_WRITTEN_AT_ONCE", 2000)
    spilled = SpilledFindings()
    expected = []
    for index in range(60):
        path = f"f{index:02d}.toml"
        own = [_finding(path, line, "SOP101") for line in (3, 1, 2)]
        plain = encode(FileResult(path, own))
        spilled.add_plain(path, plain["fixes"], plain["findings"])
        expected += sorted(own, key=Finding.by_place)
    assert list(spilled) == expected == list(spilled)
    assert 1 < len(writes) < 60 and sum(writes) == spilled._end  # one write for many files, not one a file
    spilled.close()


def test_no_temporary_folder_keeps_the_findings_in_memory(corpus, capsys, monkeypatch):
    import tempfile

    monkeypatch.setattr(run, "SPILL_MIN_FILES", 10**9)
    expected = reports(capsys, "--no-cache")
    monkeypatch.setattr(run, "SPILL_MIN_FILES", 0)
    monkeypatch.setattr(tempfile, "tempdir", str(corpus / "no such folder"))
    assert reports(capsys, "--no-cache") == expected


def test_findings_written_ahead_are_reported_as_written_by_the_report_that_wrote_them():
    from soptui.checker.engine import FileResult, LintResult
    from soptui.checker.plain import encode
    from soptui.reporting.json import JsonLines, JsonReporter

    def report(spilled, lang):
        out = io.StringIO()
        JsonReporter(lang=lang).write(LintResult(["a.toml", "b.toml"], spilled, []), out)
        return out.getvalue()

    spilled = SpilledFindings(rendered_by=JsonLines("en"))
    for path in ("a.toml", "b.toml"):
        plain = encode(FileResult(path, [_finding(path, 1, "SOP101")]))
        spilled.add_plain(path, plain["fixes"], plain["findings"], f'\n  "{path} as written ahead"'.encode())
    spilled.add([_finding("b.toml", 0, "SOP401"), _finding("b.toml", 2, "SOP402")])  # a corpus rule's
    english = report(spilled, "en")
    lines = [line for line in english.splitlines() if line.startswith("  ")]
    assert [line.split('"')[1] for line in lines] == ["a.toml as written ahead", "code", "b.toml as written ahead", "code"]
    assert '"SOP401"' in lines[1] and '"SOP402"' in lines[3]  # placed among the file's own, by line
    assert "as written ahead" not in report(spilled, "id")  # another language's report writes its own
    spilled.close()
