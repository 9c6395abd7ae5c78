"""The link package's modules import one another without cycles, and only at module level."""

from __future__ import annotations

import ast
from pathlib import Path

LINK = Path(__file__).resolve().parent.parent / "advocate" / "link"


def _imports(path: Path) -> tuple[set[str], list[int]]:
    """Modules of ``advocate.link`` a file imports, and the lines of any import inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    nested: list[int] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("advocate.link."):
            names.add(node.module.removeprefix("advocate.link."))
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        nested += [n.lineno for n in ast.walk(function) if isinstance(n, (ast.Import, ast.ImportFrom))]
    return names, nested


def test_no_import_inside_a_function():
    found = {path.name: _imports(path)[1] for path in LINK.glob("*.py")}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_link_modules_form_no_cycle():
    graph = {path.stem: _imports(path)[0] for path in LINK.glob("*.py") if path.stem != "__init__"}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join(path + (module,))
        if module in done:
            return
        for imported in graph.get(module, ()):
            visit(imported, path + (module,))
        done.add(module)

    for module in graph:
        visit(module, ())
    assert graph["wording"] and "wording" not in graph["models"]
