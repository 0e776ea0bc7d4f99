"""The inline stylesheet cut from Material's CSS (publish/pages/styles.py) against the
built pages: every Material rule whose selector matches an element of a page is kept
(matched with soupsieve, Beautiful Soup's CSS selector engine), and the cut is made of
Material's own bytes."""

from __future__ import annotations

import os
import pathlib
import re
from collections.abc import Iterator

import material
import pytest
import soupsieve
import tinycss2
from bs4 import BeautifulSoup
from tinycss2.ast import AtRule, LiteralToken, Node, QualifiedRule

from conftest import build_site, copy_repo
from showcase.publish.pages import styles

TODAY = "2026-11-24"
MATERIAL_CSS = pathlib.Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
# What a static page cannot show a selector matcher: states and generated boxes.
_DYNAMIC = re.compile(
    r"::?(?:before|after|placeholder|selection|marker|first-letter|first-line|backdrop"
    r"|hover|focus-visible|focus-within|focus|active|visited|link|target|indeterminate"
    r"|-(?:webkit|moz|ms)-[\w-]+)(?![\w-])(?:\([^()]*\))?")
# Dropped on purpose (the site is left to right, light, in its custom palette).
_DROPPED = re.compile(r"\[dir=rtl\]|slate|data-md-color-(?:primary|accent)=(?!custom)"
                      r"|data-md-color-media")


def _selectors(rules: list[Node], media: str = "") -> Iterator[tuple[str, str]]:
    """(enclosing @media/@supports, selector) of every qualified rule."""
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            part: list[Node] = []
            for t in [*rule.prelude, None]:
                if t is None or (isinstance(t, LiteralToken) and t.value == ","):
                    yield media, tinycss2.serialize(part).strip()
                    part = []
                else:
                    part.append(t)
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in ("media", "supports") \
                and rule.content is not None:
            head = f"{media}@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()};"
            yield from _selectors(tinycss2.parse_rule_list(rule.content), head)


def _material() -> list[str]:
    names = sorted(os.listdir(MATERIAL_CSS))
    return [(MATERIAL_CSS / n).read_text("utf-8") for n in names
            if n.endswith(".min.css") and n.split(".")[0] in ("main", "palette")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[BeautifulSoup], str]:
    root = tmp_path_factory.mktemp("styles")
    site = build_site(copy_repo(root / "repo", extra=True), root / "site", TODAY)
    pages = [BeautifulSoup(p.read_text("utf-8"), "html.parser")
             for p in sorted(site.rglob("*.html")) if "quan-tri" not in p.parts]
    style = pages[0].head.style
    assert style is not None
    assert all(p.head.style.string == style.string for p in pages)  # one stylesheet
    return pages, style.string


def test_every_rule_that_matches_a_page_is_kept(built):
    pages, cut = built
    kept = set(_selectors(tinycss2.parse_stylesheet(cut)))
    classes = {c for p in pages for el in p.find_all(class_=True) for c in el["class"]}
    missing, checked = [], 0
    for css in _material():
        for media, sel in _selectors(tinycss2.parse_stylesheet(css)):
            if "prefers-color-scheme" in media or _DROPPED.search(sel):
                continue
            static = _DYNAMIC.sub("", sel).strip() or "*"
            if not set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", static)) <= classes:
                continue  # names a class no page has: cannot match
            try:
                matcher = soupsieve.compile(static)
            except soupsieve.SelectorSyntaxError:
                continue  # beyond soupsieve (a handful of vendor selectors)
            checked += 1
            if (media, sel) in kept:
                continue
            hits = [el for p in pages for el in matcher.select(p, limit=3)]
            # A feature the site does not use may leave an empty placeholder of
            # Material's (the dialog only Material's script, not loaded, fills).
            feature = any(f".md-{f}" in sel for f in styles.UNUSED_FEATURES)
            if hits and not (feature and all(not el.get_text(strip=True) for el in hits)):
                missing.append(f"{media}{sel}")
    assert checked > 300, checked
    assert not missing, missing[:20]


def test_the_cut_is_materials_own_bytes_then_ours(built):
    _, style = built
    themes = [str(pathlib.Path(styles.__file__).parents[2] / "templates"),
              str(MATERIAL_CSS.parents[1])]
    used = styles.used_classes(themes, themes[0])
    material_css = _material()
    cut = "".join(styles.purge(css, used) for css in material_css)
    assert style.startswith(cut) and len(cut) < 0.4 * sum(map(len, material_css))
    # rules are copied as written, never serialised again: each body is Material's
    # (but the :root blocks', without the custom properties of unused features)
    bodies = [tinycss2.serialize(r.content) for r in tinycss2.parse_stylesheet(cut)
              if isinstance(r, QualifiedRule) and r.content
              and not tinycss2.serialize(r.prelude).startswith(":root")]
    assert len(bodies) > 200
    assert all(any("{" + b + "}" in css for css in material_css) for b in bodies)
