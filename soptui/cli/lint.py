"""Check SOP files against the rules and report the findings.

PATH is files or folders (default: sops/ when it exists, else the current folder).
Configuration comes from [tool.soptui] in pyproject.toml or from soptui.toml, found
upward from the first PATH.

exit codes:
  0  no finding at or above --fail-on (default: error)
  1  findings at or above --fail-on
  2  usage or configuration error, or a rule that crashed (internal-error)

Every finding about a file counts as a finding, a file that cannot be read (load-error)
included.

examples:
  soptui lint sops/
  soptui lint sops/ --format json --output sarif=soptui.sarif
  soptui lint --changed-since origin/main --format github
  soptui lint sops/awayan --fix
  soptui lint sops/awayan --fix --unsafe-fixes
  soptui lint sops/awayan --diff             (what --fix would change; writes nothing)
  soptui lint sops/ --write-baseline .soptui-baseline.json
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..atomic import wait_for_background_writes
from ..checker.baseline import BaselineError, filter_new, write_baseline
from ..checker.engine import INTERNAL_ERROR
from ..checker.report import LintReport, tally_of
from ..checker.rule import Severity
from ..gcpolicy import collector
from ..i18n import Text, glossed
from ..reporting.text import TextReporter
from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from .replay import Capture, Recording, Replay, Spool, replayable, to_stdout
from .session import NoSopFiles, open_session, reporter_names


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="SOP files or folders")
    out = parser.add_argument_group("output")
    out.add_argument("--format", default=None, metavar="FORMAT",
                     help="report format on standard output: text (default), json, sarif, github, junit, gitlab")
    out.add_argument("--output", action="append", default=[], metavar="FORMAT=FILE",
                     help="also write a report to FILE (repeatable): --output sarif=soptui.sarif")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the text report (default: auto, when writing to a terminal)")
    out.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on standard error")
    rules = parser.add_argument_group("rules")
    rules.add_argument("--select", type=_csv, metavar="RULES", help="run only these rules (codes, names, prefixes)")
    rules.add_argument("--extend-select", type=_csv, default=[], metavar="RULES", help="run these rules too")
    rules.add_argument("--ignore", type=_csv, default=[], metavar="RULES", help="do not run these rules")
    rules.add_argument("--config", metavar="FILE", help="use this soptui.toml / pyproject.toml")
    rules.add_argument("--plugin", action="append", default=[], metavar="NAME",
                       help="load this plugin even when SOPTUI_DISABLE_PLUGIN_AUTOLOAD=1 (repeatable)")
    rules.add_argument("--no-plugin", action="append", default=[], metavar="NAME", help="do not load this plugin")
    gate = parser.add_argument_group("exit code")
    gate.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                      help="lowest severity that makes the exit code 1 (default: error)")
    gate.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings or errors")
    revisions = parser.add_argument_group("baselines and revisions")
    revisions.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    revisions.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE")
    revisions.add_argument("--changed-since", metavar="REV",
                           help="lint only SOP files changed since git revision REV (corpus rules still see all)")
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place (comments and layout kept)")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, apply unsafe fixes too (they may change what the SOP says)")
    fixing.add_argument("--diff", action="store_true",
                        help="show the changes --fix would make and change nothing, with --fix too")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    parser.add_argument("--follow-links", action="store_true",
                        help="follow symbolic links that lead out of the folders given (default: skip them)")


def run(args: argparse.Namespace) -> int:
    reports = _asked_reports(args)  # --output's FORMAT=FILE: checked before any file is looked at
    try:
        session = open_session(args)
    except NoSopFiles as nothing:
        if not args.quiet:
            print(f"soptui: {nothing.say(args.lang)}", file=sys.stderr)
        return EXIT_OK  # the files given were other tools' TOML: nothing failed
    except UsageError as error:
        raise _with_unknown_formats(error, args, reports) from None
    _check_formats(reports, session.reporters)
    return _run(args, session, reports)


def _with_unknown_formats(error: UsageError, args: argparse.Namespace,
                          reports: list[tuple[str, str | None]]) -> UsageError:
    """`error` (a missing folder, a bad configuration), with first any unknown format asked for,
    as argparse would have said it before looking at anything: a user mends both at once. The
    formats are known only once the plugins are, which is why they were not checked first."""
    if not args.format and not args.output:
        return error  # text alone: always there
    names = reporter_names(args)
    unknown = [name for name, _ in reports if name not in names] if names is not None else []
    if not unknown:
        return error
    return UsageError(_unknown_format(unknown[0], names) + Text("; juga: ", "; also: ") + error.text)


def _unknown_format(name: str, known: set[str] | dict) -> Text:
    choices = ", ".join(sorted(known))
    return glossed(f"format tidak dikenal '{name}'; pilih", f"unknown format '{name}'; choose", f": {choices}")


def _run(args: argparse.Namespace, session, reports: list[tuple[str, str | None]]) -> int:
    refused: set[str] = set()  # the files --fix's guard refused: the report counts none of their fixes

    if args.fix or args.diff:
        from ..checker.fixes import fix_files  # only --fix and --diff pay for tomlkit

        # --diff is a preview, with --fix too: a user adds it to see what --fix would do first
        write = args.fix and not args.diff
        with collector(running=True):  # each file's tomlkit document is a web of reference cycles
            changed = fix_files(session.checker, session.targets, write=write,
                                diff_out=sys.stdout if args.diff else None, unsafe=args.unsafe_fixes,
                                lang=session.lang, refused=refused)
        if not args.quiet:
            if session.lang == "en":
                print(f"{'fixed' if write else 'would fix'} {changed} files", file=sys.stderr)
            else:
                print(f"{'diperbaiki' if write else 'akan diperbaiki'}: {changed} berkas", file=sys.stderr)
        if args.diff:
            return 0

    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    replay = None
    if replayable(args):
        replay = Replay.for_run(session.engine_key, args, session.files, color)
        recording = replay.recorded()
        if recording is not None:
            return recording.play()
    try:
        recording = _lint(args, session, reports, color, replay, frozenset(refused))
    except BaselineError as error:
        raise UsageError(error.text) from None
    try:
        return recording.play()
    finally:
        wait_for_background_writes()  # the cache and the record


def _asked_reports(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(format, target file or None for standard output) of every report asked for."""
    reports = [(args.format or "text", None)]
    for item in args.output:
        name, sep, target = item.partition("=")
        if not sep or not target:
            raise UsageError(glossed(f"--output memerlukan FORMAT=FILE, bukan '{item}'",
                                     f"--output needs FORMAT=FILE, not '{item}'"))
        _check_target(target)
        reports.append((name, target))
    return reports


