"""The human report: findings grouped by file, each with its line of the file and a caret.

As ruff marks them, a finding `soptui lint --fix` can fix carries "[*]" after its code; the line
of its fix says when the fix is unsafe (only with `--unsafe-fixes`) or display-only (never
applied), and the summary counts both kinds."""

from __future__ import annotations

from typing import TextIO

from ..checker.engine import LintResult
from ..checker.report import tally_of
from ..checker.rule import SEVERITY_WORDS, Applicability, Severity, applicability_of
from ..files import read_regular_text
from ..loading.loader import MAX_FILE_BYTES
from .base import Reporter, printable

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_LABEL = SEVERITY_WORDS


class TextReporter(Reporter):
    name = "text"
    description = "human-readable, grouped by file (default)"

    def paint(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def write(self, result: LintResult, out: TextIO) -> None:
        labels = _LABEL["en" if self.lang == "en" else "id"]
        current = None
        lines: list[str] = []
        for finding in result.findings:
            if finding.path != current:
                current = finding.path
                out.write("\n" + self.paint("1", printable(finding.path)) + "\n")
                lines = _read_lines(finding.path)
            severity = self.paint(_COLORS[finding.severity], labels[finding.severity])
            step = f" [langkah {finding.step}]" if finding.step is not None and self.lang != "en" else (
                f" [step {finding.step}]" if finding.step is not None else "")
            applicability = None if finding.fix is None else applicability_of(finding.fix)
            refused = finding.path in self.refused
            mark = " [*]" if applicability is Applicability.SAFE and not refused else ""
            out.write(f"  {finding.line}:{finding.col}: {severity} {self.paint('2', finding.code)}{mark} "
                      f"{printable(finding.message(self.lang))}{step} ({printable(finding.name)})\n")
            if 0 < finding.line <= len(lines):
                source = printable(lines[finding.line - 1].rstrip())
                if len(source) > 100:
                    source = source[:97] + "..."
                out.write(self.paint("2", f"      | {source}") + "\n")
            if finding.fix is not None:
                fix = ("perbaikan" if self.lang != "en" else "fix") + (
                    _REFUSED[self.lang == "en"] if refused else _KIND[self.lang == "en"].get(applicability, ""))
                out.write(f"      {self.paint('32', fix + ':')} {printable(finding.fix.description(self.lang))}\n")
        out.write("\n" + self.summary(result) + "\n")

    def summary(self, result: LintResult) -> str:
        errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        tally = tally_of(result.findings)
        files_with = tally.files_with if tally is not None else len({f.path for f in result.findings})
        fixes = fixable_line(result, self.lang, self.refused)
        if self.lang == "en":
            return (f"{_n(len(result.files), 'file')} checked: {_n(errors, 'error')}, {_n(warnings, 'warning')}, "
                    f"{infos} info in {_n(files_with, 'file')}\n{fixes}{coverage_line(result, 'en')}")
        return (f"{len(result.files)} berkas diperiksa: {errors} galat, {warnings} peringatan, {infos} info "
                f"di {files_with} berkas\n{fixes}{coverage_line(result, 'id')}")


def _n(count: int, noun: str) -> str:
    """"1 file", "2 files": English counts (Indonesian nouns do not change)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# what the fix line adds after "fix" for the kinds `--fix` alone does not apply; by "is English"
_KIND = {
    False: {Applicability.UNSAFE: " (tidak aman, --unsafe-fixes)", Applicability.DISPLAY_ONLY: " (saran, tidak diterapkan)"},
    True: {Applicability.UNSAFE: " (unsafe, --unsafe-fixes)", Applicability.DISPLAY_ONLY: " (display only, never applied)"},
}


# what the fix line of a finding in a file --fix's guard refused says after "fix"; by "is English"
_REFUSED = {False: " (ditolak pemeriksa perbaikan, tidak diterapkan)", True: " (refused by the fix guard, not applied)"}


def fixable_line(result: LintResult, lang: str, refused: frozenset[str] = frozenset()) -> str:
    """"[*] 3 fixable with --fix, 2 more with --unsafe-fixes" and a newline; "" when there is
    nothing to fix. Counts findings, as ruff does (findings sharing one fix count each), but
    none in the `refused` files, whose fixes --fix tried and its guard refused."""
    tally = tally_of(result.findings)
    if tally is not None and not refused:
        safe, unsafe = tally.fixable(Applicability.SAFE), tally.fixable(Applicability.UNSAFE)
    else:  # counted from the findings: a refused file is rare, a run with one reads them again
        kinds = [applicability_of(f.fix) for f in result.findings if f.fix is not None and f.path not in refused]
        safe, unsafe = kinds.count(Applicability.SAFE), kinds.count(Applicability.UNSAFE)
    if not (safe or unsafe):
        return ""
    if lang == "en":
        more = f", {unsafe} more with --unsafe-fixes" if unsafe else ""
        return f"[*] {safe} fixable with --fix{more}\n"
    more = f", {unsafe} lagi dengan --unsafe-fixes" if unsafe else ""
    return f"[*] {safe} dapat diperbaiki dengan --fix{more}\n"


def coverage_line(result: LintResult, lang: str) -> str:
    """"registri: 25 kutipan peraturan diperiksa, 7 tidak dikenal (...)": silence about an unknown
    citation is not approval, and the reader should know how much went unchecked."""
    checked, unknown = result.coverage.checked, sum(result.coverage.unknown.values())
    hint = " (soptui regulation --unknown PATH)" if unknown else ""
    if lang == "en":
        return f"registry: {checked} citations checked, {checked - unknown} known, {unknown} unknown{hint}"
    return f"registri: {checked} kutipan peraturan diperiksa, {checked - unknown} dikenal, {unknown} tidak dikenal{hint}"


def _read_lines(path: str) -> list[str]:
    # split at "\n" as the loader counts lines, not splitlines(), which also splits at U+2028,
    # form feeds and the like and would print the wrong line under a finding
    try:
        return read_regular_text(path, MAX_FILE_BYTES, errors="replace").split("\n")
    except OSError:  # a FIFO, a device: refused unread, the finding says why
        return []
