"""The package's shape: no import runs upward or loops, no module is too long, and every status is
a :class:`~extract.status.Status` member rather than a string typed again.

Each check is a function over parsed source, run over the package and over a small example that
breaks it, so that a check that could never fail is noticed too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extract.status import Status

PACKAGE = Path(__file__).resolve().parents[1] / "extract"
MAX_LINES = 350
# Modules allowed to import the package's own __init__: the public face and the command line.
TOP = {"extract", "extract.cli", "extract.__main__"}
STATUS_CODES = {status.value for status in Status}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources(root: Path = PACKAGE) -> dict[str, tuple[Path, ast.Module]]:
    return {module_name(path, root): (path, ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(root.rglob("*.py"))}


def _is_package(name: str, modules) -> bool:
    return any(other.startswith(name + ".") for other in modules)


def _base(module: str, level: int, modules) -> str:
    parts = module.split(".")
    package = parts if _is_package(module, modules) else parts[:-1]
    return ".".join(package[:len(package) - level + 1])


def imports(module: str, tree: ast.Module, modules) -> list[tuple[str, bool, bool]]:
    """(imported module, at module level, names taken from a package's __init__) for each import."""
    top = set(map(id, tree.body))
    found = []

    def at_top(node: ast.AST) -> bool:
        return id(node) in top or any(id(node) in map(id, ast.walk(stmt)) for stmt in tree.body
                                      if isinstance(stmt, (ast.If, ast.Try)))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "extract":
                    found.append((alias.name, at_top(node), alias.name in modules and _is_package(alias.name, modules)))
        elif isinstance(node, ast.ImportFrom):
            target = (_base(module, node.level, modules) + ("." + node.module if node.module else "")).strip(".") \
                if node.level else (node.module or "")
            if target.split(".")[0] != "extract":
                continue
            names = [f"{target}.{alias.name}" for alias in node.names]
            submodules = [name for name in names if name in modules]
            from_init = len(submodules) < len(names) and _is_package(target, modules)
            for name in submodules or [target]:
                found.append((name, at_top(node), from_init))
    return found


def import_graph(parsed) -> dict[str, set[str]]:
    return {module: {target for target, top, _ in imports(module, tree, parsed) if top and target != module}
            for module, (_, tree) in parsed.items()}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of the graph, if there is one."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def upward(parsed) -> list[str]:
    """Imports of the package's or a subpackage's ``__init__`` from inside the package."""
    return [f"{module} imports {target}" for module, (_, tree) in parsed.items() if module not in TOP
            for target, _, from_init in imports(module, tree, parsed) if from_init or target == "extract"]


def _mentions_status(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return "status" in node.attr.lower()
    if isinstance(node, ast.Name):
        return "status" in node.id.lower()
    if isinstance(node, ast.Subscript):
        return _mentions_status(node.value) or (isinstance(node.slice, ast.Constant) and node.slice.value == "status")
    return False


def _codes_in(node: ast.AST) -> list[str]:
    values = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [v.value for v in values if isinstance(v, ast.Constant) and v.value in STATUS_CODES]


def status_literals(tree: ast.Module) -> list[tuple[int, str]]:
    """Status codes typed as strings: ``status="..."``, ``x.status = "..."``, ``status == "..."``,
    ``failed(raw, "...", error)``, and sets of codes (``("ok", "duplicate")``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(_codes_in(node)) >= 2:
            found += [(node.lineno, code) for code in _codes_in(node)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "failed":
            found += [(node.lineno, code) for arg in node.args for code in _codes_in(arg)]
        elif isinstance(node, ast.keyword) and node.arg == "status":
            found += [(node.value.lineno, code) for code in _codes_in(node.value)]
        elif isinstance(node, ast.Assign) and any(map(_mentions_status, node.targets)):
            found += [(node.lineno, code) for code in _codes_in(node.value)]
        elif isinstance(node, ast.Compare) and any(map(_mentions_status, [node.left, *node.comparators])):
            found += [(node.lineno, code) for side in [node.left, *node.comparators] for code in _codes_in(side)]
        elif isinstance(node, ast.Subscript) and _mentions_status(node.value):
            found += [(node.lineno, code) for code in _codes_in(node.slice)]     # statuses["ok"]
        elif isinstance(node, ast.Call) and any(isinstance(a, ast.Subscript) and _mentions_status(a) for a in node.args):
            found += [(node.lineno, code) for arg in node.args for code in _codes_in(arg)]   # pc.equal(t["status"], "ok")
    return found


PARSED = sources()


def test_no_cycles_among_module_level_imports():
    assert cycle(import_graph(PARSED)) is None


def test_no_module_imports_the_package_init():
    assert upward(PARSED) == []


def test_no_module_is_too_long():
    long = {module for module, (path, _) in PARSED.items()
            if len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES}
    assert long == set()


def test_no_status_literal_outside_status_py():
    found = {module: status_literals(tree) for module, (_, tree) in PARSED.items() if module != "extract.status"}
    assert {module: hits for module, hits in found.items() if hits} == {}


# The checks themselves find what they look for.

def _package(tmp_path: Path, files: dict[str, str]) -> dict:
    for name, text in files.items():
        path = tmp_path / "extract" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sources(tmp_path / "extract")


def test_the_checks_can_fail(tmp_path):
    parsed = _package(tmp_path, {
        "__init__.py": "from .a import f\n",
        "a.py": "from .sub.b import g\n\ndef f():\n    from . import h\n",
        "sub/__init__.py": "",
        "sub/b.py": "from ..a import f\nfrom .. import h\nimport extract\n",
        "c.py": "def late():\n    from .a import f\n",
    })
    found = cycle(import_graph(parsed))
    assert found and found[0] == found[-1] and {"extract.a", "extract.sub.b"} <= set(found)
    assert sorted(upward(parsed)) == ["extract.a imports extract", "extract.sub.b imports extract",
                                      "extract.sub.b imports extract"]
    assert "extract.c" not in {m for m, targets in import_graph(parsed).items() if targets}   # function-level only


@pytest.mark.parametrize("code", [
    'RawDoc(source=s, status="read_error")', 'article.status = "duplicate"', 'if a.status != "ok": pass',
    'x = row["status"] in ("ok", "duplicate")', 'pc.equal(t["status"], "ok")', 'summary.statuses["ok"] == 1',
    'ELIGIBLE = ("ok", "duplicate")', 'failed(raw, "timeout", "took too long")',
])
def test_a_status_literal_is_found(code):
    assert status_literals(ast.parse(code))


def test_a_status_member_is_not_a_literal():
    assert not status_literals(ast.parse('a.status = Status.OK\nlabel == "ok"\nRawDoc(status=Status.EMPTY)'))
