"""Profiles and listings -> the generated pages (typed views); the theme owns the layout.

Every page is a :class:`~showcase.publish.pages.views.Page`: its template, its
view (what the template reads), its social metadata and its outline
(:mod:`outline`). Values reach templates raw and are escaped there (Jinja
autoescape); the only HTML passed through is the story, sanitised by
:mod:`markup` and rendered once per build.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import lru_cache

from showcase.content.model import Profile
from showcase.content.scripts import initials
from showcase.content.text import slugify, vn_date
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.plan.semesters import Semester
from showcase.publish import urls
from showcase.publish.feeds import captions
from showcase.publish.markup import Story
from showcase.publish.media.manifest import Manifest, PhotoSet
from showcase.publish.pages import listings as L
from showcase.publish.pages import social, wording
from showcase.publish.pages.outline import outline
from showcase.publish.pages.views import (
    Card,
    CardGroup,
    FeedLink,
    HomeView,
    IndexEntry,
    Link,
    ListingView,
    Page,
    PageLink,
    Pager,
    ProfileView,
    SectionView,
    SemesterCount,
    Site,
)

# Entries kept by each memoised step: `mkdocs serve` plans every page again after an
# edit, and an unchanged page (same values in) is then a lookup, not a new view.
MEMO = 1 << 16
RELATED_MAX = 4  # per group: keeps a profile page the same size at any corpus size
FEATURED_MAX = 6
LATEST_MAX = 12


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unit_name(p: Profile, units: Mapping[str, Unit]) -> str:
    unit = units.get(p.unit)
    return unit.name if unit else p.unit


def card(p: Profile, unit: str, photo: PhotoSet | None) -> Card:
    """A profile as listings show it (memoised: see :data:`MEMO`)."""
    return _card(p, unit, photo)


@lru_cache(maxsize=MEMO)
def _card(p: Profile, unit: str, photo: PhotoSet | None) -> Card:
    day = p.published or p.introduced
    return Card(
        url=urls.profile_url(p.slug), name=p.name, title=p.title, kind=KINDS[p.kind].label,
        unit=unit, field=FIELDS[p.field].label,
        summary=_one_line(p.summary), date=vn_date(day), date_iso=day.isoformat(),
        photo=photo, photo_alt=p.photo_alt or "", initials=initials(p.name),
    )


@lru_cache(maxsize=MEMO)
def profile_page(
    p: Profile, story: Story, site: Site, unit_name: str, own: Card,
    same_unit: tuple[Card, ...], same_field: tuple[Card, ...], pending: str | None = None,
) -> Page:
    """A profile's page; ``pending`` (a preview build only) says why it is not public."""
    url = urls.profile_url(p.slug)
    day = p.published or p.introduced
    movement = (
        Link(p.movement, urls.movement_url(p.movement))
        if p.movement and slugify(p.movement) else None
    )
    view = ProfileView(
        root=urls.relative(url, ""),
        card=own,
        name=p.name,
        name_km=p.name_km or "",
        title=p.title,
        summary=_one_line(p.summary),
        kind_link=Link(KINDS[p.kind].label, urls.kind_url(p.kind)),
        unit_link=Link(unit_name, urls.unit_url(p.unit)),
        field_link=Link(FIELDS[p.field].label, urls.field_url(p.field)),
        field_letter=FIELDS[p.field].letter,
        sectors=tuple(Link(SECTORS[s].label, urls.sector_url(s)) for s in p.sectors),
        location=p.location or "",
        movement=movement,
        introduced=vn_date(p.introduced),
        published=vn_date(day),
        published_iso=day.isoformat(),
        achievements=tuple(p.achievements),
        commendations=tuple(p.commendations),
        tags=tuple(p.tags),
        story=story.html,
        sample=site.sample_notice,
        sample_text=wording.SAMPLE_NOTICE,
        share=social.share_links(site.abs(url)),
        caption=captions.caption(p, unit_name, site.abs(url), site.column, site.department,
                                 site.sample_notice).text,
        same_unit=same_unit,
        same_field=same_field,
        preview=wording.preview_reason(pending, p.published) if pending else "",
    )
    page_social = social.profile_social(p, site, unit_name)
    if pending:
        page_social = dataclasses.replace(page_social, noindex=True)
    return Page(
        url=url, template="showcase/profile.html", title=p.name,
        description=_one_line(p.summary), view=view, social=page_social,
        toc=outline(p.name, story.headings), published=day.isoformat(), preview=bool(pending),
    )


def pager(base: str, number: int, count: int, window: int = 2) -> Pager:
    """Pagination links: first, last and a fixed window around the current page."""
    shown = sorted({1, count, *range(max(1, number - window), min(count, number + window) + 1)})
    return Pager(
        number, count,
        urls.page_url(base, number - 1) if number > 1 else None,
        urls.page_url(base, number + 1) if number < count else None,
        tuple(PageLink(n, urls.page_url(base, n)) for n in shown),
    )


