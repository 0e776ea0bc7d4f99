"""A validated profile: frozen values, and the keys and file names of the contract.

Reading one from its front matter is :func:`showcase.content.validate.read_profile`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from showcase.content.hashing import hash_once
from showcase.content.photos import Problem as PhotoProblem

FILE_NAME = re.compile(r"^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
PHOTO_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(jpe?g|png|webp)$", re.IGNORECASE)
SUMMARY_MIN, SUMMARY_MAX = 30, 300

# Every key of the contract, with an example used in hints (and by `new`).
PROFILE_KEYS: dict[str, str] = {
    "name": "Nguyễn Văn A",
    "name_km": "ថាច់ ធី សារឿន",
    "kind": "individual",
    "field": "culture-arts-sports",
    "sectors": "[culture, family]",
    "introduced": "2024-05-20",
    "published": "2024-06-03",
    "summary": "Một câu tóm tắt từ 30 đến 300 ký tự.",
    "title": "Tiêu đề bài viết",
    "photo": "nguyen-van-a.jpg",
    "photo_alt": "Ông Nguyễn Văn A bên đội văn nghệ của xã",
    "location": "xã ..., huyện ...",
    "movement": "Toàn dân đoàn kết xây dựng đời sống văn hóa",
    "achievements": "[{year: 2023, text: ...}]",
    "commendations": "[{year: 2024, text: Bằng khen của Chủ tịch UBND tỉnh}]",
    "consent": "{date: 2024-05-15, ref: \"12/ĐY-VHTT\"}",
    "featured": "false",
    "tags": "[văn nghệ]",
    "draft": "false",
    "nominated": "{year: 2025, form: Giấy khen của Giám đốc Sở}",
}
CONSENT_KEYS = {"date": "2024-05-15", "ref": '"12/ĐY-VHTT"', "scope": "[web, social]",
                "withdrawn": "2025-01-10"}
ENTRY_KEYS = {"year": "2024", "text": "Bằng khen của Chủ tịch UBND tỉnh"}
NOMINATION_KEYS = {"year": "2025", "form": "Giấy khen của Giám đốc Sở", "grantor": "director",
                   "reason": "Có nhiều đóng góp cho phong trào văn nghệ quần chúng"}
# profiles/units.yml: the keys of one unit, with an example of each
UNIT_KEYS = {
    "id": "vhtt-vinh-chau",
    "name": "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu",
    "group": "district",
    "quota": "true",
    "active_from": "2022-01-01",
    "active_to": "2025-06-30",
    "reviewers": '["@ten-tai-khoan"]',
}

# Why the photo at a repository path cannot be published, or None (photos.check_photo).
PhotoCheck = Callable[[str], PhotoProblem | None]


@dataclass(frozen=True)
class Record:
    """An achievement or a commendation."""

    year: int
    text: str


@dataclass(frozen=True)
class Nomination:
    """The board proposes the profile for a commendation at a year-end review."""

    year: int
    form: str  # the proposed form, e.g. "Giấy khen của Giám đốc Sở"
    reason: str | None = None
    grantor: str = "director"  # vocab.GRANTORS: who grants it, so who the proposal goes to


@dataclass(frozen=True)
class Consent:
    date: dt.date
    ref: str
    scope: frozenset[str]
    withdrawn: dt.date | None = None


@hash_once
@dataclass(frozen=True)
class Profile:
    path: str  # profiles/<unit>/<yyyy>-<slug>.md
    unit: str
    slug: str
    name: str
    kind: str
    field: str
    sectors: tuple[str, ...]
    introduced: dt.date
    summary: str
    body: str
    body_line: int
    title: str
    published: dt.date | None = None
    name_km: str | None = None  # the name in Khmer script, shown under ``name``
    photo: str | None = None  # path of the photo, like ``path``
    photo_alt: str | None = None
    location: str | None = None
    movement: str | None = None
    achievements: tuple[Record, ...] = ()
    commendations: tuple[Record, ...] = ()
    consent: Consent | None = None
    featured: bool = False
    tags: tuple[str, ...] = ()
    draft: bool = False
    nominated: Nomination | None = None

    @property
    def folder(self) -> str:
        return self.path.rsplit("/", 1)[0]

    def _consented(self, purpose: str, today: dt.date) -> bool:
        """Consent for ``purpose`` signed by ``today`` and not withdrawn by then."""
        if self.kind == "collective":
            return True
        c = self.consent
        return (
            c is not None and c.date <= today and purpose in c.scope
            and (c.withdrawn is None or c.withdrawn > today)
        )

    def withdrawn_by(self, today: dt.date) -> dt.date | None:
        """The date consent was withdrawn, if it was by ``today``."""
        c = self.consent
        return c.withdrawn if c and c.withdrawn and c.withdrawn <= today else None

    def is_public(self, today: dt.date) -> bool:
        """On the site: not a draft, published date come, consent for the web."""
        return (
            not self.draft
            and self.published is not None
            and self.published <= today
            and self._consented("web", today)
        )

    def pending(self, today: dt.date) -> str | None:
        """Why a valid profile is not on the site yet: 'draft', 'unapproved' (no
        ``published``) or 'scheduled'; None when it is public, or when it may not
        be shown even to the board (no consent for the web)."""
        if self.is_public(today) or not self._consented("web", today):
            return None
        if self.draft:
            return "draft"
        return "unapproved" if self.published is None else "scheduled"

    def went_public(self) -> bool:
        """Was on the site on its publication date (what the yearly quota counts)."""
        return self.published is not None and self.is_public(self.published)

    def in_feeds(self, today: dt.date) -> bool:
        """In feeds and reposts: public, and consent covers social channels.

        A feed item links to the profile's page, so a profile must be on the
        site (``web``) to be in a feed, as well as have ``social`` consent.
        """
        return self.is_public(today) and self._consented("social", today)


# What `showcase new` writes where the writer still has to fill in.
PLACEHOLDER = "(VIẾT VÀO ĐÂY)"
