"""Profiles and listings -> page sources for MkDocs; the theme owns the layout.

Each generated page is a :class:`PageSource`: its Markdown source, a
``meta`` mapping (what front matter would hold, with a ``template:`` key) and
its table of contents. The meta is handed to MkDocs as Python objects rather
than YAML, so nothing from a profile is ever re-parsed as YAML or Markdown.

The Markdown source of a page is its *search document* only (escaped HTML
blocks, which Markdown passes through): for a profile, the name, headline,
summary, unit, field and the story's headings with the story's own ids.
MkDocs turns it into ``page.content``, Material's search indexes that, and
the template shows the real page from ``meta`` (photo, facts, sanitised
story), never ``page.content``. That keeps the search index to about 1 KB
per profile, whatever the length of the story.

Values reach templates raw and are escaped there (Jinja autoescape); the only
HTML passed through is the story, sanitised by :mod:`markup`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from showcase.content.model import Profile
from showcase.content.text import slugify, vn_date
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.plan.semesters import Semester
from showcase.publish import listings as L
from showcase.publish import urls as U
from showcase.publish.markup import story_html

RELATED_MAX = 4  # per group: keeps a profile page the same size at any corpus size
FEATURED_MAX = 6
LATEST_MAX = 12
SAMPLE_NOTICE = (
    "Đây là hồ sơ mẫu, minh họa cách chuyên mục trình bày một gương điển hình; "
    "tên người, tên tập thể là tên giả định."
)
IMAGE_W, IMAGE_H = 1200, 630
DEFAULT_IMAGE = "assets/showcase/the-chia-se.jpg"
OG_LOCALE = "vi_VN"


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
class Feed:
    title: str
    href: str  # absolute


@dataclass(frozen=True)
class Social:
    """What the head of a page carries for search engines and share previews."""

    og_type: str  # website | article
    image: str  # absolute
    image_alt: str
    jsonld: str  # safe inside <script type="application/ld+json">
    feeds: tuple[Feed, ...] = ()
    published: str = ""  # ISO date, articles only
    og_title: str = ""  # share title when it differs from <title> (a profile's headline)


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
    photo: Any | None  # images.PhotoSet
    photo_alt: str
    initials: str  # shown on the placeholder when there is no photo


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # site-relative


@dataclass
class PageSource:
    url: str  # site-relative directory URL
    markdown: str  # the search document (raw, escaped HTML blocks)
    meta: dict[str, Any] = field(default_factory=dict)
    toc: list[dict[str, Any]] = field(default_factory=list)  # Markdown-style toc tokens

    @property
    def src_uri(self) -> str:
        return U.src_uri(self.url)


# --- Search documents --------------------------------------------------------------

# The id of every generated page's <h1>: slugify() never produces '_' there, so it
# cannot collide with a story heading's id.
H1_ID = "noi_dung"
_HEADING = re.compile(r'<h([2-6]) id="([^"]*)">(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _esc(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def jsonld(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json">: no '<', '>' or '&' can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def story_headings(story: str) -> list[tuple[int, str, str]]:
    """(level, id, plain text) of each heading of a rendered (sanitised) story."""
    return [
        (int(m.group(1)), m.group(2), html.unescape(_TAG.sub("", m.group(3))).strip())
        for m in _HEADING.finditer(story)
    ]


def search_doc(
    title: str, paragraphs: Iterable[str], headings: Iterable[tuple[int, str, str]] = (),
) -> tuple[str, list[dict[str, Any]]]:
    """A page's search document and its table of contents.

    Raw HTML blocks, every value escaped: Markdown passes them through as they
    are, so nothing from a profile is ever read as Markdown or markup, and the
    heading ids are exactly the story's (the TOC and search results link to them).
    """
    parts = [f'<h1 id="{H1_ID}">{_esc(title)}</h1>']
    parts += [f"<p>{_esc(t)}</p>" for t in paragraphs if t and t.strip()]
    root: dict[str, Any] = {"level": 1, "id": H1_ID, "name": _esc(title), "children": []}
    stack = [root]
    for level, hid, text in headings:
        if not text:
            continue
        parts.append(f'<h{level} id="{html.escape(hid)}">{_esc(text)}</h{level}>')
        token = {"level": level, "id": hid, "name": _esc(text), "children": []}
        while stack[-1]["level"] >= level:
            stack.pop()
        stack[-1]["children"].append(token)
        stack.append(token)
    return "\n\n".join(parts) + "\n", [root]


# --- Profiles --------------------------------------------------------------------


def card(p: Profile, units: dict[str, Unit], photo: Any | None) -> Card:
    unit = units.get(p.unit)
    day = p.published or p.introduced
    return Card(
        url=U.profile_url(p.slug), name=p.name, title=p.title, kind=KINDS[p.kind].label,
        unit=unit.name if unit else p.unit, field=FIELDS[p.field].label,
        summary=" ".join(p.summary.split()), date=vn_date(day), date_iso=day.isoformat(),
        photo=photo, photo_alt=p.photo_alt or "", initials=initials(p.name),
    )


def initials(name: str) -> str:
    """'Lâm Hồng Sơn' -> 'HS': the last two words, as Vietnamese names are read."""
    words = [w for w in name.split() if w[0].isalnum()]
    return "".join(w[0] for w in words[-2:]).upper()


def share_links(abs_url: str) -> dict[str, str]:
    """Share targets that need no third-party script on our page."""
    u = quote(abs_url, safe="")
    return {
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={u}",
        "zalo": f"https://sp.zalo.me/share?url={u}",
        "url": abs_url,
    }


def profile_page(
    p: Profile, site: Site, units: dict[str, Unit], by_unit: dict[str, L.Listing],
    by_field: dict[str, L.Listing], cards: dict[str, Card], card_image: Callable[[Profile], str],
) -> PageSource:
    url = U.profile_url(p.slug)
    unit = units.get(p.unit)
    unit_name = unit.name if unit else p.unit
    story = story_html(p.body)
    headings = story_headings(story)
    abs_url = site.abs(url)
    same_unit = L.related(p, by_unit.get(p.unit), RELATED_MAX)
    same_field = L.related(p, by_field.get(p.field), RELATED_MAX,
                           exclude=[q.slug for q in same_unit])
    day = p.published or p.introduced
    about_type = "Person" if p.kind == "individual" else "Organization"
    about: dict[str, Any] = {"@type": about_type, "name": p.name}
    if p.location:
        about["address"] = p.location
    image = site.abs(card_image(p))
    ld = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": p.title,
        "description": " ".join(p.summary.split()),
        "url": abs_url,
        "mainEntityOfPage": abs_url,
        "datePublished": day.isoformat(),
        "inLanguage": "vi",
        "image": image,
        "about": about,
        "author": {"@type": "Organization", "name": unit_name},
        "publisher": {"@type": "GovernmentOrganization", "name": site.department},
        "isPartOf": {"@type": "WebSite", "name": site.name, "url": site.url},
    }
    if p.tags:
        ld["keywords"] = ", ".join(p.tags)
    movement = (
        Link(p.movement, U.movement_url(p.movement))
        if p.movement and slugify(p.movement) else None
    )
    view = {
        "kind": "profile",
        "root": U.relative(url, ""),
        "card": cards[p.slug],
        "name": p.name,
        "title": p.title,
        "summary": " ".join(p.summary.split()),
        "kind_link": Link(KINDS[p.kind].label, U.kind_url(p.kind)),
        "unit_link": Link(unit_name, U.unit_url(p.unit)),
        "field_link": Link(FIELDS[p.field].label, U.field_url(p.field)),
        "field_letter": FIELDS[p.field].letter,
        "sectors": [Link(SECTORS[s].label, U.sector_url(s)) for s in p.sectors],
        "location": p.location or "",
        "movement": movement,
        "introduced": vn_date(p.introduced),
        "published": vn_date(day),
        "published_iso": day.isoformat(),
        "achievements": list(p.achievements),
        "commendations": list(p.commendations),
        "tags": list(p.tags),
        "story": story,
        "sample": site.sample_notice,
        "sample_text": SAMPLE_NOTICE,
        "share": share_links(abs_url),
        "same_unit": [cards[q.slug] for q in same_unit],
        "same_field": [cards[q.slug] for q in same_field],
    }
    social = Social(
        og_type="article", image=image,
        image_alt=f"{p.name} – {site.column}", jsonld=jsonld(ld), published=day.isoformat(),
        og_title=p.title,
    )
    meta = {
        "template": "showcase/profile.html",
        "title": p.name,
        "description": " ".join(p.summary.split()),
        "showcase": view,
        "social": social,
    }
    doc, toc = search_doc(
        p.name,
        [p.title if p.title != p.name else "", p.summary,
         f"{unit_name}. {FIELDS[p.field].label}. {KINDS[p.kind].label}."],
        headings,
    )
    return PageSource(url, doc, meta, toc)


# --- Listings --------------------------------------------------------------------

_SECTION_INTRO = {
    "field": "Năm lĩnh vực theo kế hoạch phát hiện, bồi dưỡng, nhân rộng gương điển hình tiên "
             "tiến của Sở.",
    "sector": "Gương điển hình theo ngành: văn hóa, gia đình, thể dục thể thao và du lịch.",
    "unit": "Gương điển hình theo đơn vị đã giới thiệu.",
    "kind": "Gương điển hình là cá nhân, tập thể hoặc hộ gia đình.",
    "movement": "Gương điển hình theo phong trào thi đua được nêu trong hồ sơ.",
    "year": "Các gương điển hình theo năm và sáu tháng công bố.",
}


def _intro(li: L.Listing) -> str:
    if li.kind == "field":
        return f"Gương điển hình tiên tiến trong lĩnh vực {li.letter}) {li.title}."
    if li.kind == "sector":
        return f"Gương điển hình tiên tiến của ngành {li.title}."
    if li.kind == "unit":
        return f"Gương điển hình tiên tiến do {li.title} giới thiệu."
    if li.kind == "kind":
        return f"Gương điển hình tiên tiến là {li.title.lower()}."
    if li.kind == "movement":
        return f"Gương điển hình tiên tiến trong phong trào “{li.title}”."
    return f"Gương điển hình tiên tiến được công bố trong năm {li.key}."


def _heading(li: L.Listing) -> str:
    if li.kind == "field":
        return f"{li.letter}) {li.title}"
    if li.kind == "sector":
        return f"Ngành {li.title}"
    if li.kind == "movement":
        return f"Phong trào “{li.title}”"
    return li.title


def _website_ld(site: Site, url: str, name: str, desc: str, kind: str) -> str:
    return jsonld({
        "@context": "https://schema.org",
        "@type": kind,
        "name": name,
        "description": desc,
        "url": site.abs(url),
        "inLanguage": "vi",
        "isPartOf": {"@type": "WebSite", "name": site.name, "url": site.url},
        "publisher": {"@type": "GovernmentOrganization", "name": site.department},
    })


def default_social(site: Site, url: str, title: str, desc: str,
                   kind: str = "WebPage", feeds: tuple[Feed, ...] = ()) -> Social:
    return Social(
        og_type="website", image=site.abs(DEFAULT_IMAGE), image_alt=site.column,
        jsonld=_website_ld(site, url, title, desc, kind), feeds=feeds,
    )


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    prev: str | None  # site-relative
    next: str | None
    pages: tuple[tuple[int, str], ...]  # (number, url) of the pages to show as links


def pager(base: str, number: int, count: int, window: int = 2) -> Pager:
    """Pagination links: first, last and a fixed window around the current page."""
    shown = sorted({1, count, *range(max(1, number - window), min(count, number + window) + 1)})
    return Pager(
        number, count,
        U.page_url(base, number - 1) if number > 1 else None,
        U.page_url(base, number + 1) if number < count else None,
        tuple((n, U.page_url(base, n)) for n in shown),
    )


def listing_pages(li: L.Listing, site: Site, cards: dict[str, Card]) -> list[PageSource]:
    """Every page of one listing (page 2 onwards out of search: same text as page 1)."""
    pages = li.pages(site.page_size)
    heading, intro = _heading(li), _intro(li)
    feeds = (Feed(f"{site.column}: {heading}", site.abs(li.feed)),) if li.feed else ()
    out = []
    for n, items in enumerate(pages, start=1):
        url = U.page_url(li.url, n)
        title = heading if n == 1 else f"{heading} (trang {n})"
        desc = f"{intro} Có {len(li.profiles)} gương điển hình."
        groups: list[tuple[str, list[Card]]]
        if li.kind == "year":
            groups = [(s.label.capitalize(), [cards[p.slug] for p in ps])
                      for s, ps in L.by_semester(items)]
        else:
            groups = [("", [cards[p.slug] for p in items])]
        view = {
            "kind": "listing",
            "root": U.relative(url, ""),
            "heading": heading,
            "intro": intro,
            "total": len(li.profiles),
            "groups": groups,
            "pager": pager(li.url, n, len(pages)) if len(pages) > 1 else None,
            "section": Link(U.SECTIONS[li.kind][1], U.section_url(li.kind)),
            "feed": li.feed,
        }
        meta: dict[str, Any] = {
            "template": "showcase/listing.html",
            "title": title,
            "description": desc,
            "showcase": view,
            "social": default_social(site, url, title, desc, "CollectionPage", feeds),
        }
        if n > 1:
            meta["search"] = {"exclude": True}
        doc, toc = search_doc(title, [intro])
        out.append(PageSource(url, doc, meta, toc))
    return out


def section_page(kind: str, items: list[L.Listing], site: Site) -> PageSource:
    """The index of one section: its listings with their counts."""
    url = U.section_url(kind)
    title = U.SECTIONS[kind][1]
    intro = _SECTION_INTRO[kind]
    entries = [
        {"label": _heading(li), "url": li.url, "count": len(li.profiles),
         "semesters": _semester_counts(li) if kind == "year" else []}
        for li in items
    ]
    view = {"kind": "section", "root": U.relative(url, ""), "heading": title, "intro": intro,
            "entries": entries}
    meta = {
        "template": "showcase/section.html",
        "title": title,
        "description": intro,
        "hide": ["toc"],
        "showcase": view,
        "social": default_social(site, url, title, intro, "CollectionPage"),
    }
    doc, toc = search_doc(title, [intro, ", ".join(e["label"] for e in entries)])
    return PageSource(url, doc, meta, toc)


def _semester_counts(li: L.Listing) -> list[tuple[str, int]]:
    counts: dict[Semester, int] = {}
    for p in li.profiles:
        s = L.semester_of(p)
        counts[s] = counts.get(s, 0) + 1
    return [(s.label.capitalize(), counts[s]) for s in sorted(counts, reverse=True)]


def home_page(groups: L.Listings, site: Site, cards: dict[str, Card]) -> PageSource:
    featured, latest = L.home_selection(groups.public, FEATURED_MAX, LATEST_MAX)
    fields = [
        {"label": f"{li.letter}) {li.title}", "url": li.url, "count": len(li.profiles)}
        for li in groups.by_kind["field"]
    ]
    view = {
        "kind": "home",
        "root": "",
        "heading": site.column,
        "intro": site.description,
        "featured": [cards[p.slug] for p in featured],
        "latest": [cards[p.slug] for p in latest],
        "fields": fields,
        "total": len(groups.public),
        "archive": U.section_url("year"),
    }
    meta = {
        "template": "showcase/home.html",
        "title": site.column,
        "description": site.description,
        "hide": ["toc"],
        "showcase": view,
        "social": default_social(site, "", site.column, site.description, "WebSite"),
    }
    doc, toc = search_doc(site.column, [site.description])
    return PageSource("", doc, meta, toc)


def all_pages(
    public: list[Profile], units: dict[str, Unit], site: Site,
    photo: Callable[[Profile], Any | None], card_image: Callable[[Profile], str],
) -> list[PageSource]:
    """Every generated page of the site: home, sections, listings, profiles."""
    groups = L.group(public, units)
    cards = {p.slug: card(p, units, photo(p)) for p in groups.public}
    out = [home_page(groups, site, cards)]
    for kind in U.SECTIONS:
        out.append(section_page(kind, groups.by_kind[kind], site))
        for li in groups.by_kind[kind]:
            out.extend(listing_pages(li, site, cards))
    by_unit = {li.key: li for li in groups.by_kind["unit"]}
    by_field = {li.key: li for li in groups.by_kind["field"]}
    for p in groups.public:
        out.append(profile_page(p, site, units, by_unit, by_field, cards, card_image))
    return out
