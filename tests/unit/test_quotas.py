"""The quota rules on their edges, with hand-made units and profiles."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.option_values import DEFAULT_PERIODS, QuotaPeriod
from showcase.plan import periods, quotas
from showcase.plan.quotas import MET, MISSING, NOT_REQUIRED, OPEN, Cell
from showcase.plan.semesters import Semester, Year

D = dt.date
H = Semester
PLAN = DEFAULT_PERIODS  # 2022-01-01..2025-12-31, 1 per semester, 1 published per year
_n = itertools.count()


def unit(uid: str = "u", quota: bool = True, start: dt.date | None = None,
         end: dt.date | None = None, line: int = 1) -> Unit:
    return Unit(uid, f"Đơn vị {uid}", "affiliated", quota, start, end, (), line)


def prof(introduced: dt.date, published: dt.date | None = None, uid: str = "u",
         draft: bool = False) -> Profile:
    i = next(_n)
    return Profile(
        path=f"profiles/{uid}/{introduced.year}-p{i}.md", unit=uid, slug=f"p{i}",
        name=f"Người {i}", kind="collective", field="social-life", sectors=("culture",),
        introduced=introduced, summary="x" * 40, body="Câu chuyện.", body_line=10,
        title=f"Người {i}", published=published, draft=draft,
    )


def sem(u: Unit, s: Semester, profiles: list[Profile], today: dt.date,
        periods: tuple[QuotaPeriod, ...] = PLAN) -> Cell:
    return quotas.semester_status(u, s, profiles, periods, today)


def year(u: Unit, y: int, profiles: list[Profile], today: dt.date,
         periods: tuple[QuotaPeriod, ...] = PLAN) -> Cell:
    return quotas.year_status(u, Year(y), profiles, periods, today)


# --- semester boundaries --------------------------------------------------------------


def test_30_june_counts_for_h1_and_1_july_for_h2() -> None:
    u, today = unit(), D(2025, 11, 10)
    june, july = prof(D(2025, 6, 30)), prof(D(2025, 7, 1))
    q = quotas.compute([u], [june, july], PLAN, today)
    assert q.cell("u", H(2025, 1)).profiles == (june.path,)
    assert q.cell("u", H(2025, 2)).profiles == (july.path,)
    assert q.cell("u", H(2025, 1)).status == MET
    assert q.cell("u", H(2025, 2)).status == MET


def test_31_december_and_1_january_fall_in_different_years() -> None:
    u, today = unit(), D(2025, 3, 1)
    dec, jan = prof(D(2024, 12, 31)), prof(D(2025, 1, 1))
    q = quotas.compute([u], [dec, jan], PLAN, today)
    assert q.cell("u", H(2024, 2)).profiles == (dec.path,)
    assert q.cell("u", H(2025, 1)).profiles == (jan.path,)
    assert q.cell("u", H(2025, 1)).status == MET


def test_leap_day_counts_for_first_half() -> None:
    leap = prof(D(2024, 2, 29))
    c = sem(unit(), H(2024, 1), [leap], D(2024, 12, 1))
    assert (c.status, c.count) == (MET, 1)


def test_several_profiles_in_one_semester() -> None:
    ps = [prof(D(2024, 1, 5)), prof(D(2024, 3, 3)), prof(D(2024, 6, 30))]
    c = sem(unit(), H(2024, 1), ps, D(2025, 1, 1))
    assert (c.status, c.count, c.required) == (MET, 3, 1)
    assert c.profiles == tuple(sorted(p.path for p in ps))


def test_drafts_and_future_published_profiles_count_as_introduced() -> None:
    today = D(2025, 11, 10)
    draft = prof(D(2025, 8, 1), draft=True)
    later = prof(D(2025, 9, 1), published=D(2027, 2, 1))
    unscheduled = prof(D(2025, 10, 1))
    c = sem(unit(), H(2025, 2), [draft, later, unscheduled], today)
    assert (c.status, c.count) == (MET, 3)
    # ... but none of them is "published" for the yearly rule.
    y = year(unit(), 2025, [draft, later, unscheduled], today)
    assert (y.status, y.count) == (OPEN, 0)


def test_profile_introduced_after_today_does_not_count_yet() -> None:
    c = sem(unit(), H(2025, 2), [prof(D(2025, 9, 1))], D(2025, 8, 31))
    assert (c.status, c.count, c.days_left) == (OPEN, 0, (D(2025, 12, 31) - D(2025, 8, 31)).days)


def test_profile_introduced_before_the_period_counts_for_nothing() -> None:
    early = prof(D(2021, 12, 20))
    q = quotas.compute([unit()], [early], PLAN, D(2022, 8, 1))
    assert H(2021, 2) not in q.semesters
    assert q.cell("u", H(2022, 1)).status == MISSING
    assert all(c.count == 0 for c in q.all_cells())


def test_period_starting_mid_semester_counts_only_from_its_start() -> None:
    follow_on = (QuotaPeriod(D(2026, 4, 1), D(2030, 12, 31), 1, 1, "Kế hoạch 2026-2030"),)
    before, inside = prof(D(2026, 2, 10)), prof(D(2026, 4, 1))
    assert periods.semesters_in_scope(follow_on, D(2026, 5, 1)) == [H(2026, 1)]
    c = sem(unit(), H(2026, 1), [before], D(2026, 7, 1), follow_on)
    assert (c.status, c.count) == (MISSING, 0)
    c = sem(unit(), H(2026, 1), [before, inside], D(2026, 7, 1), follow_on)
    assert (c.status, c.count, c.profiles) == (MET, 1, (inside.path,))


# --- units that open and close --------------------------------------------------------


def test_unit_closing_mid_semester_owes_it_until_it_closes() -> None:
    u = unit(end=D(2025, 3, 31))
    open_ = sem(u, H(2025, 1), [], D(2025, 3, 20))
    assert (open_.status, open_.deadline, open_.days_left) == (OPEN, D(2025, 3, 31), 11)
    # Closed, semester still running: nothing can come any more.
    assert sem(u, H(2025, 1), [], D(2025, 4, 15)).status == MISSING
    assert sem(u, H(2025, 1), [prof(D(2025, 2, 1))], D(2025, 4, 15)).status == MET
    after = sem(u, H(2025, 2), [], D(2025, 12, 1))
    assert (after.status, after.reason) == (NOT_REQUIRED, quotas.INACTIVE)


@pytest.mark.parametrize(("end", "owed"), [(D(2025, 1, 29), False), (D(2025, 1, 30), True)])
def test_unit_active_fewer_than_30_days_owes_nothing(end: dt.date, owed: bool) -> None:
    # Active 1..29 January = 29 days; 1..30 January = 30 days.
    c = sem(unit(end=end), H(2025, 1), [], D(2025, 8, 1))
    assert c.status == (MISSING if owed else NOT_REQUIRED)
    assert owed or c.reason == quotas.SHORT


@pytest.mark.parametrize(
    ("start", "owed"),
    [(D(2025, 5, 1), True), (D(2025, 6, 1), True), (D(2025, 6, 2), False)],
)
def test_unit_created_mid_semester(start: dt.date, owed: bool) -> None:
    # 1..30 June is 30 days: a unit created on 1 June owes the semester.
    u = unit(start=start)
    c = sem(u, H(2025, 1), [], D(2025, 6, 10))
    assert c.status == (OPEN if owed else NOT_REQUIRED)
    before = sem(u, H(2024, 2), [], D(2025, 6, 10))
    assert (before.status, before.reason) == (NOT_REQUIRED, quotas.INACTIVE)


def test_created_later_in_current_semester_is_open_until_semester_end() -> None:
    u = unit(start=D(2025, 9, 1))
    c = sem(u, H(2025, 2), [], D(2025, 8, 1))  # not yet created, but will be for 122 days
    assert (c.status, c.days_left) == (OPEN, (D(2025, 12, 31) - D(2025, 8, 1)).days)


def test_no_quota_is_not_required_but_still_counted() -> None:
    c = sem(unit(quota=False), H(2025, 1), [prof(D(2025, 2, 2))], D(2025, 8, 1))
    assert (c.status, c.count, c.reason) == (NOT_REQUIRED, 1, quotas.NO_QUOTA)


def test_other_units_profiles_are_ignored() -> None:
    c = sem(unit("a"), H(2025, 1), [prof(D(2025, 2, 2), uid="b")], D(2025, 8, 1))
    assert (c.status, c.count) == (MISSING, 0)


# --- today on the first and last day of a semester -------------------------------------


def test_today_last_day_of_semester_is_still_open() -> None:
    c = sem(unit(), H(2025, 1), [], D(2025, 6, 30))
    assert (c.status, c.days_left) == (OPEN, 0)
    c = sem(unit(), H(2025, 2), [], D(2025, 12, 31))
    assert (c.status, c.days_left) == (OPEN, 0)


def test_today_first_day_of_semester_closes_the_previous_one() -> None:
    u, today = unit(), D(2025, 7, 1)
    q = quotas.compute([u], [], PLAN, today)
    assert q.semesters[-1] == H(2025, 2)
    assert q.cell("u", H(2025, 1)).status == MISSING
    assert (q.cell("u", H(2025, 2)).status, q.cell("u", H(2025, 2)).days_left) == (OPEN, 183)
    # 1 January: the whole previous year is over.
    q = quotas.compute([u], [], PLAN, D(2025, 1, 1))
    assert q.cell("u", H(2024, 2)).status == MISSING
    assert q.year_cell("u", Year(2024)).status == MISSING
    assert (q.cell("u", H(2025, 1)).status, q.cell("u", H(2025, 1)).days_left) == (OPEN, 180)


def test_met_in_current_semester() -> None:
    c = sem(unit(), H(2025, 2), [prof(D(2025, 7, 1))], D(2025, 7, 1))
    assert (c.status, c.count, c.days_left) == (MET, 1, None)


# --- periods and numbers --------------------------------------------------------------


def test_numbers_come_from_the_period() -> None:
    plans = (*PLAN, QuotaPeriod(D(2026, 1, 1), D(2030, 12, 31), 2, 3, "Kế hoạch 2026-2030"))
    today = D(2026, 11, 24)
    one = [prof(D(2026, 2, 1))]
    c = sem(unit(), H(2026, 1), one, today, plans)
    assert (c.status, c.count, c.required) == (MISSING, 1, 2)
    c = sem(unit(), H(2026, 2), one + [prof(D(2026, 8, 1))], today, plans)
    assert (c.status, c.count, c.required, c.days_left) == (OPEN, 1, 2, 37)
    assert sem(unit(), H(2025, 2), [prof(D(2025, 8, 1))], today, plans).required == 1


def test_semester_split_between_plans_takes_the_one_covering_most_days() -> None:
    a = QuotaPeriod(D(2022, 1, 1), D(2026, 2, 28), 1, 1, "A")  # 59 days of 2026-H1
    b = QuotaPeriod(D(2026, 3, 1), D(2030, 12, 31), 2, 1, "B")  # 122 days
    assert sem(unit(), H(2026, 1), [], D(2026, 8, 1), (a, b)).required == 2
    a2 = QuotaPeriod(D(2022, 1, 1), D(2026, 5, 31), 3, 1, "A")
    b2 = QuotaPeriod(D(2026, 6, 1), D(2030, 12, 31), 2, 1, "B")
    assert sem(unit(), H(2026, 1), [], D(2026, 8, 1), (a2, b2)).required == 3


def test_zero_per_semester_means_nothing_owed() -> None:
    none = (QuotaPeriod(D(2022, 1, 1), D(2025, 12, 31), 0, 0, "Không chỉ tiêu"),)
    c = sem(unit(), H(2024, 1), [prof(D(2024, 2, 2))], D(2025, 1, 1), none)
    assert (c.status, c.count) == (NOT_REQUIRED, 1)
    assert periods.years_in_scope(none, D(2025, 1, 1)) == []


def test_plan_ended_mid_semester_sets_the_deadline() -> None:
    short = (QuotaPeriod(D(2022, 1, 1), D(2025, 9, 30), 1, 1, "Rút ngắn"),)
    c = sem(unit(), H(2025, 2), [], D(2025, 10, 5), short)
    assert (c.status, c.deadline) == (MISSING, D(2025, 9, 30))


# --- scope ----------------------------------------------------------------------------


def test_scope_after_the_plan_ended() -> None:
    today = D(2026, 11, 24)
    assert periods.semesters_in_scope(PLAN, today) == [H(y, h) for y in range(2022, 2026)
                                                      for h in (1, 2)]
    assert periods.years_in_scope(PLAN, today) == [Year(2022), Year(2023), Year(2024), Year(2025)]
    assert periods.report_year(PLAN, today) == 2025
    assert periods.current_semester(PLAN, today) is None
    assert periods.review_semesters(PLAN, today) == []


def test_scope_stops_at_current_semester() -> None:
    today = D(2025, 3, 1)
    assert periods.semesters_in_scope(PLAN, today)[-1] == H(2025, 1)
    assert periods.semesters_in_scope(PLAN, today, 2025) == [H(2025, 1)]
    assert periods.semesters_in_scope(PLAN, today, 2027) == []
    assert periods.current_semester(PLAN, today) == H(2025, 1)
    assert periods.report_year(PLAN, D(2021, 5, 1)) is None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2025, 11, 10), [H(2025, 1), H(2025, 2)]),
        (D(2026, 1, 15), [H(2025, 2)]),  # the just-ended semester is still checked
        (D(2026, 7, 1), []),
        (D(2022, 1, 1), [H(2022, 1)]),
    ],
)
def test_review_semesters(today: dt.date, expected: list[Semester]) -> None:
    assert periods.review_semesters(PLAN, today) == expected


def test_review_includes_the_years_of_its_semesters() -> None:
    q = quotas.review([unit()], [], PLAN, D(2026, 1, 15))
    assert (q.semesters, q.years) == ((H(2025, 2),), (Year(2025),))
    assert [c.status for c in q.all_cells()] == [MISSING, MISSING]


# --- the yearly published rule --------------------------------------------------------


def test_published_rule() -> None:
    u, today = unit(), D(2025, 11, 10)
    pub = prof(D(2025, 2, 1), published=D(2025, 3, 1))
    assert (year(u, 2025, [pub], today).status, year(u, 2025, [pub], today).count) == (MET, 1)
    pending = year(u, 2025, [prof(D(2025, 2, 1))], today)
    assert (pending.status, pending.days_left) == (OPEN, 51)
    assert year(u, 2024, [], today).status == MISSING
    # Introduced in 2024, published in 2025: counts for 2025's publication, not 2024's.
    cross = prof(D(2024, 12, 20), published=D(2025, 1, 5))
    assert year(u, 2025, [cross], today).status == MET
    assert year(u, 2024, [cross], today).status == MISSING
    # A draft with a date, and a date still to come, are not published.
    assert year(u, 2025, [prof(D(2025, 2, 1), D(2025, 3, 1), draft=True)], today).count == 0
    assert year(u, 2025, [prof(D(2025, 2, 1), D(2025, 11, 11))], today).count == 0


def test_published_rule_for_a_unit_that_closed() -> None:
    closed = unit(end=D(2025, 6, 30))
    late = prof(D(2025, 5, 1), published=D(2025, 9, 1))
    c = year(closed, 2025, [late], D(2025, 11, 10))
    assert (c.status, c.count) == (MET, 1)
    c = year(closed, 2025, [], D(2026, 1, 2))
    assert (c.status, c.deadline) == (MISSING, D(2025, 12, 31))
    gone = year(unit(end=D(2024, 12, 31)), 2025, [], D(2026, 1, 2))
    assert (gone.status, gone.reason) == (NOT_REQUIRED, quotas.INACTIVE)
    brief = year(unit(start=D(2025, 12, 10)), 2025, [], D(2026, 1, 2))
    assert (brief.status, brief.reason) == (NOT_REQUIRED, quotas.SHORT)


# --- the whole table ------------------------------------------------------------------


def test_compute_covers_every_unit_and_semester_in_registry_order() -> None:
    units = [unit("b", line=5), unit("a", line=9), unit("c", quota=False, line=1)]
    q = quotas.compute(units, [prof(D(2023, 3, 3), uid="a")], PLAN, D(2026, 11, 24))
    assert [u.id for u in q.units] == ["c", "b", "a"]
    assert len(q.cells) == 3 * 8 and len(q.year_cells) == 3 * 4
    assert q.count(MET, H(2023, 1)) == 1
    assert q.count(MISSING, H(2023, 1)) == 1
    assert q.count(NOT_REQUIRED, H(2023, 1)) == 1
    assert len(q.with_status(MISSING)) == 8 + 7 + 4 + 4


def test_for_year_limits_columns() -> None:
    q = quotas.for_year([unit()], [], PLAN, D(2026, 11, 24), 2024)
    assert (q.semesters, q.years) == ((H(2024, 1), H(2024, 2)), (Year(2024),))
    q = quotas.for_year([unit()], [], PLAN, D(2026, 11, 24), 2026)
    assert (q.semesters, q.years) == ((), ())


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(dates, st.booleans()), max_size=40), dates)
def test_every_counted_profile_is_counted_once(items: list[tuple[dt.date, bool]],
                                               today: dt.date) -> None:
    ps = [prof(day, draft=draft) for day, draft in items]
    q = quotas.compute([unit()], ps, PLAN, today)
    counted = [path for c in q.cells.values() for path in c.profiles]
    expected = [p.path for p in ps if p.introduced <= today
                and D(2022, 1, 1) <= p.introduced <= D(2025, 12, 31)]
    assert sorted(counted) == sorted(expected)
    for c in q.cells.values():
        assert c.status in quotas.STATUSES
        assert (c.status == OPEN) == (c.days_left is not None)
        assert c.status != MISSING or c.end < today
