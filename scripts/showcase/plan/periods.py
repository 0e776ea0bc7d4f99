"""The plan's quota periods over the calendar (pure): which semesters and years are
in scope on a given day, and which days of a span each period covers.

The rules that decide who owes what are in :mod:`showcase.plan.quotas`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from showcase.option_values import QuotaPeriod
from showcase.plan.semesters import Semester, Year, semesters_between

Span = tuple[dt.date, dt.date]  # inclusive


# --- spans ----------------------------------------------------------------------------


def clip(a: Span, b: Span) -> Span | None:
    """The days of ``a`` that are also in ``b``, or None."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def days(spans: Iterable[Span]) -> int:
    """How many days the spans hold (they do not overlap)."""
    return sum((hi - lo).days + 1 for lo, hi in spans)


def covered(span: Span, periods: Sequence[QuotaPeriod]) -> list[tuple[Span, QuotaPeriod]]:
    """The parts of ``span`` that each period covers (periods do not overlap)."""
    out: list[tuple[Span, QuotaPeriod]] = []
    for p in periods:
        part = clip(span, (p.counting_start, p.end))
        if part:
            out.append((part, p))
    return out


def within(day: dt.date, spans: Iterable[Span]) -> bool:
    """Whether ``day`` falls in one of the spans."""
    return any(lo <= day <= hi for lo, hi in spans)


# --- scope ----------------------------------------------------------------------------


def semesters_in_scope(
    periods: Sequence[QuotaPeriod], today: dt.date, year: int | None = None
) -> list[Semester]:
    """Semesters overlapping a period and begun by ``today`` (of ``year`` if given)."""
    current = Semester.of(today)
    found: set[Semester] = set()
    for p in periods:
        found.update(s for s in semesters_between(p.counting_start, p.end) if s <= current)
    return sorted(s for s in found if year is None or s.year == year)


def years_in_scope(periods: Sequence[QuotaPeriod], today: dt.date) -> list[Year]:
    """Years overlapping a period with a yearly quota, begun by ``today``."""
    found: set[Year] = set()
    for p in periods:
        if p.published_per_year:
            found.update(Year(y) for y in range(p.counting_start.year,
                                                min(p.end.year, today.year) + 1))
    return sorted(found)


def report_year(periods: Sequence[QuotaPeriod], today: dt.date) -> int | None:
    """The latest year with a semester in scope (the year reports default to)."""
    sems = semesters_in_scope(periods, today)
    return sems[-1].year if sems else None


def current_semester(periods: Sequence[QuotaPeriod], today: dt.date) -> Semester | None:
    """Today's semester, if a quota period covers any of it."""
    s = Semester.of(today)
    return s if covered((s.start, s.end), periods) else None


def review_semesters(periods: Sequence[QuotaPeriod], today: dt.date) -> list[Semester]:
    """What a build checks: the semester just ended and the current one, when in scope.

    Older misses cannot be fixed any more and would fail every build for years.
    """
    cur = Semester.of(today)
    prev = Semester(cur.year - 1, 2) if cur.half == 1 else Semester(cur.year, 1)
    return [s for s in (prev, cur) if covered((s.start, s.end), periods)]
