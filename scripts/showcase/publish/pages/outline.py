"""A generated page's outline: its title, then its story's headings with their own ids.

MkDocs' toc extension never sees a generated page's headings (the template
draws the page from its view), so the outline is planned: the adapter gives it
to MkDocs as the page's table of contents, with the story's exact ids, and the
table of contents and search results link to them. Names are escaped HTML, as
MkDocs' toc tokens carry them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from showcase.publish.markup import Heading
from showcase.publish.pages.views import TocEntry

# The id of every generated page's <h1>: slugify() never produces '_' there, so it
# cannot collide with a story heading's id.
H1_ID = "noi_dung"


def _esc(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def outline(title: str, headings: Iterable[Heading] = ()) -> TocEntry:
    """A page's outline: its title, then the story's headings with their own ids."""
    # Built bottom-up: (level, id, name, children) on a stack.
    root: list[Any] = [1, H1_ID, _esc(title), []]
    stack = [root]
    for h in headings:
        if not h.text:
            continue
        node: list[Any] = [h.level, h.id, _esc(h.text), []]
        while stack[-1][0] >= h.level:
            stack.pop()
        stack[-1][3].append(node)
        stack.append(node)
    return _frozen(root)


def _frozen(node: list[Any]) -> TocEntry:
    return TocEntry(node[0], node[1], node[2], tuple(_frozen(c) for c in node[3]))
