"""The site's search index: typed records planned from the corpus, written by Pagefind.

Pagefind (the ``pagefind-bin`` wheel, run as a binary at build time, no
network) splits the index into small chunks by word prefix, so a visitor's
phone downloads only the chunks a query needs, never the whole index, and
no page pays anything until the search box is used.

Each record is handed to Pagefind as a small HTML document written from the
plan (never read back from the built site):

- the name (or page title) with Pagefind's highest weight;
- the text: headline, summary, unit, field, sectors, place, movement,
  achievements, tags, the story;
- after :data:`SENTINEL`, search-only words the browser's ranker ignores:
  the ``đ`` -> ``d`` form of every word that has one (Pagefind folds other
  diacritics itself, but not ``đ``), and every pair of adjacent syllables
  as one token (``chuyen0doi0``), so that "chuyen doi so" can be asked as
  the phrases "chuyển đổi" + "đổi số" and not match "đời sống" ... "sở";
- filters (field, sector, unit, kind, year) and the meta shown in results.

The browser side (assets/showcase/search.js) re-ranks Pagefind's candidates
with the Vietnamese rules: names first, syllable pairs as phrases, exact
diacritics above folded ones.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from showcase.content.model import Profile
from showcase.content.text import ascii_fold
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.publish.markup import Story
from showcase.publish.urls import profile_url
from showcase.publish.views import Page as PlannedPage

OUTPUT_DIR = "pagefind"  # site-relative folder of the index bundle
UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.",
          "pagefind-highlight.", "playground")
SENTINEL = "zzsczz"  # the browser ranker reads a record's text up to this word
# The story is indexed up to this many characters: enough for its topics, and a
# result's fragment (which holds the indexed text) stays about 1-2 KB.
STORY_CHARS = 1500
_SYLLABLE = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|tr)>", re.I)


class RecordKind(Enum):
    PROFILE = "profile"  # a person, collective or household
    LISTING = "listing"  # a generated page: a field, unit, sector ... or a section
    GUIDE = "guide"  # a hand-written page (introduction, criteria, guide)


class Filter(Enum):
    """Filter keys as Pagefind stores them; the labels are the UI's (Vietnamese)."""

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


@dataclass(frozen=True)
class IndexPlan:
    records: tuple[SearchRecord, ...]
    language: str = "vi"


def syllables(text: str) -> list[str]:
    """Lower-case syllables (NFC), punctuation dropped."""
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text).lower())


def fold(word: str) -> str:
    return ascii_fold(word).lower()


def pair_tokens(words: Sequence[str]) -> list[str]:
    """'chuyển đổi số' -> ['chuyen0doi0', 'doi0so0']: adjacent syllables as one word."""
    f = [fold(w) for w in words]
    return [f"{a}0{b}0" for a, b in zip(f, f[1:], strict=False)]


def search_words(paragraphs: Iterable[str]) -> str:
    """The search-only words of some text: đ-folded words, then syllable pairs."""
    extra: list[str] = []
    seen: set[str] = set()
    for para in paragraphs:
        words = syllables(para)
        for w in words:
            if "đ" in w and w not in seen:
                seen.add(w)
                extra.append(fold(w))
        extra += pair_tokens(words)
    return " ".join(extra)


def dee_words(paragraphs: Iterable[str]) -> str:
    """The ``đ`` -> ``d`` forms of the words that have one."""
    seen: dict[str, None] = {}
    for para in paragraphs:
        for w in syllables(para):
            if "đ" in w:
                seen.setdefault(fold(w), None)
    return " ".join(seen)


def plain_text(fragment: str) -> list[str]:
    """The paragraphs of sanitised HTML (a story), as text."""
    text = _BLOCK_END.sub("\n", fragment)
    return [" ".join(html.unescape(_TAG.sub(" ", line)).split())
            for line in text.split("\n") if line.strip() and _TAG.sub("", line).strip()]


def profile_record(p: Profile, url: str, units: Mapping[str, Unit], story: Story) -> SearchRecord:
    unit = units[p.unit].name if p.unit in units else p.unit
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
        story=tuple(t for t in shared if t) + _capped(plain_text(story.html)),
        facets=Facets(field, sectors, unit, kind, str(day.year)),
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


def _e(text: str) -> str:
    return html.escape(text, quote=True)


@lru_cache(maxsize=1 << 16)  # `mkdocs serve` asks again on every rebuild
def record_html(rec: SearchRecord) -> str:
    """The document Pagefind indexes for one record."""
    meta = [f'<span data-pagefind-meta="kind">{rec.kind.value}</span>',
            f'<span data-pagefind-meta="lead">{_e(rec.lead)}</span>']
    if rec.facets:
        meta.append(f'<span data-pagefind-meta="unit">{_e(rec.facets.unit)}</span>')
        meta.append(f'<span data-pagefind-meta="year">{_e(rec.facets.year)}</span>')
        meta += [f'<span data-pagefind-filter="{k.value}">{_e(v)}</span>'
                 for k, v in rec.facets.pairs()]
    # Names weigh most; a listing's or guide's title a little less.
    weight = 10 if rec.kind is RecordKind.PROFILE else 7
    body = [f'<h1 data-pagefind-weight="{weight}">{_e(rec.title)}</h1>']
    body += [f"<p>{_e(t)}</p>" for t in rec.text + rec.story]
    body.append(f"<p>{SENTINEL}</p>")
    body.append(f'<p data-pagefind-weight="{weight}">{_e(search_words([rec.title]))}</p>')
    # Pairs of the facts only (the story's đ-words too): pairs of every story
    # would double the index a query downloads.
    body.append(f"<p>{_e(search_words(rec.text))} {_e(dee_words(rec.story))}</p>")
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f'<title>{_e(rec.title)}</title></head><body>'
        f'<div>{"".join(meta)}</div>'
        f'<main data-pagefind-body>{"".join(body)}</main></body></html>'
    )


def plan_index(public: Sequence[Profile], units: Mapping[str, Unit],
               stories: Mapping[str, Story], pages: Iterable[PlannedPage]) -> IndexPlan:
    """Records of every public profile and of the generated pages search should offer."""
    records = [profile_record(p, profile_url(p.slug), units, stories[p.slug]) for p in public]
    records += [page_record(pg.url, pg.title, [pg.description]) for pg in pages
                if pg.in_search and pg.view.kind not in ("profile", "home")]
    return IndexPlan(tuple(records))
