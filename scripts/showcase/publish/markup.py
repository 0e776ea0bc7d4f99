"""Profile stories: Markdown -> safe HTML.

Raw HTML is refused by the check, but the renderer does not rely on that
(defence in depth): Markdown's raw-HTML handling is switched off, so tags
come out as text, and the result goes through the nh3 sanitiser with an
allow-list of tags, attributes and URL schemes.

Links are rewritten as :mod:`showcase.content.storylinks` decides (a profile's
file becomes its page, ``www.x.vn`` gets ``https://``); one that would lead
nowhere, and any image (a profile has one photo), keeps only its text, and
no empty paragraph is left behind. The check refuses both, with their lines.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from functools import lru_cache
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from showcase.content import storyblocks
from showcase.content.hashing import hash_once
from showcase.content.storylinks import site_href
from showcase.content.text import slugify
from showcase.store import cache, hashes, sealed

_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "blockquote",
    "ul", "ol", "li", "a", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
}
_ATTRS = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"},
          "h6": {"id"}, "th": {"align"}, "td": {"align"}}
_SCHEMES = {"http", "https", "mailto", "tel"}


class _BareAddress(InlineProcessor):
    """A web address written in the text is a link, as GitHub's preview shows it
    (GFM's extended autolinks: ``https://...`` and ``www....``, without the
    punctuation that ends a sentence or an unbalanced ')')."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str,
    ) -> tuple[Element | None, int | None, int | None]:
        url = m.group(0).rstrip("?!.,:;*_~'\"")
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip("?!.,:;*_~'\"")
        head = url.index("://") + 3 if "://" in url[:8] else 4  # 'https://' or 'www.'
        if len(url) <= head:
            return None, None, None  # 'https://.' is no address
        el = Element("a", {"href": url if "://" in url else "https://" + url})
        el.text = AtomicString(url)
        return el, m.start(0), m.start(0) + len(url)


# The look-behind follows the first letter, so the engine skips ahead to an 'h' or 'w'.
_BARE = r"(?:[Hh](?<![\w/@.:\-][Hh])[Tt][Tt][Pp][Ss]?://|w(?<![\w/@.:\-]w)ww\.)[^\s<>]+"


class _Links(Treeprocessor):
    """Every link where the site has it; images and dead links reduced to their text."""

    def run(self, root: Element) -> None:
        for outer in root.iter("a"):  # an address in a link's text is no link of its own
            for inner in list(outer.iter("a"))[1:]:
                inner.tag = "span"
                inner.attrib.clear()
        for el in root.iter():
            if el.tag == "a":
                href = site_href(el.get("href", ""))
                if href is None:
                    el.tag = "span"  # nh3 keeps the text of a tag it strips
                    el.attrib.clear()
                else:
                    el.set("href", href)
            elif el.tag == "img":
                el.tag = "span"
                el.attrib.clear()


class _Lists(Preprocessor):
    """Lists nested as in GitHub's preview (two spaces under '- ', three under '1. ')."""

    def run(self, lines: list[str]) -> list[str]:
        return storyblocks.nest_lists(lines)


