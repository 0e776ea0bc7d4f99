"""Quota statuses rendered for people: terminal table, CSV, JSON, Markdown.

Pure: every function takes a :class:`~showcase.plan.quotas.Quotas` and returns
text or bytes; the commands decide where it goes. The reminder and the build's
summary are in :mod:`showcase.plan.notices`, the annual evaluation for the
organising office in :mod:`showcase.plan.annual`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence

from showcase.content.text import vn_date
from showcase.content.units import Unit
from showcase.content.vocab import GROUPS
from showcase.option_values import QuotaPeriod
from showcase.plan.periods import semesters_in_scope, years_in_scope
from showcase.plan.quotas import MET, MISSING, NOT_REQUIRED, OPEN, REASONS, Cell, Quotas
from showcase.plan.semesters import Semester, Year

STATUS_LABELS = {MET: "đạt", MISSING: "thiếu", OPEN: "đang mở", NOT_REQUIRED: "không yêu cầu"}
MARKS = {MET: "✔", MISSING: "✘", OPEN: "…", NOT_REQUIRED: "–"}
LEGEND = ("Chú thích: ✔ đạt (kèm số hồ sơ) · ✘ thiếu · … đang mở (kèm số ngày còn lại) · "
          "– không yêu cầu (không có chỉ tiêu hoặc không hoạt động trong kỳ). "
          "6T = 6 tháng; «Công bố» = số hồ sơ được công bố trong năm.")
BOM = "\ufeff"
NAME_WIDTH = 36

# Usual abbreviations of Vietnamese administrative names, applied in order.
_SHORT = (
    (re.compile(r"^Phòng Văn hóa và Thông tin\b"), "Phòng VH-TT"),
    (re.compile(r"\bthành phố\b"), "TP."),
    (re.compile(r"\bthị xã\b"), "TX."),
    (re.compile(r"\bhuyện\b"), "H."),
    (re.compile(r"^Trung tâm\b"), "TT"),
    (re.compile(r"\bthể dục thể thao\b", re.IGNORECASE), "TDTT"),
    (re.compile(r"\bVăn hóa - Nghệ thuật\b"), "VH-NT"),
    (re.compile(r"\s+tỉnh\s+\S.*$"), " tỉnh"),  # the province is the same for everyone
)


def short_name(name: str, width: int = NAME_WIDTH) -> str:
    """A unit's name, abbreviated the usual way, cut to ``width`` characters."""
    for pattern, repl in _SHORT:
        name = pattern.sub(repl, name)
    if len(name) <= width:
        return name
    cut = name[: width - 1]
    if " " in cut and name[width - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]  # whole words only
    return cut.rstrip(" ,-") + "…"


def semester_header(s: Semester) -> str:
    return f"6T {'đầu' if s.half == 1 else 'cuối'} {s.year}"


def year_header(year: Year) -> str:
    return f"Công bố {year.year}"


def status_text(c: Cell) -> str:
    """'đạt', 'thiếu', 'đang mở (còn 37 ngày)', 'không yêu cầu'."""
    if c.status == OPEN:
        return "đang mở (hôm nay là hạn cuối)" if c.days_left == 0 else (
            f"đang mở (còn {c.days_left} ngày)")
    return STATUS_LABELS[c.status]


def mark(c: Cell) -> str:
    """A compact cell for tables: '✔ 2', '✘', '✘ 1/2', '… 37 ngày', '–', '– 1'."""
    short = c.count < c.required
    got = f" {c.count}/{c.required}" if short and c.count else ""
    if c.status == MET:
        return f"✔ {c.count}"
    if c.status == MISSING:
        return "✘" + got
    if c.status == OPEN:
        return f"…{got} " + ("hôm nay" if c.days_left == 0 else f"{c.days_left} ngày")
    return "–" + (f" {c.count}" if c.count else "")


def periods_text(periods: Sequence[QuotaPeriod], years: Sequence[int] = ()) -> list[str]:
    """One line per period (those overlapping ``years`` if given)."""
    out = []
    for p in periods:
        if years and not any(p.start.year <= y <= p.end.year for y in years):
            continue
        name = p.name or "Giai đoạn"
        line = (f"{name}: từ {vn_date(p.start)} đến {vn_date(p.end)}; mỗi 6 tháng "
                f"{p.per_semester} hồ sơ được giới thiệu, mỗi năm {p.published_per_year} "
                "hồ sơ được công bố.")
        if p.counting_start != p.start:
            line += f" Chỉ tiêu được tính từ ngày {vn_date(p.counting_start)}"
            line += f": {p.counts_from_reason.rstrip('.')}." if p.counts_from_reason else "."
        out.append(line)
    return out


