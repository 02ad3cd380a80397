"""What a rule is: a declared shape (code, name, severity, scope, options, fixability) and a check.

A rule reports `Violation`s: where (a JSON pointer into the SOP), what (a message in Bahasa
Indonesia and English) and optionally how to fix it. The engine turns them into `Finding`s,
adding the rule's code, severity, file, line and column, so a rule stays a few lines of logic.

A rule's docstring is its documentation, shown by `soptui rule NAME` and in SARIF help, in one
shape for every rule (`soptui.testing.docstring_problems` checks it): a first line saying what
the rule wants, a blank line, then the sections ``## What it checks``, ``## Why it matters``,
``## Example`` and ``## Instead`` in that order (others, such as ``## Options``, may follow
*What it checks*), as ruff documents its rules.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, NamedTuple

from ..i18n import Text
from ..registry import Registry, shipped_registry
from ..source import Pos

if TYPE_CHECKING:
    from ..model import Sop


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


# How a report names each severity, by language: the text report's and the exported review page's.
SEVERITY_WORDS = {
    "id": {Severity.ERROR: "galat", Severity.WARNING: "peringatan", Severity.INFO: "info"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


class Edit(NamedTuple):
    """Set the value at a JSON pointer of the SOP file (`delete=True` removes the key instead)."""

    pointer: str
    value: Any = None
    delete: bool = False


class Applicability(str, enum.Enum):
    """How far a fix can be trusted, as ruff grades its fixes.

    SAFE keeps the meaning of the SOP: `soptui lint --fix` applies it. UNSAFE may change what
    the SOP says (a guess from free text, a fact from a source not re-read): applied only with
    `--unsafe-fixes`, and marked in the TUI before it is made. DISPLAY_ONLY is a suggestion
    shown to the reader and never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


class Fix(NamedTuple):
    """A change that makes a finding go away; plain data, so it can cross processes and be shown.

    `applicability` defaults to UNSAFE: a fix is safe only if it keeps the SOP's meaning, and a
    fix that has not said so (a plugin's, written before fixes had an applicability) is not
    known to. `--fix` then leaves it to `--unsafe-fixes` rather than apply a guess unasked."""

    description: Text
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.UNSAFE


def applicability_of(fix: Fix) -> Applicability:
    """The fix's applicability as the enum; a plugin's plain string ("safe") is taken, and
    anything else counts as unsafe rather than stop the run."""
    try:
        return Applicability(fix.applicability)
    except ValueError:
        return Applicability.UNSAFE


class Violation(NamedTuple):
    """What a rule reports. Corpus rules also say which file (`path`) and, for a step, its number
    (`step`): they judge collected data, not the SOP the engine could ask. The engine finds the
    line of `pointer` in that file, unless the rule gives it (`pos`)."""

    pointer: str
    message: Text
    fix: Fix | None = None
    path: str | None = None
    pos: Pos | None = None
    step: int | None = None


def well_formed(violations: list[Any], corpus: bool = False) -> tuple[list[Violation], Text | None]:
    """The violations a rule yielded that the engine can make findings of, and what was wrong
    with the others (the first fault and how many), None if nothing. A plugin's slip (a plain
    str as the message, a number as the pointer) would otherwise pass here and stop the report
    that renders it, losing every rule's findings; instead it becomes that rule's
    internal-error finding. A corpus rule's violation must name its file (`path`)."""
    faults = list(map(_corpus_fault if corpus else _fault, violations))
    found = [fault for fault in faults if fault is not None]
    if not found:
        return violations, None
    good = [violation for violation, fault in zip(violations, faults) if fault is None]
    first = found[0]
    if len(found) > 1:
        first = first + Text(f" ({len(found)} Violation tak sah)", f" ({len(found)} malformed violations)")
    return good, first


def _fault(violation: Any) -> Text | None:
    """What makes `violation` unusable, or None."""
    if not isinstance(violation, Violation):
        return _not("Violation", violation, "yang dihasilkan", "what it yielded")
    if not isinstance(violation.pointer, str):
        return _not("str", violation.pointer, "pointer", "pointer")
    if not _is_text(violation.message):
        return _not("Text", violation.message, "message", "message",
                    Text("; gunakan Text(id=..., en=...)", "; use Text(id=..., en=...)"))
    fix = violation.fix
    if fix is not None:
        if not isinstance(fix, Fix):
            return _not("Fix", fix, "fix", "fix")
        if not _is_text(fix.description):
            return _not("Text", fix.description, "fix.description", "fix.description")
        if not isinstance(fix.edits, (tuple, list)):
            return _not("tuple Edit", fix.edits, "fix.edits", "fix.edits")
        for edit in fix.edits:
            if not isinstance(edit, Edit):
                return _not("Edit", edit, "isi fix.edits", "an item of fix.edits")
            if not isinstance(edit.pointer, str):
                return _not("str", edit.pointer, "pointer sebuah Edit", "an Edit's pointer")
    if violation.path is not None and not isinstance(violation.path, str):
        return _not("str", violation.path, "path", "path")
    pos = violation.pos
    if pos is not None and not (isinstance(pos, Pos) and _is_int(pos.line) and _is_int(pos.col)):
        return _not("Pos", pos, "pos", "pos")
    if violation.step is not None and not _is_int(violation.step):
        return _not("int", violation.step, "step", "step")
    return None


