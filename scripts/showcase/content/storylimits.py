"""Limits on a story's Markdown, so that no accepted story stalls the build.

python-markdown is pure Python and some inputs cost it far more than their
size: measured on 3.11 (``tests/unit/test_storylimits.py`` keeps the figures
honest), a 20 KB story of ``[`` takes minutes, because every ``[`` scans to
the end of its paragraph for a ``]``; a list nested 300 levels deep raises
``RecursionError``; a paragraph of 2,000 lines that are each a heading or a
rule is quadratic (each line is split off and the rest searched again);
thousands of backslash escapes or emphasis markers are quadratic too.

Each rule below bounds one of those costs with a count the writer can act
on, measured on the source in linear time (regular expressions and a loop
over brackets only), so the check refuses a pathological story in
milliseconds and every story it accepts renders in well under a second.
The limits sit far above what a profile needs: a story of 1,200 words with
headings, lists, links and a table uses a few percent of each.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_CHARS = 30_000  # about 5,000 words; a profile is 600 to 1,500
MAX_DEPTH = 10  # levels of lists, quotes and indentation (4 spaces a level)
MAX_MARKS = 2_000  # Markdown signs: * _ ` \ < & [ | and list, heading, quote marks
MAX_BRACKET_SCAN = 150_000  # characters scanned looking for closing ] and )
MAX_SPLIT_SCAN = 1_500_000  # heading/rule lines x characters of their paragraph


@dataclass(frozen=True)
class Excess:
    """One limit exceeded: which, the 0-based line in the story, how much."""

    kind: str  # chars | depth | marks | brackets | split
    offset_line: int
    amount: int
    limit: int


_BLANK = re.compile(r"\n[ \t]*(?=\n|$)")
# Each level takes at least one token (a marker, a tab or one of four spaces):
# only a line with more tokens than MAX_DEPTH in its prefix is worth counting.
_PREFIX = re.compile(
    rf"^(?:[ \t]|>|(?:[-*+]|\d{{1,9}}+[.)])(?=[ \t]|$)){{{MAX_DEPTH + 1},}}+", re.MULTILINE
)
# Possessive quantifiers throughout: each line is read one way only, so a
# line of "- - - - ... x" costs its length, not its square.
_BLOCK_MARK = re.compile(
    r"^[ \t>]*+(?:(?:[-*+]|\d{1,9}[.)]|#{1,6})(?=[ \t]|$)|[=\-]++[ \t]*+$|(?:[*_][ \t]*+){3,}$)",
    re.MULTILINE,
)
_QUOTE = re.compile(r"^[ \t]*+>", re.MULTILINE)
_INLINE_MARKS = "*_`\\<&[|"
_BRACKET = re.compile(r"\\.|[\[\]()]|\n[ \t]*(?=\n)", re.DOTALL)
_SPLITTING = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*+){3,}$|=++[ \t]*+$)", re.MULTILINE
)


def check(body: str) -> Iterator[Excess]:
    """Every limit ``body`` exceeds (at most one finding per rule)."""
    if len(body) > MAX_CHARS:
        yield Excess("chars", 0, len(body), MAX_CHARS)
    yield from _depth(body)
    yield from _marks(body)
    yield from _brackets(body)
    yield from _split(body)


def _line_of(body: str, pos: int) -> int:
    return body.count("\n", 0, pos)


_PREFIX_TOKEN = re.compile(r"[ \t]+|>|[-*+]|\d{1,9}[.)]")


def _depth(body: str) -> Iterator[Excess]:
    for m in _PREFIX.finditer(body):
        markers = columns = 0
        for tok in _PREFIX_TOKEN.findall(m.group(0)):
            if tok[0] in " \t":
                columns += len(tok.expandtabs(4))
            else:
                markers += 1
        # The space after a marker belongs to it; the rest is indentation.
        level = markers + max(0, columns - markers) // 4
        if level > MAX_DEPTH:
            yield Excess("depth", _line_of(body, m.start()), level, MAX_DEPTH)
            return


def _marks(body: str) -> Iterator[Excess]:
    count = sum(body.count(c) for c in _INLINE_MARKS)
    if count + body.count("\n") + 1 <= MAX_MARKS:
        return  # even a block mark on every line would not reach the limit
    count += len(_BLOCK_MARK.findall(body)) + len(_QUOTE.findall(body))
    if count <= MAX_MARKS:
        return
    # Report the line where the count goes over, where the writer should look.
    seen = 0
    for i, line in enumerate(body.split("\n")):
        seen += sum(line.count(c) for c in _INLINE_MARKS)
        seen += (1 if _BLOCK_MARK.match(line) else 0) + (1 if _QUOTE.match(line) else 0)
        if seen > MAX_MARKS:
            yield Excess("marks", i, count, MAX_MARKS)
            return


def _brackets(body: str) -> Iterator[Excess]:
    """python-markdown scans from each '[' to its ']' and from each '(' of a link to
    its ')', to the end of the paragraph when there is none: sum those distances."""
    opens = body.count("[") + body.count("(")
    if opens * len(body) <= MAX_BRACKET_SCAN:
        return
    total = 0
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    closing = {"]": "[", ")": "("}
    first = -1  # the first opening bracket of the current paragraph
    for m in _BRACKET.finditer(body + "\n\n"):
        tok = m.group(0)
        if tok[0] == "\\":
            continue  # an escaped bracket is text
        if tok[0] == "\n":  # end of a paragraph: every open bracket scanned to here
            end = min(m.start(), len(body))
            total += sum(end - p for s in stacks.values() for p in s)
            if total > MAX_BRACKET_SCAN:
                at = min((s[0] for s in stacks.values() if s), default=first)
                yield Excess("brackets", _line_of(body, max(at, 0)), total, MAX_BRACKET_SCAN)
                return
            stacks["["].clear()
            stacks["("].clear()
            first = -1
        elif tok in stacks:
            stacks[tok].append(m.start())
            first = m.start() if first < 0 else first
        else:
            stack = stacks[closing[tok]]
            if stack:
                total += m.start() - stack.pop()


def _split(body: str) -> Iterator[Excess]:
    """Heading and rule lines split their paragraph one line at a time."""
    lines = [m.start() for m in _SPLITTING.finditer(body)]
    if len(lines) * len(body) <= MAX_SPLIT_SCAN:
        return
    bounds = [0, *(m.end() for m in _BLANK.finditer(body)), len(body)]
    counts: dict[int, int] = {}
    for pos in lines:
        chunk = bisect.bisect_right(bounds, pos) - 1
        counts[chunk] = counts.get(chunk, 0) + 1
    for chunk, n in sorted(counts.items()):
        size = bounds[min(chunk + 1, len(bounds) - 1)] - bounds[chunk]
        if n * size > MAX_SPLIT_SCAN:
            yield Excess("split", _line_of(body, bounds[chunk]) + (1 if chunk else 0), n,
                         MAX_SPLIT_SCAN // max(size, 1))
            return


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Vietnamese thousands separator


def message(e: Excess) -> tuple[str, str, str]:
    """(code, message, hint) in Vietnamese for one exceeded limit."""
    if e.kind == "chars":
        return ("SC072",
                f"Bài viết quá dài ({_fmt(e.amount)} ký tự, tối đa {_fmt(e.limit)}).",
                "Rút gọn câu chuyện (một hồ sơ thường từ 600 đến 1.500 chữ); tài liệu dài "
                "nên đăng ở nơi khác và dẫn liên kết.")
    if e.kind == "depth":
        return ("SC073",
                f"Dòng này lồng quá sâu ({e.amount} cấp danh sách, trích dẫn hoặc thụt lề; "
                f"tối đa {e.limit}).",
                "Bớt dấu cách hoặc dấu '>' ở đầu dòng, và bớt danh sách lồng trong danh sách.")
    if e.kind == "marks":
        return ("SC074",
                f"Bài viết dùng quá nhiều ký hiệu định dạng ({_fmt(e.amount)} ký hiệu như "
                f"* _ ` \\ [ | #, tối đa {_fmt(e.limit)}); từ dòng này trở đi vượt giới hạn.",
                "Xóa các ký hiệu thừa (thường do dán từ Word hoặc trang web); một hồ sơ chỉ cần "
                "vài tiêu đề, danh sách, chữ đậm và liên kết.")
    if e.kind == "brackets":
        return ("SC075",
                "Có dấu ngoặc '[' hoặc '(' không được đóng, hoặc ngoặc lồng nhau quá nhiều "
                f"trong một đoạn (máy phải dò {_fmt(e.amount)} ký tự, tối đa "
                f"{_fmt(e.limit)}).",
                "Đóng mỗi '[' bằng ']' và mỗi '(' bằng ')' trong cùng đoạn, xóa các ngoặc "
                "thừa; nếu cần viết dấu '[' như chữ thường, viết '\\['.")
    return ("SC076",
            f"Đoạn này có {e.amount} dòng tiêu đề hoặc đường kẻ liền nhau mà không có dòng "
            f"trống (tối đa {e.limit} với đoạn dài như vậy).",
            "Thêm một dòng trống trước và sau mỗi tiêu đề (## ...) và mỗi đường kẻ (---).")
