"""The site's one inline stylesheet: nothing render-blocking before the first paint.

Material's stylesheets (main + palette, ~150 KB) are written for every
feature and every colour; the site uses a small part of them. At build time
the rules whose class names never occur in the templates that render the site
(ours and Material's) are dropped, together with right-to-left, dark-scheme
and other-palette rules, and what is left, followed by our showcase.css, is
put inline in every page's head as one ``<style>`` element. The same bytes on
every page, so the Content-Security-Policy allows exactly that element by its
hash (``style-src 'self' 'sha256-…'``) and still refuses any other inline style.

Material's CSS is parsed with tinycss2 (a CSS parser, not regular expressions,
so that a Material upgrade cannot silently shift a cut), and the rules kept are
copied as Material wrote them: the cut is Material's own bytes.
tests/e2e/test_styles.py checks it against the built pages' elements.

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
from functools import lru_cache

import tinycss2
from tinycss2.ast import (
    AtRule,
    Comment,
    Declaration,
    FunctionBlock,
    IdentToken,
    LiteralToken,
    Node,
    QualifiedRule,
    SquareBracketsBlock,
    StringToken,
    WhitespaceToken,
)

from showcase.publish.urls import ASSETS_URL

_CLASS_ATTR = re.compile(r"""class=["']([^"']*)["']""")
_MD_TOKEN = re.compile(r"\b(md-[a-z0-9_-]+)")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_INCLUDE = re.compile(r"""(?:include|extends|import|from)\s+["']([^"']+)["']""")
# Our Markdown extensions and pages add these (admonition, tables, toc).
MARKDOWN_CLASSES = frozenset({
    "admonition", "admonition-title", "note", "tip", "warning", "info", "toc", "headerlink",
})
# Elements no page has: no code, no collapsible blocks, no media.
UNUSED_ELEMENTS = frozenset({
    "details", "summary", "pre", "kbd", "mark", "abbr", "samp", "var", "iframe", "video",
    "audio", "figcaption", "progress", "meter",
})
# Material's features the site does not use: a selector naming a class of theirs goes.
UNUSED_FEATURES = (
    "tooltip", "annotation", "code", "clipboard", "search", "version", "tabs", "source",
    "dialog", "select", "consent", "tag", "post", "status", "top", "progress", "feedback",
    "path", "pagination", "pin", "typeset__scrollwrap",
)
# Custom properties of features the site does not use (icons as data: SVGs).
_UNUSED_VARS = re.compile(
    r"--md-(?:status|typeset-table-sort|tasklist|tabbed|details|footnotes|clipboard|code"
    r"|version|search|tag|source|admonition-icon--(?!note|tip|warning|info))")
# Pages are left to right, in the default colour scheme, in the custom palette.
_KEPT_PALETTE = {"data-md-color-primary": "custom", "data-md-color-accent": "custom"}
_DROPPED_ATTRS = {"dir": "rtl", "data-md-color-scheme": "slate"}


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


@dataclass(frozen=True)
class Selector:
    """What a complex selector names: ``classes`` and ``elements`` outside ``:not()``
    (all needed for it to match), ``attributes`` (name, value) and ``all_classes``
    anywhere in it."""

    classes: frozenset[str]
    elements: frozenset[str]
    attributes: frozenset[tuple[str, str]]
    all_classes: frozenset[str]


def selector(tokens: Sequence[Node]) -> Selector:
    """The names in one complex selector's tokens."""
    classes: set[str] = set()
    elements: set[str] = set()
    attributes: set[tuple[str, str]] = set()
    anywhere: set[str] = set()

    def walk(nodes: Sequence[Node], negated: bool) -> None:
        before: Node | None = None
        for node in nodes:
            if isinstance(node, (WhitespaceToken, Comment)):
                before = None
                continue
            if isinstance(node, IdentToken):
                if isinstance(before, LiteralToken) and before.value == ":":
                    pass  # a pseudo-class or pseudo-element
                elif isinstance(before, LiteralToken) and before.value == ".":
                    anywhere.add(node.value)
                    if not negated:
                        classes.add(node.value)
                elif not negated:
                    elements.add(node.lower_value)
            elif isinstance(node, SquareBracketsBlock):
                words = [t for t in node.content if isinstance(t, (IdentToken, StringToken))]
                if len(words) == 2 and any(isinstance(t, LiteralToken) and t.value == "="
                                           for t in node.content):
                    attributes.add((words[0].value, words[1].value))
                elif words:
                    attributes.add((words[0].value, ""))
            elif isinstance(node, FunctionBlock):
                walk(node.arguments, negated or node.lower_name == "not")
            before = node

    walk(tokens, False)
    return Selector(frozenset(classes), frozenset(elements), frozenset(attributes),
                    frozenset(anywhere))