def listing_pages(li: L.Listing, site: Site, cards: Mapping[str, Card]) -> list[Page]:
    """Every page of one listing (page 2 onwards out of search: same text as page 1)."""
    pages = li.pages(site.page_size)
    heading, intro = wording.heading(li), wording.intro(li)
    out = []
    for n, items in enumerate(pages, start=1):
        if li.kind == "year":
            groups = tuple(CardGroup(s.label.capitalize(), tuple(cards[p.slug] for p in ps))
                           for s, ps in L.by_semester(items))
        else:
            groups = (CardGroup("", tuple(cards[p.slug] for p in items)),)
        out.append(_listing_page(li.kind, heading, intro, li.url, li.feed, len(li.profiles),
                                 n, len(pages), groups, site))
    return out


@lru_cache(maxsize=MEMO)
def _listing_page(kind: str, heading: str, intro: str, base: str, feed: str | None,
                  total: int, n: int, count: int, groups: tuple[CardGroup, ...], site: Site
                  ) -> Page:
    feeds = (FeedLink(f"{site.column}: {heading}", site.abs(feed)),) if feed else ()
    url = urls.page_url(base, n)
    title = heading if n == 1 else f"{heading} (trang {n})"
    desc = f"{intro} Có {total} gương điển hình."
    view = ListingView(
        root=urls.relative(url, ""), heading=heading, intro=intro, total=total, groups=groups,
        pager=pager(base, n, count) if count > 1 else None,
        section=Link(urls.SECTIONS[kind][1], urls.section_url(kind)), feed=feed,
    )

    return Page(
        url=url, template="showcase/listing.html", title=title, description=desc,
        view=view, social=social.page_social(site, url, title, desc, "CollectionPage", feeds),
        toc=outline(title), in_search=n == 1,
    )


def section_page(kind: str, items: Sequence[L.Listing], site: Site) -> Page:
    """The index of one section: its listings with their counts."""
    url = urls.section_url(kind)
    title = urls.SECTIONS[kind][1]
    intro = wording.WORDING[kind].section_intro
    entries = tuple(
        IndexEntry(wording.heading(li), li.url, len(li.profiles),
                   _semester_counts(li) if kind == "year" else ())
        for li in items
    )
    view = SectionView(root=urls.relative(url, ""), heading=title, intro=intro, entries=entries)

    return Page(
        url=url, template="showcase/section.html", title=title, description=intro, view=view,
        social=social.page_social(site, url, title, intro, "CollectionPage"),
        toc=outline(title), hide_toc=True,
    )


def _semester_counts(li: L.Listing) -> tuple[SemesterCount, ...]:
    counts: dict[Semester, int] = {}
    for p in li.profiles:
        s = L.semester_of(p)
        counts[s] = counts.get(s, 0) + 1
    return tuple(SemesterCount(s.label.capitalize(), counts[s])
                 for s in sorted(counts, reverse=True))


def home_page(groups: L.Listings, site: Site, cards: Mapping[str, Card]) -> Page:
    featured, latest = L.home_selection(groups.public, FEATURED_MAX, LATEST_MAX)
    fields = tuple(
        IndexEntry(f"{li.letter}) {li.title}", li.url, len(li.profiles))
        for li in groups.by_kind["field"]
    )
    view = HomeView(
        root="", heading=site.column, intro=site.description,
        featured=tuple(cards[p.slug] for p in featured),
        latest=tuple(cards[p.slug] for p in latest),
        fields=fields, total=len(groups.public), archive=urls.section_url("year"),
        follow=urls.FOLLOW_URL,
    )

    return Page(
        url="", template="showcase/home.html", title=site.column,
        description=site.description, view=view,
        social=social.page_social(site, "", site.column, site.description, "WebSite"),
        toc=outline(site.column), hide_toc=True,
    )


def all_pages(
    shown: Sequence[Profile], units: Mapping[str, Unit], site: Site, manifest: Manifest,
    stories: Mapping[str, Story], pending: Mapping[str, str] | None = None,
) -> list[Page]:
    """Every generated page of the site: home, sections, listings, profiles.

    ``shown``: the public profiles, and in a preview build the pending ones too
    (``pending``: slug -> why it is not public yet).
    """
    pending = pending or {}
    groups = L.group(shown, dict(units))
    names = {p.slug: _unit_name(p, units) for p in groups.public}
    cards = {}
    for p in groups.public:
        media = manifest.get(p.slug)
        cards[p.slug] = card(p, names[p.slug], media.photo if media else None)
    out = [home_page(groups, site, cards)]
    for kind in urls.SECTIONS:
        out.append(section_page(kind, groups.by_kind[kind], site))
        for li in groups.by_kind[kind]:
            out.extend(listing_pages(li, site, cards))
    by_unit = {li.key: li for li in groups.by_kind["unit"]}
    by_field = {li.key: li for li in groups.by_kind["field"]}
    for p in groups.public:
        same_unit = L.related(p, by_unit.get(p.unit), RELATED_MAX)
        same_field = L.related(p, by_field.get(p.field), RELATED_MAX,
                               exclude=[q.slug for q in same_unit])
        out.append(profile_page(
            p, stories[p.slug], site, names[p.slug], cards[p.slug],
            tuple(cards[q.slug] for q in same_unit), tuple(cards[q.slug] for q in same_field),
            pending.get(p.slug)))
    return out
