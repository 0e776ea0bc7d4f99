"""The package's shape: no import cycle, layers import only downward, the sub-packages
of ``publish`` only what their docstrings allow, pure modules without I/O, MkDocs only
in the adapter; a warning (never a failure) for a module past 400 lines.

Imports are read with ``ast`` (every ``import``, at any depth, including those
inside functions and ``TYPE_CHECKING`` blocks), never by importing the package.
"""

from __future__ import annotations

import ast
import pathlib
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from conftest import REPO

PACKAGE = REPO / "scripts" / "showcase"
# A module holds one idea; past this many lines, look again whether it holds two.
SOFT_LINES = 400

_ABOVE_CONTENT = ("showcase.plan", "showcase.publish", "showcase.adapter", "showcase.commands",
                  "showcase.workflow", "showcase.pipeline", "showcase.cli")
# A layer may not import any module under these prefixes (lowest first).
FORBIDDEN = {
    "showcase.store": ("showcase.content", *_ABOVE_CONTENT, "showcase.options",
                       "showcase.option_values", "showcase.context", "showcase.timing"),
    "showcase.content": _ABOVE_CONTENT,
    "showcase.plan": ("showcase.publish", "showcase.adapter", "showcase.commands",
                      "showcase.workflow", "showcase.pipeline", "showcase.cli"),
    "showcase.publish": ("showcase.adapter", "showcase.commands", "showcase.cli",
                         "showcase.pipeline"),
}
BENCH = "bench"  # scripts/bench/: drives the package, never imported by it
ADAPTER = "showcase.adapter"
MKDOCS = ("mkdocs", "material")  # MkDocs and Material for MkDocs

# What each part of ``publish`` may import of ``publish`` (besides itself), as its
# docstring says. The order is the dependency order: media, feeds, pages, search.
PUBLISH = "showcase.publish"
BASE = ("showcase.publish.urls", "showcase.publish.markup", "showcase.publish.atomic",
        "showcase.publish.rebuild")  # shared by the sub-packages; import none of them
MANIFEST = "showcase.publish.media.manifest"
ALLOWED = {
    "showcase.publish.media": ("showcase.publish.urls",),
    "showcase.publish.feeds": ("showcase.publish.urls", "showcase.publish.markup", MANIFEST),
    "showcase.publish.pages": ("showcase.publish.urls", "showcase.publish.markup", MANIFEST,
                               "showcase.publish.feeds.captions",
                               "showcase.publish.feeds.feedlist"),
    "showcase.publish.search": ("showcase.publish.urls", "showcase.publish.markup",
                                "showcase.publish.pages.views"),
    **{base: ("showcase.publish.urls",) for base in BASE},
}
# Modules that compute, never read or write: no file, process or cache access.
PURE = (
    "showcase.publish.urls",
    "showcase.publish.media.manifest",
    "showcase.publish.feeds.captions", "showcase.publish.feeds.entries",
    "showcase.publish.feeds.feedlist",
    "showcase.publish.pages.csp", "showcase.publish.pages.follow",
    "showcase.publish.pages.listings", "showcase.publish.pages.outline",
    "showcase.publish.pages.plan",
    "showcase.publish.pages.sitemaps", "showcase.publish.pages.social",
    "showcase.publish.pages.views", "showcase.publish.pages.wording",
    "showcase.publish.search.blocks", "showcase.publish.search.encode",
    "showcase.publish.search.filters", "showcase.publish.search.layout",
    "showcase.publish.search.postings",
    "showcase.publish.search.records", "showcase.publish.search.words",
)
# The modules that write (files, the cache, processes): no pure module imports one.
WRITERS = ("showcase.publish.atomic", "showcase.publish.rebuild", "showcase.publish.feeds.plan",
           "showcase.publish.media.plan", "showcase.publish.media.jobs",
           "showcase.publish.media.run", "showcase.publish.pages.cache",
           "showcase.publish.search.bundle")
IO_MODULES = ("os", "io", "shutil", "tempfile", "subprocess", "multiprocessing", "concurrent",
              "fcntl", "pickle", "socket", "showcase.store")