def _corpus_fault(violation: Any) -> Text | None:
    fault = _fault(violation)
    if fault is None and violation.path is None:
        return Text("Violation aturan korpus tanpa path", "a corpus rule's violation without a path")
    return fault


def _is_text(value: Any) -> bool:
    return isinstance(value, Text) and isinstance(value.id, str) and isinstance(value.en, str)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _not(wanted: str, value: Any, field_id: str, field_en: str, hint: Text = Text("", "")) -> Text:
    got = type(value).__name__
    return Text(f"{field_id} berupa {got}, bukan {wanted}", f"{field_en} is a {got}, not a {wanted}") + hint


class Context:
    """What a rule may know beyond the SOP itself: the date to judge "future" by (`today`), the
    regulation registry of this session (`registry`: the shipped one, the configuration's
    `registries` and the plugins' files), and for `revision-date` each file's earlier text.

    A session builds one context and every rule, worker and cache key reads it, so a rule never
    looks for a configuration or plugins itself."""

    def __init__(self, today: dt.date | None = None, previous_text: dict[str, str | None] | None = None,
                 *, registry: Registry | None = None) -> None:
        self.today = today or dt.date.today()
        # for `revision-date`: file path -> its text at the revision given by --changed-since
        self.previous_text = previous_text
        self._registry = registry

    @property
    def registry(self) -> Registry:
        """The session's registry; soptui's shipped registry when none was given (read when
        first asked for: a run whose rules cite no regulation never reads it)."""
        if self._registry is None:
            self._registry = shipped_registry()
        return self._registry


