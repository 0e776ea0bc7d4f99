"""YAML text -> a small tree of scalars, sequences and mappings with lines.

We compose the tree ourselves from the parser's events instead of letting
PyYAML construct Python values, because:

* PyYAML silently keeps the last of two duplicate keys; we report it;
* YAML 1.1 coerces ``no`` to False, ``010`` to 8 and bare dates to ``date``;
  we keep the source text and let each field decide (see ``model.py``);
* anchors, aliases and custom tags are reported, never expanded or run;
* every key keeps its line, so messages can point at it;
* nesting is bounded (:data:`MAX_DEPTH`): a thousand nested ``[[[...`` get
  one problem line, never a ``RecursionError``;
* characters YAML refuses or reads as line breaks (NUL, ESC, NEL, U+2028...)
  and invisible direction controls are reported at their own line and
  replaced before parsing, so the rest of the file is still checked.

libyaml's C parser is used when available: it is several times faster, and
the check must stay under a few seconds for 10,000 profiles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

import yaml

from showcase.content import chars


class _Events(Protocol):
    """The part of a PyYAML loader we use: its event stream (C and pure parsers alike)."""

    def check_event(self, *choices: type[yaml.Event]) -> bool: ...
    def peek_event(self) -> yaml.Event | None: ...
    def get_event(self) -> yaml.Event | None: ...
    def dispose(self) -> None: ...


_Loader: Callable[[str], _Events]
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - wheels ship libyaml
    _Loader = yaml.SafeLoader

# Explicit tags that only restate a standard type are harmless (``!!str 010``).
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_NULLS = {"", "~", "null", "Null", "NULL"}
# Front matter needs three levels (consent -> scope -> item), units.yml four.
MAX_DEPTH = 12
MAX_CHAR_PROBLEMS = 20  # per file: one pasted block can hold thousands
# libyaml's own cost grows with the square of the flow nesting ('[[[[...'):
# 1,000 levels take 0.07 s, 20,000 take 7 s. Deeper than this, it is not run.
MAX_FLOW_SCAN = 1_000
_FLOW = re.compile(r"[\[\]{}\n]")


@dataclass(frozen=True)
class Scalar:
    text: str
    line: int
    plain: bool  # unquoted: YAML would have guessed its type

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in _NULLS


@dataclass(frozen=True)
class Seq:
    items: tuple[Node, ...]
    line: int


@dataclass(frozen=True)
class Entry:
    key: str
    key_line: int
    value: Node


@dataclass
class Map:
    entries: dict[str, Entry]
    line: int

    def get(self, key: str) -> Node | None:
        e = self.entries.get(key)
        return e.value if e else None

    def line_of(self, key: str) -> int:
        e = self.entries.get(key)
        return e.key_line if e else self.line


Node = Scalar | Seq | Map


@dataclass(frozen=True)
class Problem:
    """A structural YAML problem; ``kind`` selects the message."""

    kind: str  # syntax | duplicate | alias | anchor | tag | complex-key | multi-doc | deep
    #          | char (``detail`` is the character, ``context`` its escaped surroundings)
    line: int
    detail: str = ""
    context: str = ""
    # syntax errors: the parser's own words are only for telling cases apart
    # (see yamlsyntax.py), never shown; its two positions (0-based column)
    column: int = 0
    context_line: int = 0
    context_column: int = 0


@dataclass
class Parsed:
    root: Node | None
    problems: list[Problem] = field(default_factory=list)


def parse(text: str, first_line: int = 1) -> Parsed:
    """Parse one YAML document; lines are offset so that 1 = ``first_line``."""
    off = first_line
    problems = list(_forbidden_chars(text, off))
    if problems:
        text = chars.FORBIDDEN.sub(" ", text)  # reported above; the rest still parses
    deep = _flow_depth(text, off)
    if deep:
        return Parsed(None, [*problems, Problem("deep", deep, str(MAX_DEPTH))])
    loader = _Loader(text)
    try:
        root = _document(loader, problems, off)
    except yaml.MarkedYAMLError as exc:
        mark, where = exc.problem_mark or exc.context_mark, exc.context_mark
        line = (mark.line + off) if mark else off
        problem = Problem(
            "syntax", line, exc.problem or exc.context or "", exc.context or "",
            mark.column if mark else 0, (where.line + off) if where else 0,
            where.column if where else 0,
        )
        return Parsed(None, [*problems, problem])
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are prevented above
        return Parsed(None, [*problems, Problem("syntax", off, str(exc).splitlines()[0])])
    finally:
        loader.dispose()
    return Parsed(root, problems)


def _flow_depth(text: str, off: int) -> int:
    """The line where brackets first nest deeper than MAX_DEPTH, if they ever nest
    deeper than MAX_FLOW_SCAN (counted roughly, quotes ignored); else 0."""
    if text.count("[") + text.count("{") <= MAX_FLOW_SCAN:
        return 0
    depth = deepest = 0
    line = first = off
    for m in _FLOW.finditer(text):
        c = m.group(0)
        if c == "\n":
            line += 1
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH and depth > deepest:
                first = first if deepest > MAX_DEPTH else line
                deepest = depth
        elif depth:
            depth -= 1
    return first if deepest > MAX_FLOW_SCAN else 0


def _forbidden_chars(text: str, off: int) -> Iterator[Problem]:
    """Control and direction characters, each at its own line (never YAML's guess)."""
    if chars.FORBIDDEN.search(text) is None:
        return
    for i, line in enumerate(text.split("\n")):
        for n, m in enumerate(chars.FORBIDDEN.finditer(line)):
            if n or i >= MAX_CHAR_PROBLEMS:
                break  # one per line is enough to find them
            yield Problem("char", i + off, m.group(0), chars.excerpt(line, m.start()))


def path_at(root: Node | None, line: int) -> str:
    """The key path (``consent.ref``, ``achievements[1].text``) written at ``line``."""
    node, path = root, ""
    while isinstance(node, Map | Seq):
        if isinstance(node, Map):
            entry = None
            for e in node.entries.values():
                if e.key_line <= line and (entry is None or e.key_line >= entry.key_line):
                    entry = e
            if entry is None:
                break
            path = f"{path}.{entry.key}" if path else entry.key
            node = entry.value
        else:
            index = None
            for i, item in enumerate(node.items):
                if item.line <= line:
                    index = i
            if index is None:
                break
            path = f"{path}[{index}]"
            node = node.items[index]
    return path or "-"


def _next(loader: _Events) -> yaml.Event:
    ev = loader.get_event()
    if ev is None:  # pragma: no cover - the parser ends with StreamEnd first
        raise yaml.YAMLError("unexpected end of the event stream")
    return ev


def _line(ev: yaml.Event, off: int) -> int:
    return (ev.start_mark.line if ev.start_mark else 0) + off


def _document(loader: _Events, problems: list[Problem], off: int) -> Node | None:
    loader.get_event()  # StreamStart
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # DocumentStart
    root = _node(loader, problems, off)
    loader.get_event()  # DocumentEnd
    if not loader.check_event(yaml.StreamEndEvent):
        extra = loader.peek_event()
        problems.append(Problem("multi-doc", _line(extra, off) if extra else off))
        while not loader.check_event(yaml.StreamEndEvent):
            loader.get_event()
    return root


def _skip(loader: _Events) -> None:
    """Consume the rest of a collection whose start event was just read, iteratively."""
    depth = 1
    while depth:
        ev = _next(loader)
        if isinstance(ev, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            depth += 1
        elif isinstance(ev, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            depth -= 1


def _node(loader: _Events, problems: list[Problem], off: int, depth: int = 1) -> Node:
    ev = _next(loader)
    line = _line(ev, off)
    if depth > MAX_DEPTH and isinstance(ev, yaml.SequenceStartEvent | yaml.MappingStartEvent):
        problems.append(Problem("deep", line, str(MAX_DEPTH)))
        _skip(loader)
        return Scalar("", line, True)
    if isinstance(ev, yaml.AliasEvent):
        # Never expand: an alias bomb must cost nothing.
        problems.append(Problem("alias", line, ev.anchor or ""))
        return Scalar("", line, True)
    anchor = getattr(ev, "anchor", None)
    if anchor:
        problems.append(Problem("anchor", line, anchor))
    tag = getattr(ev, "tag", None)
    if tag and tag != "!" and tag not in _STANDARD_TAGS:
        problems.append(Problem("tag", line, tag))
    if isinstance(ev, yaml.ScalarEvent):
        # libyaml reports plain style as '' and the pure parser as None.
        return Scalar(ev.value, line, not ev.style and not tag)
    if isinstance(ev, yaml.SequenceStartEvent):
        items = []
        while not loader.check_event(yaml.SequenceEndEvent):
            items.append(_node(loader, problems, off, depth + 1))
        loader.get_event()
        return Seq(tuple(items), line)
    if isinstance(ev, yaml.MappingStartEvent):
        entries: dict[str, Entry] = {}
        while not loader.check_event(yaml.MappingEndEvent):
            key_node = _node(loader, problems, off, depth + 1)
            value = _node(loader, problems, off, depth + 1)
            if not isinstance(key_node, Scalar):
                problems.append(Problem("complex-key", key_node.line))
                continue
            key = key_node.text
            if key in entries:
                problems.append(
                    Problem("duplicate", key_node.line, f"{key}:{entries[key].key_line}")
                )
                continue  # keep the first; the writer must choose
            entries[key] = Entry(key, key_node.line, value)
        loader.get_event()
        return Map(entries, line)
    raise yaml.YAMLError(f"unexpected event {ev!r}")  # pragma: no cover
