"""The annual report as a workbook and as CSV, for the organising office.

Sheets: Tổng hợp (per unit), Hồ sơ, Khen thưởng, Chấm điểm, Đề nghị khen
thưởng, Ghi chú. Meant for people outside the board: unit names, never
unit codes or file paths. Every sheet prints on A4 landscape, one page
wide, with its header row repeated. Pure: functions return bytes; same
input, same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from showcase.content.vocab import GRANTORS, GROUPS, KINDS
from showcase.plan.annual import (
    Annual,
    field_label,
    half_text,
    notes,
    sectors_text,
    state,
    title,
)
from showcase.plan.reports import BOM, status_text
from showcase.plan.scoring import points

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SUMMARY_HEADER = [
    "STT", "Đơn vị", "Nhóm", "Có chỉ tiêu", "Số hồ sơ giới thiệu",
    "Số hồ sơ công bố", "6 tháng đầu năm", "6 tháng cuối năm", "Công bố trong năm",
    "Số kỳ đạt", "Số kỳ thiếu", "Lĩnh vực", "Số khen thưởng", "Hồ sơ tiêu biểu",
    "Điểm thi đua",
]
PROFILE_HEADER = [
    "Đơn vị", "Tên", "Loại", "Lĩnh vực", "Ngành", "Ngày giới thiệu", "Ngày công bố",
    "Tình trạng", "Tiêu biểu",
]
COMMENDATION_HEADER = ["Đơn vị", "Gương điển hình", "Năm", "Hình thức khen thưởng"]
SCORE_HEADER = [
    "STT", "Đơn vị", "Số kỳ đạt", "Điểm kỳ đạt", "Số hồ sơ công bố", "Điểm công bố",
    "Số hồ sơ tiêu biểu", "Điểm tiêu biểu", "Số kỳ thiếu", "Điểm trừ", "Tổng điểm", "Xếp hạng",
]
PROPOSAL_HEADER = [
    "STT", "Gương điển hình", "Loại", "Đơn vị giới thiệu", "Lĩnh vực",
    "Hình thức khen thưởng đề nghị", "Cấp khen thưởng", "Lý do", "Khen thưởng đã có",
]


def summary_rows(a: Annual) -> list[list[object]]:
    out: list[list[object]] = []
    for i, r in enumerate(a.rows, 1):
        yc = r.year_cell
        out.append([
            i, r.unit.name, GROUPS[r.unit.group].label,
            "có" if r.unit.quota else "không", len(r.introduced), len(r.published),
            half_text(r, 1), half_text(r, 2), status_text(yc) if yc else "không yêu cầu",
            r.met, r.missed, "; ".join(field_label(f) for f in r.fields),
            len(r.commendations), "; ".join(p.name for p in r.featured), r.score.total,
        ])
    return out


def profile_rows(a: Annual) -> list[list[object]]:
    return [
        [r.unit.name, p.name, KINDS[p.kind].label, field_label(p.field), sectors_text(p),
         p.introduced, p.published, state(p, a.today), "có" if p.featured else ""]
        for r in a.rows for p in r.profiles
    ]


def commendation_rows(a: Annual) -> list[list[object]]:
    return [[r.unit.name, p.name, rec.year, rec.text] for r in a.rows
            for p, rec in r.commendations]


def score_rows(a: Annual) -> list[list[object]]:
    out: list[list[object]] = []
    for i, r in enumerate(a.rows, 1):
        s = r.score
        out.append([
            i, r.unit.name, s.semesters_met, s.points_met, s.published, s.points_published,
            s.featured, s.points_featured, s.semesters_missed, -s.deduction, s.total,
            s.rank if s.rank is not None else "không có chỉ tiêu",
        ])
    return out


def proposal_rows(a: Annual) -> list[list[object]]:
    return [
        [i, x.profile.name, KINDS[x.profile.kind].label, x.unit.name,
         field_label(x.profile.field), x.nomination.form, GRANTORS[x.grantor].label,
         x.nomination.reason or "",
         "; ".join(f"{c.text} ({c.year})" for c in x.profile.commendations)]
        for i, x in enumerate(a.proposals, 1)
    ]


def csv_bytes(a: Annual, sep: str = ",") -> bytes:
    """The summary sheet as CSV, UTF-8 with BOM so that Excel keeps the Vietnamese."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(SUMMARY_HEADER)
    w.writerows([[points(v) if isinstance(v, float) else v for v in row]
                 for row in summary_rows(a)])
    return (BOM + buf.getvalue()).encode("utf-8")


def _page_setup(ws: Worksheet, heading: str, department: str) -> None:
    """A4 landscape, one page wide, header row on every page, page numbers."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    fit, header, footer = ws.sheet_properties.pageSetUpPr, ws.oddHeader, ws.oddFooter
    # openpyxl makes all three with the sheet (an empty header is falsy: test for None)
    assert fit is not None and header is not None and footer is not None
    fit.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    header.center.text = heading
    header.left.text = department
    footer.center.text = "Trang &P/&N"


def xlsx_bytes(a: Annual) -> bytes:
    """The workbook; same input, same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    sheets = [
        ("Tổng hợp", SUMMARY_HEADER, summary_rows(a)),
        ("Hồ sơ", PROFILE_HEADER, profile_rows(a)),
        ("Khen thưởng", COMMENDATION_HEADER, commendation_rows(a)),
        ("Chấm điểm", SCORE_HEADER, score_rows(a)),
        ("Đề nghị khen thưởng", PROPOSAL_HEADER, proposal_rows(a)),
    ]
    for i, (name, header, rows) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = name
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            ws.append(row)
        for number, col in enumerate(ws.columns, 1):
            letter = get_column_letter(number)
            longest = max(len(str(c.value)) if c.value is not None else 0 for c in col)
            ws.column_dimensions[letter].width = min(max(longest + 2, 8), 50)
            for c in col[1:]:
                c.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(c.value, dt.date):
                    c.number_format = "DD/MM/YYYY"
                elif isinstance(c.value, float):
                    c.number_format = "0.##"
        ws.freeze_panes = "A2"
        _page_setup(ws, f"{title(a)} - {name}", a.department)
    ws = wb.create_sheet("Ghi chú")
    for line in notes(a):
        ws.append([line])
    ws.column_dimensions["A"].width = 120
    _page_setup(ws, title(a), a.department)
    stamp = dt.datetime(a.today.year, a.today.month, a.today.day)
    wb.properties.creator = a.department or "showcase"
    wb.properties.title = title(a)
    wb.properties.created = wb.properties.modified = stamp
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return fixed_times(buf.getvalue(), stamp)


def fixed_times(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite the zip with one timestamp, so the file depends only on its content."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
