"""An unchanged rerun of `soptui lint` plays back the last run's reports instead of linting."""

import os
import time
from pathlib import Path

import pytest

from soptui.cli.session import Session
from test_cli import CLEAN, GAP, corpus, lint  # noqa: F401 - corpus is a fixture


@pytest.fixture
def lint_calls(monkeypatch):
    """How many times the files were really linted."""
    calls = []
    real = Session.lint

    def counting(self, **kwargs):
        calls.append(1)
        return real(self, **kwargs)

    monkeypatch.setattr(Session, "lint", counting)
    return calls


def age(path: Path, seconds: int = 60) -> None:
    """Date the file back, as files are between two CI runs (a file modified just now is racy)."""
    then = time.time_ns() - seconds * 1_000_000_000
    os.utime(path, ns=(then, then))


def test_an_unchanged_rerun_plays_back_stdout_stderr_output_files_and_exit_code(corpus, capsys, lint_calls):
    (corpus / "a.toml").write_text(GAP)
    age(corpus / "a.toml")
    args = (corpus, "--format", "json", "--output", "text=report.txt")
    assert lint(*args) == 1
    first = capsys.readouterr()
    Path("report.txt").unlink()
    assert lint(*args) == 1
    second = capsys.readouterr()
    assert len(lint_calls) == 1
    assert (second.out, second.err) == (first.out, first.err) and '"SOP101"' in second.out
    assert "SOP101" in Path("report.txt").read_text()


def test_a_changed_file_or_other_arguments_lint_afresh(corpus, capsys, lint_calls):
    path = corpus / "a.toml"
    path.write_text(GAP)
    age(path)
    assert lint(corpus, "--select", "step-numbering") == 1
    assert lint(corpus, "--select", "step-numbering", "--lang", "en") == 1
    assert "step numbering jumps" in capsys.readouterr().out
    path.write_text(CLEAN)
    age(path, 30)
    assert lint(corpus, "--select", "step-numbering") == 0
    assert len(lint_calls) == 3


def test_files_modified_just_now_are_not_trusted_to_replay(corpus, capsys, lint_calls):
    (corpus / "a.toml").write_text(GAP)
    assert lint(corpus) == 1
    assert lint(corpus) == 1
    assert len(lint_calls) == 2


def test_fix_and_no_cache_never_replay(corpus, capsys, lint_calls):
    path = corpus / "a.toml"
    path.write_text(GAP)
    age(path)
    assert lint(corpus, "--no-cache", "--select", "step-numbering") == 1
    assert lint(corpus, "--no-cache", "--select", "step-numbering") == 1
    assert lint(corpus, "--fix", "--select", "step-numbering") == 0
    assert len(lint_calls) == 3


def test_a_file_edited_while_lint_runs_is_linted_again_next_time(corpus, capsys, monkeypatch):
    path = corpus / "a.toml"
    path.write_text(GAP)
    age(path, 120)
    calls = []
    real = Session.lint

    def editing_midway(self, **kwargs):
        result = real(self, **kwargs)
        if not calls:  # the reviewer saves a fix while the first run is still reporting
            path.write_text(CLEAN)
            age(path, 60)
        calls.append(1)
        return result

    monkeypatch.setattr(Session, "lint", editing_midway)
    assert lint(corpus, "--select", "step-numbering") == 1
    assert lint(corpus, "--select", "step-numbering") == 0
    assert len(calls) == 2


@pytest.mark.parametrize("options", [(), ("--quiet", "--format", "json"), ("--output", "json=out.json")])
def test_runs_with_nothing_on_stderr_are_replayed_too(corpus, capsys, lint_calls, options):
    (corpus / "a.toml").write_text(GAP)
    age(corpus / "a.toml")
    assert lint(corpus, *options) == 1
    first = capsys.readouterr()
    assert lint(corpus, *options) == 1
    second = capsys.readouterr()
    assert len(lint_calls) == 1 and second == first


