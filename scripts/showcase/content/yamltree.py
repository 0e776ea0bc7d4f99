"""YAML text -> a small tree of scalars, sequences and mappings with lines.

We compose the tree ourselves from the parser's events instead of letting
PyYAML construct Python values, because:

* PyYAML silently keeps the last of two duplicate keys; we report it;
* YAML 1.1 coerces ``no`` to False, ``010`` to 8 and bare dates to ``date``;
  we keep the source text and let each field decide (see ``model.py``);
* anchors, aliases and custom tags are reported, never expanded or run;
* every key keeps its line, so messages can point at it.

libyaml's C parser is used when available: it is several times faster, and
the check must stay under a few seconds for 10,000 profiles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import yaml


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

    kind: str  # syntax | duplicate | alias | anchor | tag | complex-key | multi-doc
    line: int
    detail: str = ""


@dataclass
class Parsed:
    root: Node | None
    problems: list[Problem] = field(default_factory=list)


def parse(text: str, first_line: int = 1) -> Parsed:
    """Parse one YAML document; lines are offset so that 1 = ``first_line``."""
    off = first_line
    problems: list[Problem] = []
    loader = _Loader(text)
    try:
        root = _document(loader, problems, off)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + off) if mark else off
        detail = exc.problem or exc.context or ""
        return Parsed(None, [Problem("syntax", line, detail)])
    except yaml.YAMLError as exc:  # reader errors (control characters)
        return Parsed(None, [Problem("syntax", off, str(exc).splitlines()[0])])
    finally:
        loader.dispose()
    return Parsed(root, problems)


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


def _node(loader: _Events, problems: list[Problem], off: int) -> Node:
    ev = _next(loader)
    line = _line(ev, off)
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
            items.append(_node(loader, problems, off))
        loader.get_event()
        return Seq(tuple(items), line)
    if isinstance(ev, yaml.MappingStartEvent):
        entries: dict[str, Entry] = {}
        while not loader.check_event(yaml.MappingEndEvent):
            key_node = _node(loader, problems, off)
            value = _node(loader, problems, off)
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
