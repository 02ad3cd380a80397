"""soptui.api, the one door for plugin authors: what it exports, that values are built by
keyword, and that docs/plugins.md, the plugin skeleton and plugins/soptui-balangan agree with
the code and import nothing else of soptui."""

import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from soptui import api, hookspecs
from soptui.flow import Flow
from soptui.loading.toml import tomllib as _tomllib

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "plugins.md").read_text("utf-8")
BALANGAN = ROOT / "plugins" / "soptui-balangan"
tomllib = _tomllib()


def test_every_exported_name_exists_and_the_version_is_major_minor():
    assert re.fullmatch(r"\d+\.\d+", api.API_VERSION)
    assert len(set(api.__all__)) == len(api.__all__)
    for name in api.__all__:
        assert getattr(api, name) is not None, name
    wanted = {"Rule", "CorpusRule", "Violation", "Fix", "Edit", "Severity", "Context", "Text", "hookimpl",
              "Reporter", "LintReport", "RuleTester"}
    assert wanted <= set(api.__all__)
    assert sorted(dir(api)) == sorted(api.__all__)


def test_importing_the_api_imports_nothing_a_one_file_lint_does_not():
    """A plugin's modules import soptui.api on every lint: it must not slow the lint down. (pluggy,
    and the hook specifications made with it, which a lint with the built-in plugin alone does
    without, come with any third-party plugin: what they import is not counted.)"""
    code = ("import io, sys, contextlib\nfrom soptui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['lint', 'sops/wangon/pengukuran-kinerja.toml', '--no-cache'])\n"
            "import soptui.hookspecs\n"
            "before = set(sys.modules)\nimport soptui.api\n"
            "print(sorted(set(sys.modules) - before - {'soptui.api'}))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, SOPTUI_DISABLE_PLUGIN_AUTOLOAD="1"))
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


VALUES = ["Violation", "Fix", "Edit", "Text", "Pos", "Finding", "LintReport", "Citation", "Step", "Signer",
          "Entry", "RuleInfo"]


@pytest.mark.parametrize("name", VALUES)
def test_every_public_value_is_built_by_keyword_and_immutable(name):
    cls = getattr(api, name)
    parameters = inspect.signature(cls).parameters.values()
    assert not [p for p in parameters if p.kind is p.POSITIONAL_ONLY], f"{name} has positional-only fields"
    assert hasattr(cls, "_fields")  # a NamedTuple: `replace` gives changed copies, nothing changes in place


def test_values_by_keyword_and_replace():
    text = api.Text(id="pesan", en="message")
    edit = api.Edit(pointer="/unit", value="Kecamatan Awayan")
    violation = api.Violation(pointer="/unit", message=text,
                              fix=api.Fix(description=text, edits=(edit,)))
    moved = api.replace(violation, pos=api.Pos(line=3, col=1))
    assert moved.pos == (3, 1) and violation.pos is None and moved.fix.edits[0].value == "Kecamatan Awayan"
    with pytest.raises(TypeError, match="no field column; its fields: pointer, message"):
        api.replace(violation, column=3)
    context = api.Context(registry=api.Registry())
    assert len(context.registry) == 0 and len(api.Context().registry) > 0


def test_the_report_a_reporter_receives_is_read_only():
    from soptui.checker.engine import LintResult

    result = LintResult(["a.toml"], [], [])
    report = api.LintReport.of(result)
    assert isinstance(report.findings, tuple) and isinstance(report.files, tuple)
    with pytest.raises(AttributeError):
        report.findings = ()  # type: ignore[misc]


# -- the docs name what the code has ------------------------------------------------------------------------


def _documented_signatures():
    """Every `Name(a, b=..., *, c=...)` in the docs whose Name is a value or the Context (calls
    such as `RuleTester(MyRule, registry=...)` are examples, not signatures)."""
    for match in re.finditer(r"`([A-Z]\w*)\(([^`]*)\)`", DOCS):
        name, params = match[1], match[2]
        if name in [*VALUES, "Context"]:
            names = [p.split("=")[0].strip() for p in params.split(",") if p.strip() and p.strip() != "*"]
            yield name, names


def test_the_docs_signatures_of_values_are_the_code_s_fields():
    seen = set()
    for name, documented in _documented_signatures():
        seen.add(name)
        actual = [p for p in inspect.signature(getattr(api, name)).parameters if p != "self"]
        assert documented == actual, f"docs/plugins.md: {name}({', '.join(documented)}), code: {actual}"
    assert {"Violation", "Fix", "Edit", "Text", "Pos", "Finding", "Context", "LintReport"} <= seen


def test_the_docs_rule_attributes_exist():
    table = DOCS[DOCS.index("### `Rule`"):DOCS.index("### `Context`")]
    attributes = re.findall(r"^\| `(\w+)", table, re.MULTILINE)
    assert attributes
    for attribute in attributes:
        assert hasattr(api.Rule, attribute) or attribute in api.Rule.__annotations__, f"docs/plugins.md names Rule.{attribute}, which does not exist"


def test_the_docs_model_names_exist():
    section = DOCS[DOCS.index("### The model"):]
    names = set(re.findall(r"`([a-z_]+)(?:\([^`]*\))?`", section))
    assert {"nama", "tanggal_revisi", "durasi", "by_no"} <= names
    owners = [api.Sop, api.Step, api.Citation, api.Signer, api.MonthDate, Flow]
    fields = set(api.__all__)  # the model's helpers, such as date_order
    for owner in owners:
        fields |= set(getattr(owner, "_fields", ())) | set(dir(owner))
    fields |= {"by_no", "steps"}  # Flow's attributes, set in __init__
    missing = sorted(names - fields)
    assert not missing, f"docs/plugins.md names {missing}, which the model does not have"


def test_finding_fields_are_named_as_in_the_code():
    """The docs once said `column` where the field is `col` (the JSON report's key is "column")."""
    assert "col" in api.Finding._fields and "column" not in api.Finding._fields
    assert "`col`" in DOCS[DOCS.index("### `Finding`"):]


def test_every_hook_is_documented_with_its_signature():
    hooks = [name for name in dir(hookspecs) if name.startswith("soptui_")]
    assert hooks
    for name in hooks:
        function = getattr(hookspecs, name)
        signature = f"def {name}() -> {function.__annotations__['return']}"
        assert not inspect.signature(function).parameters  # a hook with arguments: document them too
        assert signature in DOCS, f"docs/plugins.md lacks `{signature}`"
        doc = inspect.getdoc(function)
        for part in ("**When:**", "**Gets:**", "**Returns:**"):
            assert part in doc, f"{name}'s docstring lacks {part}"


def test_hookspecs_names_the_entry_point_pyproject_declares():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["soptui"]
    for name, value in declared.items():
        assert f'``{name} = "{value}"``' in hookspecs.__doc__


# -- the skeleton, the example plugin and the guide import only soptui.api --------------------------------


def _soptui_imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module.split(".")[0] == "soptui":
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "soptui"}
    return found


