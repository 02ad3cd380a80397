"""The import graph of soptui, read from the source (every `import`, at module level and inside
functions): arrows go one way. A cycle between packages fails, and so does one between modules,
unless this file's allow-list names it with the issue that removes it; the regulations code, the
model and the loader never import the checker.

Imports under `if TYPE_CHECKING:` are left out of the cycle check: they never run. They count for
the one-way arrows all the same, since a type named from above is a dependency on it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "soptui"

# Cycles known and owned by another change; each is removed by the issue named. A cycle not
# listed fails the test, and so does a listed one that is gone (so the list does not rot).
ALLOWED_MODULE_CYCLES: set[frozenset[str]] = set()
ALLOWED_PACKAGE_CYCLES: set[frozenset[str]] = set()
# Below the checker: none of these may import soptui.checker, directly or through another module.
BELOW_THE_CHECKER = ("soptui.registry", "soptui.citation", "soptui.model", "soptui.loading")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
SUBPACKAGES = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}


def _typing_only(node: ast.If) -> bool:
    test = node.test
    return getattr(test, "id", None) == "TYPE_CHECKING" or getattr(test, "attr", None) == "TYPE_CHECKING"


def imports_of(name: str, path: Path, typing_too: bool = False) -> set[str]:
    """The soptui modules `name` imports anywhere in its source (a `from package import module`
    names the module)."""
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _typing_only(child) and not typing_too:
                for other in child.orelse:
                    visit_node(other)
                continue
            visit_node(child)

    def visit_node(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = base[:len(base) - (node.level - 1)]
                module = ".".join(parent + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                child = f"{module}.{alias.name}"
                found.add(child if child in MODULES else module)
        visit(node)

    visit(ast.parse(path.read_text("utf-8"), str(path)))
    return {m for m in found if m == "soptui" or m.startswith("soptui.")} - {name}


def package_of(module: str) -> str:
    """soptui.checker.engine -> soptui.checker; a top-level module (soptui.registry) is its own."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and parts[1] in SUBPACKAGES else module


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one node (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
    return found


def _describe(component: frozenset[str], graph: dict[str, set[str]]) -> str:
    arrows = sorted(f"{a} -> {b}" for a in component for b in graph.get(a, ()) if b in component)
    return "{" + ", ".join(sorted(component)) + "}: " + "; ".join(arrows)


MODULE_GRAPH = {name: imports_of(name, path) & set(MODULES) for name, path in MODULES.items()}
PACKAGE_GRAPH: dict[str, set[str]] = {}
for _module, _imported in MODULE_GRAPH.items():
    PACKAGE_GRAPH.setdefault(package_of(_module), set()).update(
        package_of(m) for m in _imported if package_of(m) != package_of(_module))


def test_the_graph_is_read():
    assert len(MODULES) > 100
    assert "soptui.checker.rule" in MODULE_GRAPH["soptui.checker.engine"]
    assert "soptui.checker.cache" in MODULE_GRAPH["soptui.checker.run"]  # a function-level import
    assert "soptui.coverage" in MODULE_GRAPH["soptui.checker.engine"]  # `from .. import coverage`
    assert "soptui.checker" in PACKAGE_GRAPH["soptui.cli"]


def test_cycles_are_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [frozenset("abc")]


@pytest.mark.parametrize("graph, allowed, kind", [
    (PACKAGE_GRAPH, ALLOWED_PACKAGE_CYCLES, "packages"),
    (MODULE_GRAPH, ALLOWED_MODULE_CYCLES, "modules"),
])
def test_no_import_cycle(graph, allowed, kind):
    found = cycles(graph)
    new = [_describe(c, graph) for c in found if c not in allowed]
    assert not new, f"import cycles between {kind}:\n" + "\n".join(new)
    gone = [sorted(c) for c in allowed if c not in found]
    assert not gone, f"no longer cycles: remove them from the allow-list: {gone}"


def _reachable(start: str, graph: dict[str, set[str]]) -> dict[str, str]:
    """Every module `start` imports, directly or not, with the module that imports it."""
    seen, queue = {start: ""}, [start]
    while queue:
        module = queue.pop()
        for imported in sorted(graph.get(module, ())):
            if imported not in seen:
                seen[imported] = module
                queue.append(imported)
    return seen


@pytest.mark.parametrize("below", BELOW_THE_CHECKER)
def test_what_is_below_the_checker_never_imports_it(below):
    graph = {name: imports_of(name, path, typing_too=True) & set(MODULES) for name, path in MODULES.items()}
    for start in [m for m in MODULES if m == below or m.startswith(below + ".")]:
        reached = _reachable(start, graph)
        upward = sorted(m for m in reached if m.startswith("soptui.checker"))
        if upward:
            chain, module = [upward[0]], upward[0]
            while reached[module]:
                module = reached[module]
                chain.append(module)
            pytest.fail(f"{start} imports the checker: {' -> '.join(reversed(chain))}")
