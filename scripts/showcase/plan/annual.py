"""The annual evaluation the organising office sends on (spreadsheet and Markdown).

Per unit, for one year: the profiles introduced (counted by their
``introduced`` date, drafts included) and published (published date in the
year and come, not a draft), the semesters met and missed, the plan's
fields covered by the profiles introduced that year, the commendations
recorded for that year (``commendations`` entries with ``year`` = the year,
on any of the unit's profiles), and its ``featured`` profiles introduced or
published that year. Pure: renderers return bytes or text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from showcase.content.model import Profile, Record
from showcase.content.text import vn_date
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, GROUPS, KINDS, SECTORS
from showcase.options import QuotaPeriod
from showcase.plan import quotas
from showcase.plan.quotas import MET, MISSING, Cell, Quotas
from showcase.plan.reports import BOM, md_escape, periods_text, status_text
from showcase.plan.semesters import Semester, Year


@dataclass(frozen=True)
class UnitYear:
    unit: Unit
    introduced: tuple[Profile, ...]
    published: tuple[Profile, ...]
    semesters: tuple[Cell, ...]  # the year's semesters in scope
    year_cell: Cell | None  # the published-per-year rule, if in scope
    fields: tuple[str, ...]  # field ids, in the plan's order
    commendations: tuple[tuple[Profile, Record], ...]
    featured: tuple[Profile, ...]

    @property
    def met(self) -> int:
        return sum(c.status == MET for c in self.semesters)

    @property
    def missed(self) -> int:
        return sum(c.status == MISSING for c in self.semesters)


@dataclass(frozen=True)
class Annual:
    year: int
    today: dt.date
    department: str
    quotas: Quotas
    rows: tuple[UnitYear, ...]


def build(
    units: Iterable[Unit], profiles: Sequence[Profile], periods: Sequence[QuotaPeriod],
    today: dt.date, year: int, department: str = "",
) -> Annual:
    q = quotas.for_year(units, profiles, periods, today, year)
    by_unit: dict[str, list[Profile]] = {}
    for p in sorted(profiles, key=lambda p: (p.introduced, p.path)):
        by_unit.setdefault(p.unit, []).append(p)
    order = list(FIELDS)
    rows = []
    for u in q.units:
        mine = by_unit.get(u.id, [])
        intro = tuple(p for p in mine if p.introduced.year == year and p.introduced <= today)
        pub = tuple(sorted(
            (p for p in mine if not p.draft and p.published and p.published.year == year
             and p.published <= today), key=lambda p: (p.published, p.path)))
        rows.append(UnitYear(
            unit=u, introduced=intro, published=pub,
            semesters=tuple(q.cell(u.id, s) for s in q.semesters),
            year_cell=q.year_cells.get((u.id, Year(year))),
            fields=tuple(sorted({p.field for p in intro}, key=order.index)),
            commendations=tuple((p, r) for p in mine for r in p.commendations if r.year == year),
            featured=tuple(p for p in mine if p.featured and (p in intro or p in pub)),
        ))
    return Annual(year, today, department, q, tuple(rows))


def _field_label(fid: str) -> str:
    return f"{FIELDS[fid].letter}) {FIELDS[fid].label}"


def _state(p: Profile, today: dt.date) -> str:
    if p.draft:
        return "bản nháp"
    if p.published is None:
        return "chưa hẹn ngày công bố"
    return "đã công bố" if p.published <= today else f"hẹn công bố {vn_date(p.published)}"


SUMMARY_HEADER = [
    "STT", "Mã đơn vị", "Đơn vị", "Nhóm", "Có chỉ tiêu", "Số hồ sơ giới thiệu",
    "Số hồ sơ công bố", "6 tháng đầu năm", "6 tháng cuối năm", "Công bố trong năm",
    "Số kỳ đạt", "Số kỳ thiếu", "Lĩnh vực", "Số khen thưởng", "Hồ sơ tiêu biểu",
]


def _half(r: UnitYear, half: int) -> str:
    cells = [c for c in r.semesters if isinstance(c.key, Semester) and c.key.half == half]
    if not cells:
        return "chưa đến kỳ"
    c = cells[0]
    return status_text(c) + (f" ({c.count})" if c.count else "")


def summary_rows(a: Annual) -> list[list[object]]:
    out: list[list[object]] = []
    for i, r in enumerate(a.rows, 1):
        yc = r.year_cell
        out.append([
            i, r.unit.id, r.unit.name, GROUPS[r.unit.group].label,
            "có" if r.unit.quota else "không", len(r.introduced), len(r.published),
            _half(r, 1), _half(r, 2), status_text(yc) if yc else "không yêu cầu",
            r.met, r.missed, "; ".join(_field_label(f) for f in r.fields),
            len(r.commendations), "; ".join(p.name for p in r.featured),
        ])
    return out


PROFILE_HEADER = [
    "Mã đơn vị", "Đơn vị", "Tên", "Loại", "Lĩnh vực", "Ngành", "Ngày giới thiệu",
    "Ngày công bố", "Tình trạng", "Tiêu biểu", "Tệp",
]


def profile_rows(a: Annual) -> list[list[object]]:
    out: list[list[object]] = []
    for r in a.rows:
        seen = []
        for p in (*r.introduced, *r.published):
            if p in seen:
                continue
            seen.append(p)
            out.append([
                r.unit.id, r.unit.name, p.name, KINDS[p.kind].label, _field_label(p.field),
                ", ".join(SECTORS[s].label for s in p.sectors), p.introduced,
                p.published, _state(p, a.today), "có" if p.featured else "", p.path,
            ])
    return out


def commendation_rows(a: Annual) -> list[list[object]]:
    return [[r.unit.name, p.name, rec.year, rec.text] for r in a.rows
            for p, rec in r.commendations]


def csv_bytes(a: Annual, sep: str = ",") -> bytes:
    """The summary sheet as CSV, UTF-8 with BOM so that Excel keeps the Vietnamese."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(SUMMARY_HEADER)
    w.writerows(summary_rows(a))
    return (BOM + buf.getvalue()).encode("utf-8")