def test_the_guide_imports_only_soptui_api():
    blocks = re.findall(r"```python\n(.*?)```", DOCS, re.DOTALL)
    imports = set()
    for block in blocks:
        if block.lstrip().startswith("def soptui_"):
            continue  # a hook's signature, not code to run
        imports |= _soptui_imports(block)
    assert imports == {"soptui.api"}


def test_the_example_plugin_imports_only_soptui_api_and_its_tests_pass():
    sources = sorted([*BALANGAN.glob("src/**/*.py"), *BALANGAN.glob("tests/*.py")])
    assert len(sources) >= 5
    for path in sources:
        assert _soptui_imports(path.read_text("utf-8")) <= {"soptui.api"}, path
    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(BALANGAN / "tests")],
                         env=dict(os.environ, PYTHONPATH=str(BALANGAN / "src")), capture_output=True, text=True)
    assert ran.returncode == 0 and " passed" in ran.stdout, ran.stdout + ran.stderr


def test_the_skeleton_imports_only_soptui_api(tmp_path):
    made = subprocess.run([sys.executable, "-m", "soptui", "new-plugin", "uji", "--dir", str(tmp_path / "p")],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    sources = list((tmp_path / "p").rglob("*.py"))
    assert len(sources) == 3
    for path in sources:
        assert _soptui_imports(path.read_text("utf-8")) == {"soptui.api"}, path


def test_english_name_gives_the_screen_s_word_for_a_field_and_refuses_other_keys():
    assert api.english_name("kelengkapan") == "Requirements"
    assert api.english_name("dasar_hukum") == "Legal basis"
    assert api.english_name("tanggal_efektif") == "Date effective"
    with pytest.raises(KeyError):
        api.english_name("langkah")
