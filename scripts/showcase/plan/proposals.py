"""The list of proposed commendations: profiles the board marked ``nominated``.

A profile is proposed at the year-end review of ``nominated.year`` with the
form of commendation written there. Who grants the form decides where the
proposal goes (the plan, II.4): a Director's certificate is the Department's
own (the Organisation and Legal Office submits it to the Director); the
Chairman's commendation is asked of the Department of Home Affairs by the
Department, for submission to the Chairman. A draft, or a person who has
withdrawn consent, is never proposed: they are set aside with the reason,
for the office to read. Pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from showcase.content.model import Nomination, Profile
from showcase.content.text import sort_key, vn_date
from showcase.content.units import Unit

DIRECTOR, CHAIRMAN = "director", "chairman"  # vocab.GRANTORS


@dataclass(frozen=True)
class Proposal:
    profile: Profile
    unit: Unit
    nomination: Nomination

    @property
    def grantor(self) -> str:
        return self.nomination.grantor


@dataclass(frozen=True)
class SetAside:
    """A nominated profile that cannot be proposed, and why (in Vietnamese)."""

    profile: Profile
    unit: Unit
    reason: str


def unfit(p: Profile, today: dt.date) -> str | None:
    """Why ``p`` cannot be proposed on ``today``, or None."""
    if p.draft:
        return "hồ sơ còn là bản nháp"
    withdrawn = p.withdrawn_by(today)
    if withdrawn:
        return f"người được giới thiệu đã rút lại sự đồng ý ngày {vn_date(withdrawn)}"
    return None


def _nominated(profiles: Iterable[Profile], units: Mapping[str, Unit], year: int
               ) -> list[Profile]:
    return [p for p in profiles
            if p.nominated is not None and p.nominated.year == year and p.unit in units]


def for_year(profiles: Iterable[Profile], units: Mapping[str, Unit], year: int,
             today: dt.date) -> tuple[Proposal, ...]:
    """The proposals of ``year``, by form of commendation, then unit order, then name."""
    found = [Proposal(p, units[p.unit], p.nominated) for p in _nominated(profiles, units, year)
             if p.nominated is not None and unfit(p, today) is None]
    return tuple(sorted(found, key=lambda x: (
        sort_key(x.nomination.form), x.unit.line, sort_key(x.profile.name))))


def set_aside(profiles: Iterable[Profile], units: Mapping[str, Unit], year: int,
              today: dt.date) -> tuple[SetAside, ...]:
    """The nominations of ``year`` left out of the proposals, in unit order, then name."""
    out = [SetAside(p, units[p.unit], why) for p in _nominated(profiles, units, year)
           if (why := unfit(p, today)) is not None]
    return tuple(sorted(out, key=lambda x: (x.unit.line, sort_key(x.profile.name))))


def to(proposals: Iterable[Proposal], grantor: str) -> tuple[Proposal, ...]:
    """The proposals whose form ``grantor`` grants (order kept)."""
    return tuple(x for x in proposals if x.grantor == grantor)
