"""Imports sit at the top of their module, where the dependency graph can be read (issue 12,
item 5). An import inside a function is kept only with a reason recorded in `ALLOWED`, of one
of four kinds:

- dispatch: the command line choosing a subcommand module, or a subcommand the heavy feature
  it runs, so that `soptui --help` and every other command do not load it;
- reporter: every reporter module is imported to fill the registry of formats, so a format's
  own library waits until that format writes;
- optional: an optional feature, a heavy library, or a module that some path does not need and
  must not pay for at start-up (what the lint path must never import is asserted by
  `NEVER_IMPORTED` in test_cli.py and by the export and import tests);
- cycle: an import cycle that moving code has not broken yet (none today).

A new function-local import fails here until it moves to the top or gets its line; a line that
no longer matches an import fails too, so the list does not rot. An entry names the file and
the module imported; it covers that module's submodules as well (`reportlab` covers
`reportlab.pdfbase.pdfmetrics`).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "soptui"
KINDS = {"dispatch", "reporter", "optional", "cycle"}

_SCAN = "the position scanner, only for a text the quick locator cannot place (NEVER_IMPORTED)"
_JSONSCHEMA = "jsonschema, a heavy import: only to word the error of a file the quick check rejects"
_PYTEST = "pytest loads this plugin in every session; the checker only when a test uses the fixture"

# (file, module) -> (kind, why)
ALLOWED: dict[tuple[str, str], tuple[str, str]] = {
    # the command line
    ("soptui/cli/__init__.py", "soptui.tui.app"): ("dispatch", "the terminal UI (textual), only when no command is named"),
    ("soptui/cli/__init__.py", "soptui.reporting.base"): (
        "dispatch", "it brings the checker and every reporter; --version, --help and a usage error need none"),
    ("soptui/cli/__init__.py", "traceback"): ("optional", "only when soptui itself crashes"),
    ("soptui/cli/export.py", "soptui.exporting"): (
        "dispatch", "the export feature (reportlab, python-docx), after the check that they are installed"),
    ("soptui/cli/export.py", "soptui.cli.session"): (
        "optional", "--with-findings only: the checker, its plugins and reporters"),
    ("soptui/cli/discovery.py", "soptui.reporting.base"): (
        "optional", "the checker's report (printable's module), only when some TOML file is not an SOP and gets a note"),
    ("soptui/cli/regulation.py", "soptui.loading.loader"): (
        "optional", "--unknown only: the SOP loader (the model, the schema check); a lookup reads no SOP"),
    ("soptui/cli/lint.py", "soptui.checker.fixes"): ("optional", "--fix and --diff only: tomlkit"),
    ("soptui/cli/session.py", "soptui.checker.cache"): ("optional", "the cache key hashes (hashlib): not with --no-cache"),
    ("soptui/cli/session.py", "soptui.checker.run"): (
        "optional", "a rerun replayed from its record never runs the checker"),
    ("soptui/cli/session.py", "soptui.checker.revisions"): ("optional", "--changed-since only: git through subprocess"),
    ("soptui/cli/replay.py", "soptui.pieces"): ("optional", "its queue, only for a run that writes its record"),
    ("soptui/cli/replay.py", "soptui.checker.cache"): ("optional", "the cache (hashlib): not with --no-cache"),
    ("soptui/cli/replay.py", "tempfile"): ("optional", "only a run with --output spools a report (tempfile imports random and shutil)"),
    # reporters
    ("soptui/builtin.py", "soptui.reporting"): (
        "reporter", "the formats, only when the reporters are asked for: validate and the UI take only the rules"),
    ("soptui/reporting/gitlab.py", "hashlib"): ("reporter", "only the gitlab format fingerprints findings"),
    ("soptui/reporting/sarif.py", "hashlib"): ("reporter", "only the sarif format fingerprints findings"),
    # the checker
    ("soptui/checker/config.py", "jsonschema"): ("optional", _JSONSCHEMA),
    ("soptui/checker/config.py", "soptui.loading.said"): (
        "optional", "the SOP loader (the model, the schema check) and its words for broken TOML, only when a "
        "configuration file is read"),
    ("soptui/loading/said.py", "soptui.loading.positions"): ("optional", _SCAN),
    ("soptui/registry.py", "soptui.loading.said"): (
        "optional", "the SOP loader's words for broken TOML and bytes not UTF-8, only when a registry file is read"),
    ("soptui/checker/engine.py", "traceback"): ("optional", "only when a rule crashes"),
    ("soptui/checker/spill.py", "tempfile"): (
        "optional", "only a run of many files keeps its findings on disk; tempfile brings shutil (NEVER_IMPORTED)"),
    ("soptui/checker/plugins.py", "traceback"): ("optional", "only when a plugin fails to load"),
    ("soptui/checker/plugins.py", "pluggy"): (
        "optional", "pluggy (and the inspect it imports), only when a third-party plugin loads"),
    ("soptui/checker/plugins.py", "soptui.hookspecs"): (
        "optional", "the hook specifications, pluggy's markers: only with pluggy"),
    ("soptui/checker/entrypoints.py", "importlib.metadata"): (
        "optional", "importlib.metadata, a heavy import: only where the plain scan of sys.path cannot answer"),
    ("soptui/checker/fixes.py", "tomllib"): ("optional", "tomllib only to re-read a fixed text (NEVER_IMPORTED)"),
    ("soptui/checker/fixes.py", "tomli"): ("optional", "tomllib's stand-in before Python 3.11"),
    ("soptui/checker/parallel.py", "hashlib"): ("optional", "only a run that uses the cache hashes contents"),
    ("soptui/checker/parallel.py", "threading"): ("optional", "only in a worker, watching its parent"),
    ("soptui/checker/parallel.py", "concurrent.futures"): (
        "optional", "the process pool, only for enough files to spread over workers"),
    ("soptui/checker/run.py", "soptui.checker.cache"): ("optional", "the cache (hashlib): not with --no-cache"),
    # loading
    ("soptui/loading/loader.py", "soptui.loading.positions"): ("optional", _SCAN),
    ("soptui/loading/locate.py", "soptui.loading.positions"): ("optional", _SCAN),
    ("soptui/loading/schema.py", "soptui.loading.positions"): ("optional", _SCAN),
    ("soptui/loading/schema.py", "jsonschema"): ("optional", _JSONSCHEMA),
    ("soptui/loading/schema.py", "fastjsonschema"): (
        "optional", "only to compile the gate when the shipped _schema_gate.py is missing or stale"),
    ("soptui/loading/schema.py", "soptui.loading._schema_gate"): (
        "optional", "the generated gate, only when a file is checked (a cached lint checks none), and it may be absent"),
    ("soptui/loading/toml.py", "tomllib"): ("optional", "only for a text rtoml may not read as tomllib does (NEVER_IMPORTED)"),
    ("soptui/loading/toml.py", "tomli"): ("optional", "tomllib's stand-in before Python 3.11"),
    # the model, the registry, the rest
    ("soptui/model.py", "soptui.flow"): ("optional", "a lint answered from the cache never walks a flow"),
    ("soptui/registry.py", "jsonschema"): ("optional", _JSONSCHEMA),
    ("soptui/registry.py", "hashlib"): ("optional", "the registry's digest, only for the cache key (NEVER_IMPORTED)"),
    ("soptui/suggest.py", "difflib"): ("optional", "only when a name is misspelled"),
    ("soptui/atomic.py", "tempfile"): ("optional", "only a write: tempfile imports shutil and random (NEVER_IMPORTED)"),
    ("soptui/atomic.py", "ctypes"): ("optional", "only a checked save in the UI (renameat2)"),
    ("soptui/atomic.py", "threading"): ("optional", "only a run that writes in the background (the cache, the record)"),
    ("soptui/api.py", "soptui.testing"): ("optional", "RuleTester is for plugins' tests; every lint imports soptui.api"),
    ("soptui/pytest_plugin.py", "soptui.checker"): ("optional", _PYTEST),
    ("soptui/pytest_plugin.py", "soptui.loading.discover"): ("optional", _PYTEST),
    ("soptui/pytest_plugin.py", "soptui.registry"): ("optional", _PYTEST),
    # the document features
    ("soptui/exporting/__init__.py", "soptui.exporting.layout"): (
        "optional", "reportlab, so that its absence is an ImportError inside export_sop, which the UI words"),
    ("soptui/exporting/__init__.py", "soptui.exporting.pdf"): ("optional", "a Word export does not import the PDF back-end"),
    ("soptui/exporting/__init__.py", "soptui.exporting.docx"): ("optional", "a PDF export does not import python-docx"),
    ("soptui/exporting/text.py", "reportlab"): ("optional", "the export extra, imported where text is first measured"),
    ("soptui/importing/__init__.py", "soptui.importing.word"): ("optional", "python-docx and lxml, only for a .docx"),
    ("soptui/importing/__init__.py", "soptui.importing.pdf"): ("optional", "pdfplumber, only for a .pdf"),
    ("soptui/tui/app.py", "soptui.exporting"): ("optional", "the export extra, only when the user exports"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> set[str]:
    """The modules an import statement in `module` imports: `from . import name` names the
    submodule when there is one, else the package."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    base = module.split(".") if is_package else module.split(".")[:-1]
    if node.level:
        parent = base[:len(base) - (node.level - 1)]
        source = ".".join(parent + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    found = set()
    for alias in node.names:
        child = f"{source}.{alias.name}"
        is_module = child.startswith("soptui") and (
            (ROOT / (child.replace(".", "/") + ".py")).is_file() or (ROOT / child.replace(".", "/")).is_dir())
        found.add(child if is_module else source)
    return found


def local_imports(source: str, module: str, is_package: bool = False) -> list[tuple[int, str, str]]:
    """(line, function, module) of every import inside a function of `source`, nested ones too."""
    found = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, child.name)
                continue
            if function is not None and isinstance(child, (ast.Import, ast.ImportFrom)):
                found.extend((child.lineno, function, name) for name in sorted(imported_modules(child, module, is_package)))
            visit(child, function)

    visit(ast.parse(source), None)
    return found


