"""The site's search index: typed records planned from the corpus.

One record per public profile, per generated listing page and (added when
the site is written) per hand-written guide page. Each holds, as plain text:

- the name (or page title), matched first;
- the text: headline, summary, achievements, tags (a profile's own facts);
- the story: the facts it shares with others (unit, field, sectors, place,
  movement, commendations) and the start of its story (:data:`STORY_CHARS`);
- the lead shown under the title in results, and the filters (field, sector,
  unit, kind, year) of a profile.

:mod:`words` turns a record into syllables and pairs, and
:mod:`bundle` writes the index that ``assets/search.js`` reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.publish.markup import Story, plain_text
from showcase.publish.pages.views import Page as PlannedPage
from showcase.publish.urls import profile_url

OUTPUT_DIR = "tim-kiem"  # site-relative folder of the index
# The story is indexed up to this many characters: enough for its topics; the
# index of a long story would otherwise grow every query's download.
STORY_CHARS = 1500


class RecordKind(Enum):
    PROFILE = "profile"  # a person, collective or household
    LISTING = "listing"  # a generated page: a field, unit, sector ... or a section
    GUIDE = "guide"  # a hand-written page (introduction, criteria, guide)


class Filter(Enum):
    """Filter keys, as the search form names its menus (whose labels are Vietnamese)."""

    FIELD = "linh_vuc"
    SECTOR = "nganh"
    UNIT = "don_vi"
    KIND = "loai"
    YEAR = "nam"


@dataclass(frozen=True)
class Facets:
    field: str  # Vietnamese labels, as shown in the filter menus
    sectors: tuple[str, ...]
    unit: str
    kind: str
    year: str

    def pairs(self) -> tuple[tuple[Filter, str], ...]:
        return ((Filter.FIELD, self.field), *((Filter.SECTOR, s) for s in self.sectors),
                (Filter.UNIT, self.unit), (Filter.KIND, self.kind), (Filter.YEAR, self.year))


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-relative directory URL
    kind: RecordKind
    title: str  # a profile's name, a page's title
    lead: str  # one line shown under the title in results
    text: tuple[str, ...]  # paragraphs whose syllable pairs are indexed too
    story: tuple[str, ...] = ()  # a profile's shared facts and story (the start), words only
    facets: Facets | None = None  # profiles only
    date: str = ""  # a profile's publication (or introduction) day, ISO: orders the index


@dataclass(frozen=True)
class IndexPlan:
    records: tuple[SearchRecord, ...]
    language: str = "vi"


@lru_cache(maxsize=1 << 16)  # `mkdocs serve` plans every record again after an edit
def profile_record(p: Profile, url: str, unit: str, story: Story) -> SearchRecord:
    """A profile's record; ``unit``: the name of its unit."""
    field = FIELDS[p.field].label
    sectors = tuple(SECTORS[s].label for s in p.sectors)
    kind = KINDS[p.kind].label
    day = p.published or p.introduced
    own = [p.name_km or "", p.title if p.title != p.name else "", " ".join(p.summary.split()),
           *(a.text for a in p.achievements), ", ".join(p.tags)]
    # Shared by many profiles (their own listings answer these as phrases).
    shared = [unit, field, ", ".join(sectors), kind, p.location or "", p.movement or "",
              *(c.text for c in p.commendations)]
    return SearchRecord(
        url=url, kind=RecordKind.PROFILE, title=p.name,
        lead=p.title if p.title != p.name else " ".join(p.summary.split()),
        text=tuple(t for t in own if t),
        story=tuple(t for t in shared if t) + _capped(list(story.text)),
        facets=Facets(field, sectors, unit, kind, str(day.year)), date=day.isoformat(),
    )


def _capped(paragraphs: list[str], limit: int = STORY_CHARS) -> tuple[str, ...]:
    out: list[str] = []
    used = 0
    for para in paragraphs:
        if used + len(para) > limit:
            cut = para[: max(0, limit - used)].rsplit(" ", 1)[0]
            if cut:
                out.append(cut)
            break
        out.append(para)
        used += len(para)
    return tuple(out)


def page_record(url: str, title: str, paragraphs: Iterable[str],
                kind: RecordKind = RecordKind.LISTING) -> SearchRecord:
    text = tuple(t for t in (" ".join(p.split()) for p in paragraphs) if t)
    return SearchRecord(url=url, kind=kind, title=title, lead=text[0] if text else "",
                        text=text)


def guide_record(url: str, title: str, rendered: str) -> SearchRecord:
    """A hand-written page, from the HTML MkDocs rendered for it."""
    return page_record(url, title, plain_text(rendered), RecordKind.GUIDE)


def plan_index(public: Sequence[Profile], units: Mapping[str, Unit],
               stories: Mapping[str, Story], pages: Iterable[PlannedPage]) -> IndexPlan:
    """Records of every public profile and of the generated pages search should offer."""
    names = {u: unit.name for u, unit in units.items()}
    records = [profile_record(p, profile_url(p.slug), names.get(p.unit, p.unit), stories[p.slug])
               for p in public]
    records += [page_record(pg.url, pg.title, [pg.description]) for pg in pages
                if pg.in_search and pg.view.kind not in ("profile", "home")]
    return IndexPlan(tuple(records))
