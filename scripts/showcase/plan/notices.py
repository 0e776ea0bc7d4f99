"""Short quota texts for people: the reminder of who still owes the current
semester (``showcase quotas --due``) and the build's summary lines.

Pure: text from a :class:`~showcase.plan.quotas.Quotas`, like :mod:`showcase.plan.reports`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from showcase.content.text import vn_date
from showcase.option_values import QuotaPeriod
from showcase.plan.quotas import MET, MISSING, OPEN, Quotas
from showcase.plan.reports import nothing_owed
from showcase.plan.semesters import Semester, Year


def due_text(q: Quotas, semester: Semester | None, periods: Sequence[QuotaPeriod]) -> str:
    """The reminder the board pastes into a message: who still owes the current semester."""
    if semester is None or semester not in q.semesters:
        return nothing_owed(periods, q.today) + "\n"
    cells = [q.cell(u.id, semester) for u in q.units]
    owing = [(u, c) for u, c in zip(q.units, cells, strict=True) if c.status == OPEN]
    end = semester.end
    days = (end - q.today).days
    head = (f"Kỳ {semester.label} kết thúc ngày {vn_date(end)} "
            + ("(hôm nay là ngày cuối)." if days == 0 else f"(còn {days} ngày)."))
    lines = [head, ""]
    if not owing:
        required = [c for c in cells if c.required]
        every = "Tất cả " if len(required) > 1 else ""
        lines.append(f"{every}{len(required)} đơn vị có chỉ tiêu đã giới thiệu đủ gương điển "
                     "hình trong kỳ này." if required else
                     "Không có đơn vị nào phải giới thiệu gương điển hình trong kỳ này.")
    else:
        need = max(c.required for _, c in owing)
        who = "Các đơn vị" if len(owing) > 1 else "Đơn vị"
        lines.append(f"{who} chưa giới thiệu gương điển hình nào:" if need == 1 else
                     f"{who} chưa giới thiệu đủ {need} gương điển hình:")
        for u, c in owing:
            extra = []
            if c.count:
                extra.append(f"đã có {c.count}/{c.required}")
            if c.deadline and c.deadline != end:
                extra.append(f"hạn {vn_date(c.deadline)}, còn {c.days_left} ngày")
            lines.append(f"- {u.name}" + (f" ({'; '.join(extra)})" if extra else ""))
    for y in q.years:
        unpublished = [u for u in q.units if q.year_cell(u.id, y).status == OPEN]
        if unpublished:
            yc = q.year_cell(unpublished[0].id, y)
            who = "Các đơn vị" if len(unpublished) > 1 else "Đơn vị"
            lines += ["", f"{who} chưa có hồ sơ nào được công bố trong năm {y.year} "
                          f"(hạn {vn_date(yc.deadline)}):"]
            lines += [f"- {u.name}" + (
                f" (đã ngừng hoạt động từ {vn_date(u.active_to + dt.timedelta(days=1))})"
                if u.active_to and u.active_to < q.today else "") for u in unpublished]
    return "\n".join(lines) + "\n"


def _tally(q: Quotas, period: Semester | Year, owed: int, open_note: str) -> str:
    """'3/5 đơn vị đạt, 1 thiếu, 1 chưa có…' for one semester or year."""
    parts = [f"{q.count(MET, period)}/{owed} đơn vị đạt"]
    if q.count(MISSING, period):
        parts.append(f"{q.count(MISSING, period)} thiếu")
    if q.count(OPEN, period):
        parts.append(f"{q.count(OPEN, period)} chưa có{open_note}")
    return ", ".join(parts)


def summary_lines(q: Quotas, periods: Sequence[QuotaPeriod]) -> list[str]:
    """A few lines for ``showcase build``: how many units miss what."""
    if not q.semesters and not q.years:
        return ["Chỉ tiêu: " + nothing_owed(periods, q.today)]
    out = []
    for s in q.semesters:
        owed = sum(1 for u in q.units if q.cell(u.id, s).required)
        left = f" (còn {(s.end - q.today).days} ngày)"
        out.append(f"Chỉ tiêu {s.label}: {_tally(q, s, owed, left)}.")
    for y in q.years:
        owed = sum(1 for u in q.units if q.year_cell(u.id, y).required)
        out.append(f"Hồ sơ công bố năm {y.year}: {_tally(q, y, owed, '')}.")
    return out
