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
  today. Years likewise.
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
from showcase.options import QuotaPeriod
from showcase.plan.semesters import Semester, semesters_between

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

Span = tuple[dt.date, dt.date]  # inclusive


@dataclass(frozen=True)
class Cell:
    """One unit's standing for one semester (``key``: a Semester) or one year (an int)."""

    unit: str
    key: Semester | int
    status: str
    count: int
    required: int
    profiles: tuple[str, ...] = ()  # paths of the profiles that count
    deadline: dt.date | None = None  # when owed
    days_left: int | None = None  # when open
    reason: str = ""  # when not required

    @property
    def start(self) -> dt.date:
        k = self.key
        return k.start if isinstance(k, Semester) else dt.date(k, 1, 1)

    @property
    def end(self) -> dt.date:
        k = self.key
        return k.end if isinstance(k, Semester) else dt.date(k, 12, 31)


@dataclass(frozen=True)
class Quotas:
    """Statuses of every unit for the semesters and years asked about."""

    today: dt.date
    periods: tuple[QuotaPeriod, ...]
    units: tuple[Unit, ...]  # registry order
    semesters: tuple[Semester, ...]
    years: tuple[int, ...]
    cells: dict[tuple[str, Semester], Cell] = field(default_factory=dict)
    year_cells: dict[tuple[str, int], Cell] = field(default_factory=dict)

    def cell(self, unit: str, semester: Semester) -> Cell:
        return self.cells[(unit, semester)]

    def year_cell(self, unit: str, year: int) -> Cell:
        return self.year_cells[(unit, year)]

    def all_cells(self) -> list[Cell]:
        """Semester cells then year cells, unit by unit in registry order."""
        out = []
        for u in self.units:
            out += [self.cells[(u.id, s)] for s in self.semesters]
            out += [self.year_cells[(u.id, y)] for y in self.years]
        return out

    def with_status(self, status: str) -> list[Cell]:
        return [c for c in self.all_cells() if c.status == status]

    def count(self, status: str, key: Semester | int) -> int:
        cells = (self.cells if isinstance(key, Semester) else self.year_cells).values()
        return sum(1 for c in cells if c.key == key and c.status == status)


# --- spans ----------------------------------------------------------------------------


def _clip(a: Span, b: Span) -> Span | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _days(spans: Iterable[Span]) -> int:
    return sum((hi - lo).days + 1 for lo, hi in spans)


def _covered(span: Span, periods: Sequence[QuotaPeriod]) -> list[tuple[Span, QuotaPeriod]]:
    """The parts of ``span`` that each period covers (periods do not overlap)."""
    out = []
    for p in periods:
        part = _clip(span, (p.counting_start, p.end))
        if part:
            out.append((part, p))
    return out


def _active_span(unit: Unit, span: Span) -> Span | None:
    return _clip(span, (unit.active_from or dt.date.min, unit.active_to or dt.date.max))


def _in(day: dt.date, spans: Iterable[Span]) -> bool:
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


def years_in_scope(periods: Sequence[QuotaPeriod], today: dt.date) -> list[int]:
    """Years overlapping a period with a yearly quota, begun by ``today``."""
    found: set[int] = set()
    for p in periods:
        if p.published_per_year:
            found.update(range(p.counting_start.year, min(p.end.year, today.year) + 1))
    return sorted(found)


def report_year(periods: Sequence[QuotaPeriod], today: dt.date) -> int | None:
    """The latest year with a semester in scope (the year reports default to)."""
    sems = semesters_in_scope(periods, today)
    return sems[-1].year if sems else None


def current_semester(periods: Sequence[QuotaPeriod], today: dt.date) -> Semester | None:
    """Today's semester, if a quota period covers any of it."""
    s = Semester.of(today)
    return s if _covered((s.start, s.end), periods) else None


def review_semesters(periods: Sequence[QuotaPeriod], today: dt.date) -> list[Semester]:
    """What a build checks: the semester just ended and the current one, when in scope.

    Older misses cannot be fixed any more and would fail every build for years.
    """
    cur = Semester.of(today)
    prev = Semester(cur.year - 1, 2) if cur.half == 1 else Semester(cur.year, 1)
    return [s for s in (prev, cur) if _covered((s.start, s.end), periods)]


# --- the rules ------------------------------------------------------------------------


