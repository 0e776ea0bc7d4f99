"""Semester and year edges: 30 June / 1 July, 31 December / 1 January, leap day, the
province's today."""

from __future__ import annotations

import datetime as dt

import pytest

from showcase.plan.semesters import Semester, Year, semesters_between, today_in_province

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2025, 1, 1), Semester(2025, 1)),
        (D(2025, 6, 30), Semester(2025, 1)),
        (D(2025, 7, 1), Semester(2025, 2)),
        (D(2025, 12, 31), Semester(2025, 2)),
        (D(2026, 1, 1), Semester(2026, 1)),
        (D(2024, 2, 29), Semester(2024, 1)),  # leap day
    ],
)
def test_semester_of_edges(day: dt.date, expected: Semester) -> None:
    assert Semester.of(day) == expected
    assert expected.contains(day)


def test_bounds_and_neighbours() -> None:
    h1, h2 = Semester(2024, 1), Semester(2024, 2)
    assert (h1.start, h1.end) == (D(2024, 1, 1), D(2024, 6, 30))
    assert (h2.start, h2.end) == (D(2024, 7, 1), D(2024, 12, 31))
    assert h1.next() == h2 and h2.next() == Semester(2025, 1)
    assert h2.next().start - h2.end == dt.timedelta(days=1)
    assert h1.next().start - h1.end == dt.timedelta(days=1)
    # 2024 is a leap year: H1 has 182 days, H2 always 184.
    assert (h1.end - h1.start).days + 1 == 182
    assert (Semester(2025, 1).end - Semester(2025, 1).start).days + 1 == 181
    assert (h2.end - h2.start).days + 1 == 184
    assert not h1.contains(D(2024, 7, 1)) and not h2.contains(D(2025, 1, 1))


def test_order_parse_and_labels() -> None:
    assert Semester(2024, 2) < Semester(2025, 1) < Semester(2025, 2)
    assert Semester.parse(" 2025-H2 ") == Semester(2025, 2)
    assert str(Semester(2025, 1)) == "2025-H1"
    assert Semester(2025, 1).label == "6 tháng đầu năm 2025"
    assert Semester(2025, 2).label == "6 tháng cuối năm 2025"
    with pytest.raises(ValueError):
        Semester.parse("2025-H3")


def test_year_like_a_semester() -> None:
    y = Year(2024)
    assert Year.of(D(2024, 12, 31)) == y and Year.of(D(2025, 1, 1)) == Year(2025)
    assert (y.start, y.end) == (D(2024, 1, 1), D(2024, 12, 31))
    assert y.contains(D(2024, 2, 29)) and not y.contains(D(2025, 1, 1))
    assert not y.contains(D(2023, 12, 31))
    assert (y.end - y.start).days + 1 == 366 and (Year(2025).end - Year(2025).start).days == 364
    assert Year(2023) < y < Year(2025) and sorted([Year(2025), y]) == [y, Year(2025)]
    assert (str(y), y.label) == ("2024", "năm 2024")
    # A year covers exactly its two semesters.
    assert (y.start, y.end) == (Semester(2024, 1).start, Semester(2024, 2).end)
    assert len({y, Year(2024)}) == 1  # frozen and hashable: a dictionary key


def test_semesters_between() -> None:
    assert semesters_between(D(2022, 1, 1), D(2025, 12, 31))[0] == Semester(2022, 1)
    assert len(semesters_between(D(2022, 1, 1), D(2025, 12, 31))) == 8
    assert semesters_between(D(2025, 6, 30), D(2025, 7, 1)) == [Semester(2025, 1),
                                                                Semester(2025, 2)]
    assert semesters_between(D(2025, 7, 1), D(2025, 7, 1)) == [Semester(2025, 2)]
    assert semesters_between(D(2025, 12, 31), D(2026, 1, 1)) == [Semester(2025, 2),
                                                                 Semester(2026, 1)]


@pytest.mark.parametrize(
    ("utc", "local"),
    [
        # 17:00 UTC is midnight in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
        (dt.datetime(2025, 6, 30, 16, 59), D(2025, 6, 30)),
        (dt.datetime(2025, 6, 30, 17, 0), D(2025, 7, 1)),
        (dt.datetime(2025, 12, 31, 17, 0), D(2026, 1, 1)),
        (dt.datetime(2024, 2, 28, 17, 30), D(2024, 2, 29)),
    ],
)
def test_today_in_province_crosses_midnight_at_17_utc(utc: dt.datetime, local: dt.date) -> None:
    assert today_in_province(utc.replace(tzinfo=dt.UTC)) == local
