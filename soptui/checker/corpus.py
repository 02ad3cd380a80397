"""The corpus rules' view of a corpus: what each file's SOP gave them, their indexes, and their
findings by file, kept up to date one file at a time.

A lint builds it once from every file's result and asks for the findings. A long-running
process (the TUI's workspace) keeps it, and `update` with an edited file's result rechecks only
the findings that change can touch (the old and new nomor group, the files naming the old or
new title, the file itself), through each rule's `CorpusIndex`. A rule without one is judged
again over the whole corpus, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from ..files import read_regular_text
from ..loading.loader import MAX_FILE_BYTES
from ..loading.locate import LazySource
from ..source import Pos, SourceMap
from .finding import Finding
from .rule import CorpusIndex, CorpusRule, Violation, well_formed

if TYPE_CHECKING:
    from .engine import Checker, FileResult

# Where a corpus rule's own failure is reported: it is about no one file.
CORPUS = "(corpus)"


class CorpusState:
    def __init__(self, checker: "Checker") -> None:
        self.checker = checker
        self.rules = [rule for rule in checker.rules if isinstance(rule, CorpusRule)]
        self.collected: dict[str, dict[str, Any]] = {rule.code: {} for rule in self.rules}
        self.indexes: dict[str, CorpusIndex | None] = {}
        # rule code -> path -> that rule's findings in that file (a failed rule: under CORPUS)
        self.found: dict[str, dict[str, list[Finding]]] = {rule.code: {} for rule in self.rules}
        # Where findings are placed in files that were checked in this process (open documents);
        # the others are read from disk when one of their findings is new.
        self.sources: dict[str, LazySource | SourceMap] = {}
        self._failure: Finding | None = None  # the internal-error finding of the last rule that failed
        self._projectors: list[CorpusRule] | None = None  # see `_projecting`

    # -- building and asking --------------------------------------------------------------------
    def build(self, results: Iterable["FileResult"]) -> "CorpusState":
        for result in results:
            self.add(result)
        return self.judge()

    def add(self, result: "FileResult", keep_source: bool = True) -> None:
        """Take what the corpus rules collected from one file, before `judge`. `keep_source`:
        place its findings from the text it was checked from (else read again from disk)."""
        if keep_source and result.source is not None:
            self.sources[result.path] = result.source
        for rule in self.rules:
            if rule.code in result.collected:
                self.collected[rule.code][result.path] = result.collected[rule.code]

    def add_summaries(self, summaries: dict[str, dict[str, Any]]) -> None:
        """`add` of many files known by what the corpus rules collected from each alone (rule
        code -> path -> data: the cache's index, a rule at a time)."""
        for rule in self.rules:
            found = summaries.get(rule.code)
            if found:
                self.collected[rule.code].update(found)

    def judged_by(self, collected: dict[str, Any]) -> dict[str, Any]:
        """Of one file's `collected` (rule code -> data), what each rule judges the other files
        by (`CorpusRule.judged_by`): all that a file needs to be known by when its own findings
        are not asked for. A rule whose `judged_by` fails keeps the whole of its data."""
        summary = dict(collected)
        for rule in self._projecting:
            if rule.code in summary:
                try:
                    summary[rule.code] = rule.judged_by(summary[rule.code])
                except Exception:  # noqa: BLE001 - all of it is always a right answer, if larger
                    pass
        return summary

    @property
    def _projecting(self) -> list[CorpusRule]:
        """The rules that keep less than all of a file's data for the others (see `judged_by`)."""
        if self._projectors is None:
            self._projectors = [rule for rule in self.rules if type(rule).judged_by is not CorpusRule.judged_by]
        return self._projectors

    def judge(self, only: set[str] | None = None) -> "CorpusState":
        """The findings of every corpus rule over what was added; with `only`, the findings in
        those files alone (`--changed-since`: the rest of the corpus is judged by, not judged)."""
        for rule in self.rules:
            collected = self.collected[rule.code]
            if not collected:
                continue
            self._failure = None
            index = self.indexes[rule.code] = self._contained(rule, lambda: rule.index(self.checker.context))
            if self._failure is not None:
                violations = None  # the index raised: reported, and no fallback hides it
            elif index is not None and only is not None:
                violations = self._contained(rule, lambda: list(index.check_some(collected, only)))
                self.indexes[rule.code] = None  # it may hold only what `only` is judged by: no updates
            elif index is not None:
                violations = self._contained(rule, lambda: list(index.check_all(collected)))
            else:
                violations = self._contained(rule, lambda: list(rule.check_corpus(collected, self.checker.context)))
                if violations is not None and only is not None:
                    violations = [v for v in violations if v.path in only]
            if violations is None:
                self.indexes[rule.code] = None  # a failed index is not trusted with updates
            self._store(rule, violations, None, {})
        return self

    def findings(self) -> list[Finding]:
        return [f for by_path in self.found.values() for found in by_path.values() for f in found]

    def findings_of(self, path: str) -> list[Finding]:
        return [f for by_path in self.found.values() for f in by_path.get(path, ())]

    # -- one file changed ----------------------------------------------------------------------
    def update(self, path: str, result: "FileResult | None") -> set[str]:
        """`path` now has `result` (None: it left the corpus). The paths whose corpus findings
        changed, CORPUS among them if a rule's failure came or went."""
        if result is not None and result.source is not None:
            self.sources[path] = result.source
        elif result is None:
            self.sources.pop(path, None)
        changed: set[str] = set()
        for rule in self.rules:
            collected = self.collected[rule.code]
            old = collected.get(path)
            new = result.collected.get(rule.code) if result is not None else None
            if old == new:
                # What the rule judges is unchanged, so are its findings; only their lines in
                # this file's new text may have moved.
                mine = self.found[rule.code].get(path)
                if mine and result is not None and result.source is not None:
                    moved = [self._placed(f, result.source) for f in mine]
                    if moved != mine:
                        self.found[rule.code][path] = moved
                        changed.add(path)
                continue
            before = self.found[rule.code]
            index = self.indexes.get(rule.code)
            if index is None:  # no index (or it failed): the whole corpus again, as a lint does
                self._set(collected, path, new)
                violations = self._contained(rule, lambda: list(rule.check_corpus(collected, self.checker.context)))
                if violations is not None:
                    self.indexes[rule.code] = self._contained(rule, lambda: _indexed(rule, self.checker, collected))
                self._store(rule, violations, None, before, edited=path)
                changed |= _differing(before, self.found[rule.code])
                continue
            affected = self._contained(rule, lambda: set(index.affected(path, old, new)))
            if affected is not None:
                def apply() -> list[Violation]:
                    if old is not None:
                        index.remove(path, old)
                    if new is not None:
                        index.add(path, new)
                    return list(index.check(affected))
                self._set(collected, path, new)
                violations = self._contained(rule, apply)
            else:
                self._set(collected, path, new)
                violations = None
            if violations is None:
                self.indexes[rule.code] = None  # half updated: judge the whole corpus from now on
                self._store(rule, None, None, before, edited=path)
            else:
                self._store(rule, violations, affected | {CORPUS}, before, edited=path)
            changed |= _differing(before, self.found[rule.code])
        return changed

    # -- the parts --------------------------------------------------------------------------------
    @staticmethod
    def _set(collected: dict[str, Any], path: str, data: Any) -> None:
        if data is None:
            collected.pop(path, None)
        else:
            collected[path] = data

    def _contained(self, rule: CorpusRule, call):
        try:
            return call()
        except Exception as error:  # noqa: BLE001 - a rule's bug must not end the run
            self._failure = self.checker.internal_error(rule, CORPUS, error)
            return None

    def _store(self, rule: CorpusRule, violations: list[Violation] | None, paths: set[str] | None,
               before: dict[str, list[Finding]], edited: str | None = None) -> None:
        """Make `violations` the rule's findings in `paths` (None: in every file). An earlier
        finding with the same pointer and message in a file other than the one edited keeps its
        place: that file's text has not changed, so neither has the line."""
        if paths is None:
            found: dict[str, list[Finding]] = {}
        else:
            found = {p: f for p, f in before.items() if p not in paths}
        if violations is None:
            found[CORPUS] = [self._failure]
            self.found[rule.code] = found
            return
        checker = self.checker
        # soptui's own rules are held to well-formed violations by its tests, as in the engine
        # (tests/test_malformed_violations.py); a plugin's are checked as they come
        if checker.plugin_of[rule.code] != "builtin":
            violations, fault = well_formed(violations, corpus=True)
            if fault is not None:
                found[CORPUS] = [checker.malformed(rule, CORPUS, fault)]
        placed = {(f.path, f.pointer): f for p in (paths or before) for f in before.get(p, ())}
        for violation in violations:
            selection = checker.selection(violation.path)
            if rule.code not in selection.enabled:
                continue
            known = placed.get((violation.path, violation.pointer))
            if violation.pos is None and known is not None and violation.path != edited:
                violation = violation._replace(pos=Pos(known.line, known.col))
            elif violation.pos is None:
                violation = violation._replace(pos=self._where(violation.path, violation.pointer))
            found.setdefault(violation.path, []).append(checker._finding(rule, None, violation, selection))
        self.found[rule.code] = found

    @staticmethod
    def _placed(finding: Finding, source: LazySource | SourceMap) -> Finding:
        pos = source.locate(finding.pointer)
        return finding._replace(line=pos.line, col=pos.col) if pos is not None else finding

    def _where(self, path: str, pointer: str) -> Pos | None:
        """The line of a corpus finding, read from its file when asked: a corpus rule collects no
        positions, since few of the pointers it collects end up in a finding."""
        source = self.sources.get(path)
        if source is None:
            try:
                source = LazySource(read_regular_text(path, MAX_FILE_BYTES, "utf-8-sig"))
            except (OSError, UnicodeDecodeError):
                return None  # gone since: the finding goes to line 1
            if len(self.sources) < _READ_SOURCES_KEPT:
                self.sources[path] = source
        return source.locate(pointer)


# Sources read from disk are kept for the next findings in the same files, up to this many: a
# corpus of a hundred thousand files with a finding in each is not held in memory whole.
_READ_SOURCES_KEPT = 2_000


def _indexed(rule: CorpusRule, checker: "Checker", collected: dict[str, Any]) -> CorpusIndex | None:
    """The rule's index over `collected`, or None if it has none."""
    index = rule.index(checker.context)
    if index is not None:
        for path, data in collected.items():
            index.add(path, data)
    return index


def _differing(before: dict[str, list[Finding]], after: dict[str, list[Finding]]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
