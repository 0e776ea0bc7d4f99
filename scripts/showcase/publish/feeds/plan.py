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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from feedgen.feed import FeedGenerator

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.publish.feeds import captions, feedlist
from showcase.publish.feeds.entries import (
    Picture,
    add_entry,
    fix_atom,
    picture,
    pub_datetime,
    rss_text,
    xml_text,
)
from showcase.publish.markup import Story
from showcase.publish.media.manifest import Manifest
from showcase.publish.urls import profile_url
from showcase.store import cache, hashes, sealed
from showcase.store.digest import digest

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
__all__ = ["Column", "FeedFile", "plan_feeds", "pub_datetime", "rss_text",
           "xml_text"]


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


@dataclass(frozen=True)
class _Item:
    """Everything one feed item is made from."""

    profile: Profile
    story: Story
    picture: Picture
    unit: Unit | None


def plan_feeds(
    site_url: str, profiles: list[Profile], units: Mapping[str, Unit], column: Column,
    today: dt.date, manifest: Manifest, stories: Mapping[str, Story],
    blobs: sealed.Values | None = None, prune: bool = True,
) -> list[FeedFile]:
    """Every feed of the site (:func:`feedlist.catalogue`), in the order written.

    With ``blobs``, a feed whose items and settings did not change is taken
    from the build cache instead of being made again (and, within one process,
    from memory: `mkdocs serve` plans every feed again after each edit).
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    items = feedlist.feed_items(profiles, today)
    public = [p for p in profiles if p.is_public(today)]
    # An empty feed still gets a stable date: the column's newest item, or
    # failing that the newest public profile; never the build's clock.
    fallback = _newest(items) or _newest(public)
    cap = max(1, column.items)
    out = []
    used: set[str] = set()
    infos = feedlist.catalogue(column.name, column.department, units, public)
    folder = blobs.folder if blobs else None
    for info, kept in zip(infos, feedlist.selected(infos, items), strict=True):
        chosen = tuple(_Item(p, stories[p.slug], picture(base, p, column.name, manifest),
                             units.get(p.unit)) for p in kept[:cap])
        key, data = _feed(base, info, column, fallback, chosen, folder)
        used.add(key)
        out.append(FeedFile(info.rel, data))
    if blobs and prune:
        blobs.prune(used)
    return out


@lru_cache(maxsize=256)
def _feed(base: str, info: feedlist.FeedInfo, column: Column, fallback: dt.datetime | None,
          chosen: tuple[_Item, ...], folder: str | None) -> tuple[str, bytes]:
    """(cache key, bytes) of one feed; from the blobs in ``folder`` when made before."""
    # Everything the feed's bytes are made from, for the cache (see sealed.Values).
    key = cache.key("feed", _code(), base, digest((info, column, fallback, chosen)).hex())
    blobs = sealed.Values(folder) if folder else None
    data = blobs.get(key) if blobs else None
    if data is not None:
        return key, data
    pics = {i.profile.slug: i.picture for i in chosen}

    def entry(fg: FeedGenerator, p: Profile) -> None:
        item = next(i for i in chosen if i.profile is p)
        name = item.unit.name if item.unit else p.unit
        text = captions.caption(p, name, base + profile_url(p.slug), column.name,
                                column.department, column.sample)
        add_entry(fg, base, p, name, item.picture, item.story, text)

    profiles = [i.profile for i in chosen]
    fg = _channel(base, info.rel, info.page, info.title, info.description, column.department,
                  profiles, fallback, entry, atom=info.atom)
    data = (fix_atom(fg.atom_str(pretty=True), profiles, lambda p: pics[p.slug]) if info.atom
            else fg.rss_str(pretty=True))
    if blobs:
        blobs.put(key, data)
    return key, data


@lru_cache(maxsize=1)
def _code() -> str:
    """The feed-making code and library: a new release writes every feed anew."""
    from importlib.metadata import version

    return cache.key(hashes.code_hash("showcase.publish.feeds"), version("feedgen"),
                     version("lxml"))


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