# Where a rule stands (see soptui/rules/codes.py): stable rules run with ALL, preview rules only
# when named, deprecated ones run with a note, removed ones no longer run.
LIFECYCLES = ("stable", "preview", "deprecated", "removed")


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement `check`."""

    code: ClassVar[str]  # stable, e.g. "SOP101"
    name: ClassVar[str]  # readable, e.g. "step-numbering"
    severity: ClassVar[Severity] = Severity.ERROR
    scope: ClassVar[str] = "sop"  # "sop" or "corpus"
    fixable: ClassVar[bool] = False
    # The applicabilities this rule's fixes can have (see `Applicability`), for `soptui rule`;
    # empty for a fixable rule that does not say: its fixes are then taken as the default, unsafe.
    fix_safety: ClassVar[tuple[Applicability, ...]] = ()
    # JSON Schema of the options accepted in [tool.soptui.rules.NAME]; "default"s fill `options`
    options_schema: ClassVar[dict] = {"type": "object", "properties": {}, "additionalProperties": False}
    lifecycle: ClassVar[str] = "stable"  # one of LIFECYCLES
    # earlier codes and names of the rule: selectors, suppressions and [rules.OLD] still reach it
    aliases: ClassVar[tuple[str, ...]] = ()
    # The inputs the rule reads: top-level keys of the SOP ("nomor", "disahkan_oleh"), "langkah"
    # for the steps as a whole, or "langkah.FIELD" for one field of every step. When the file has
    # one of them in a broken shape (`Sop.broken`), the engine skips the rule for that file rather
    # than let it judge a model with the element left out. None: the rule may read anything, so
    # any broken input skips it.
    needs: ClassVar[tuple[str, ...] | None] = None
    # "format" for the rules of what the file format requires (`soptui validate` runs them)
    group: ClassVar[str] = ""

    def __init__(self, options: dict | None = None) -> None:
        defaults = {
            key: spec["default"]
            for key, spec in self.options_schema.get("properties", {}).items()
            if "default" in spec
        }
        self.options = {**defaults, **(options or {})}

    @classmethod
    def fix_kinds(cls) -> tuple[Applicability, ...]:
        """What kinds of fix the rule offers: none when it is not fixable."""
        if not cls.fixable:
            return ()
        return tuple(Applicability(kind) for kind in cls.fix_safety) or (Fix._field_defaults["applicability"],)

    @classmethod
    def summary(cls) -> str:
        return (_docstring(cls) or cls.name).splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        return _docstring(cls) or cls.summary()

    def check(self, sop: "Sop", context: Context) -> Iterable[Violation]:
        raise NotImplementedError

    @classmethod
    def reads_broken(cls, broken: frozenset[str]) -> bool:
        """Whether any input this rule needs is among the `broken` ones of a lenient model."""
        if not broken:
            return False
        if cls.needs is None:
            return True
        return any(need == item or need.startswith(item + ".") or item.startswith(need + ".")
                   for need in cls.needs for item in broken)


class CorpusRule(Rule):
    """A rule that looks across files. It runs in two steps so per-file work can be cached:
    `collect` takes what it needs from each SOP (plain JSON data), `check_corpus` judges the lot."""

    scope: ClassVar[str] = "corpus"

    def collect(self, sop: "Sop") -> Any:
        raise NotImplementedError

    def check_corpus(self, collected: dict[str, Any], context: Context) -> Iterable[Violation]:
        """`collected` maps each file's path to what `collect` returned for it. Each violation
        names its `path`; the engine finds the line of its pointer there."""
        raise NotImplementedError

    def check(self, sop: "Sop", context: Context) -> Iterable[Violation]:
        return ()

    def index(self, context: Context) -> "CorpusIndex | None":
        """An empty `CorpusIndex` for this rule, for long-running processes (the TUI) that keep
        the corpus and recheck only what an edit can change; None (the default) means every
        change reruns `check_corpus` over the whole corpus."""
        return None

    def judged_by(self, data: Any) -> Any:
        """The part of one file's collected `data` that the other files are judged by: what
        `check_corpus` (or the index's `check`) reads of a file whose own findings are not asked
        for. The cache's index keeps only this part of each file, so a `--changed-since` run,
        which reports on a few files, reads little of the others; the whole of `data` stays in
        the cache for a file reported on. The default keeps all of it."""
        return data


class CorpusIndex:
    """What a corpus rule keeps of the corpus so that one file's change costs the findings it
    can change, not a recheck of every file. `add` and `remove` keep it up to date with one
    file's collected data; `affected` says whose findings may differ after `path`'s data goes
    from `old` to `new` (None: absent), asked before the change is applied and with the
    corpus as it was; `check` gives the violations of exactly those `paths`.

    A rule that has an index can judge the corpus with it: add every file, check every path
    (`check_all`). One implementation then serves the full run and the incremental one."""

    def add(self, path: str, data: Any) -> None:
        raise NotImplementedError

    def remove(self, path: str, data: Any) -> None:
        raise NotImplementedError

    def affected(self, path: str, old: Any, new: Any) -> Iterable[str]:
        raise NotImplementedError

    def check(self, paths: Iterable[str]) -> Iterable[Violation]:
        raise NotImplementedError

    def check_all(self, collected: dict[str, Any]) -> Iterable[Violation]:
        for path, data in collected.items():
            self.add(path, data)
        return self.check(collected)

    def check_some(self, collected: dict[str, Any], paths: set[str]) -> Iterable[Violation]:
        """The violations of `paths` alone, judged against every file of `collected`, by an
        index used for nothing else after. Every file added, then `paths` checked, by default;
        an index may add only what the findings of those files can read, which for the few
        files of a `--changed-since` run is much less than the corpus."""
        for path, data in collected.items():
            self.add(path, data)
        return self.check([path for path in collected if path in paths])


_DOCSTRINGS: dict[type, str | None] = {}


def _docstring(cls: type) -> str | None:
    """What `inspect.getdoc` gives for a rule class (its docstring, else the nearest base's, with
    the indentation cleaned), once: every run lists each rule's summary and documentation. Written
    out because importing inspect (ast, dis, tokenize) cost a one-file lint more than its checking;
    tests/test_hot_path.py holds the two equal."""
    if cls not in _DOCSTRINGS:
        doc = next((base.__doc__ for base in cls.__mro__ if base is not object and base.__doc__ is not None), None)
        _DOCSTRINGS[cls] = _cleaned(doc) if isinstance(doc, str) else None
    return _DOCSTRINGS[cls]


def _cleaned(doc: str) -> str:
    """`inspect.cleandoc`: tabs expanded, the first line stripped, the others' common indentation
    removed, leading and trailing blank lines dropped."""
    lines = doc.expandtabs().split("\n")
    margin = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.lstrip()), default=None)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def step_of(sop: "Sop", pointer: str) -> int | None:
    """The `no` of the step a pointer lies in (``/langkah/4/waktu`` -> step at index 4)."""
    if not pointer.startswith("/langkah/"):  # most findings are elsewhere: no split for them
        return None
    index = pointer[len("/langkah/"):].partition("/")[0]
    if index.isdigit() and int(index) < len(sop.langkah):
        return sop.langkah[int(index)].no
    return None
