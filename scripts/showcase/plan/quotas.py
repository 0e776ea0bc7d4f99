"""The plan's quotas: who owes what, per semester and per year (pure, no I/O).

The rules, as the organising office applies them:

* **Semesters.** H1 = 1 Jan-30 Jun, H2 = 1 Jul-31 Dec (dates in
  Asia/Ho_Chi_Minh). A profile counts for the semester of its ``introduced``
  date, whether or not it is published yet (drafts and profiles published in
  the future count), as long as that date is not after "today" and falls
  inside a quota period. A profile introduced before a plan starts counts for
  nothing.
* **Scope.** A semester is in scope when it overlaps the counted part of a
  :class:`QuotaPeriod` (from its ``counting_start`` to its end: plans follow
  one another, each with its own numbers, and a plan issued in the middle of
  its span counts from the first full semester after it) and has begun by
  today. Years likewise (:mod:`showcase.plan.periods`).
* **Who owes a semester.** A unit with ``quota: true`` owes a semester when
  it was active on at least :data:`MIN_ACTIVE_DAYS` (30) days of it that a
  quota period also covers. A unit active on 1 to 29 such days (created just
  before the semester ends, closed just after it starts) owes nothing for it:
  a month is the least time a unit needs to find, write up and introduce an
  exemplary. The number owed is ``per_semester`` of the period covering most
  of those days (the later one on a tie); 0 means nothing is owed.
* **Deadline.** The last day the unit owes the semester: the semester's end,
  or earlier when the unit closes or the plan ends inside it.
* **Statuses.** ``met`` (count >= owed), ``missing`` (the deadline has passed
  and the count is short), ``open`` (not met yet, deadline not passed: the
  days left are ``deadline - today``; 0 on the last day), ``not-required``
  (no quota, not active long enough, or no plan).
* **Published per year.** For every year of a period, a unit active on at
  least 30 days of it (within the period) must have ``published_per_year``
  of its profiles published in that year: ``published`` set, in the year and
  in the period, not after today, and on the site that day (not a draft,
  consent for the web signed and not withdrawn by then; a consent withdrawn
  later does not undo the year's publication). Publishing is the
  editorial board's act, so a profile published after the unit closed still
  counts for the unit, and the deadline is the year's (or the plan's) end,
  not the unit's closing date. ``open`` while that deadline has not passed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.option_values import QuotaPeriod
from showcase.plan.periods import (
    Span,
    clip,
    covered,
    days,
    review_semesters,
    semesters_in_scope,
    within,
    years_in_scope,
)
from showcase.plan.semesters import Semester, Year

MIN_ACTIVE_DAYS = 30

MET, MISSING, OPEN, NOT_REQUIRED = "met", "missing", "open", "not-required"
STATUSES = (MET, MISSING, OPEN, NOT_REQUIRED)

# Why a unit owes nothing (shown in reports).
NO_QUOTA, INACTIVE, SHORT, NO_PERIOD = "no-quota", "inactive", "short", "no-period"
REASONS = {
    NO_QUOTA: "đơn vị không có chỉ tiêu",
    INACTIVE: "đơn vị không hoạt động trong kỳ",
    SHORT: f"đơn vị hoạt động dưới {MIN_ACTIVE_DAYS} ngày trong kỳ",
    NO_PERIOD: "không có kế hoạch tính chỉ tiêu",
}

@dataclass(frozen=True)
class Cell:
    """One unit's standing for one semester or one year (``key``)."""

    unit: str
    key: Semester | Year
    status: str
    count: int
    required: int
    profiles: tuple[str, ...] = ()  # paths of the profiles that count
    deadline: dt.date | None = None  # when owed
    days_left: int | None = None  # when open
    reason: str = ""  # when not required

    @property
    def start(self) -> dt.date:
        return self.key.start

    @property
    def end(self) -> dt.date:
        return self.key.end


@dataclass(frozen=True)
class Quotas:
    """Statuses of every unit for the semesters and years asked about."""

    today: dt.date
    periods: tuple[QuotaPeriod, ...]
    units: tuple[Unit, ...]  # registry order
    semesters: tuple[Semester, ...]
    years: tuple[Year, ...]
    cells: dict[tuple[str, Semester], Cell] = field(default_factory=dict)
    year_cells: dict[tuple[str, Year], Cell] = field(default_factory=dict)

    def cell(self, unit: str, semester: Semester) -> Cell:
        return self.cells[(unit, semester)]

    def year_cell(self, unit: str, year: Year) -> Cell:
        return self.year_cells[(unit, year)]

    def all_cells(self) -> list[Cell]:
        """Semester cells then year cells, unit by unit in registry order."""
        out: list[Cell] = []
        for u in self.units:
            out += [self.cells[(u.id, s)] for s in self.semesters]
            out += [self.year_cells[(u.id, y)] for y in self.years]
        return out

    def with_status(self, status: str) -> list[Cell]:
        return [c for c in self.all_cells() if c.status == status]

    def count(self, status: str, key: Semester | Year) -> int:
        cells = (self.cells if isinstance(key, Semester) else self.year_cells).values()
        return sum(1 for c in cells if c.key == key and c.status == status)


# --- the rules ------------------------------------------------------------------------


def _active_part(unit: Unit, span: Span) -> Span | None:
    return clip(span, (unit.active_from or dt.date.min, unit.active_to or dt.date.max))