def nothing_owed(periods: Sequence[QuotaPeriod], today: dt.date, year: int | None = None) -> str:
    """Why there is no column to show: no plan covers the year or today."""
    when = f"năm {year}" if year is not None else f"ngày {vn_date(today)}"
    text = f"Không có kỳ nào đang tính chỉ tiêu vào {when}"
    ended = [p for p in periods if p.end < today]
    coming = [p for p in periods if p.counting_start > today
              or (year is not None and p.start.year <= year < p.counting_start.year)]
    if ended and (year is None or year > ended[-1].end.year):
        p = ended[-1]
        text += f" ({p.name or 'kế hoạch gần nhất'} đã kết thúc ngày {vn_date(p.end)})"
    elif coming and (year is None or year < coming[0].counting_start.year
                     or year >= today.year):
        p = coming[0]
        text += (f" ({p.name or 'kế hoạch tiếp theo'} bắt đầu tính chỉ tiêu từ ngày "
                 f"{vn_date(p.counting_start)})")
    text += "."
    if not coming and ended and (year is None or year > ended[-1].end.year):
        text += (" Khi có kế hoạch mới, thêm một giai đoạn vào 'quota_periods' của plugin "
                 "showcase trong mkdocs.yml.")
    return text


def report_years(periods: Sequence[QuotaPeriod], today: dt.date) -> list[int]:
    """The years that have an annual report on ``today``: a quota counted in them."""
    years = {s.year for s in semesters_in_scope(periods, today)}
    return sorted(years | {y.year for y in years_in_scope(periods, today)})


def no_report(periods: Sequence[QuotaPeriod], today: dt.date, year: int) -> str | None:
    """Why ``year`` has no annual report on ``today`` (None when it has one).

    An annual report gives the year's results against the plan's quotas, so a
    year no quota counts in has none: a year still to come, a year outside
    every plan, or a year of a plan before its quotas are counted. The current
    year, when the plan counts it, has a report of what has elapsed.
    """
    if year in report_years(periods, today):
        return None
    hosts = [p for p in periods if p.start.year <= year <= p.end.year]
    names = "; ".join(f"{p.name or 'giai đoạn'} từ {vn_date(p.start)} đến {vn_date(p.end)}"
                      for p in periods)
    if year > today.year:
        text = f"Năm {year} chưa đến (hôm nay là {vn_date(today)})."
    elif not hosts:
        text = f"Năm {year} nằm ngoài thời gian của kế hoạch ({names}), nên không có báo cáo năm."
    else:
        p = hosts[0]
        if p.counting_start.year > year:
            text = (f"Năm {year} thuộc {p.name or 'kế hoạch'} nhưng chưa tính chỉ tiêu: chỉ "
                    f"tiêu được tính từ ngày {vn_date(p.counting_start)}")
            text += f" ({p.counts_from_reason.rstrip('.')})." if p.counts_from_reason else "."
        else:
            text = f"Năm {year} không có kỳ nào tính chỉ tiêu ({names})."
    have = report_years(periods, today)
    if have:
        text += " Báo cáo năm lập được cho năm " + ", ".join(map(str, have)) + "."
    if all(p.end.year < year for p in periods):
        text += (" Khi có kế hoạch mới, thêm một giai đoạn vào 'quota_periods' của plugin "
                 "showcase trong mkdocs.yml.")
    return text


# --- terminal table -------------------------------------------------------------------


def _columns(q: Quotas) -> list[tuple[str, list[Cell]]]:
    cols = [(semester_header(s), [q.cell(u.id, s) for u in q.units]) for s in q.semesters]
    cols += [(year_header(y), [q.year_cell(u.id, y) for u in q.units]) for y in q.years]
    return cols


def _title(q: Quotas) -> str:
    years = sorted({s.year for s in q.semesters} | {y.year for y in q.years})
    span = ("" if not years else f" năm {years[0]}" if len(years) == 1
            else f" năm {years[0]}-{years[-1]}")  # no column: no plan counts the year
    return f"Chỉ tiêu giới thiệu gương điển hình{span} (tính đến ngày {vn_date(q.today)})"


def table(q: Quotas) -> str:
    """Units as rows, semesters (and the yearly rule) as columns, totals, legend."""
    cols = _columns(q)
    names = [short_name(u.name) for u in q.units]
    label_rows = ["Số đơn vị đạt", "Số đơn vị thiếu"]
    any_open = any(c.status == OPEN for _, cells in cols for c in cells)
    if any_open:
        label_rows.append("Số đơn vị đang mở")
    totals = [
        [str(sum(c.status == st for c in cells)) for _, cells in cols]
        for st in (MET, MISSING, OPEN)[: len(label_rows)]
    ]
    w0 = max(len(n) for n in [*names, *label_rows, "Đơn vị"])
    widths = [max(len(h), *(len(mark(c)) for c in cells)) for h, cells in cols]

    def row(first: str, values: list[str]) -> str:
        parts = [first.ljust(w0)] + [v.ljust(w) for v, w in zip(values, widths, strict=True)]
        return "  ".join(parts).rstrip()

    rule = "-" * (w0 + sum(w + 2 for w in widths))
    lines = [_title(q), *periods_text(q.periods, [s.year for s in q.semesters]
                                      + [y.year for y in q.years]),
             "", row("Đơn vị", [h for h, _ in cols]), rule]
    for i, name in enumerate(names):
        lines.append(row(name, [mark(cells[i]) for _, cells in cols]))
    lines.append(rule)
    lines += [row(label, vals) for label, vals in zip(label_rows, totals, strict=True)]
    lines += ["", LEGEND]
    return "\n".join(lines) + "\n"


