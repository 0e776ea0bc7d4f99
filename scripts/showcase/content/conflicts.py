"""Merge-conflict markers left in a file (``<<<<<<<``, ``|||||||``, ``=======``, ``>>>>>>>``).

Git and GitHub's conflict editor write them at the start of a line, seven
signs long (longer with ``conflict-marker-size``), the first and last
followed by a label. Left in, the story publishes them (``>>>>>>>`` as a
seven-deep quote, ``=======`` as a heading) and YAML reports them one line
off; so they are found in the text itself, before anything is parsed.

A lone ``=======`` is a Markdown heading underline, not a marker: it only
counts between ``<<<<<<<`` and ``>>>>>>>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"^(<{7,}|\|{7,}|={7,}|>{7,})(?:[ \t](.*))?[ \t]*$")


@dataclass(frozen=True)
class Conflict:
    line: int  # the line of the first marker (file lines)
    ours: str  # label after '<<<<<<<' ('HEAD'), or ''
    theirs: str  # label after '>>>>>>>', or ''
    marks: tuple[int, ...]  # lines of the other markers
    complete: bool  # all of '<<<<<<<', '=======' and '>>>>>>>' are there


def find(lines: list[str], first_line: int = 1) -> list[Conflict]:
    """Every conflict in ``lines`` (the first is file line ``first_line``), in order."""
    if not any(ln[:1] in "<|=>" and _MARKER.match(ln) for ln in lines):
        return []  # the usual case
    out: list[Conflict] = []
    start: tuple[int, str] | None = None
    marks: list[int] = []
    seen_sep = False
    for i, text in enumerate(lines):
        m = _MARKER.match(text) if text[:1] in "<|=>" else None
        if m is None:
            continue
        line, sign, label = i + first_line, m.group(1)[0], (m.group(2) or "").strip()
        if sign == "<":
            if start is not None:  # a second opening: the first never closed
                out.append(Conflict(start[0], start[1], "", tuple(marks), False))
            start, marks, seen_sep = (line, label), [], False
        elif sign == "=" and start is None:
            continue  # a heading underline
        elif sign == ">":
            if start is None:
                out.append(Conflict(line, "", label, (), False))
            else:
                out.append(Conflict(start[0], start[1], label, (*marks, line), seen_sep))
            start, marks, seen_sep = None, [], False
        else:  # '=' or '|' inside a conflict, or a lone '|||||||'
            if start is None:
                out.append(Conflict(line, "", "", (), False))
                continue
            marks.append(line)
            seen_sep = seen_sep or sign == "="
    if start is not None:
        out.append(Conflict(start[0], start[1], "", tuple(marks), False))
    return out


def message(c: Conflict) -> tuple[str, str, str]:
    """(code, message, hint) in Vietnamese."""
    if c.complete:
        others = ", ".join(str(n) for n in c.marks[:-1])
        ours = f" ('{c.ours}')" if c.ours else ""
        theirs = f" ('{c.theirs}')" if c.theirs else ""
        return (
            "SC122",
            "Chỗ xung đột khi gộp nhánh ('merge conflict' trên GitHub) chưa được giải "
            f"quyết: từ dòng này đến dòng {c.marks[-1]} có hai bản của cùng một đoạn, "
            f"bản hiện tại{ours} phía trên dòng '=======' và bản gộp vào{theirs} phía dưới "
            "(dòng phân cách: "
            f"{others}).",
            "Giữ lại bản đúng (hoặc ghép hai bản thành một), rồi xóa hẳn các dòng bắt đầu "
            "bằng '<<<<<<<', '|||||||', '=======' và '>>>>>>>'.",
        )
    return (
        "SC123",
        "Còn sót một dòng đánh dấu chỗ xung đột khi gộp nhánh ('merge conflict') "
        "('<<<<<<<', '=======' hoặc '>>>>>>>'); phần còn lại của chỗ xung đột đã bị xóa "
        "hoặc chưa hoàn chỉnh.",
        "Kiểm tra lại đoạn quanh dòng này cho đúng một bản nội dung, rồi xóa dòng đánh dấu.",
    )
