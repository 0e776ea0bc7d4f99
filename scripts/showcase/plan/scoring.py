"""Year-end emulation scoring of the units, from their results in the column.

The plan asks the Organisation and Legal Office to score the units at the
end of the year from their results in introducing exemplaries. The rubric
(``scoring`` in ``mkdocs.yml``, :class:`~showcase.option_values.Rubric`) gives
points per six-month period met, per profile published in the year, per
featured profile, and a deduction per six-month period missed. A period
still open, or not required of the unit, earns and costs nothing. Pure.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass

from showcase.content.units import Unit
from showcase.option_values import Rubric


@dataclass(frozen=True)
class Score:
    """One unit's points for one year, item by item."""

    unit: Unit
    year: int
    rubric: Rubric
    semesters_met: int
    semesters_missed: int
    published: int
    featured: int
    owed: bool  # the unit had a quota in the year (ranked with the others)
    rank: int | None = None  # among the units that owed, 1 = best

    @property
    def points_met(self) -> float:
        return self.semesters_met * self.rubric.semester_met

    @property
    def points_published(self) -> float:
        return self.published * self.rubric.published

    @property
    def points_featured(self) -> float:
        return self.featured * self.rubric.featured

    @property
    def deduction(self) -> float:
        return self.semesters_missed * self.rubric.semester_missed

    @property
    def total(self) -> float:
        return self.points_met + self.points_published + self.points_featured - self.deduction


def ranked(scores: Iterable[Score]) -> tuple[Score, ...]:
    """The scores in the order given, each with its rank.

    Units with the same total share a rank (1, 2, 2, 4); units without a
    quota in the year are scored but not ranked.
    """
    out = list(scores)
    totals = sorted((s.total for s in out if s.owed), reverse=True)
    return tuple(
        dataclasses.replace(s, rank=totals.index(s.total) + 1) if s.owed else s for s in out
    )


def points(x: float) -> str:
    """'10', '7,5', '-5' (Vietnamese decimal comma, no trailing zeros)."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if text != "-0" else "0"


# --- rendering ------------------------------------------------------------------------

RUBRIC_LABELS = (
    ("semester_met", "mỗi kỳ 6 tháng đạt chỉ tiêu", "+"),
    ("published", "mỗi hồ sơ được công bố trong năm", "+"),
    ("featured", "mỗi hồ sơ tiêu biểu", "+"),
    ("semester_missed", "mỗi kỳ 6 tháng thiếu chỉ tiêu", "-"),
)
COLUMNS = ("Kỳ đạt", "Công bố", "Tiêu biểu", "Kỳ thiếu", "Điểm", "Hạng")


def rubric_text(rubric: Rubric) -> str:
    """'Thang điểm: +10 mỗi kỳ 6 tháng đạt chỉ tiêu; ...' (from mkdocs.yml)."""
    return "Thang điểm: " + "; ".join(
        f"{sign}{points(getattr(rubric, key))} {label}" for key, label, sign in RUBRIC_LABELS
    ) + "."


def cells(s: Score) -> list[str]:
    return [str(s.semesters_met), str(s.published), str(s.featured), str(s.semesters_missed),
            points(s.total), str(s.rank) if s.rank is not None else "–"]


def table(scores: tuple[Score, ...], names: list[str], heading: str) -> str:
    """A terminal table: units as rows, counts, total and rank."""
    w0 = max(len(n) for n in [*names, "Đơn vị"])
    rows = [cells(s) for s in scores]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(COLUMNS)]

    def line(first: str, values: list[str]) -> str:
        return "  ".join([first.ljust(w0), *(v.rjust(w) for v, w in zip(values, widths,
                                                                         strict=True))])

    rule = "-" * len(line("", list(COLUMNS)))
    out = [heading, rubric_text(scores[0].rubric) if scores else "", "",
           line("Đơn vị", list(COLUMNS)), rule]
    out += [line(n, r) for n, r in zip(names, rows, strict=True)]
    out += [rule, "Hạng: xếp giữa các đơn vị có chỉ tiêu trong năm (– : không có chỉ tiêu)."]
    return "\n".join(out) + "\n"


CSV_HEADER = ["Đơn vị", "Số kỳ đạt", "Số hồ sơ công bố", "Số hồ sơ tiêu biểu", "Số kỳ thiếu",
              "Tổng điểm", "Xếp hạng"]


def csv_bytes(scores: tuple[Score, ...], sep: str = ",") -> bytes:
    """UTF-8 with BOM (Excel), unit names only."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    w.writerows([s.unit.name, *cells(s)] for s in scores)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def as_json(scores: tuple[Score, ...], year: int, today: dt.date) -> str:
    return json.dumps({
        "year": year, "today": today.isoformat(),
        "rubric": dataclasses.asdict(scores[0].rubric) if scores else None,
        "scores": [{
            "unit": s.unit.id, "name": s.unit.name, "semesters_met": s.semesters_met,
            "semesters_missed": s.semesters_missed, "published": s.published,
            "featured": s.featured, "total": s.total, "rank": s.rank,
        } for s in scores],
    }, ensure_ascii=False, indent=2) + "\n"