# --- CSV and JSON ---------------------------------------------------------------------

CSV_HEADER = [
    "Mã đơn vị", "Đơn vị", "Nhóm", "Có chỉ tiêu", "Loại chỉ tiêu", "Kỳ", "Tên kỳ", "Từ ngày",
    "Đến ngày", "Yêu cầu", "Số hồ sơ", "Mã trạng thái", "Trạng thái", "Hạn", "Còn (ngày)",
    "Lý do không yêu cầu", "Hồ sơ được tính",
]


def _kind(c: Cell) -> str:
    return "giới thiệu 6 tháng" if isinstance(c.key, Semester) else "công bố trong năm"




def csv_bytes(q: Quotas, sep: str = ",") -> bytes:
    """One row per unit x semester (then per unit x year); UTF-8 with BOM for Excel."""
    units = {u.id: u for u in q.units}
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for c in q.all_cells():
        u = units[c.unit]
        w.writerow([
            u.id, u.name, GROUPS[u.group].label, "có" if u.quota else "không", _kind(c),
            str(c.key), c.key.label, c.start.isoformat(), c.end.isoformat(), c.required,
            c.count, c.status, status_text(c), c.deadline.isoformat() if c.deadline else "",
            "" if c.days_left is None else c.days_left, REASONS.get(c.reason, ""),
            "; ".join(c.profiles),
        ])
    return (BOM + buf.getvalue()).encode("utf-8")


def _cell_json(c: Cell) -> dict[str, object]:
    return {
        "unit": c.unit, ("semester" if isinstance(c.key, Semester) else "year"): (
            str(c.key) if isinstance(c.key, Semester) else c.key.year),
        "start": c.start.isoformat(), "end": c.end.isoformat(),
        "required": c.required, "count": c.count, "status": c.status,
        "status_label": status_text(c),
        "deadline": c.deadline.isoformat() if c.deadline else None,
        "days_left": c.days_left, "reason": c.reason or None, "profiles": list(c.profiles),
    }


def _unit_json(u: Unit) -> dict[str, object]:
    return {
        "id": u.id, "name": u.name, "group": u.group, "quota": u.quota,
        "active_from": u.active_from.isoformat() if u.active_from else None,
        "active_to": u.active_to.isoformat() if u.active_to else None,
    }


def as_json(q: Quotas) -> str:
    """Every unit x semester and unit x year, with count, status and counted profiles."""
    data = {
        "today": q.today.isoformat(),
        "periods": [
            {"name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat(),
             "counts_from": p.counting_start.isoformat(),
             "counts_from_reason": p.counts_from_reason or None,
             "per_semester": p.per_semester, "published_per_year": p.published_per_year}
            for p in q.periods
        ],
        "semesters": [str(s) for s in q.semesters],
        "years": [y.year for y in q.years],
        "units": [_unit_json(u) for u in q.units],
        "semester_quotas": [_cell_json(q.cell(u.id, s)) for u in q.units for s in q.semesters],
        "year_quotas": [_cell_json(q.year_cell(u.id, y)) for u in q.units for y in q.years],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- Markdown -------------------------------------------------------------------------


def md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def missing_items(q: Quotas) -> list[str]:
    """'Name: 6 tháng cuối năm 2025 (0/1 hồ sơ); ...' for every unit missing something."""
    out = []
    for u in q.units:
        parts = [f"{c.key.label} ({c.count}/{c.required} hồ sơ)"
                 for s in q.semesters if (c := q.cell(u.id, s)).status == MISSING]
        parts += [f"công bố năm {y.year} ({c.count}/{c.required} hồ sơ)"
                  for y in q.years if (c := q.year_cell(u.id, y)).status == MISSING]
        if parts:
            out.append(f"{u.name} ({u.id}): thiếu " + "; ".join(parts))
    return out


def markdown(q: Quotas) -> str:
    cols = _columns(q)
    lines = [f"# {_title(q)}", ""]
    lines += [f"- {t}" for t in periods_text(q.periods, [s.year for s in q.semesters])]
    lines += ["", "| Đơn vị | " + " | ".join(h for h, _ in cols) + " |",
              "|---|" + "---|" * len(cols)]
    for i, u in enumerate(q.units):
        lines.append(f"| {md_escape(u.name)} | " + " | ".join(mark(cells[i]) for _, cells in cols)
                     + " |")
    for label, st in (("Số đơn vị đạt", MET), ("Số đơn vị thiếu", MISSING)):
        vals = [str(sum(c.status == st for c in cells)) for _, cells in cols]
        lines.append(f"| **{label}** | " + " | ".join(vals) + " |")
    lines += ["", LEGEND, ""]
    missing = missing_items(q)
    lines += ["## Đơn vị chưa đạt chỉ tiêu", ""]
    lines += [f"- {md_escape(m)}" for m in missing] or ["Không có đơn vị nào thiếu chỉ tiêu."]
    return "\n".join(lines) + "\n"