# The one build cache's interface: what the rest of the package may import of it.
STORE_API = ("showcase.store.cache", "showcase.store.hashes", "showcase.store.digest",
             "showcase.store.sealed", "showcase.store.linked")


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (a package's module when the name is one)
    line: int
    name: str = ""  # the name imported from ``target`` (``from target import name``)

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
                if sub in MODULES:
                    yield Import(name, sub, node.lineno)
                else:
                    yield Import(name, base, node.lineno, alias.name)


def opens(source: str) -> list[int]:
    """The lines where ``source`` calls the built-in ``open``."""
    return [n.lineno for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Name) and n.func.id == "open"]


def part_of(name: str) -> str:
    """The sub-package of ``publish`` a module belongs to (or the module itself)."""
    parts = name.split(".")
    return ".".join(parts[:3]) if len(parts) > 3 else name


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


def test_the_package_never_imports_the_bench() -> None:
    offenders = [str(i) for i in IMPORTS if under(i.target, BENCH)]
    assert not offenders, _report("The bench (scripts/bench/) imported by the package",
                                  offenders)


def test_publish_parts_import_only_what_their_docstrings_allow() -> None:
    offenders = []
    for i in IMPORTS:
        if not under(i.source, PUBLISH) or not under(i.target, PUBLISH):
            continue
        own = part_of(i.source)
        if under(i.target, own) or i.target == PUBLISH:
            continue
        allowed = ALLOWED.get(own, ())
        if not under(i.target, allowed):
            offenders.append(f"{i} (allowed in {own}: {', '.join(allowed) or 'nothing'})")
    assert not offenders, _report("Imports across the parts of publish/", offenders)


def test_every_publish_part_is_declared_and_documented() -> None:
    parts = {part_of(n) for n in MODULES if under(n, PUBLISH) and n != PUBLISH}
    assert parts == set(ALLOWED), f"parts of publish/ without a rule: {parts ^ set(ALLOWED)}"
    undocumented = [n for n in parts | {"showcase.store"}
                    if (PACKAGE.parent / n.replace(".", "/") / "__init__.py").is_file()
                    and not ast.get_docstring(ast.parse(
                        (PACKAGE.parent / n.replace(".", "/") / "__init__.py").read_text()))]
    assert not undocumented, f"sub-packages without a docstring (what they own): {undocumented}"


def test_pure_modules_do_no_io() -> None:
    assert set(PURE) <= set(MODULES), set(PURE) - set(MODULES)
    assert set(WRITERS) <= set(MODULES), set(WRITERS) - set(MODULES)
    offenders = [str(i) for i in IMPORTS if i.source in PURE
                 and under(i.target, (*IO_MODULES, *WRITERS))]
    offenders += [f"{name} (line {line}) calls open()" for name in PURE
                  for line in opens(MODULES[name].read_text(encoding="utf-8"))]
    assert not offenders, _report("I/O in a pure module", offenders)


def test_private_names_stay_in_their_part() -> None:
    """``from x import _y`` only within one sub-package; the store only through its API."""
    offenders = [str(i) + f" (private name {i.name})" for i in IMPORTS
                 if i.name.startswith("_") and i.target in MODULES
                 and part_of(i.source) != part_of(i.target)]
    offenders += [str(i) for i in IMPORTS if under(i.target, "showcase.store")
                  and not under(i.source, "showcase.store") and i.target != "showcase.store"
                  and not under(i.target, STORE_API)]
    assert not offenders, _report("Imports of another part's internals", offenders)


def test_only_the_adapter_imports_mkdocs() -> None:
    offenders = [
        str(i) for i in IMPORTS if under(i.target, MKDOCS) and not under(i.source, ADAPTER)
    ]
    assert not offenders, _report(f"MkDocs imported outside {ADAPTER}", offenders)


def test_long_modules_are_flagged_not_failed() -> None:
    """A module holds one idea, whatever its length: past SOFT_LINES, a warning to
    look again (``pytest -rw`` lists them), never a failure that splits by length."""
    for path in MODULES.values():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > SOFT_LINES:
            warnings.warn(f"{path.relative_to(REPO)}: {n} lines; does it hold one idea?",
                          stacklevel=1)