def _owed(
    unit: Unit, span: Span, periods: Sequence[QuotaPeriod], per: str
) -> tuple[int, str, list[tuple[Span, QuotaPeriod]]]:
    """(number owed, reason when 0, the active parts covered by a period)."""
    covered = _covered(span, periods)
    if not covered:
        return 0, NO_PERIOD, []
    if not unit.quota:
        return 0, NO_QUOTA, covered
    active = [(a, p) for part, p in covered if (a := _active_span(unit, part))]
    if not active:
        return 0, INACTIVE, covered
    if _days(a for a, _ in active) < MIN_ACTIVE_DAYS:
        return 0, SHORT, covered
    # The period covering most of the owed days sets the number; the later one on a tie.
    _, best = max(active, key=lambda ap: (_days([ap[0]]), ap[1].counting_start))
    n = getattr(best, per)
    return n, ("" if n else NO_PERIOD), active


def semester_status(
    unit: Unit, semester: Semester, profiles: Iterable[Profile],
    periods: Sequence[QuotaPeriod], today: dt.date,
) -> Cell:
    """The unit's standing for ``semester``; ``profiles`` may be any of the unit's."""
    span = (semester.start, semester.end)
    required, reason, active = _owed(unit, span, periods, "per_semester")
    counted = [sp for sp, _ in _covered(span, periods)]
    paths = tuple(sorted(
        p.path for p in profiles
        if p.unit == unit.id and p.introduced <= today and _in(p.introduced, counted)
    ))
    n = len(paths)
    if not required:
        return Cell(unit.id, semester, NOT_REQUIRED, n, 0, paths, reason=reason)
    deadline = max(a[1] for a, _ in active)
    return _judge(unit.id, semester, paths, required, deadline, today)


def _judge(
    unit_id: str, key: Semester | int, paths: tuple[str, ...], required: int,
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
    unit: Unit, year: int, profiles: Iterable[Profile],
    periods: Sequence[QuotaPeriod], today: dt.date,
) -> Cell:
    """The unit's standing for the published-per-year rule in ``year``."""
    span = (dt.date(year, 1, 1), dt.date(year, 12, 31))
    required, reason, _ = _owed(unit, span, periods, "published_per_year")
    counted = [sp for sp, _ in _covered(span, periods)]
    paths = tuple(sorted(
        p.path for p in profiles
        if p.unit == unit.id and p.published is not None and p.published <= today
        and p.went_public() and _in(p.published, counted)
    ))
    n = len(paths)
    if not required:
        return Cell(unit.id, year, NOT_REQUIRED, n, 0, paths, reason=reason)
    deadline = max(hi for _, hi in counted)  # the board publishes, even after a unit closes
    return _judge(unit.id, year, paths, required, deadline, today)


def compute(
    units: Iterable[Unit], profiles: Iterable[Profile], periods: Sequence[QuotaPeriod],
    today: dt.date, semesters: Iterable[Semester] | None = None,
    years: Iterable[int] | None = None,
) -> Quotas:
    """Statuses of every unit for ``semesters`` and ``years`` (default: all in scope)."""
    periods = tuple(sorted(periods, key=lambda p: p.counting_start))
    units = tuple(sorted(units, key=lambda u: (u.line, u.id)))
    sems = tuple(sorted(semesters_in_scope(periods, today) if semesters is None else semesters))
    yrs = tuple(sorted(years_in_scope(periods, today) if years is None else years))
    by_sem: dict[tuple[str, Semester], list[Profile]] = defaultdict(list)
    by_year: dict[tuple[str, int], list[Profile]] = defaultdict(list)
    for p in profiles:
        by_sem[(p.unit, Semester.of(p.introduced))].append(p)
        if p.published is not None:
            by_year[(p.unit, p.published.year)].append(p)
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
                   [y for y in years_in_scope(periods, today) if y == year])


def review(
    units: Iterable[Unit], profiles: Iterable[Profile], periods: Sequence[QuotaPeriod],
    today: dt.date,
) -> Quotas:
    """What a build checks: :func:`review_semesters` and the years they fall in."""
    sems = review_semesters(periods, today)
    in_scope = set(years_in_scope(periods, today))
    yrs = sorted({s.year for s in sems} & in_scope)
    return compute(units, profiles, periods, today, sems, yrs)