def _all_local_imports() -> list[tuple[str, int, str, str]]:
    rows = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        for line, function, module in local_imports(path.read_text("utf-8"), name, path.name == "__init__.py"):
            rows.append((path.relative_to(ROOT).as_posix(), line, function, module))
    return rows


def _entry_for(file: str, module: str) -> tuple[str, str] | None:
    for allowed_module in (module, *(module.rsplit(".", n)[0] for n in range(1, module.count(".") + 1))):
        if (file, allowed_module) in ALLOWED:
            return file, allowed_module
    return None


def test_local_imports_are_found():
    source = (
        "import os\n"
        "try:\n    import rtoml\nexcept ImportError:\n    rtoml = None\n"
        "def f():\n    import json\n    def g():\n        from .b import c\n"
        "class K:\n    def m(self):\n        from . import d\n"
    )
    assert local_imports(source, "soptui.loading.a") == [
        (7, "f", "json"), (9, "g", "soptui.loading.b"), (12, "m", "soptui.loading")]
    assert ("soptui/cli/lint.py", "soptui.checker.fixes") in {(f, m) for f, _, _, m in _all_local_imports()}


def test_every_function_local_import_has_a_reason():
    unexplained = [f"{file}:{line} in {function}(): {module}" for file, line, function, module in _all_local_imports()
                   if _entry_for(file, module) is None]
    assert not unexplained, ("imports inside functions belong at the top of the module; move these, or add "
                             "each to ALLOWED with its kind and reason:\n" + "\n".join(unexplained))


def test_every_reason_is_still_needed():
    used = {_entry_for(file, module) for file, _, _, module in _all_local_imports()}
    stale = sorted(set(ALLOWED) - used)
    assert not stale, f"no longer imported inside a function: remove from ALLOWED: {stale}"


def test_every_reason_has_a_kind_and_says_why():
    for (file, module), (kind, why) in ALLOWED.items():
        assert (PACKAGE.parent / file).is_file(), file
        assert kind in KINDS, (file, module, kind)
        assert why.strip() and "\n" not in why, (file, module)
