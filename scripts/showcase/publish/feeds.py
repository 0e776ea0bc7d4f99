"""RSS 2.0 and Atom feeds of the column, for readers and reposting tools.

Written after ``images.publish_media`` (each item's picture must be in the
site already: its size goes into the enclosure). Output is a function of the
content only: dates come from ``published`` (a date-only field, given the
fixed time :data:`PUB_TIME` in the province's time zone), ``lastBuildDate``
is the newest item's date, and items are sorted explicitly, so rebuilding
unchanged content gives byte-identical feeds.

Only profiles whose consent covers social channels (``Profile.in_feeds``)
are included. The guid of an item is its page's absolute URL, which depends
only on the file name (the slug), so editing a profile never changes it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree
from PIL import Image

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.options import Options
from showcase.plan.semesters import TZ
from showcase.publish import media as images
from showcase.publish.markup import story_html
from showcase.publish.urls import ATOM_NAME, FEED_NAME, field_url, profile_url, sector_url

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


class FeedError(Exception):
    """The site is missing something a feed needs (message in Vietnamese)."""


@dataclass(frozen=True)
class Picture:
    url: str  # absolute
    path: str  # in site_dir
    length: int
    mime: str
    width: int
    height: int
    alt: str
    thumb: tuple[str, int, int]  # absolute URL, width, height: the smallest variant


def pub_datetime(day: dt.date) -> dt.datetime:
    """The moment a profile published on ``day`` is dated in feeds."""
    return dt.datetime.combine(day, PUB_TIME, tzinfo=TZ)


def feed_items(profiles: Iterable[Profile], today: dt.date) -> list[Profile]:
    """Profiles that may appear in feeds, newest first (ties: by path, descending)."""
    chosen = [p for p in profiles if p.in_feeds(today)]
    return sorted(chosen, key=lambda p: (p.published, p.path), reverse=True)


def write_feeds(
    site_dir: str, site_url: str, profiles: list[Profile], units: dict[str, Unit],
    options: Options, today: dt.date,
) -> list[str]:
    """Write every feed of the site; returns their site-relative paths."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    items = feed_items(profiles, today)
    # An empty feed still gets a stable date: the column's newest item, or
    # failing that the newest public profile; never the build's clock.
    fallback = _newest(items) or _newest([p for p in profiles if p.is_public(today)])
    col, dep = options.column_name, options.department
    about = (f"Chuyên mục {col} của {dep}: những cá nhân, tập thể, hộ gia đình tiêu biểu "
             "trong văn hóa, gia đình, thể dục thể thao và du lịch.")
    pictures: dict[str, Picture] = {}

    def pic(p: Profile) -> Picture:  # read once, only for items that make it into a feed
        if p.path not in pictures:
            pictures[p.path] = picture(site_dir, base, p, options)
        return pictures[p.path]

    specs: list[tuple[str, str, str, str, Callable[[Profile], bool]]] = [
        (FEED_NAME, "", f"{col} – {dep}", about, lambda p: True),
    ]
    for fid, term in FIELDS.items():
        url = field_url(fid)
        specs.append((url + FEED_NAME, url, f"{col}: {term.label} – {dep}",
                      f"Chuyên mục {col} của {dep}, lĩnh vực {term.label}.",
                      lambda p, fid=fid: p.field == fid))
    for sid, term in SECTORS.items():
        url = sector_url(sid)
        specs.append((url + FEED_NAME, url, f"{col}: ngành {term.label} – {dep}",
                      f"Chuyên mục {col} của {dep}, ngành {term.label}.",
                      lambda p, sid=sid: sid in p.sectors))

    written = []
    for rel, page, title, desc, keep in specs:
        chosen = [p for p in items if keep(p)][: _cap(options)]
        fg = _channel(base, rel, page, title, desc, dep, chosen, fallback, units, pic)
        _write(site_dir, rel, fg.rss_str(pretty=True))
        written.append(rel)
    main = items[: _cap(options)]
    fg = _channel(base, ATOM_NAME, "", f"{col} – {dep}", about, dep, main, fallback, units,
                  pic, atom=True)
    _write(site_dir, ATOM_NAME, _fix_atom(fg.atom_str(pretty=True), main, pic))
    written.append(ATOM_NAME)
    return written


def _cap(options: Options) -> int:
    return max(1, options.feed_items)


def _newest(profiles: list[Profile]) -> dt.datetime | None:
    days = [p.published for p in profiles if p.published]
    return pub_datetime(max(days)) if days else None


def _channel(
    base: str, rel: str, page: str, title: str, desc: str, publisher: str,
    chosen: list[Profile], fallback: dt.datetime | None, units: dict[str, Unit],
    pic: Callable[[Profile], Picture], atom: bool = False,
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
        _entry(fg, base, p, units, pic(p))
    return fg


def _entry(
    fg: FeedGenerator, base: str, p: Profile, units: dict[str, Unit], pic: Picture,
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
    description = (
        f'<p><img src="{html.escape(pic.url)}" alt="{html.escape(pic.alt)}" '
        f'width="{pic.width}" height="{pic.height}"/></p>'
        f"<p>{html.escape(p.summary, quote=False)}</p>"
    )
    description = xml_text(description)
    fe.description(description)
    fe.summary(description, type="html")
    fe.content(xml_text(absolute_links(story_html(p.body), link)), type="html")
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


def picture(site_dir: str, base: str, p: Profile, options: Options) -> Picture:
    """An item's picture: the largest JPEG of its photo, else its share card.

    Read from the site (``images.publish_media`` must have run): the URL, the
    byte size and the pixel size are those of the file actually published.
    """
    folder = os.path.join(site_dir, *profile_url(p.slug).rstrip("/").split("/"))
    if p.photo:
        widths = sorted(
            int(m.group(1)) for name in _listdir(folder)
            if (m := re.fullmatch(r"anh-(\d+)\.jpg", name))
        )
        if widths:
            url = base + profile_url(p.slug)
            small = f"anh-{widths[0]}.jpg"
            with Image.open(os.path.join(folder, small)) as im:
                thumb = (url + small, im.width, im.height)
            name, alt = f"anh-{widths[-1]}.jpg", p.photo_alt or p.name
            return _picture(folder, url + name, name, alt, thumb)
    name = images.CARD_NAME
    if not os.path.isfile(os.path.join(folder, name)):
        raise FeedError(
            f"Thiếu ảnh của hồ sơ '{p.path}' trong thư mục trang ({folder}): "
            "ảnh phải được tạo (images.publish_media) trước khi viết bản tin RSS."
        )
    alt = f"{p.name} – {options.column_name}"
    return _picture(folder, base + images.card_url(p), name, alt, None)


def _picture(
    folder: str, url: str, name: str, alt: str, thumb: tuple[str, int, int] | None,
) -> Picture:
    path = os.path.join(folder, name)
    with Image.open(path) as im:
        width, height = im.size
    return Picture(url, path, os.path.getsize(path), "image/jpeg", width, height, alt,
                   thumb or (url, width, height))


def _listdir(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


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


def _write(site_dir: str, rel: str, data: bytes) -> None:
    path = os.path.join(site_dir, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