def test_a_report_that_fails_midway_leaves_no_record_behind(corpus, capsys, monkeypatch):
    from soptui.atomic import wait_for_background_writes
    from soptui.reporting.json import JsonReporter

    (corpus / "a.toml").write_text(GAP)
    age(corpus / "a.toml")

    def failing(self, result, out):
        out.write("x" * 3_000_000)  # enough to reach the record
        raise RuntimeError("reporter bug")

    monkeypatch.setattr(JsonReporter, "write", failing)
    with pytest.raises(RuntimeError):
        lint(corpus, "--format", "json")
    wait_for_background_writes()
    assert [p.name for p in Path(os.environ["SOPTUI_CACHE_DIR"]).iterdir() if not p.name.endswith(".lines")] == []


def _record() -> Path:
    from soptui.atomic import wait_for_background_writes

    wait_for_background_writes()  # the record is renamed into place by a background thread
    [record] = [p for p in Path(os.environ["SOPTUI_CACHE_DIR"]).iterdir() if p.name.startswith("replay-")]
    return record


def test_a_record_whose_exit_code_was_altered_is_not_played(corpus, capsys, lint_calls):
    (corpus / "a.toml").write_text(GAP)
    age(corpus / "a.toml")
    assert lint(corpus) == 1
    record = _record()
    data = record.read_bytes()
    assert b'"exit_code": 1' in data
    record.write_bytes(data.replace(b'"exit_code": 1', b'"exit_code": 0', 1))
    assert lint(corpus) == 1  # linted afresh, not the CI gate passed by a flipped byte
    assert len(lint_calls) == 2


def test_a_record_cut_short_is_not_played(corpus, capsys, lint_calls):
    (corpus / "a.toml").write_text(GAP)
    age(corpus / "a.toml")
    assert lint(corpus, "--format", "json") == 1
    whole = capsys.readouterr().out
    record = _record()
    record.write_bytes(record.read_bytes()[:-200])
    assert lint(corpus, "--format", "json") == 1
    assert capsys.readouterr().out == whole and len(lint_calls) == 2


def test_output_files_of_many_pieces_are_written_and_replayed_whole(corpus, capsys, lint_calls, monkeypatch):
    from soptui.cli.replay import Capture

    monkeypatch.setattr(Capture, "PIECE", 64)  # every report in many pieces, on every path
    (corpus / "a.toml").write_text(GAP)
    age(corpus / "a.toml")
    args = (corpus, "--format", "json", "--output", "sarif=report.sarif", "--output", "junit=report.xml")
    assert lint(*args) == 1
    first = capsys.readouterr().out, Path("report.sarif").read_bytes(), Path("report.xml").read_bytes()
    assert b'"SOP101"' in first[1] and b"SOP101" in first[2]
    Path("report.sarif").unlink()
    Path("report.xml").write_text("stale")
    assert lint(*args) == 1
    assert len(lint_calls) == 1
    assert (capsys.readouterr().out, Path("report.sarif").read_bytes(), Path("report.xml").read_bytes()) == first


def test_an_output_file_goes_to_disk_while_its_report_is_written(corpus, capsys, monkeypatch):
    from soptui.cli.replay import Spool
    from soptui.reporting.junit import JunitReporter

    (corpus / "a.toml").write_text(GAP)
    spooled_while_writing = []

    def writing(self, result, out):
        for _ in range(3):
            out.write("x" * (1 << 20))
            spooled_while_writing.append(spool_sizes[-1] if spool_sizes else 0)

    spool_sizes: list[int] = []
    real_write = Spool.write

    def counting(self, piece):
        real_write(self, piece)
        spool_sizes.append(self.size)

    monkeypatch.setattr(JunitReporter, "write", writing)
    monkeypatch.setattr(Spool, "write", counting)
    lint(corpus, "--output", "junit=report.xml")
    assert spooled_while_writing[-1] >= 2 << 20  # not held until the report ended
    assert Path("report.xml").stat().st_size == 3 << 20
