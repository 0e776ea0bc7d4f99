"""Which feeds the column publishes, and what each one is for.

One catalogue, read by :mod:`plan` (to write them) and by the public
"Theo dõi chuyên mục" page (to list them with their purpose): the whole
column (RSS and Atom), each of the plan's five fields, each sector, and each
unit that has introduced a published profile (units repost their own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from showcase.content.model import Profile
from showcase.content.text import sort_key
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, SECTORS
from showcase.publish.urls import (
    ATOM_NAME,
    FEED_NAME,
    field_url,
    listing_feed_url,
    sector_url,
    unit_url,
)

GROUPS = {
    "column": "Toàn chuyên mục",
    "field": "Theo lĩnh vực",
    "sector": "Theo ngành",
    "unit": "Theo đơn vị giới thiệu",
}


def feed_items(profiles: Iterable[Profile], today: dt.date) -> list[Profile]:
    """Profiles that may appear in feeds, newest first (ties: by path, descending)."""
    chosen = [p for p in profiles if p.in_feeds(today)]
    return sorted(chosen, key=lambda p: (p.published, p.path), reverse=True)


@dataclass(frozen=True)
class FeedInfo:
    """One feed: where it is, the page it belongs to, its title and purpose."""

    rel: str  # site-relative file, e.g. 'don-vi/vhtt-vinh-chau/feed.xml'
    page: str  # site-relative page the feed follows ('' = home)
    title: str
    purpose: str  # Vietnamese, for the follow page: who subscribes and what they get
    description: str  # the feed's own <description> / <subtitle>
    group: str  # column | field | sector | unit
    label: str  # short, for the follow page: 'Ngành Du lịch', a unit's name
    atom: bool = False
    key: str = ""  # field, sector or unit id


def members(p: Profile) -> set[tuple[str, str]]:
    """(group, key) of every feed that carries ``p`` (the column's own feeds: key '')."""
    return {("column", ""), ("field", p.field), ("unit", p.unit),
            *(("sector", s) for s in p.sectors)}


def selected(infos: Iterable[FeedInfo], items: Iterable[Profile]) -> list[list[Profile]]:
    """For each feed of ``infos``, the ``items`` it carries, in their order (one pass)."""
    found: dict[tuple[str, str], list[Profile]] = {}
    for p in items:
        for member in members(p):
            found.setdefault(member, []).append(p)
    return [found.get((info.group, info.key), []) for info in infos]


def catalogue(column: str, department: str, units: Mapping[str, Unit],
              public: Iterable[Profile]) -> list[FeedInfo]:
    """Every feed, in the order the follow page lists them and the build writes them."""
    col, dep = column, department
    about = (f"Chuyên mục {col} của {dep}: những cá nhân, tập thể, hộ gia đình tiêu biểu "
             "trong văn hóa, gia đình, thể dục thể thao và du lịch.")
    out = [
        FeedInfo(FEED_NAME, "", f"{col} – {dep}",
                 "Mọi gương điển hình mới của chuyên mục (RSS 2.0): để đọc tin, và để đăng "
                 "lại lên trang Facebook, Zalo của Sở.", about, "column", "Toàn chuyên mục"),
        FeedInfo(ATOM_NAME, "", f"{col} – {dep}",
                 "Cùng nội dung, định dạng Atom, cho công cụ đọc tin chỉ nhận Atom.", about,
                 "column", "Toàn chuyên mục (Atom)", atom=True),
    ]
    for fid, term in FIELDS.items():
        out.append(FeedInfo(
            listing_feed_url(field_url(fid)), field_url(fid), f"{col}: {term.label} – {dep}",
            f"Gương điển hình lĩnh vực {term.letter}) {term.label}.",
            f"Chuyên mục {col} của {dep}, lĩnh vực {term.label}.", "field",
            f"{term.letter}) {term.label}", key=fid))
    for sid, term in SECTORS.items():
        out.append(FeedInfo(
            listing_feed_url(sector_url(sid)), sector_url(sid),
            f"{col}: ngành {term.label} – {dep}",
            f"Gương điển hình của ngành {term.label}.",
            f"Chuyên mục {col} của {dep}, ngành {term.label}.", "sector",
            f"Ngành {term.label}", key=sid))
    introduced = {p.unit for p in public}
    for uid in sorted(introduced, key=lambda u: sort_key(units[u].name if u in units else u)):
        name = units[uid].name if uid in units else uid
        out.append(FeedInfo(
            listing_feed_url(unit_url(uid)), unit_url(uid), f"{col}: {name}",
            f"Gương điển hình do {name} giới thiệu, để đơn vị đăng lại trên trang của mình.",
            f"Chuyên mục {col} của {dep}: gương điển hình do {name} giới thiệu.",
            "unit", name, key=uid))
    return out
