"""What the templates read: frozen, typed views of every generated page.

Templates get these objects (never dicts of string keys) through the page's
meta; every text value is raw and escaped by Jinja's autoescape, except
``ProfileView.story``, sanitised by :mod:`showcase.publish.markup`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from showcase.content.hashing import hash_once
from showcase.content.model import Record
from showcase.publish.media.manifest import PhotoSet


@dataclass(frozen=True)
class Site:
    """Site-wide facts the pages need."""

    url: str  # absolute site URL with trailing slash
    name: str
    column: str
    department: str
    description: str
    sample_notice: bool = False
    page_size: int = 24

    def abs(self, rel: str) -> str:
        return self.url + rel


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # site-relative


@dataclass(frozen=True)
class FeedLink:
    title: str
    href: str  # absolute


@dataclass(frozen=True)
class Social:
    """What the head of a page carries for search engines and share previews."""

    og_type: str  # website | article
    image: str  # absolute
    image_alt: str
    jsonld: str  # safe inside <script type="application/ld+json">
    feeds: tuple[FeedLink, ...] = ()
    published: str = ""  # ISO date, articles only
    og_title: str = ""  # share title when it differs from <title> (a profile's headline)
    noindex: bool = False  # a preview page: search engines must not keep it


@hash_once
@dataclass(frozen=True)
class Card:
    """A profile as shown in a listing (URLs site-relative)."""

    url: str
    name: str
    title: str
    kind: str
    unit: str
    field: str
    summary: str
    date: str  # dd/mm/yyyy
    date_iso: str
    photo: PhotoSet | None
    photo_alt: str
    initials: str  # shown on the placeholder when there is no photo


@dataclass(frozen=True)
class ShareLinks:
    """Share targets that need no third-party script on our page."""

    facebook: str
    zalo: str
    url: str  # the page's own absolute URL, for the copy button


class PageLink(NamedTuple):
    number: int
    url: str  # site-relative


@hash_once
@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    prev: str | None  # site-relative
    next: str | None
    pages: tuple[PageLink, ...]  # the pages to show as links


class CardGroup(NamedTuple):
    title: str  # "" for an untitled group
    cards: tuple[Card, ...]


class SemesterCount(NamedTuple):
    label: str
    profiles: int


@dataclass(frozen=True)
class IndexEntry:
    """One listing in a section index (or a field on the home page)."""

    label: str
    url: str
    count: int
    semesters: tuple[SemesterCount, ...] = ()


@hash_once
@dataclass(frozen=True)
class ProfileView:
    root: str  # relative path from this page to the site root
    card: Card
    name: str
    name_km: str  # the name in Khmer script, or ""
    title: str
    summary: str
    kind_link: Link
    unit_link: Link
    field_link: Link
    field_letter: str
    sectors: tuple[Link, ...]
    location: str
    movement: Link | None
    introduced: str  # dd/mm/yyyy
    published: str
    published_iso: str
    achievements: tuple[Record, ...]
    commendations: tuple[Record, ...]
    tags: tuple[str, ...]
    story: str  # sanitised HTML
    sample: bool
    sample_text: str
    share: ShareLinks
    caption: str  # ready-to-post text for Facebook and Zalo (captions.py)
    same_unit: tuple[Card, ...]
    same_field: tuple[Card, ...]
    preview: str = ""  # why this profile is not public yet (preview builds only)
    kind: str = "profile"


@hash_once
@dataclass(frozen=True)
class ListingView:
    root: str
    heading: str
    intro: str
    total: int
    groups: tuple[CardGroup, ...]
    pager: Pager | None
    section: Link
    feed: str | None  # site-relative
    kind: str = "listing"


@dataclass(frozen=True)
class SectionView:
    root: str
    heading: str
    intro: str
    entries: tuple[IndexEntry, ...]
    kind: str = "section"


@dataclass(frozen=True)
class HomeView:
    root: str
    heading: str
    intro: str
    featured: tuple[Card, ...]
    latest: tuple[Card, ...]
    fields: tuple[IndexEntry, ...]
    total: int
    archive: str
    follow: str = ""  # the "Theo dõi chuyên mục" page
    kind: str = "home"


@dataclass(frozen=True)
class FeedEntry:
    """One feed on the follow page."""

    title: str
    purpose: str
    href: str  # absolute address, what a reader or a reposting tool subscribes to
    page: str  # site-relative page the feed follows
    format: str  # RSS | Atom
    items: int  # how many items it carries now


@dataclass(frozen=True)
class FeedGroup:
    title: str
    feeds: tuple[FeedEntry, ...]


@dataclass(frozen=True)
class FollowView:
    root: str
    heading: str
    intro: str
    how: tuple[str, ...]  # paragraphs: how to subscribe, how staff repost
    groups: tuple[FeedGroup, ...]
    kind: str = "follow"


View = ProfileView | ListingView | SectionView | HomeView | FollowView


@dataclass(frozen=True)
class TocEntry:
    """A heading of a page's outline, with the id the page gives it."""

    level: int
    id: str
    name: str  # escaped HTML, as MkDocs' toc tokens carry it
    children: tuple[TocEntry, ...] = ()


@hash_once
@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, what it shows, its outline and metadata."""

    url: str  # site-relative directory URL
    template: str
    title: str
    description: str
    view: View
    social: Social
    toc: TocEntry
    hide_toc: bool = False
    in_search: bool = True
    published: str = ""  # ISO date, for the sitemap's lastmod
    preview: bool = False  # an unpublished profile in a preview build: no sitemap, no feed