def _owed(
    unit: Unit, span: Span, periods: Sequence[QuotaPeriod], per: str
) -> tuple[int, str, list[tuple[Span, QuotaPeriod]]]:
    """(number owed, reason when 0, the active parts covered by a period)."""
    parts = covered(span, periods)
    if not parts:
        return 0, NO_PERIOD, []
    if not unit.quota:
        return 0, NO_QUOTA, parts
    active = [(a, p) for part, p in parts if (a := _active_part(unit, part))]
    if not active:
        return 0, INACTIVE, parts
    if days(a for a, _ in active) < MIN_ACTIVE_DAYS:
        return 0, SHORT, parts
    # The period covering most of the owed days sets the number; the later one on a tie.
    _, best = max(active, key=lambda ap: (days([ap[0]]), ap[1].counting_start))
    n: int = getattr(best, per)
    return n, ("" if n else NO_PERIOD), active


def semester_status(
    unit: Unit, semester: Semester, profiles: Iterable[Profile],
    periods: Sequence[QuotaPeriod], today: dt.date,
) -> Cell:
    """The unit's standing for ``semester``; ``profiles`` may be any of the unit's."""
    span = (semester.start, semester.end)
    required, reason, active = _owed(unit, span, periods, "per_semester")
    counted = [sp for sp, _ in covered(span, periods)]
    paths = tuple(sorted(
        p.path for p in profiles
        if p.unit == unit.id and p.introduced <= today and within(p.introduced, counted)
    ))
    n = len(paths)
    if not required:
        return Cell(unit.id, semester, NOT_REQUIRED, n, 0, paths, reason=reason)
    deadline = max(a[1] for a, _ in active)
    return _judge(unit.id, semester, paths, required, deadline, today)


def _judge(
    unit_id: str, key: Semester | Year, paths: tuple[str, ...], required: int,
    deadline: dt.date, today: dt.date,
) -> Cell:
    """Met when enough came; missing once the deadline has passed; open until then."""
    n = len(paths)
    if n >= required:
        return Cell(unit_id, key, MET, n, required, paths, deadline)
    if today > deadline:
        return Cell(unit_id, key, MISSING, n, required, paths, deadline)
    return Cell(unit_id, key, OPEN, n, required, paths, deadline, (deadline - today).days)


def year_status(
    unit: Unit, year: Year, profiles: Iterable[Profile],
    periods: Sequence[QuotaPeriod], today: dt.date,
) -> Cell:
    """The unit's standing for the published-per-year rule in ``year``."""
    span = (year.start, year.end)
    required, reason, _ = _owed(unit, span, periods, "published_per_year")
    counted = [sp for sp, _ in covered(span, periods)]
    paths = tuple(sorted(
        p.path for p in profiles
        if p.unit == unit.id and p.published is not None and p.published <= today
        and p.went_public() and within(p.published, counted)
    ))
    n = len(paths)
    if not required:
        return Cell(unit.id, year, NOT_REQUIRED, n, 0, paths, reason=reason)
    deadline = max(hi for _, hi in counted)  # the board publishes, even after a unit closes
    return _judge(unit.id, year, paths, required, deadline, today)


def compute(
    units: Iterable[Unit], profiles: Iterable[Profile], periods: Sequence[QuotaPeriod],
    today: dt.date, semesters: Iterable[Semester] | None = None,
    years: Iterable[Year] | None = None,
) -> Quotas:
    """Statuses of every unit for ``semesters`` and ``years`` (default: all in scope)."""
    periods = tuple(sorted(periods, key=lambda p: p.counting_start))
    units = tuple(sorted(units, key=lambda u: (u.line, u.id)))
    sems = tuple(sorted(semesters_in_scope(periods, today) if semesters is None else semesters))
    yrs = tuple(sorted(years_in_scope(periods, today) if years is None else years))
    by_sem: dict[tuple[str, Semester], list[Profile]] = defaultdict(list)
    by_year: dict[tuple[str, Year], list[Profile]] = defaultdict(list)
    for p in profiles:
        by_sem[(p.unit, Semester.of(p.introduced))].append(p)
        if p.published is not None:
            by_year[(p.unit, Year.of(p.published))].append(p)
    q = Quotas(today, periods, units, sems, yrs)
    for u in units:
        for s in sems:
            q.cells[(u.id, s)] = semester_status(u, s, by_sem.get((u.id, s), ()), periods, today)
        for y in yrs:
            q.year_cells[(u.id, y)] = year_status(u, y, by_year.get((u.id, y), ()), periods,
                                                  today)
    return q


def for_year(
    units: Iterable[Unit], profiles: Iterable[Profile], periods: Sequence[QuotaPeriod],
    today: dt.date, year: int,
) -> Quotas:
    """The semesters of ``year`` in scope, and its yearly rule if that is in scope."""
    return compute(units, profiles, periods, today, semesters_in_scope(periods, today, year),
                   [y for y in years_in_scope(periods, today) if y.year == year])


def review(
    units: Iterable[Unit], profiles: Iterable[Profile], periods: Sequence[QuotaPeriod],
    today: dt.date,
) -> Quotas:
    """What a build checks: :func:`review_semesters` and the years they fall in."""
    sems = review_semesters(periods, today)
    in_scope = set(years_in_scope(periods, today))
    yrs = sorted({Year(s.year) for s in sems} & in_scope)
    return compute(units, profiles, periods, today, sems, yrs)
