"""RSS 2.0 and Atom feeds of the column, for readers and reposting tools.

Planned from the media manifest (each item's picture: URL, byte size and
pixel size) and the stories rendered once per build; nothing is read back
from the site. Output is a function of the content only: dates come from
``published`` (a date-only field, given the fixed time :data:`PUB_TIME` in
the province's time zone), ``lastBuildDate`` is the newest item's date, and
items are sorted explicitly, so rebuilding unchanged content gives
byte-identical feeds.

Only profiles whose consent covers social channels (``Profile.in_feeds``)
are included. The guid of an item is its page's absolute URL, which depends
only on the file name (the slug), so editing a profile never changes it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.plan.semesters import TZ
from showcase.publish import cache, captions, feedlist
from showcase.publish.markup import Story
from showcase.publish.media import Manifest
from showcase.publish.urls import profile_url

# ``published`` has no time of day: every item is dated 08:00 in the province
# (the start of office hours), so dates never depend on the build's clock.
PUB_TIME = dt.time(8, 0)
RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
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


@dataclass(frozen=True)
class Column:
    """Who publishes the feeds, and how many items each carries."""

    name: str
    department: str
    items: int
    sample: bool = False  # the sample site: captions say so


@dataclass(frozen=True)
class FeedFile:
    rel: str  # site-relative path
    data: bytes


def pub_datetime(day: dt.date) -> dt.datetime:
    """The moment a profile published on ``day`` is dated in feeds."""
    return dt.datetime.combine(day, PUB_TIME, tzinfo=TZ)


def feed_items(profiles: Iterable[Profile], today: dt.date) -> list[Profile]:
    """Profiles that may appear in feeds, newest first (ties: by path, descending)."""
    chosen = [p for p in profiles if p.in_feeds(today)]
    return sorted(chosen, key=lambda p: (p.published, p.path), reverse=True)


def plan_feeds(
    site_url: str, profiles: list[Profile], units: Mapping[str, Unit], column: Column,
    today: dt.date, manifest: Manifest, stories: Mapping[str, Story],
    blobs: cache.Blobs | None = None,
) -> list[FeedFile]:
    """Every feed of the site (:func:`feedlist.catalogue`), in the order written.

    With ``blobs``, a feed whose items and settings did not change is taken
    from the build cache instead of being made again.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    items = feed_items(profiles, today)
    public = [p for p in profiles if p.is_public(today)]
    # An empty feed still gets a stable date: the column's newest item, or
    # failing that the newest public profile; never the build's clock.
    fallback = _newest(items) or _newest(public)
    dep = column.department

    def pic(p: Profile) -> Picture:
        return picture(base, p, column, manifest)

    def entry(fg: FeedGenerator, p: Profile) -> None:
        unit = units.get(p.unit)
        text = captions.caption(p, unit.name if unit else p.unit, base + profile_url(p.slug),
                                column.name, dep, column.sample)
        _entry(fg, base, p, units, pic(p), stories[p.slug], text)

    cap = max(1, column.items)
    out = []
    used: set[str] = set()
    infos = feedlist.catalogue(column.name, dep, units, public)
    for info, kept in zip(infos, feedlist.selected(infos, items), strict=True):
        chosen = kept[:cap]
        # Everything the feed's bytes are made from, for the cache (see cache.Blobs).
        key = cache.key("feed", _code(), base, repr(info), repr(column), repr(fallback), *(
            repr((p, stories[p.slug], pic(p), units.get(p.unit))) for p in chosen))
        used.add(key)
        data = blobs.get(key) if blobs else None
        if data is None:
            fg = _channel(base, info.rel, info.page, info.title, info.description, dep, chosen,
                          fallback, entry, atom=info.atom)
            data = (_fix_atom(fg.atom_str(pretty=True), chosen, pic) if info.atom
                    else fg.rss_str(pretty=True))
            if blobs:
                blobs.put(key, data)
        out.append(FeedFile(info.rel, data))
    if blobs:
        blobs.prune(used)
    return out


@lru_cache(maxsize=1)
def _code() -> str:
    """The feed-making code and library: a new release writes every feed anew."""
    from importlib.metadata import version

    here = os.path.dirname(os.path.abspath(__file__))
    return cache.key(*(cache.file_hash(os.path.join(here, n))
                       for n in ("feeds.py", "feedlist.py", "captions.py", "wording.py")),
                     version("feedgen"), version("lxml"))


def _newest(profiles: list[Profile]) -> dt.datetime | None:
    days = [p.published for p in profiles if p.published]
    return pub_datetime(max(days)) if days else None


def _channel(
    base: str, rel: str, page: str, title: str, desc: str, publisher: str,
    chosen: list[Profile], fallback: dt.datetime | None,
    entry: Callable[[FeedGenerator, Profile], None], atom: bool = False,
) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("media", atom=True, rss=True)
    fg.title(xml_text(title))
    fg.description(xml_text(desc))
    fg.subtitle(xml_text(desc))
    fg.language("vi")
    fg.id(base + page)
    fg.author({"name": xml_text(publisher)})  # Atom requires an author; RSS skips it (no email)
    fg.generator("showcase (python-feedgen)")
    # The channel <link> is the last link given: 'self' first, the page after.
    fg.link(href=base + rel, rel="self", type=ATOM_TYPE if atom else RSS_TYPE)
    fg.link(href=base + page, rel="alternate", type="text/html")
    built = _newest(chosen) or fallback
    if built is not None:
        fg.lastBuildDate(built)
        fg.updated(built)
    else:
        # Nothing was ever published: RSS omits the date; Atom requires one.
        fg.updated(pub_datetime(dt.date(2000, 1, 1)))
        fg._FeedGenerator__rss_lastBuildDate = None  # no public way to unset it
    for p in chosen:
        entry(fg, p)
    return fg


def _entry(
    fg: FeedGenerator, base: str, p: Profile, units: Mapping[str, Unit], pic: Picture,
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
    unit = units.get(p.unit)
    labels = [FIELDS[p.field].label, *(SECTORS[s].label for s in SECTORS if s in p.sectors),
              unit.name if unit else p.unit, KINDS[p.kind].label]
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


def picture(base: str, p: Profile, column: Column, manifest: Manifest) -> Picture:
    """An item's picture: the largest JPEG of its photo, else its share card."""
    media = manifest[p.slug]
    big, small = media.picture, media.thumbnail
    alt = (p.photo_alt or p.name) if media.photo else f"{p.name} – {column.name}"
    return Picture(base + big.url, big.length, big.mime, big.width, big.height, alt,
                   (base + small.url, small.width, small.height))


def absolute_links(fragment: str, base: str) -> str:
    """Make every href absolute: feed readers resolve relative ones differently."""
    return _HREF.sub(
        lambda m: 'href="' + html.escape(urljoin(base, html.unescape(m.group(1)))) + '"',
        fragment,
    )


def _fix_atom(
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
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
