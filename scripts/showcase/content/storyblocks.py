"""A story's blocks as its writer saw them in GitHub's preview, where Python-Markdown
reads them otherwise.

GitHub's preview (and the browser form's) follows CommonMark; the site renders
with Python-Markdown, which differs on lists and indentation:

* **Nested lists.** CommonMark nests an item under the one above when it is
  indented to that item's text: two spaces under ``- ``, three under ``1. ``
  (what GitHub, Word and most editors do). Python-Markdown needs four spaces a
  level and flattens the rest. :func:`nest_lists` re-indents the lines of a
  list to four spaces a level, as CommonMark nests them (a list nested by
  four spaces comes out unchanged), and puts a blank line where CommonMark
  starts a list that Python-Markdown would keep in the paragraph above (a
  list right under a line of text, an ordered list after a bulleted one).
* **Indented paragraphs.** A paragraph pasted from Word or Zalo often starts
  with a tab. CommonMark and Python-Markdown both show an indented block as
  code, in a monospace frame; the writer meant a paragraph, so the site shows
  one (see :mod:`showcase.publish.markup`) and :func:`indented_prose` finds
  these blocks so that the check can say the preview will differ.

Pure functions over the source's lines (tabs are 4 columns, as both read them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

TAB = 4
_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}[.)])( +|$)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# Blocks that close a list rather than continue an item's text (no lazy line).
_CLOSES = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# What a line outside a list must start with to be more than text; '' is a blank line.
_MAY_MATTER = frozenset(" \t-*+_#=0123456789") | {""}


@dataclass(frozen=True)
class _Item:
    content: int  # the source column of its text
    out: int  # the column its text gets (four a level)
    ordered: bool


def _walk(lines: list[str]) -> Iterator[tuple[str, str]]:
    """Each line as Python-Markdown should read it, and what comes with it:
    'break' (a blank line goes before it), 'prose' (it starts an indented block
    outside any list) or ''.

    Python-Markdown gives a whole block (lines between blank lines) that starts
    indented to the list item above, so an item less deep than the block's
    first line must start a block of its own: it gets a 'break' (the list has
    a blank line in it already, so it is loose either way).
    """
    depth = 0  # of the first line of the current block
    fresh = True  # the next line starts a block
    for out, kind in _lines(lines):
        text = out.lstrip(" ")
        if not text:
            fresh = True
        else:
            level = (len(out) - len(text)) // TAB
            if not fresh and level < depth and _ITEM.match(text) and kind != "prose":
                kind = "break"
            if fresh or kind == "break":
                depth = level
            fresh = False
        yield out, kind


def _lines(lines: list[str]) -> Iterator[tuple[str, str]]:
    stack: list[_Item] = []
    para = False  # the line before is text that a next line may continue
    under = False  # that line is a list item's own line
    for raw in lines:
        if not stack and raw[:1] not in _MAY_MATTER:  # most lines: plain text
            para, under = True, False
            yield raw, ""
            continue
        line = raw.expandtabs(TAB) if "\t" in raw else raw
        text = line.lstrip(" ")
        was_under, under = under, False
        if not text:
            para = False
            yield line, ""
            continue
        indent = len(line) - len(text)
        m = _ITEM.match(line)
        if m is not None and not _RULE.match(line):
            made = _item(m, line, stack, para)
            if made is not None:
                opened = len(made[0]) > len(stack)
                stack, out, kind = made
                if opened and para and not was_under and len(stack) > 1:
                    kind = "break"  # a list under an item's text: Python-Markdown needs a blank
                para = under = True
                yield out, kind
                continue
        if stack and para:  # the text of the innermost item goes on (or closes the list)
            if _RULE.match(line) or (_CLOSES.match(line) and indent < stack[-1].content):
                stack = []
                heading = _HEADING.match(line)
                para = not heading and not _RULE.match(line)
                yield text if heading else line, "break"
                continue
            top = stack[-1]
            if m is not None:  # CommonMark reads this marker as text: so must Python-Markdown
                line = line[:m.end(2) - 1] + "\\" + line[m.end(2) - 1:]
                text = line.lstrip(" ")
            if _HEADING.match(text):
                yield " " * top.out + text, ""  # at the item's text: a heading in it
            elif len(stack) == 1:
                yield line, ""  # a top item takes its lines as they are
            else:
                yield " " * (top.out + max(0, indent - top.content)) + text, ""
            continue
        if stack:  # after a blank line: in the item it is indented under, if any
            while stack and indent < stack[-1].content:
                stack.pop()
            if stack:
                top = stack[-1]
                para = True
                shift = 0 if _HEADING.match(text) else indent - top.content
                yield " " * (top.out + shift) + text, ""
                continue
        kind = "prose" if indent >= TAB and not para else ""
        heading = _HEADING.match(line)
        para = not (heading or _RULE.match(line))
        yield text if heading else line, kind  # CommonMark allows '   ## x'


def _item(m: re.Match[str], line: str, stack: list[_Item], para: bool
          ) -> tuple[list[_Item], str, str] | None:
    """A list item's line re-indented, the open items after it and its 'break'; None
    when CommonMark reads the line as text (or code), not as an item."""
    ind, marker, gap = len(m.group(1)), m.group(2), len(m.group(3))
    rest = line[m.end():]
    ordered = marker[-1] in ".)"
    parents = list(stack)
    while parents and ind < parents[-1].content:
        parents.pop()
    if (not stack or not parents) and ind >= TAB:
        return None  # indented text, not a list
    if parents and ind >= parents[-1].content + TAB:
        return None  # indented code in CommonMark; it cannot cut a paragraph: text
    depth = len(parents)
    # A new list interrupts a paragraph only if it has text, and (ordered) starts at 1.
    if depth == len(stack) and para and (
            not rest.strip() or (ordered and int(marker[:-1]) != 1)):
        return None
    sibling = stack[depth] if depth < len(stack) else None
    kind = ""
    if not stack and para:
        kind = "break"
    elif sibling is not None and sibling.ordered != ordered:
        kind = "break"  # CommonMark starts another list; so must Python-Markdown
    width = len(marker) + (gap if 1 <= gap <= TAB else 1)
    out_marker = marker[:-1] + "." if ordered else marker  # Python-Markdown knows '1.' only
    spaces = " " * (gap if 1 <= gap <= TAB else max(gap, 1)) if rest else ""
    made = _Item(ind + width, TAB * (depth + 1), ordered)
    return [*parents, made], " " * (TAB * depth) + out_marker + spaces + rest, kind


def nest_lists(lines: list[str], quotes: int = 0) -> list[str]:
    """The lines of a story with its lists indented as Python-Markdown nests them
    (in block quotes too, ``quotes`` deep so far)."""
    out: list[str] = []
    for line, kind in _walk(lines):
        if kind == "break" and out and out[-1].strip():
            out.append("")
        out.append(line)
    if quotes >= MAX_QUOTES or not any(line.lstrip(" ")[:1] == ">" for line in out):
        return out
    return _quotes(out, quotes + 1)


_QUOTED = re.compile(r"^ {0,3}> ?")
MAX_QUOTES = 12  # the check refuses deeper nesting (storylimits.MAX_DEPTH)


def _quotes(lines: list[str], depth: int) -> list[str]:
    """Each run of quoted lines, its lists nested inside the quote: Python-Markdown
    reads a quote's text again without running the preprocessors."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        m = _QUOTED.match(line)
        if m:
            run.append(line[m.end():])
            continue
        if run:
            inner = nest_lists(run, depth)
            out.extend("> " + x if x.strip() else ">" for x in inner)
            run = []
        out.append(line)
    return out[:-1]


def indented_prose(body: str) -> list[int]:
    """The 0-based lines where an indented block outside any list starts: shown as a
    paragraph on the site, as code in GitHub's preview."""
    if "\t" not in body and "    " not in body:
        return []
    return [i for i, (_, kind) in enumerate(_walk(body.split("\n"))) if kind == "prose"]
