"""Machine-readable report, following `schemas/report.schema.json`."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _string  # json's C escaper (ensure_ascii=False)
from operator import itemgetter
from typing import Iterable, Iterator, NamedTuple, TextIO

from .. import __version__
from ..checker.engine import LintResult
from ..checker.finding import Finding
from ..checker.plain import PLAIN_BY_PLACE
from ..checker.rule import Severity
from ..checker.spill import SpilledFindings
from .base import Reporter

REPORT_VERSION = 1
_PART = 1 << 20  # characters of findings written at a time


def report_head(result: LintResult, lang: str) -> dict:
    """Everything in the report but the findings."""
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "soptui", "version": __version__},
        "language": lang,
        "files": result.files,
        "summary": {
            "files": len(result.files),
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
        },
        "registry": registry_coverage(result),
    }


def registry_coverage(result: LintResult) -> dict:
    """How many citations the registry could check (also in SARIF's run properties)."""
    coverage = result.coverage
    return {"checked": coverage.checked, "known": coverage.known, "unknown": sum(coverage.unknown.values())}


class JsonReporter(Reporter):
    name = "json"
    description = "JSON, following schemas/report.schema.json"

    def write(self, result: LintResult, out: TextIO) -> None:
        out.write(json.dumps(report_head(result, self.lang), ensure_ascii=False)[:-1] + ',\n"findings": [')
        # In parts, so that whoever reads `out` (a pipe, the replay record) can start early.
        first = True
        for part in _parts(self._lines(result.findings)):
            out.write(("" if first else ",") + part)
            first = False
        out.write("\n]}\n")

    def ahead(self) -> "JsonLines":
        """What writes a file's findings as this report does, for the workers to do it ahead
        (`checker.run.lint`'s `render`)."""
        return JsonLines(self.lang)

    def _lines(self, findings) -> Iterator[str]:
        """Each finding's line of the report, in order (a file's lines at a time, joined by
        commas, when written ahead: `JsonLines`)."""
        if isinstance(findings, SpilledFindings):  # on disk, in plain form: written from it
            for path, plain_fixes, plain, kept, rendered in findings.by_file(self.ahead()):
                if rendered is not None and not kept:
                    yield rendered
                else:
                    yield from _file_lines(path, plain_fixes, plain, kept, self.lang, rendered)
            return
        fixes: dict[int, tuple] = {}  # id(fix) -> (fix, its JSON): findings of one file share their fixes
        path = None
        for finding in findings:
            if finding.path != path:  # fixes are shared within a file: remember one file's
                path = finding.path
                fixes.clear()
            yield f"\n  {finding_json(finding, self.lang, fixes)}"


class JsonLines(NamedTuple):
    """One file's findings, from their plain form, as the JSON report's lines: what a worker
    writes ahead for the report (`JsonReporter.ahead`). A tuple: sent to the workers, and
    equal to another of the same language, which is how the report knows the text is its own."""

    lang: str

    def __call__(self, path: str, fixes: list, findings: list) -> str:
        lines = plain_findings_json(path, fixes, findings, self.lang)
        return _SEPARATOR[1:] + _SEPARATOR.join(lines) if lines else ""

    @staticmethod
    def lines_of(text: str) -> list[str]:
        """The findings' lines in a text `JsonLines` wrote: it cannot hold the separator but
        between them, since JSON writes a newline in a string as an escape."""
        return text[len(_SEPARATOR) - 1:].split(_SEPARATOR)


_SEPARATOR = ",\n  "  # between the findings' lines, and without its comma before the first


def _parts(lines: Iterable[str]) -> Iterator[str]:
    """`lines` joined by commas, in parts of about `_PART` characters."""
    part: list[str] = []
    size = 0
    for line in lines:
        part.append(line)
        size += len(line)
        if size >= _PART:
            yield ",".join(part)
            part, size = [], 0
    if part:
        yield ",".join(part)


def _file_lines(path: str, plain_fixes: list, plain: list, kept: list[Finding], lang: str,
                rendered: str | None = None) -> list[str]:
    """One file's lines of the report: its own findings (`rendered` by `JsonLines`, else from
    their plain form), and the corpus rules' (`kept`), which come after its own at a tie, as a
    stable sort of them all puts them."""
    lines = JsonLines.lines_of(rendered) if rendered is not None else plain_findings_json(path, plain_fixes, plain, lang)
    if kept:
        fixes: dict[int, tuple] = {}
        placed = [(PLAIN_BY_PLACE(f), line) for f, line in zip(plain, lines)]
        placed += [((f.line, f.col, f.code), finding_json(f, lang, fixes)) for f in kept]
        placed.sort(key=itemgetter(0))
        lines = [line for _, line in placed]
    return [f"\n  {line}" for line in lines]


def finding_json(finding: Finding, lang: str, fixes: dict[int, str] | None = None) -> str:
    """`json.dumps(finding.to_dict(lang), ensure_ascii=False)`, without building the dict.

    A report of ten thousand SOPs has over a hundred thousand findings; building a dict for each
    and encoding its keys again and again was most of the time spent writing it. Strings go
    through json's own escaping; a test holds this equal to `json.dumps` of `to_dict`. `fixes`
    remembers the JSON of each fix already written (with the fix, so that an id reused by a
    later object is not taken for it).
    """
    fix = "null" if finding.fix is None else _fix_json(finding, lang, fixes if fixes is not None else {})
    step = finding.step
    message = finding.message.en if lang == "en" else finding.message.id
    # `_value_`, not `value`: the same string, without the enum property's cost
    return _line(finding.code, finding.name, finding.severity._value_, _string(finding.path), finding.line,
                 finding.col, finding.pointer, step, message, finding.plugin, fix)


def _line(code: str, name: str, severity: str, path_json: str, line: int, col: int, pointer: str,
          step, message: str, plugin: str, fix_json: str) -> str:
    """A finding's line of the report, in `Finding.to_dict`'s order: the one shape both
    `finding_json` and `plain_findings_json` write."""
    return (
        f'{{"code": {_string(code)}, "name": {_string(name)}, "severity": {_string(severity)}, '
        f'"path": {path_json}, "line": {line}, "column": {col}, "pointer": {_string(pointer)}, '
        f'"step": {"null" if step is None else step}, "message": {_string(message)}, '
        f'"plugin": {_string(plugin)}, "fix": {fix_json}}}'
    )


def plain_findings_json(path: str, fixes: list, findings: list, lang: str) -> list[str]:
    """`finding_json` of each of one file's findings, from their plain form (`checker.plain`'s
    "fixes" and "findings" lists), without turning them into `Finding` objects first: a large
    run keeps its findings in that form until they are reported (`checker.spill`). A test holds
    this equal to `finding_json` of the decoded findings."""
    path_json = _string(path)
    fixes_json: dict[int, str] = {}  # index in `fixes` -> its JSON: a file's findings share fixes
    english = lang == "en"
    lines = []
    for code, name, severity, line, col, pointer, step, message_id, message_en, plugin, fix in findings:
        if fix is None:
            fix_json = "null"
        else:
            fix_json = fixes_json.get(fix)
            if fix_json is None:
                fix_json = fixes_json[fix] = _plain_fix_json(fixes[fix], english)
        lines.append(_line(code, name, severity, path_json, line, col, pointer, step,
                           message_en if english else message_id, plugin, fix_json))
    return lines


def _plain_fix_json(fix: list, english: bool) -> str:
    """The "fix" member of `Finding.to_dict`, as JSON, from a fix in plain form."""
    description_id, description_en, edits, applicability = fix
    written = ", ".join(
        f'{{"pointer": {_string(pointer)}, "delete": true}}' if delete
        else f'{{"pointer": {_string(pointer)}, "value": {_plain_value_json(value)}}}'
        for pointer, value, delete in edits)
    return (f'{{"description": {_string(description_en if english else description_id)}, '
            f'"applicability": {_string(applicability)}, "edits": [{written}]}}')


def _plain_value_json(value) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict) and set(value) == {"date"}:  # a date, as `plain` writes one
        return _string(value["date"])
    return json.dumps(value, ensure_ascii=False)


def _fix_json(finding: Finding, lang: str, fixes: dict[int, tuple]) -> str:
    known = fixes.get(id(finding.fix))
    if known is not None and known[0] is finding.fix:
        return known[1]
    text = json.dumps(finding.to_dict(lang)["fix"], ensure_ascii=False)
    fixes[id(finding.fix)] = (finding.fix, text)
    return text
