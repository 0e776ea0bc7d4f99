"""Semesters (H1 = 1 Jan-30 Jun, H2 = 1 Jul-31 Dec), years, and the province's today."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_SEMESTER = re.compile(r"^(\d{4})-H([12])$")


def today_in_province(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in Asia/Ho_Chi_Minh (the only place 'now' is read)."""
    return (now or dt.datetime.now(TZ)).astimezone(TZ).date()


@dataclass(frozen=True, order=True)
class Semester:
    year: int
    half: int  # 1 or 2

    @classmethod
    def of(cls, day: dt.date) -> Semester:
        return cls(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def parse(cls, text: str) -> Semester:
        m = _SEMESTER.match(text.strip())
        if not m:
            raise ValueError(f"not a semester: {text!r} (expected YYYY-H1 or YYYY-H2)")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    def next(self) -> Semester:
        return Semester(self.year, 2) if self.half == 1 else Semester(self.year + 1, 1)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """Vietnamese label, e.g. '6 tháng đầu năm 2025'."""
        return f"6 tháng {'đầu' if self.half == 1 else 'cuối'} năm {self.year}"

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}"


@dataclass(frozen=True, order=True)
class Year:
    """A calendar year: the period of the published-per-year rule."""

    year: int

    @classmethod
    def of(cls, day: dt.date) -> Year:
        return cls(day.year)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """Vietnamese label, e.g. 'năm 2025'."""
        return f"năm {self.year}"

    def __str__(self) -> str:
        return str(self.year)


def semesters_between(first: dt.date, last: dt.date) -> list[Semester]:
    """Every semester that overlaps [first, last], in order."""
    out: list[Semester] = []
    s = Semester.of(first)
    while s.start <= last:
        out.append(s)
        s = s.next()
    return out
