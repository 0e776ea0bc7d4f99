"""Slugs, URLs and listings: every URL rule of the site lives here.

One slug function for URLs and heading anchors, so that Vietnamese
transliterates the same way everywhere (đ -> d, which Material's default
drops) and URLs stay readable ASCII and stable across rebuilds.

The grouping of profiles into listings (field, sector, unit, kind,
movement, year/semester) and their pagination are pure functions too:
the MkDocs adapter only turns their results into pages.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .model import Profile
from .semesters import Semester
from .units import Unit
from .vocab import FIELDS, KINDS, SECTORS

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

PROFILES_SECTION = "ho-so"
PAGE_PREFIX = "trang-"

# Listing sections: kind of grouping -> (URL segment, Vietnamese section title).
SECTIONS: dict[str, tuple[str, str]] = {
    "field": ("linh-vuc", "Lĩnh vực"),
    "sector": ("nganh", "Ngành"),
    "unit": ("don-vi", "Đơn vị giới thiệu"),
    "kind": ("loai", "Loại gương điển hình"),
    "movement": ("phong-trao", "Phong trào thi đua"),
    "year": ("luu-tru", "Lưu trữ theo năm"),
}


def ascii_fold(text: str) -> str:
    """'Đóng góp' -> 'Dong gop' (strips diacritics, maps đ/Đ)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, sep: str = "-") -> str:
    """Readable ASCII slug; usable as markdown's ``toc`` ``slugify`` callable."""
    return _NON_ALNUM.sub(sep, ascii_fold(text).lower()).strip(sep)


def sort_key(text: str) -> tuple[str, str]:
    """Vietnamese-friendly alphabetical order: by the folded form, then the original."""
    return ascii_fold(text).casefold(), text


# --- URLs (site-relative, directory URLs) ------------------------------------


def profile_url(slug: str) -> str:
    """Site-relative URL of a profile page (directory URL, trailing slash)."""
    return f"{PROFILES_SECTION}/{slug}/"


def section_url(kind: str) -> str:
    """The index page of a listing section, e.g. 'linh-vuc/'."""
    return SECTIONS[kind][0] + "/"


def field_url(field_id: str) -> str:
    return f"{SECTIONS['field'][0]}/{FIELDS[field_id].slug}/"


def sector_url(sector_id: str) -> str:
    return f"{SECTIONS['sector'][0]}/{SECTORS[sector_id].slug}/"


def unit_url(unit_id: str) -> str:
    return f"{SECTIONS['unit'][0]}/{unit_id}/"


def kind_url(kind_id: str) -> str:
    return f"{SECTIONS['kind'][0]}/{KINDS[kind_id].slug}/"


def movement_url(movement: str) -> str:
    return f"{SECTIONS['movement'][0]}/{slugify(movement)}/"


def year_url(year: int) -> str:
    return f"{SECTIONS['year'][0]}/{year}/"


def page_url(base: str, number: int) -> str:
    """URL of page ``number`` (1-based) of a paginated listing at ``base``."""
    return base if number == 1 else f"{base}{PAGE_PREFIX}{number}/"


def src_uri(url: str) -> str:
    """The virtual source file of a generated page: 'a/b/' -> 'a/b/index.md'."""
    return f"{url}index.md"


def depth(url: str) -> int:
    """How many folders deep a directory URL is ('' -> 0, 'a/b/' -> 2)."""
    return url.count("/")


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs (works under any sub-path)."""
    return "../" * depth(from_url) + to_url if (from_url or to_url) else "./"


# --- Grouping ----------------------------------------------------------------


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
    feed: str | None = None  # its own feed (fields and sectors)

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
                   feed=field_url(f) + "feed.xml")
        for f, t in FIELDS.items()
    }
    by_sector = {
        s: Listing("sector", s, t.label, sector_url(s), feed=sector_url(s) + "feed.xml")
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
                                      unit_url(p.unit))
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


def vn_date(day: dt.date | None) -> str:
    """Vietnamese date form dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y") if day else ""
