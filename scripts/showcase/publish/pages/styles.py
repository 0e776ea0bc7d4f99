"""The site's one inline stylesheet: nothing render-blocking before the first paint.

Material's stylesheets (main + palette, ~150 KB) are written for every
feature and every colour; the site uses a small part of them. At build time
the rules whose class names never occur in the templates that render the site
(ours and Material's) are dropped, together with right-to-left, dark-scheme
and other-palette rules, and what is left, followed by our showcase.css, is
put inline in every page's head as one ``<style>`` element. The same bytes on
every page, so the Content-Security-Policy allows exactly that element by its
hash (``style-src 'self' 'sha256-…'``) and still refuses any other inline style.

The fonts' ``url()``s are rewritten to absolute paths under the site's path:
an inline stylesheet resolves them against the page, not against the CSS file.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from showcase.publish.urls import ASSETS_URL

_CLASS_ATTR = re.compile(r"""class=["']([^"']*)["']""")
_MD_TOKEN = re.compile(r"\b(md-[a-z0-9_-]+)")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_SEL_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_INCLUDE = re.compile(r"""(?:include|extends|import|from)\s+["']([^"']+)["']""")
_NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
# Our Markdown extensions and pages add these (admonition, tables, toc).
MARKDOWN_CLASSES = frozenset({
    "admonition", "admonition-title", "note", "tip", "warning", "info", "toc", "headerlink",
})
# Elements no page has: no code, no collapsible blocks, no media.
_UNUSED_ELEMENTS = re.compile(
    r"(?<![\w.#-])(?:details|summary|pre|kbd|mark|abbr|samp|var|iframe|video|audio|"
    r"figcaption|progress|meter)(?![\w-])")
# Custom properties of features the site does not use (icons as data: SVGs).
_UNUSED_VARS = re.compile(
    r"--md-(?:status|typeset-table-sort|tasklist|tabbed|details|footnotes|clipboard|code"
    r"|version|search|tag|source|admonition-icon--(?!note|tip|warning|info))[\w-]*:"
    r"(?:[^;}\"']|\"[^\"]*\"|'[^']*')*;?")
_DROP = re.compile(
    r"\[dir=rtl\]|\[data-md-color-scheme=slate\]"
    r"|\[data-md-color-(?:primary|accent)=(?!custom\])[\w-]+\]"
    r"|\[data-md-color-media|\.md-(?:tooltip|annotation|code|clipboard|search|version|tabs"
    r"|source|dialog|select|consent|tag|post|status|top|progress|feedback|path|pagination"
    r"|pin|typeset__scrollwrap)"
)


@dataclass(frozen=True)
class InlineStyle:
    css: str
    sha256: str  # base64, as CSP writes it: 'sha256-<this>'

    @property
    def csp_source(self) -> str:
        return f"'sha256-{self.sha256}'"


def used_classes(theme_dirs: Sequence[str], own_dir: str) -> frozenset[str]:
    """Class names that may occur in a page: every word of a class attribute, and
    every ``md-…`` token (Jinja builds some class names), in our templates and in
    the templates they include, extend or import (first theme folder wins)."""
    found: set[str] = set(MARKDOWN_CLASSES)
    todo = [os.path.relpath(os.path.join(folder, n), own_dir)
            for folder, _, names in os.walk(own_dir) for n in names if n.endswith(".html")]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = next((os.path.join(d, name) for d in theme_dirs
                     if os.path.isfile(os.path.join(d, name))), None)
        if path is None:
            continue
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        for attr in _CLASS_ATTR.findall(text):
            found.update(_WORD.findall(attr))
        found.update(_MD_TOKEN.findall(text))
        todo += [n for n in _INCLUDE.findall(text) if n.endswith(".html")]
    return frozenset(found)


def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside parentheses and brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _keep_selector(sel: str, used: frozenset[str]) -> bool:
    if _DROP.search(sel) or _UNUSED_ELEMENTS.search(_NOT.sub("", sel)):
        return False
    return all(c in used for c in _SEL_CLASS.findall(_NOT.sub("", sel)))


def _block_end(css: str, open_at: int) -> int:
    """Index just after the brace closing the one at ``open_at`` (strings respected)."""
    depth, i, quote = 0, open_at, ""
    while i < len(css):
        ch = css[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(css)


def purge(css: str, used: frozenset[str]) -> str:
    """The rules of ``css`` that can apply to a page whose classes are among ``used``."""
    out: list[str] = []
    i = 0
    while i < len(css):
        brace = css.find("{", i)
        if brace < 0:
            break
        head = css[i:brace].strip()
        end = _block_end(css, brace)
        body = css[brace + 1:end - 1]
        if head.startswith("@charset"):
            head = head.split(";", 1)[1].strip() if ";" in head else ""
        if head.startswith(("@media", "@supports")):
            inner = purge(body, used)
            if inner and "prefers-color-scheme" not in head:
                out.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            if not head.startswith("@page"):
                out.append(f"{head}{{{body}}}")
        else:
            keep = [s for s in _split_top(head, ",") if _keep_selector(s.strip(), used)]
            if keep and head.startswith(":root"):
                body = _UNUSED_VARS.sub("", body)
            if keep:
                out.append(f"{','.join(s.strip() for s in keep)}{{{body}}}")
        i = end
    return "".join(out)


_URL = re.compile(r"""url\(["']?(?!data:)([^"')]+)["']?\)""")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def minify(css: str) -> str:
    """Comments and runs of blanks out (enough for our own hand-written CSS)."""
    css = _COMMENT.sub("", css)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{}:;,>])\s*", r"\1", css).replace(";}", "}").strip()


def inline_style(material_css: Iterable[str], own_css: str, own_url: str,
                 used: frozenset[str]) -> InlineStyle:
    """``own_url``: the absolute path of our stylesheet's folder (for its ``url()``s)."""
    parts = [purge(css, used) for css in material_css]
    own = _URL.sub(lambda m: f'url("{own_url}{m.group(1)}")', minify(own_css))
    css = "".join(parts) + own
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return InlineStyle(css, digest)


def site_style(theme_dirs: Sequence[str], templates_dir: str, assets_dir: str,
               site_path: str) -> InlineStyle:
    """The inline stylesheet of every page: the used part of Material's, then ours."""
    found: dict[str, str] = {}
    for d in theme_dirs:
        folder = os.path.join(d, "assets", "stylesheets")
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else ():
            kind = name.split(".", 1)[0]
            if name.endswith(".min.css") and kind in ("main", "palette") and kind not in found:
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    found[kind] = fh.read()
    with open(os.path.join(assets_dir, "showcase.css"), encoding="utf-8") as fh:
        own = fh.read()
    used = used_classes(theme_dirs, templates_dir)
    return inline_style([found.get("main", ""), found.get("palette", "")], own,
                               site_path + ASSETS_URL, used)
