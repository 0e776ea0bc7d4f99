"""Problems found in the content, and their text and GitHub renderings.

Every problem has a permanent code (``SC0xx``), the file, the line, the
field, a Vietnamese message saying what happened and a hint saying what to
do. Checks append to a :class:`Collector`; nothing raises, so one run
reports every problem in every file (collect, then fail once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from showcase.content.chars import visible

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str  # repository-relative, POSIX separators
    line: int  # 1-based; 1 when the whole file is concerned
    field: str  # front matter key path such as ``consent.date``, or ``-``
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def text(self) -> str:
        """``path:line: field: message hint`` (one line, no control characters)."""
        tail = f" {self.hint}" if self.hint else ""
        label = "" if self.severity == "error" else "cảnh báo: "
        text = f"{self.path}:{self.line}: {self.field}: {label}{self.message}{tail} [{self.code}]"
        return _one_line(text)

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the changed line."""
        title = _printable(f"{self.code} {self.field}")
        body = _printable(f"{self.message} {self.hint}".strip())
        return (
            f"::{self.severity} file={_prop(_printable(self.path))},line={self.line},"
            f"title={_prop(title)}::{_data(body)}"
        )


def _one_line(text: str) -> str:
    # One problem, one line; what comes from a profile (a value, a file name, a
    # YAML error) may hold ESC, BEL or a bidi override: spell those out, never
    # send them to a terminal or a CI log.
    return visible(" ".join(text.split("\n")))


def _printable(text: str) -> str:
    # CR and LF are %-escaped by the workflow command syntax (GitHub restores
    # them); every other control or direction character is spelled out.
    return "".join(p if p in ("\r", "\n") else visible(p) for p in re.split(r"([\r\n])", text))


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


# Complaints about single characters (controls, what the fonts cannot draw):
# on a line already explained as a whole, they would say the same, less well.
_CHARACTER_CODES = frozenset({"SC045", "SC046", "SC100"})


@dataclass
class Collector:
    """Accumulates diagnostics from every check of a run."""

    items: list[Diagnostic] = field(default_factory=list)
    # (path, line) and (path, field) whose text was typed in a legacy encoding
    explained: set[tuple[str, int | str]] = field(default_factory=set)

    def error(
        self, path: str, line: int, fld: str, code: str, message: str, hint: str = ""
    ) -> None:
        if code in _CHARACTER_CODES and self.explained and (
            (path, line) in self.explained or (path, fld) in self.explained
        ):
            return
        self.items.append(Diagnostic(path, max(line, 1), fld, code, message, hint))

    def warning(
        self, path: str, line: int, fld: str, code: str, message: str, hint: str = ""
    ) -> None:
        self.items.append(Diagnostic(path, max(line, 1), fld, code, message, hint, "warning"))

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        self.items.extend(diags)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items), key=_sort_key)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)


def _sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    return (d.path, d.line, d.field, d.code)


def render(diags: Iterable[Diagnostic], fmt: str = "text") -> str:
    lines = [d.github() if fmt == "github" else d.text() for d in diags]
    return "\n".join(lines)


def summary(diags: list[Diagnostic]) -> str:
    errors = sum(1 for d in diags if d.severity == "error")
    warnings = len(diags) - errors
    files = len({d.path for d in diags if d.severity == "error"})
    if not errors and not warnings:
        return "Không có lỗi."
    parts = []
    if errors:
        parts.append(f"{errors} lỗi trong {files} tệp")
    if warnings:
        parts.append(f"{warnings} cảnh báo")
    return "Tìm thấy " + ", ".join(parts) + "."
