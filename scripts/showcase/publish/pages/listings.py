"""Grouping of the public profiles into listings, and their pagination.

Pure functions: the pipeline turns their results into pages and feeds.
Listings are by field, sector, unit, kind, movement and year/semester.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from showcase.content.model import Profile
from showcase.content.text import slugify, sort_key
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.plan.semesters import Semester
from showcase.publish.urls import (
    SECTIONS,
    field_url,
    kind_url,
    listing_feed_url,
    movement_url,
    sector_url,
    unit_url,
    year_url,
)


def newest_first(profiles: Iterable[Profile]) -> list[Profile]:
    """Published date descending; ties by name then slug (deterministic)."""
    by_name = sorted(profiles, key=lambda p: (sort_key(p.name), p.slug))
    return sorted(by_name, key=lambda p: p.published or p.introduced, reverse=True)


@dataclass
class Listing:
    """One group of profiles with its own (paginated) listing page."""

    kind: str  # field | sector | unit | kind | movement | year
    key: str  # the id in its vocabulary, unit id, movement slug or year
    title: str  # Vietnamese, shown as the page heading
    url: str
    profiles: list[Profile] = field(default_factory=list)  # newest first
    letter: str = ""  # the plan's letter, for fields
    feed: str | None = None  # its own feed (fields, sectors and units)

    def pages(self, size: int) -> list[list[Profile]]:
        return paginate(self.profiles, size)


def paginate(items: Sequence[Profile], size: int) -> list[list[Profile]]:
    """Split into pages of ``size``; an empty listing still has one (empty) page."""
    if size < 1:
        raise ValueError("page size must be positive")
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


@dataclass
class Listings:
    """All listings of the site, by section, in display order."""

    by_kind: dict[str, list[Listing]]
    public: list[Profile]  # newest first

    def all(self) -> Iterable[Listing]:
        for kind in SECTIONS:
            yield from self.by_kind[kind]


def group(public: Iterable[Profile], units: dict[str, Unit]) -> Listings:
    """Group the public profiles into every listing the site shows."""
    ordered = newest_first(public)
    by_field = {
        f: Listing("field", f, t.label, field_url(f), letter=t.letter,
                   feed=listing_feed_url(field_url(f)))
        for f, t in FIELDS.items()
    }
    by_sector = {
        s: Listing("sector", s, t.label, sector_url(s), feed=listing_feed_url(sector_url(s)))
        for s, t in SECTORS.items()
    }
    by_kind = {k: Listing("kind", k, t.label, kind_url(k)) for k, t in KINDS.items()}
    by_unit: dict[str, Listing] = {}
    by_movement: dict[str, Listing] = {}
    spellings: dict[str, dict[str, int]] = {}
    by_year: dict[int, Listing] = {}
    for p in ordered:
        by_field[p.field].profiles.append(p)
        for s in p.sectors:
            by_sector[s].profiles.append(p)
        by_kind[p.kind].profiles.append(p)
        unit = units.get(p.unit)
        if p.unit not in by_unit:
            by_unit[p.unit] = Listing("unit", p.unit, unit.name if unit else p.unit,
                                      unit_url(p.unit),
                                      feed=listing_feed_url(unit_url(p.unit)))
        by_unit[p.unit].profiles.append(p)
        if p.movement and slugify(p.movement):
            slug = slugify(p.movement)
            if slug not in by_movement:
                by_movement[slug] = Listing("movement", slug, p.movement, movement_url(p.movement))
            by_movement[slug].profiles.append(p)
            counts = spellings.setdefault(slug, {})
            counts[p.movement] = counts.get(p.movement, 0) + 1
        year = (p.published or p.introduced).year
        if year not in by_year:
            by_year[year] = Listing("year", str(year), f"Năm {year}", year_url(year))
        by_year[year].profiles.append(p)
    for slug, counts in spellings.items():
        # Spellings that differ only in case or diacritics share a page; show the usual one.
        by_movement[slug].title = min(counts, key=lambda s: (-counts[s], sort_key(s)))
    return Listings(
        by_kind={
            "field": list(by_field.values()),
            "sector": list(by_sector.values()),
            "unit": sorted(by_unit.values(), key=lambda li: sort_key(li.title)),
            "kind": list(by_kind.values()),
            "movement": sorted(by_movement.values(), key=lambda li: sort_key(li.title)),
            "year": sorted(by_year.values(), key=lambda li: li.key, reverse=True),
        },
        public=ordered,
    )


def semester_of(p: Profile) -> Semester:
    """The archive files a profile under the half-year it was published in."""
    return Semester.of(p.published or p.introduced)


def by_semester(profiles: Iterable[Profile]) -> list[tuple[Semester, list[Profile]]]:
    """Consecutive runs of one semester, in the given (newest-first) order."""
    out: list[tuple[Semester, list[Profile]]] = []
    for p in profiles:
        s = semester_of(p)
        if out and out[-1][0] == s:
            out[-1][1].append(p)
        else:
            out.append((s, [p]))
    return out


def home_selection(
    public: Sequence[Profile], featured_max: int = 6, latest_max: int = 12
) -> tuple[list[Profile], list[Profile]]:
    """(featured, latest) for the home page: no profile shown twice."""
    featured = [p for p in public if p.featured][:featured_max]
    shown = {p.slug for p in featured}
    latest = [p for p in public if p.slug not in shown][:latest_max]
    return featured, latest


def related(
    profile: Profile, listing: Listing | None, limit: int, exclude: Iterable[str] = ()
) -> list[Profile]:
    """Up to ``limit`` other profiles of ``listing`` (a fixed cap keeps pages the same size)."""
    if listing is None:
        return []
    skip = {profile.slug, *exclude}
    out: list[Profile] = []
    for p in listing.profiles:
        if p.slug not in skip:
            out.append(p)
            if len(out) == limit:
                break
    return out
