"""The package's shape: no import cycles between sub-packages, plain imports only, evaluation kept apart.

Read from the source with ``ast`` (every import counts, also those inside functions), so a cycle hidden in a
function-level import is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "liftwatch"


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for p in SRC.rglob("*.py"):
        parts = list(p.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """liftwatch modules ``path`` imports (``from liftwatch import io`` counts as ``liftwatch.io``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
            names = subs if len(subs) == len(node.names) else [node.module, *subs]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name.startswith("liftwatch."):
                found.add(name)
    return found


def _unit(module: str) -> str:
    """The sub-package (``liftwatch.tracks``) or top-level module (``liftwatch.store``) a module belongs to."""
    return ".".join(module.split(".")[:2])


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp: list[str] = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        for dep in _imports(path, modules):
            a, b = _unit(name), _unit(dep)
            if a != b and a != "liftwatch" and b != "liftwatch":
                graph.setdefault(a, set()).add(b)
    return graph


def test_no_import_cycles_between_subpackages() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_detector_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layers_point_one_way() -> None:
    graph = _graph()
    assert "liftwatch.kb" in graph["liftwatch.tracks"]  # the graph is real (not vacuously acyclic)
    # kb is read by all and reads nothing above it; the store sits below the engines; nothing imports evaluation
    assert graph.get("liftwatch.kb", set()) <= {"liftwatch.errors", "liftwatch.geodesy"}
    assert not graph.get("liftwatch.store", set()) & {"liftwatch.tracks", "liftwatch.analytics", "liftwatch.report"}
    assert not [a for a, deps in graph.items() if "liftwatch.evaluation" in deps]
    # only `python -m liftwatch` (the entry point, as the console script) runs the CLI; no library module does
    assert not [
        a for a, deps in graph.items() if "liftwatch.cli" in deps and a not in ("liftwatch.cli", "liftwatch.__main__")
    ]


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_plain_imports_only(path: Path) -> None:
    """No importlib of liftwatch's own modules and no getattr fallbacks on the knowledge base."""
    text = path.read_text()
    for bad in ('import_module("liftwatch', "import_module('liftwatch", 'find_spec("liftwatch', "getattr(kb,"):
        assert bad not in text, f"{path.name}: {bad}"
    # a module name computed at run time hides the import from the graph above; only spaCy's optional language
    # models (third-party packages named by the user's installation) are imported that way
    computed = [
        node.lineno
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Call)
        and (getattr(node.func, "attr", None) == "import_module" or getattr(node.func, "id", None) == "import_module")
    ]
    allowed = {"claims/spacy_spans.py"}
    assert not computed or str(path.relative_to(SRC)) in allowed, f"{path.name}: import_module at lines {computed}"
