"""The package's shape: no import cycle, layers import only downward, MkDocs only in
the adapter, no module over 300 lines.

Imports are read with ``ast`` (every ``import``, at any depth, including those
inside functions and ``TYPE_CHECKING`` blocks), never by importing the package.
"""

from __future__ import annotations

import ast
import pathlib
from collections.abc import Iterator
from dataclasses import dataclass

from conftest import REPO

PACKAGE = REPO / "scripts" / "showcase"
MAX_LINES = 300

# A layer may not import any module under these prefixes.
FORBIDDEN = {
    "showcase.content": ("showcase.plan", "showcase.publish", "showcase.adapter",
                         "showcase.commands", "showcase.workflow", "showcase.pipeline",
                         "showcase.cli", "bench"),
    "showcase.plan": ("showcase.publish", "showcase.adapter", "showcase.commands",
                      "showcase.workflow", "showcase.pipeline", "showcase.cli", "bench"),
    "showcase.publish": ("showcase.adapter", "showcase.commands", "showcase.cli",
                         "bench"),
}
ADAPTER = "showcase.adapter"
MKDOCS = ("mkdocs", "material")  # MkDocs and Material for MkDocs


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (a package's module when the name is one)
    line: int

    def __str__(self) -> str:
        return f"{self.source} (line {self.line}) imports {self.target}"


def module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def under(name: str, prefixes: tuple[str, ...] | str) -> bool:
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def imports_of(name: str, source: str, is_package: bool = False) -> Iterator[Import]:
    """Every import in ``source`` (the text of module ``name``), resolved to module names."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package of this module, `level - 1` up
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, *([node.module] if node.module else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield Import(name, sub if sub in MODULES else base, node.lineno)


def all_imports() -> list[Import]:
    out: list[Import] = []
    for name, path in MODULES.items():
        out += imports_of(name, path.read_text(encoding="utf-8"), path.name == "__init__.py")
    return out


IMPORTS = all_imports()


def cycles(edges: list[Import]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        if e.target != e.source:
            graph.setdefault(e.source, set()).add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def internal() -> list[Import]:
    return [i for i in IMPORTS if i.target in MODULES]


def _report(title: str, lines: list[str]) -> str:
    return f"{title}:\n  " + "\n  ".join(lines)


# --- the checker itself, on small made-up modules ----------------------------------------


def test_imports_are_resolved_to_modules() -> None:
    source = (
        "import os\n"
        "from showcase.content import corpus, text\n"
        "from showcase.plan.quotas import Cell\n"
        "from . import semesters\n"
        "from .. import options\n"
        "def f():\n"
        "    import mkdocs.config\n"
    )
    got = [(i.target, i.line) for i in imports_of("showcase.plan.reports", source)]
    assert got == [
        ("os", 1), ("showcase.content.corpus", 2), ("showcase.content.text", 2),
        ("showcase.plan.quotas", 3), ("showcase.plan.semesters", 4), ("showcase.options", 5),
        ("mkdocs.config", 7),
    ]
    from_package = [i.target for i in imports_of("showcase.plan", "from . import quotas\n", True)]
    assert from_package == ["showcase.plan.quotas"]


def test_cycles_are_found_with_their_members() -> None:
    def edge(a: str, b: str) -> Import:
        return Import(a, b, 1)

    edges = [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d"), edge("d", "d"),
             edge("e", "f"), edge("f", "e")]
    assert cycles(edges) == [["a", "b", "c"], ["e", "f"]]
    assert cycles([edge("a", "b"), edge("b", "c")]) == []


def test_the_graph_covers_the_package() -> None:
    assert {"showcase.cli", "showcase.content.model", "showcase.plan.quotas"} <= set(MODULES)
    assert Import("showcase.plan.quotas", "showcase.content.model", 1).target in MODULES
    assert any(i.source == "showcase.plan.quotas" and i.target == "showcase.content.model"
               for i in IMPORTS)


# --- the package --------------------------------------------------------------------------


def test_no_import_cycle() -> None:
    found = cycles(internal())
    lines = []
    for members in found:
        lines.append("cycle: " + ", ".join(members))
        lines += sorted({f"  {i}" for i in internal() if i.source in members
                         and i.target in members})
    assert not found, _report("Modules that import each other", lines)


def test_layers_import_only_downward() -> None:
    offenders = [
        str(i) for i in IMPORTS
        for layer, banned in FORBIDDEN.items()
        if under(i.source, layer) and under(i.target, banned)
    ]
    assert not offenders, _report("Imports from a higher layer", offenders)


def test_only_the_adapter_imports_mkdocs() -> None:
    offenders = [
        str(i) for i in IMPORTS if under(i.target, MKDOCS) and not under(i.source, ADAPTER)
    ]
    assert not offenders, _report(f"MkDocs imported outside {ADAPTER}", offenders)


def test_no_module_over_300_lines() -> None:
    long = [
        f"{path.relative_to(REPO)}: {n} lines"
        for path in MODULES.values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, _report(f"Modules over {MAX_LINES} lines (split them by concern)", long)
