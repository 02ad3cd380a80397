"""Write a working plugin skeleton: a package with one rule, its test, and the entry point.

NAME is the plugin's short name (e.g. lumajang); the package is written to ./soptui-NAME/
unless --dir says otherwise. Then: pip install ./soptui-NAME && soptui rules
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..i18n import glossed
from . import UsageError, already_exists

PYPROJECT = '''[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "soptui-{name}"
version = "0.1.0"
description = "soptui rules of {title}"
requires-python = ">=3.10"
dependencies = ["soptui>=0.1"]

[project.entry-points.soptui]
{name} = "soptui_{module}"

[tool.setuptools.packages.find]
where = ["src"]
'''

INIT = '''"""soptui rules of {title}."""

from soptui.api import hookimpl

from .rules import UnitNamed


@hookimpl
def soptui_rules():
    return [UnitNamed]
'''

RULES = '''"""The rules of this plugin. Each rule: a code, a name, a severity, a check, and a docstring
that `soptui rule NAME` shows: a first line, then the sections What it checks, Why it matters,
Example and Instead (the shape of soptui's own rules)."""

from soptui.api import Rule, Severity, Text, Violation


class UnitNamed(Rule):
    """The unit is written with its kind: "Kecamatan ...", "Kelurahan ...", "Desa ...".

    ## What it checks
    `unit` starts with one of the kinds of the option `kinds`.

    ## Why it matters
    A bare name ("Awayan") cannot be told apart from a desa of the same name.

    ## Example
    ```toml
    unit = "Awayan"
    ```

    ## Instead
    ```toml
    unit = "Kecamatan Awayan"
    ```
    """

    code = "{prefix}001"
    name = "{name}-unit-named"
    severity = Severity.WARNING
    options_schema = {{
        "type": "object",
        "properties": {{"kinds": {{"type": "array", "items": {{"type": "string"}},
                                  "default": ["Kecamatan", "Kelurahan", "Desa"]}}}},
        "additionalProperties": False,
    }}

    def check(self, sop, context):
        if not any(sop.unit.startswith(kind + " ") for kind in self.options["kinds"]):
            kinds = ", ".join(self.options["kinds"])
            yield Violation(pointer="/unit", message=Text(
                id=f"unit {{sop.unit!r}} tidak diawali jenisnya ({{kinds}})",
                en=f"unit {{sop.unit!r}} does not start with its kind ({{kinds}})",
            ))
'''

TEST = '''from soptui.api import RuleTester

from soptui_{module}.rules import UnitNamed

tester = RuleTester(UnitNamed)


def test_a_unit_with_its_kind_passes():
    tester.assert_valid('unit = "Kecamatan Awayan"\\n')


def test_a_bare_unit_name_is_reported_at_its_line():
    tester.assert_invalid('unit = "Awayan"\\n', [{{"line": 1, "message": "does not start with its kind"}}])


def test_the_kinds_option():
    RuleTester(UnitNamed, options={{"kinds": ["Dinas"]}}).assert_valid('unit = "Dinas Kesehatan"\\n')


def test_the_docstring_has_the_shape_soptui_rule_shows():
    tester.assert_documented()
'''

README = '''# soptui-{name}

soptui rules of {title}. Install and see them:

```sh
pip install ./soptui-{name}
soptui rules
soptui lint sops/
```

Test: `pytest soptui-{name}` (with soptui installed). See soptui's docs/plugins.md.
'''


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="short name, lowercase (e.g. lumajang)")
    parser.add_argument("--dir", default=None, help="where to write it (default: ./soptui-NAME)")


def run(args: argparse.Namespace) -> int:
    name = args.name.strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        raise UsageError(glossed("NAME: huruf kecil, angka dan -, mis. lumajang",
                                 "NAME: lowercase letters, digits and -, e.g. lumajang"))
    module = name.replace("-", "_")
    target = Path(args.dir or f"soptui-{name}")
    if target.exists():
        raise UsageError(already_exists(target))
    values = {"name": name, "module": module, "title": name.replace("-", " ").title(),
              "prefix": re.sub(r"[^A-Z]", "", name.upper())[:3] or "USR"}
    files = {
        "pyproject.toml": PYPROJECT, f"src/soptui_{module}/__init__.py": INIT,
        f"src/soptui_{module}/rules.py": RULES, f"tests/test_{module}.py": TEST, "README.md": README,
    }
    for relative, template in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
    print(f"{target}/: plugin dibuat (plugin written). Next: pip install ./{target} && soptui rules")
    return 0