def xlsx_bytes(a: Annual) -> bytes:
    """Workbook with sheets Tổng hợp, Hồ sơ, Khen thưởng, Ghi chú; same input, same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    first = wb.active
    assert isinstance(first, Worksheet)  # a new workbook starts with one worksheet
    sheets = [
        ("Tổng hợp", SUMMARY_HEADER, summary_rows(a)),
        ("Hồ sơ", PROFILE_HEADER, profile_rows(a)),
        ("Khen thưởng", ["Đơn vị", "Hồ sơ", "Năm", "Nội dung"], commendation_rows(a)),
    ]
    for i, (title, header, rows) in enumerate(sheets):
        ws: Worksheet = first if i == 0 else wb.create_sheet()
        ws.title = title
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            ws.append(row)
        for number, col in enumerate(ws.columns, 1):
            letter = get_column_letter(number)
            longest = max(len(str(c.value)) if c.value is not None else 0 for c in col)
            ws.column_dimensions[letter].width = min(max(longest + 2, 8), 60)
            for c in col[1:]:
                if isinstance(c.value, dt.date):
                    c.number_format = "DD/MM/YYYY"
        ws.freeze_panes = "A2"
    notes = wb.create_sheet("Ghi chú")
    for line in _notes(a):
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    stamp = dt.datetime(a.today.year, a.today.month, a.today.day)
    wb.properties.creator = a.department or "showcase"
    wb.properties.title = _title(a)
    wb.properties.created = wb.properties.modified = stamp
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return _fixed_times(buf.getvalue(), stamp)


def _fixed_times(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite the zip with one timestamp, so the file depends only on its content."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _title(a: Annual) -> str:
    return f"Báo cáo kết quả giới thiệu gương điển hình tiên tiến năm {a.year}"


def _notes(a: Annual) -> list[str]:
    return [
        _title(a),
        a.department,
        f"Số liệu tính đến ngày {vn_date(a.today)}.",
        *periods_text(a.quotas.periods, [a.year]),
        "Hồ sơ được tính cho kỳ 6 tháng của ngày giới thiệu (kể cả khi chưa công bố).",
        "Đơn vị hoạt động dưới 30 ngày trong một kỳ thì không phải thực hiện chỉ tiêu kỳ đó.",
        "Hồ sơ công bố trong năm: có ngày công bố trong năm, đã đến ngày và không phải bản nháp.",
        "Khen thưởng: các khen thưởng ghi năm " + str(a.year) + " trong hồ sơ của đơn vị.",
    ]


def markdown(a: Annual) -> str:
    """The summary the office reads first (and pastes into its report)."""
    rows = a.rows
    owed = [r for r in rows if any(c.required for c in r.semesters)
            or (r.year_cell and r.year_cell.required)]
    lines = [f"# {_title(a)}", ""]
    lines += [f"{a.department}. " if a.department else ""]
    lines[-1] += f"Số liệu tính đến ngày {vn_date(a.today)}."
    lines += ["", "## Tổng quan", ""]
    lines += [f"- {t}" for t in periods_text(a.quotas.periods, [a.year])]
    lines += [
        f"- Số đơn vị có chỉ tiêu trong năm: {len(owed)}",
        f"- Hồ sơ được giới thiệu trong năm: {sum(len(r.introduced) for r in rows)}; "
        f"được công bố trong năm: {sum(len(r.published) for r in rows)}",
    ]
    q = a.quotas
    for s in q.semesters:
        n = sum(1 for r in rows if q.cell(r.unit.id, s).required)
        lines.append(f"- {s.label[0].upper() + s.label[1:]}: {q.count(MET, s)}/{n} đơn vị đạt, "
                     f"{q.count(MISSING, s)} đơn vị thiếu")
    for y in q.years:
        n = sum(1 for r in rows if q.year_cell(r.unit.id, y).required)
        lines.append(f"- Có hồ sơ được công bố trong năm: {q.count(MET, y)}/{n} đơn vị đạt, "
                     f"{q.count(MISSING, y)} đơn vị thiếu")
    counts = {f: sum(f in r.fields for r in rows) for f in FIELDS}
    lines.append("- Lĩnh vực có gương điển hình (số đơn vị): " + "; ".join(
        f"{_field_label(f)} ({n})" for f, n in counts.items()))
    lines += ["", "## Đơn vị chưa đạt chỉ tiêu", ""]
    lacking = []
    for r in rows:
        parts = [c.key.label for c in r.semesters if c.status == MISSING]
        if r.year_cell and r.year_cell.status == MISSING:
            parts.append("chưa có hồ sơ được công bố trong năm")
        if parts:
            lacking.append(f"- {md_escape(r.unit.name)}: thiếu " + "; ".join(parts))
    lines += lacking or ["Không có đơn vị nào thiếu chỉ tiêu."]
    lines += ["", "## Chi tiết theo đơn vị", "",
              "| Đơn vị | Giới thiệu | Công bố | 6 tháng đầu | 6 tháng cuối | Công bố trong năm "
              "| Lĩnh vực | Khen thưởng | Tiêu biểu |",
              "|---|---:|---:|---|---|---|---|---:|---|"]
    for r in rows:
        yc = r.year_cell
        lines.append("| " + " | ".join([
            md_escape(r.unit.name), str(len(r.introduced)), str(len(r.published)),
            _half(r, 1), _half(r, 2), status_text(yc) if yc else "không yêu cầu",
            ", ".join(FIELDS[f].letter for f in r.fields) or "–", str(len(r.commendations)),
            md_escape(", ".join(p.name for p in r.featured)) or "–",
        ]) + " |")
    comm = commendation_rows(a)
    lines += ["", f"## Khen thưởng ghi nhận năm {a.year}", ""]
    lines += [f"- {md_escape(str(u))} — {md_escape(str(n))}: {md_escape(str(t))}"
              for u, n, _, t in comm] or ["Chưa có khen thưởng nào được ghi nhận."]
    featured = [(r.unit, p) for r in rows for p in r.featured]
    lines += ["", "## Gương điển hình tiêu biểu", ""]
    lines += [f"- {md_escape(p.name)} ({md_escape(u.name)})" for u, p in featured] or [
        "Không có hồ sơ nào được chọn là tiêu biểu."]
    lines += ["", "Lĩnh vực: " + "; ".join(_field_label(f) for f in FIELDS) + "."]
    return "\n".join(lines) + "\n"