class _IndentedProse(BlockProcessor):
    """An indented block outside a list is a paragraph (a Word or Zalo paste's first-line
    tab), not code: read again without its indentation. Replaces Markdown's 'code'."""

    def test(self, parent: Element, block: str) -> bool:
        return block.startswith(" " * self.tab_length)

    def run(self, parent: Element, blocks: list[str]) -> None:
        cut = " " * self.tab_length
        blocks[0] = "\n".join(line[len(cut):] if line.startswith(cut) else line
                              for line in blocks[0].split("\n"))


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["sane_lists", "tables", "toc"],
        extension_configs={"toc": {"slugify": slugify, "permalink": False}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # After 'normalize_whitespace' (30) expanded tabs.
    md.preprocessors.register(_Lists(md), "showcase_lists", 25)
    md.parser.blockprocessors.register(_IndentedProse(md.parser), "code", 80)
    # After the inline patterns (20) made the links, before toc (5) reads headings.
    md.treeprocessors.register(_Links(md), "showcase_links", 10)
    # After '<https://...>' autolinks (120), before emphasis can split an address.
    md.inlinePatterns.register(_BareAddress(_BARE, md), "showcase_bare_address", 115)
    return md


_MD = _markdown()


_HEADING = re.compile(r'<h([2-6]) id="([^"]*)">(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|tr)>", re.I)
# What a dropped image leaves: a paragraph or a link with nothing to show.
_EMPTY = re.compile(r"<a [^>]*>\s*</a>|<(p|li|blockquote|ul|ol)>(?:\s|<br>)*</\1>\n?")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str  # plain text


@hash_once
@dataclass(frozen=True)
class Story:
    """A profile's story, rendered once per build for its page, its feed items and
    its search record."""

    html: str  # sanitised
    headings: tuple[Heading, ...]
    text: tuple[str, ...] = ()  # the paragraphs as plain text (see plain_text)


def story(body: str) -> Story:
    rendered = story_html(body)
    return Story(rendered, story_headings(rendered), tuple(plain_text(rendered)))


def stories(bodies: Mapping[str, str], shelf: sealed.Shelf | None = None,
            prune: bool = True) -> dict[str, Story]:
    """Each body's story (by the same key), from ``shelf`` when rendered before.

    A story is keyed by its body and by the renderer (this code, Markdown's
    and nh3's versions): about 3 ms of Markdown saved per unchanged profile,
    and within one process (``mkdocs serve``) not even the shelf is read
    again. ``prune`` False keeps unused entries (a serve rebuild).
    """
    if shelf is None:
        return {name: story(body) for name, body in bodies.items()}
    out = {name: _kept(body, shelf) for name, body in bodies.items()}
    shelf.save({_key(body): _stored(out[name]) for name, body in bodies.items()}
               if prune else None)
    return out


@lru_cache(maxsize=1 << 16)
def _key(body: str) -> str:
    return cache.key("story", _renderer(), hashlib.sha256(body.encode()).hexdigest())


# body -> story, for this process: a `mkdocs serve` rebuild after one edit at 1,000
# profiles takes 0.42 s of CPU with it, 0.71 s without (median of 3). Never reset
# between builds: a story is a function of its body and this process's code only;
# cleared when full.
_MEMO: dict[str, Story] = {}
_MEMO_MAX = 1 << 16


def _kept(body: str, shelf: sealed.Shelf) -> Story:
    """The story of ``body``: from this process's memo, ``shelf``, or rendered
    (and put on the shelf)."""
    made = _MEMO.get(body)
    if made is not None:
        return made
    key = _key(body)
    data = shelf.get(key)
    if isinstance(data, list) and len(data) == 3:
        html, heads, text = data
        made = Story(html, tuple(Heading(*h) for h in heads), tuple(text))
    else:
        made = story(body)
        shelf.put(key, _stored(made))
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    _MEMO[body] = made
    return made


def _stored(made: Story) -> list[Any]:
    return [made.html, [list(astuple(h)) for h in made.headings], list(made.text)]


@lru_cache(maxsize=1)
def _renderer() -> str:
    from importlib.metadata import version

    code = hashes.code_hash("showcase.publish.markup", "showcase.content.text",
                            "showcase.content.storylinks", "showcase.content.storyblocks")
    return cache.key(code, version("markdown"), version("nh3"))


def plain_text(fragment: str) -> list[str]:
    """The paragraphs of sanitised HTML (a story, a guide page), as text."""
    # A paragraph's source lines are one paragraph (a phrase wrapped in the
    # Markdown is still a phrase); blocks end at their closing tags.
    text = _BLOCK_END.sub("\n", fragment.replace("\n", " "))
    return [" ".join(html_lib.unescape(_TAG.sub(" ", line)).split())
            for line in text.split("\n") if line.strip() and _TAG.sub("", line).strip()]


def story_headings(rendered: str) -> tuple[Heading, ...]:
    """Each heading of a rendered (sanitised) story."""
    return tuple(
        Heading(int(m.group(1)), m.group(2),
                html_lib.unescape(_TAG.sub("", m.group(3))).strip())
        for m in _HEADING.finditer(rendered)
    )


def story_html(body: str) -> str:
    """Render a profile's story; never emits scripts, handlers or unsafe URLs."""
    _MD.reset()
    html = _MD.convert(body)
    # Headings in a story sit under the page's h1: '# X' becomes h2.
    html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    clean = sanitise(html)
    while _EMPTY.search(clean):  # <ul><li><a></a></li></ul>: three rounds
        clean = _EMPTY.sub("", clean)
    return clean


_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def _filter(tag: str, attr: str, value: str) -> str | None:
    # nh3 already drops unknown schemes; this also drops look-alikes such as
    # "java  script:" (harmless in browsers today, but never worth emitting).
    if attr == "href" and "".join(value.split()).lower().startswith(_BAD_SCHEMES):
        return None
    return value


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_filter,
    )