def _check_target(target: str) -> None:
    """Refuse an `--output` file that could not be written, before the lint: found only after it,
    a long run's reports would be lost to a typo in a folder name."""
    path = Path(target)
    folder = path.parent
    if path.is_dir():
        raise UsageError(glossed(f"--output {target}: ini folder, bukan berkas", f"--output {target}: is a folder, not a file"))
    if not folder.is_dir():
        raise UsageError(glossed(f"--output {target}: folder {folder} tidak ada",
                                 f"--output {target}: no such folder {folder}"))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(glossed(f"--output {target}: folder {folder} tidak dapat ditulisi",
                                 f"--output {target}: cannot write in folder {folder}"))


def _check_formats(reports: list[tuple[str, str | None]], reporters: dict[str, type]) -> None:
    for name, _ in reports:
        if name not in reporters:
            raise UsageError(_unknown_format(name, reporters))


def _lint(args: argparse.Namespace, session, reports: list[tuple[str, str | None]], color: bool,
          replay: Replay | None, refused: frozenset[str] = frozenset()) -> Recording:
    """Lint, and return what to print rather than printing it, so that it can be recorded (on a
    background thread while standard output's report is rendered)."""
    reporters = [(_reporter(session, name, color=color if target is None else False, fail_on=_fail_on(args, session),
                            refused=refused), target) for name, target in reports]
    # A baseline keeps only some findings, as objects: nothing written ahead would be used.
    result = session.lint(render=None if args.baseline else _ahead(reporter for reporter, _ in reporters))
    if args.write_baseline:
        write_baseline(Path(args.write_baseline), result.findings)
    if args.baseline:
        result.findings = filter_new(Path(args.baseline), result.findings)

    exit_code = _exit_code(args, session, result)
    report = LintReport.of(result)  # what reporters get: frozen, so one cannot change the next one's
    stderr = ""
    if not args.quiet and reports[0][0] != "text":
        summary = TextReporter(lang=session.lang)
        summary.refused = refused
        stderr = summary.summary(report) + "\n"
    outputs = {}
    for reporter, target in reporters[1:]:
        outputs[target] = Spool()
        spooled = Capture(outputs[target].write)
        reporter.write(report, spooled)
        spooled.done()
    record = replay.start(exit_code, stderr, outputs) if replay is not None else None
    stdout = Capture(to_stdout, record)  # written as it comes: a large report is never held whole
    try:
        reporters[0][0].write(report, stdout)
        stdout.done()
    except BaseException:
        if record is not None:
            record.abort()
        raise
    if record is not None:
        record.close()
    return Recording((), stderr, {target: spool.pieces() for target, spool in outputs.items()}, exit_code)


def _ahead(reporters):
    """What writes each file's findings as the first of `reporters` that can have it done ahead
    (`JsonReporter.ahead`) would, for the workers to do it; None if none can."""
    for reporter in reporters:
        ahead = getattr(reporter, "ahead", None)
        if callable(ahead):
            return ahead()
    return None


def _reporter(session, name: str, color: bool, fail_on: str = "error", refused: frozenset[str] = frozenset()):
    reporter = session.reporters[name](lang=session.lang, color=color, root=str(Path.cwd()))
    reporter.fail_on = fail_on  # attributes, not arguments: a plugin's reporter may not take them
    reporter.refused = refused
    return reporter


def _fail_on(args: argparse.Namespace, session) -> str:
    return args.fail_on or session.config.fail_on or "error"


def _exit_code(args: argparse.Namespace, session, result) -> int:
    if args.exit_zero:
        return EXIT_OK
    # A file that cannot be read is a finding about that file (exit 1, as ruff and ESLint do);
    # a rule that crashed or a plugin that did not load is the tool's own failure.
    tally = tally_of(result.findings)  # findings on disk: counted as they came, not read again
    if tally is not None:
        crashed = tally.internal_errors > 0
    else:
        crashed = any(f.code == INTERNAL_ERROR[0] for f in result.findings)
    if crashed or session.plugin_failures:
        return EXIT_ERROR
    threshold = Severity(_fail_on(args, session)).rank
    if tally is not None:
        return EXIT_FINDINGS if any(tally.count(s) for s in Severity if s.rank >= threshold) else EXIT_OK
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in result.findings) else EXIT_OK
