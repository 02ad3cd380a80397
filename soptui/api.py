"""soptui's public API: the one module a plugin imports.

Everything a plugin author needs to write rules and report formats is here, under the names in
`__all__`; the modules behind them (`soptui.checker`, `soptui.reporting`, ...) are soptui's own
layout and may move between releases. `API_VERSION` is "MAJOR.MINOR": the minor number grows when
a name or a keyword argument is added, the major number when one is removed or changes meaning.

```python
from soptui.api import Rule, Severity, Text, Violation, hookimpl

class UnitNamed(Rule):
    ...
    def check(self, sop, context):
        yield Violation(pointer="/unit", message=Text(id="...", en="..."))

@hookimpl
def soptui_rules():
    return [UnitNamed]
```

Every value is built by keyword (`Violation(pointer=..., message=..., fix=...)`), and is
immutable: make a changed copy with `replace(violation, pos=...)`.

`RuleTester` is imported when first asked for: a plugin's rules module imports `soptui.api` on
every lint, and the test helper is for its tests.
"""

from __future__ import annotations

from typing import Any, TypeVar

from .checker.engine import RuleInfo
from .checker.finding import Finding
from .checker.report import LintReport
from .checker.rule import Applicability, Context, CorpusIndex, CorpusRule, Edit, Fix, Rule, Severity, Violation
from .citation import Citation
from .field_names import english_name
from .hookspecs import hookimpl
from .i18n import Text
from .model import MonthDate, Signer, Sop, Step, date_order
from .registry import Entry, Registry, RegistryError, load_registry
from .reporting.base import Reporter
from .source import Pos

# 1.1: Applicability, Fix(applicability=...), Rule.fix_safety; 1.2: CorpusIndex;
# 1.3: MonthDate and date_order (a tanggal may be month-only), Step.pelaksana_semua (a step's actors);
# 1.4: english_name (a field's name as the English UI shows it)
API_VERSION = "1.4"

__all__ = [
    "API_VERSION",
    # writing rules
    "Rule", "CorpusRule", "CorpusIndex", "Severity", "Context", "Violation", "Fix", "Edit", "Applicability",
    "Text", "Pos", "replace", "english_name",
    # what a rule reads
    "Sop", "Step", "Signer", "Citation", "MonthDate", "date_order", "Registry", "Entry", "RegistryError", "load_registry",
    # hooks
    "hookimpl",
    # report formats
    "Reporter", "LintReport", "Finding", "RuleInfo",
    # testing
    "RuleTester",
]

_Value = TypeVar("_Value")


def replace(value: _Value, **changes: Any) -> _Value:
    """A copy of an immutable value (`Violation`, `Fix`, `Edit`, `Text`, `Finding`, ...) with the
    fields named by keyword changed: ``replace(violation, pos=Pos(3, 1))``."""
    fields = getattr(type(value), "_fields", None)
    if fields is None:
        raise TypeError(f"{type(value).__name__} is not a soptui value with fields")
    unknown = sorted(set(changes) - set(fields))
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {', '.join(unknown)}; its fields: {', '.join(fields)}")
    return value._replace(**changes)  # type: ignore[attr-defined]


def __getattr__(name: str) -> Any:
    if name == "RuleTester":
        from .testing import RuleTester

        return RuleTester
    raise AttributeError(f"module 'soptui.api' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
