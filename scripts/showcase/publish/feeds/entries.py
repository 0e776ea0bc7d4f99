"""One feed item: the RSS and Atom elements of a profile, and the text rules of feeds.

Every text is cleaned of what XML cannot carry; an item's picture is the
largest JPEG of its photo, else its share card, with its byte size from the
media manifest; links in the story are made absolute for feed readers.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree

from showcase.content.model import Profile
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.plan.semesters import TZ
from showcase.publish.feeds import captions
from showcase.publish.markup import Story
from showcase.publish.media.manifest import Manifest
from showcase.publish.urls import profile_url

# ``published`` has no time of day: every item is dated 08:00 in the province
# (the start of office hours), so dates never depend on the build's clock.
PUB_TIME = dt.time(8, 0)
_ATOM = "http://www.w3.org/2005/Atom"
_HREF = re.compile(r'\bhref="([^"]*)"')
# Characters XML 1.0 cannot carry (C0 controls but tab and newlines, lone
# surrogates, U+FFFE/U+FFFF). The check refuses them in profiles; dropping
# them here keeps a feed well-formed even if one slips through.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters an XML document cannot contain."""
    return _NOT_XML.sub("", text)


def rss_text(text: str) -> str:
    """Plain text for an RSS element that readers may take as HTML (title, category).

    RSS 2.0 does not say whether a title is text or HTML: some readers render
    it as HTML, others (feedparser, most reposting tools) show it verbatim,
    so neither raw nor entity-encoded angle brackets read right everywhere.
    The check refuses real markup; look-alikes such as 'A & B <C>' get the
    angle quotation marks '‹C›', which read the same to people and can never
    become markup in any reader.
    """
    return xml_text(text).replace("<", "\u2039").replace(">", "\u203a")


@dataclass(frozen=True)
class Picture:
    url: str  # absolute
    length: int
    mime: str
    width: int
    height: int
    alt: str
    thumb: tuple[str, int, int]  # absolute URL, width, height: the smallest variant


def pub_datetime(day: dt.date) -> dt.datetime:
    """The moment a profile published on ``day`` is dated in feeds."""
    return dt.datetime.combine(day, PUB_TIME, tzinfo=TZ)


def add_entry(
    fg: FeedGenerator, base: str, p: Profile, unit_name: str, pic: Picture,
    story: Story, caption: captions.Caption,
) -> None:
    link = base + profile_url(p.slug)
    assert p.published is not None  # in_feeds() implies it
    when = pub_datetime(p.published)
    fe = fg.add_entry(order="append")
    fe.title(rss_text(p.title))  # the Atom title is redone as type="html" later
    fe.link(href=link, rel="alternate", type="text/html")
    fe.guid(link, permalink=True)
    fe.published(when)
    fe.updated(when)
    # The item's description is the ready-to-post caption (captions.py), under
    # its picture: tools that repost a feed to Facebook or Zalo post this text.
    description = (
        f'<p><img src="{html.escape(pic.url)}" alt="{html.escape(pic.alt)}" '
        f'width="{pic.width}" height="{pic.height}"/></p>' + caption_html(caption.text)
    )
    description = xml_text(description)
    fe.description(description)
    fe.summary(description, type="html")
    fe.content(xml_text(absolute_links(story.html, link)), type="html")
    labels = [FIELDS[p.field].label, *(SECTORS[s].label for s in SECTORS if s in p.sectors),
              unit_name, KINDS[p.kind].label]
    fe.category([{"term": rss_text(label)} for label in dict.fromkeys(labels)])
    fe.enclosure(pic.url, str(pic.length), pic.mime)
    fe.media.content({"url": pic.url, "type": pic.mime, "medium": "image",
                      "fileSize": str(pic.length), "width": str(pic.width),
                      "height": str(pic.height), "group": None})
    thumb_url, thumb_w, thumb_h = pic.thumb
    fe.media.thumbnail({"url": thumb_url, "width": str(thumb_w), "height": str(thumb_h),
                        "group": None})


def caption_html(text: str) -> str:
    """A caption as HTML: paragraphs at blank lines, <br/> at line ends."""
    paras = [para.split("\n") for para in text.split("\n\n") if para.strip()]
    return "".join(
        "<p>" + "<br/>".join(html.escape(line, quote=False) for line in lines) + "</p>"
        for lines in paras
    )


def picture(base: str, p: Profile, column: str, manifest: Manifest) -> Picture:
    """An item's picture: the largest JPEG of its photo, else its share card."""
    media = manifest[p.slug]
    big, small = media.picture, media.thumbnail
    alt = (p.photo_alt or p.name) if media.photo else f"{p.name} – {column}"
    return Picture(base + big.url, big.length, big.mime, big.width, big.height, alt,
                   (base + small.url, small.width, small.height))


def absolute_links(fragment: str, base: str) -> str:
    """Make every href absolute: feed readers resolve relative ones differently."""
    return _HREF.sub(
        lambda m: 'href="' + html.escape(urljoin(base, html.unescape(m.group(1)))) + '"',
        fragment,
    )


def fix_atom(
    xml: bytes, chosen: list[Profile], pic: Callable[[Profile], Picture],
) -> bytes:
    """Atom entries: titles as escaped HTML, and the links' rel/type/length back.

    feedgen 1.0.0 drops the attributes of entry links (its ``atom_entry``
    reuses the name ``link`` for the new element and reads them from it).
    Titles are given ``type="html"`` and escaped, so a reader never finds
    markup in them, whether it honours the Atom text type or not.
    """
    root = etree.fromstring(xml)
    entries = root.findall(f"{{{_ATOM}}}entry")
    assert len(entries) == len(chosen)
    for entry, p in zip(entries, chosen, strict=True):
        title = entry.find(f"{{{_ATOM}}}title")
        title.set("type", "html")
        title.text = html.escape(xml_text(p.title), quote=False)
        page, enclosure = entry.findall(f"{{{_ATOM}}}link")
        page.set("rel", "alternate")
        page.set("type", "text/html")
        picture_ = pic(p)
        assert enclosure.get("href") == picture_.url
        enclosure.set("rel", "enclosure")
        enclosure.set("type", picture_.mime)
        enclosure.set("length", str(picture_.length))
    # lxml ships no types (see pyproject.toml): with an encoding, tostring gives bytes.
    data: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True,
                                 encoding="UTF-8")
    return data
