"""Running the rules: files in, findings out.

For each file: load it (a load problem becomes a `load-error` finding), run every enabled
one-SOP rule, let each corpus rule `collect` what it needs, apply the file's suppression comments
and the configured severities. Then the corpus rules judge what was collected from all files.

A rule that raises does not stop the run: its failure becomes an `internal-error` finding that
names the rule, its plugin and the file. So does a violation no finding can be made of (a plain
str as its message, ...): the rule's well-formed violations are findings as usual.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from .. import coverage
from ..coverage import Coverage
from ..i18n import Text
from ..loading.loader import LoadResult, load_file
from ..loading.locate import LazySource
from ..model import Sop
from ..source import SourceMap
from .config import Config, RuleSelection, matching_overrides, options_for, selection_with
from .finding import Finding
from .corpus import CorpusState
from .rule import Applicability, Context, CorpusRule, Edit, Fix, Rule, Severity, Violation, step_of, well_formed
from .suppress import suppressions

# Findings about the run itself rather than the SOP's content; always enabled.
LOAD_ERROR = ("SOP000", "load-error")
INTERNAL_ERROR = ("SOP001", "internal-error")
UNUSED_SUPPRESSION = ("SOP002", "unused-suppression")
# Structural defects found by the loader, by the loader's name for them (`Problem.kind`): the
# file still has a lenient model, which the rules check. Findings like any other.
STRUCTURAL = {
    "wrong-type": "SOP010",
    "unknown-key": "SOP011",
    "missing-key": "SOP012",
    "date-as-text": "SOP013",
    "negative-number": "SOP014",
}
_FIXES = {
    "wrong-type": Text("beri tanda kutip", "put it in quotes"),
    "date-as-text": Text("tulis tanggal tanpa tanda kutip", "write the date without quotes"),
}


class RuleInfo(NamedTuple):
    """A rule as reports describe it."""

    code: str
    name: str
    severity: Severity
    scope: str
    fixable: bool
    plugin: str
    summary: str
    documentation: str
    lifecycle: str = "stable"  # see soptui/rules/codes.py
    aliases: tuple[str, ...] = ()  # earlier codes and names
    # the applicabilities its fixes can have ("safe", "unsafe", "display-only"); () if none
    fix_kinds: tuple[str, ...] = ()


META_RULES = (
    RuleInfo(*LOAD_ERROR, Severity.ERROR, "sop", False, "builtin",
             "The file cannot be read: not UTF-8 text, too large, or not valid TOML.",
             "The file cannot be read: not UTF-8 text, too large, or not valid TOML.\n\n"
             "No rule can check a file that cannot be read, so this is the file's only finding. "
             "Structural defects of a file that reads as TOML have their own codes (SOP010-SOP014)."),
    RuleInfo(*INTERNAL_ERROR, Severity.ERROR, "sop", False, "builtin",
             "A rule failed with an exception; the run went on without it.",
             "A rule failed with an exception; the run went on without it.\n\n"
             "This is a bug in the rule (or its plugin), not in the SOP. Report it to the plugin's authors."),
    RuleInfo(*UNUSED_SUPPRESSION, Severity.WARNING, "sop", False, "builtin",
             "A `# soptui: ignore[...]` comment that silences nothing.",
             "A `# soptui: ignore[...]` comment that silences nothing.\n\n"
             "Stale suppressions hide future findings; remove the comment once the defect is fixed."),
    RuleInfo("SOP010", "wrong-type", Severity.ERROR, "sop", True, "builtin",
             "A value of the wrong type: a number where text is expected, a table where a list is, ...",
             "A value of the wrong type: a number where text is expected, a table where a list is, "
             "`langkah` not an array of `[[langkah]]` tables.\n\n"
             "The value is left out of the model; rules that read it are skipped for the file. "
             "A date or time where text is expected has a fix: the same text in quotes.",
             fix_kinds=("safe",)),
    RuleInfo("SOP011", "unknown-key", Severity.ERROR, "sop", False, "builtin",
             "A key the format does not know (often a misspelt one).",
             "A key the format does not know (often a misspelt one).\n\n"
             "The key is left out of the model; the message names the known key it is closest to."),
    RuleInfo("SOP012", "missing-key", Severity.ERROR, "sop", False, "builtin",
             "A required key is missing: `nama`, `unit`, `langkah`, or a step's `no` or `kegiatan`.",
             "A required key is missing: `nama`, `unit`, `langkah`, or a step's `no` or `kegiatan`.\n\n"
             "Rules that read the key are skipped for the file."),
    RuleInfo("SOP013", "date-as-text", Severity.ERROR, "sop", True, "builtin",
             "A date key written as quoted text, or as text that is not a date.",
             "A date key written as quoted text, or as text that is not a date.\n\n"
             "A quoted ISO date (\"2023-07-26\") is read as the date, and the fix writes it without "
             "quotes; other text is left out of the model. A quoted year and month (\"2019-09\") is "
             "not this finding: it is how the format writes a month-only date.", fix_kinds=("safe",)),
    RuleInfo("SOP014", "negative-number", Severity.ERROR, "sop", False, "builtin",
             "A step number (`no`, `ya`, `tidak`, `lanjut`) below zero.",
             "A step number (`no`, `ya`, `tidak`, `lanjut`) below zero.\n\n"
             "The number is left out of the model; rules that read it are skipped for the file."),
)
_CODE_NAMES = {info.code: info.name for info in META_RULES}
_STRUCTURAL_CODES = frozenset(STRUCTURAL.values())  # always checked: their suppressions can go stale
_META_NAMES = {name: info.code for info in META_RULES for name in (info.code, info.name)}
_new_finding = partial(tuple.__new__, Finding)  # a Finding from a tuple of all its fields


class FileResult:
    """What one file yields: its findings, and what corpus rules collected from it."""

    def __init__(self, path: str, findings: list[Finding], collected: dict[str, Any] | None = None,
                 loaded: bool = True, identity: dict[str, str] | None = None,
                 source: LazySource | SourceMap | None = None, coverage: tuple[int, list[str]] | None = None) -> None:
        self.path = path
        self.findings = findings
        self.collected = {} if collected is None else collected  # corpus rule code -> data
        self.loaded = loaded
        self.identity = {} if identity is None else identity  # nama, nomor, unit: for lists and filters
        # Where corpus findings are placed; None for results from workers or the cache, whose
        # files are then read again for the few corpus findings there are.
        self.source = source
        # (citations checked against the registry, labels of the unknown ones): see soptui.coverage
        self.coverage = coverage


class LintResult:
    """What a run yields: the files checked, every finding, the rules that ran, and how many
    citations the registry could check."""

    def __init__(self, files: list[str], findings: list[Finding], rules: list[RuleInfo],
                 coverage: Coverage | None = None) -> None:
        self.files = files
        self.findings = findings
        self.rules = rules
        self.coverage = coverage or Coverage()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def tool_errors(self) -> int:
        return sum(1 for f in self.findings if f.code in (LOAD_ERROR[0], INTERNAL_ERROR[0]))


class Checker:
    """The enabled rules of one configuration, ready to check files."""

    def __init__(self, rule_classes: list[tuple[str, type[Rule]]], config: Config | None = None,
                 context: Context | None = None) -> None:
        self.config = config or Config()
        self.context = context or Context()
        self.classes = [cls for _, cls in rule_classes]
        self.plugin_of = {cls.code: plugin for plugin, cls in rule_classes}
        self.rules: list[Rule] = [cls(options_for(self.config, cls)) for cls in self.classes]
        # Keyed by which overrides apply: most files share one selection.
        self._selections: dict[tuple[int, ...], RuleSelection] = {}
        self._kinds = [(rule, isinstance(rule, CorpusRule)) for rule in self.rules]  # (rule, is a corpus rule)

    def infos(self) -> list[RuleInfo]:
        return [*META_RULES, *(
            RuleInfo(r.code, r.name, r.severity, r.scope, r.fixable, self.plugin_of[r.code],
                     r.summary(), r.documentation(), r.lifecycle, r.aliases,
                     tuple(kind.value for kind in r.fix_kinds()))
            for r in self.rules
        )]

    def selection(self, path: str) -> RuleSelection:
        overrides = matching_overrides(self.config, path)
        if overrides not in self._selections:
            self._selections[overrides] = selection_with(self.config, self.classes, overrides)
        return self._selections[overrides]

    # -- one file -------------------------------------------------------------------------------
    def check_file(self, path: str | Path) -> FileResult:
        return self.check_loaded(load_file(path))

    def check_loaded(self, result: LoadResult) -> FileResult:
        return self.check_all_loaded([result])[0]

    def check_all_loaded(self, results: list[LoadResult]) -> list[FileResult]:
        """`check_loaded` of each result, in order. The rules run one at a time over all the
        files, rather than all the rules over one file and then the next: a rule's code and data
        then stay in the processor's caches from file to file, which makes a chunk of files
        markedly cheaper to check. Each file's findings come in the same order either way."""
        checked: list[FileResult | None] = []
        models: list[tuple[int, Sop, list[Finding] | None]] = []
        for result in results:
            if result.sop is not None:
                models.append((len(checked), result.sop, None))
                checked.append(None)
                continue
            problems = [_problem_finding(p) for p in result.problems]
            if result.draft is None or any(p.kind not in STRUCTURAL for p in result.problems):
                checked.append(FileResult(result.path, problems, loaded=False))
            else:
                models.append((len(checked), result.draft, problems))
                checked.append(None)
        for (index, _, _), result in zip(models, self._check_sops([(sop, problems) for _, sop, problems in models])):
            checked[index] = result
        return checked

    def _check_sops(self, models: list[tuple[Sop, list[Finding] | None]]) -> list[FileResult]:
        """The rules run on each (sop, problems), rule by rule (see `check_all_loaded`);
        `problems` are the structural findings of a lenient model, whose broken inputs keep the
        rules that need them from running."""
        files = []  # (sop, path, selection, findings, collected) of each
        for sop, problems in models:
            path = str(sop.path)
            files.append((sop, path, self.selection(path), list(problems or ()), {}))
        context = self.context
        for rule, corpus in self._kinds:
            code = rule.code
            check = rule.collect if corpus else rule.check
            # soptui's own rules are held to well-formed violations by its tests
            # (tests/test_malformed_violations.py); a plugin's are checked as they come
            trusted = self.plugin_of[code] == "builtin"
            for sop, path, selection, findings, collected in files:
                if code not in selection.enabled:
                    continue
                broken = sop.broken
                if broken and rule.reads_broken(broken):
                    continue
                # a rule's failure is contained here, inline rather than through a helper: this loop
                # runs for every rule of every file
                try:
                    if corpus:
                        data = check(sop)
                    else:
                        violations = list(check(sop, context))
                except Exception as error:  # noqa: BLE001 - a rule's bug must not end the run
                    findings.append(self.internal_error(rule, path, error))
                    continue
                if corpus:
                    if data is not None:
                        collected[code] = data
                elif violations:
                    if not trusted:
                        violations, fault = well_formed(violations)
                        if fault is not None:
                            findings.append(self.malformed(rule, path, fault))
                    findings += self._placed(rule, sop, path, violations, selection)
        registry = self.context.registry
        return [FileResult(path, self._suppress(sop, findings, selection), collected,
                           identity={"nama": sop.nama, "nomor": sop.nomor or "", "unit": sop.unit},
                           source=sop.source, coverage=coverage.of_sop(sop, registry))
                for sop, path, selection, findings, collected in files]

    def internal_error(self, rule: Rule, path: str, error: BaseException) -> Finding:
        import traceback  # only when a rule has failed: a rare path, kept out of start-up

        frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
        where = f" ({Path(frame.filename).name}:{frame.lineno})" if frame else ""
        what = f"{type(error).__name__}: {error}{where}"
        return self._rule_failed(rule, path, Text(f"gagal: {what}", f"failed: {what}"))

    def malformed(self, rule: Rule, path: str, fault: Text) -> Finding:
        """The internal-error finding of a rule that yielded a violation no finding can be made
        of (`rule.well_formed`); its well-formed violations are findings as usual."""
        return self._rule_failed(rule, path, Text("menghasilkan Violation tak sah: ", "yielded a malformed violation: ") + fault)

    def _rule_failed(self, rule: Rule, path: str, what: Text) -> Finding:
        plugin = self.plugin_of.get(rule.code, "?")
        return Finding(
            *INTERNAL_ERROR, Severity.ERROR, path, 1, 1, "", None,
            Text(f"aturan {rule.code} {rule.name} dari plugin '{plugin}' ", f"rule {rule.code} {rule.name} of plugin '{plugin}' ")
            + what,
            plugin=plugin,
        )

    def _finding(self, rule: Rule, sop: Sop | None, violation: Violation, selection: RuleSelection) -> Finding:
        pos = violation.pos or (sop.locate(violation.pointer) if sop else None)
        return Finding(
            rule.code, rule.name, selection.severity[rule.code],
            violation.path or str(sop.path),
            pos.line if pos else 1, pos.col if pos else 1,
            violation.pointer,
            step_of(sop, violation.pointer) if sop else violation.step,
            violation.message, violation.fix, self.plugin_of[rule.code],
        )

    def _placed(self, rule: Rule, sop: Sop, path: str, violations: list[Violation],
                selection: RuleSelection) -> list[Finding]:
        """`_finding` of each of a one-SOP rule's violations of `sop`, whose file is `path`: what
        the findings share looked up once, each violation unpacked as the tuple it is, and each
        finding made from one tuple without the NamedTuple's constructor (a Python call), since a
        lint places a finding or more for every rule of every file."""
        code = rule.code
        name, severity, plugin = rule.name, selection.severity[code], self.plugin_of[code]
        locate = sop.source.locate
        placed = []
        for pointer, message, fix, at, pos, _ in violations:
            line, col = pos or locate(pointer)
            placed.append(_new_finding((code, name, severity, at or path, line, col, pointer, step_of(sop, pointer),
                                        message, fix, plugin)))
        return placed

    def _suppress(self, sop: Sop, findings: list[Finding], selection: RuleSelection) -> list[Finding]:
        found = suppressions(sop)
        if not found:
            return findings
        kept = []
        aliases = {rule.code: rule.aliases for rule in self.rules if rule.aliases}
        for finding in findings:
            covering = [s for s in found if s.covers(finding.code, finding.name, finding.line, finding.pointer,
                                                     aliases.get(finding.code, ()))]
            for item in covering:
                item.used.add(finding.code)
            if not covering:
                kept.append(finding)
        known = {name: rule.code for rule in self.rules for name in (rule.code, rule.name, *rule.aliases)}
        known.update(_META_NAMES)
        for item in found:
            stale = sorted(r for r in item.rules if known.get(r) not in item.used
                           and (known.get(r) in selection.enabled or known.get(r) in _STRUCTURAL_CODES
                                or r not in known))
            if stale:
                kept.append(Finding(
                    *UNUSED_SUPPRESSION, Severity.WARNING, str(sop.path), item.pos.line, item.pos.col, "", None,
                    Text(f"penekanan tidak terpakai: {', '.join(stale)}", f"unused suppression: {', '.join(stale)}"),
                ))
        return kept

    # -- the corpus -------------------------------------------------------------------------------
    def check_corpus(self, results: Iterable[FileResult]) -> list[Finding]:
        return CorpusState(self).build(results).findings()


def _problem_finding(problem) -> Finding:
    """A loader's problem as a finding: SOP000 for an unreadable file, a structural code else."""
    code = STRUCTURAL.get(problem.kind)
    fix = None
    if problem.replacement is not None and problem.pointer and problem.kind in _FIXES:
        # safe: the same date, or the same characters as text
        fix = Fix(_FIXES[problem.kind], (Edit(problem.pointer, problem.replacement[0]),), Applicability.SAFE)
    return Finding(*((code, _CODE_NAMES[code]) if code else LOAD_ERROR), Severity.ERROR, problem.path,
                   problem.pos.line, problem.pos.col, problem.pointer or "", None, problem.message, fix)