def _keep_selector(sel: Selector, used: frozenset[str]) -> bool:
    for name, value in sel.attributes:
        if _DROPPED_ATTRS.get(name) == value or name.startswith("data-md-color-media"):
            return False
        if _KEPT_PALETTE.get(name, value) != value:
            return False
    if any(c.startswith(f"md-{feature}") for c in sel.all_classes for feature in UNUSED_FEATURES):
        return False
    return not sel.elements & UNUSED_ELEMENTS and sel.classes <= used


def _split(tokens: Sequence[Node]) -> list[list[Node]]:
    """A selector list's complex selectors (commas inside functions are not theirs)."""
    out: list[list[Node]] = [[]]
    for t in tokens:
        if isinstance(t, LiteralToken) and t.value == ",":
            out.append([])
        else:
            out[-1].append(t)
    return out


class _Source:
    """The text of a parsed node: tinycss2 gives where it starts (line, column);
    it ends where the next one starts. Rules are copied as written, never
    serialised again, so the cut is made of Material's own bytes."""

    def __init__(self, css: str) -> None:
        self.css = css
        self.lines = [0, *(m.end() for m in re.finditer("\n", css))]

    def at(self, node: Node) -> int:
        return self.lines[node.source_line - 1] + node.source_column - 1



@lru_cache(maxsize=4)  # parsing Material's CSS takes ~60 ms: once a process (`mkdocs serve`)
def purge(css: str, used: frozenset[str]) -> str:
    """The rules of ``css`` that can apply to a page whose classes are among ``used``."""
    src = _Source(css)
    return _purge(src, tinycss2.parse_stylesheet(css), len(css), used)


def _purge(src: _Source, nodes: Sequence[Node], end: int, used: frozenset[str]) -> str:
    css = src.css
    out: list[str] = []
    for i, rule in enumerate(nodes):
        if not isinstance(rule, (QualifiedRule, AtRule)):
            continue
        start = src.at(rule)
        stop = src.at(nodes[i + 1]) if i + 1 < len(nodes) else end
        if rule.content is None:  # @charset, @import: nothing inline needs them
            continue
        stop = css.rindex("}", start, stop) + 1
        brace = src.at(rule.content[0]) - 1 if rule.content else stop - 2
        head, body = css[start:brace].strip(), css[brace + 1:stop - 1]
        if isinstance(rule, AtRule):
            if rule.lower_at_keyword in ("media", "supports"):
                inner = _purge(src, tinycss2.parse_rule_list(rule.content), stop - 1, used)
                if inner and "prefers-color-scheme" not in head:
                    out.append(f"{head}{{{inner}}}")
            elif rule.lower_at_keyword != "page":
                out.append(css[start:stop])
            continue
        parts = _split(rule.prelude)
        keep = [_keep_selector(selector(p), used) for p in parts]
        if not any(keep):
            continue
        if not all(keep):  # the kept selectors, as written
            commas = [src.at(t) for t in rule.prelude
                      if isinstance(t, LiteralToken) and t.value == ","]
            texts = [css[a:b] for a, b in zip([start, *(c + 1 for c in commas)],
                                              [*commas, brace], strict=True)]
            head = ",".join(t.strip() for t, k in zip(texts, keep, strict=True) if k)
        if head.startswith(":root"):
            body = _drop_vars(src, rule.content, body)
        out.append(f"{head}{{{body}}}")
    return "".join(out)


def _drop_vars(src: _Source, content: Sequence[Node], body: str) -> str:
    """A block without the custom properties of unused features."""
    decls = [d for d in tinycss2.parse_blocks_contents(content)
             if not isinstance(d, (WhitespaceToken, Comment))]
    base = src.at(content[0])
    cut = [(src.at(d) - base, src.at(decls[i + 1]) - base if i + 1 < len(decls) else len(body))
           for i, d in enumerate(decls)
           if isinstance(d, Declaration) and _UNUSED_VARS.match(d.name)]
    for a, b in reversed(cut):
        body = body[:a] + body[b:]
    return body


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
