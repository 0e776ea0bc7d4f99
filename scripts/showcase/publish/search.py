"""Diacritic-free search: add the ASCII-folded text to Material's search index.

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

from showcase.content.text import ascii_fold

INDEX = os.path.join("search", "search_index.json")
FIELDS = ("fold_title", "fold_text")
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """The words of an index field: markup removed, entities decoded, lower case."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).lower().split())


def fold_entry(entry: dict) -> dict:
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
