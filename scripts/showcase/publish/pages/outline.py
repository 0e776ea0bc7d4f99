"""Search: each generated page's search document, and diacritic-free matching.

The Markdown source of a generated page is its *search document* only:
escaped raw HTML blocks (which Markdown passes through) with the name,
headline, summary, unit, field and the story's headings with the story's own
ids. MkDocs turns it into ``page.content``, Material's search indexes that,
and the template shows the real page from its view, never ``page.content``.
That keeps the index to about 1 KB per profile, whatever the story's length.

Lunr has no transliteration, so 'lam hong son' would never match 'Lâm Hồng
Sơn'. After Material writes ``search/search_index.json``, every entry whose
text has diacritics gets two search-only fields, ``fold_title`` and
``fold_text`` (declared with their boosts under the search plugin's
``fields`` in mkdocs.yml), holding the folded, lower-case words. They are
indexed but never displayed.

Everything in the index is text escaped as on the pages: Material's own
``title`` and ``text`` hold ``A &amp; B &lt;C&gt;``, so the folded fields
hold ``a &amp; b &lt;c&gt;``, never a raw ``<`` that a theme reading them
as HTML would turn into markup.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable
from typing import Any

from showcase.content.text import ascii_fold
from showcase.publish.markup import Heading
from showcase.publish.pages.views import TocEntry

INDEX = os.path.join("search", "search_index.json")
FIELDS = ("fold_title", "fold_text")
_TAG = re.compile(r"<[^>]+>")
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


def search_document(toc: TocEntry, paragraphs: Iterable[str]) -> str:
    """A page's search document, for Material's own search (only the bench uses it).

    Raw HTML blocks, every value escaped: Markdown passes them through as they
    are, so nothing from a profile is ever read as Markdown or markup, and the
    heading ids are exactly the story's (the TOC and search results link to them).
    """
    parts = [f'<h1 id="{H1_ID}">{toc.name}</h1>']
    parts += [f"<p>{_esc(t)}</p>" for t in paragraphs if t and t.strip()]
    parts += [f'<h{e.level} id="{html.escape(e.id)}">{e.name}</h{e.level}>'
              for e in _below(toc)]
    return "\n\n".join(parts) + "\n"


def _below(entry: TocEntry) -> list[TocEntry]:
    return [d for c in entry.children for d in (c, *_below(c))]


def search_doc(
    title: str, paragraphs: Iterable[str], headings: Iterable[Heading] = (),
) -> tuple[str, TocEntry]:
    """A page's search document and its outline."""
    toc = outline(title, headings)
    return search_document(toc, paragraphs), toc


def _frozen(node: list[Any]) -> TocEntry:
    return TocEntry(node[0], node[1], node[2], tuple(_frozen(c) for c in node[3]))


def plain(text: str) -> str:
    """The words of an index field: markup removed, entities decoded, lower case."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).lower().split())


def fold_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """Add the folded fields to one index entry, only where folding changes something."""
    for src, dst in zip(("title", "text"), FIELDS, strict=True):
        words = plain(entry.get(src) or "")
        folded = ascii_fold(words)
        if folded != words:
            entry[dst] = html.escape(folded, quote=False)
    return entry


def fold_index(site_dir: str) -> int:
    """Rewrite the site's search index with folded fields; returns its new size in bytes."""
    path = os.path.join(site_dir, INDEX)
    if not os.path.isfile(path):
        return 0  # search plugin disabled
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for entry in data.get("docs", []):
        fold_entry(entry)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return len(text.encode("utf-8"))
