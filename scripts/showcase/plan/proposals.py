"""The list of proposed commendations: profiles the board marked ``nominated``.

A profile is proposed at the year-end review of ``nominated.year`` with the
form of commendation written there. The list goes from the Organisation and
Legal Office to the Director. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from showcase.content.model import Nomination, Profile
from showcase.content.text import sort_key
from showcase.content.units import Unit


@dataclass(frozen=True)
class Proposal:
    profile: Profile
    unit: Unit
    nomination: Nomination


def for_year(profiles: Iterable[Profile], units: Mapping[str, Unit], year: int
             ) -> tuple[Proposal, ...]:
    """The proposals of ``year``, by form of commendation, then unit order, then name."""
    found = [Proposal(p, units[p.unit], p.nominated) for p in profiles
             if p.nominated is not None and p.nominated.year == year and p.unit in units]
    return tuple(sorted(found, key=lambda x: (
        sort_key(x.nomination.form), x.unit.line, sort_key(x.profile.name))))
