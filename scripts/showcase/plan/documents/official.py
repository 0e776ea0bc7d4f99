"""The documents the plan asks for, built from the year's figures (pure).

* the Department's annual report to the Department of Home Affairs;
* a unit's own annual evaluation, sent to the Department (``--unit``);
* the proposals of commendation, one per recipient: in
  :mod:`~showcase.plan.documents.commendations`.

Figures come from :class:`~showcase.plan.annual.Annual`, the same object the
workbook and ``showcase quotas`` use. Names only: no unit codes or paths.
"""

from __future__ import annotations

import re

from showcase.content.text import vn_date
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS
from showcase.option_values import Publisher
from showcase.plan.annual import (
    Annual,
    UnitYear,
    counted_note,
    field_label,
    half_text,
    lacking,
    state,
    state_in_year,
    why_not_owed,
)
from showcase.plan.documents.model import (
    Blank,
    Block,
    Bullets,
    Document,
    Heading,
    Para,
    Table,
    blank,
)
from showcase.plan.quotas import MET, MISSING
from showcase.plan.reports import periods_text, status_text
from showcase.plan.scoring import points, rubric_text

DAY_BLANK = "ngày      tháng      năm"
_DISTRICT = re.compile(r"^Phòng Văn hóa và Thông tin (.+)$")
# The head of a unit, from the first words of its name.
_HEADS = (("Trung tâm", "GIÁM ĐỐC"), ("Bảo tàng", "GIÁM ĐỐC"), ("Thư viện", "GIÁM ĐỐC"),
          ("Đoàn", "TRƯỞNG ĐOÀN"), ("Văn phòng", "CHÁNH VĂN PHÒNG"),
          ("Thanh tra", "CHÁNH THANH TRA"), ("Phòng", "TRƯỞNG PHÒNG"))


def plan_citation(a: Annual) -> str:
    """'Kế hoạch số 45/KH-SVHTTDL ngày 20/07/2023': the plan in force in the year, by
    its number and date (``plan_number``, ``plan_date`` of its ``quota_periods``
    entry); each a highlighted blank while unset."""
    plans = [p for p in a.quotas.periods if p.start.year <= a.year <= p.end.year]
    plan = plans[-1] if plans else None
    number = plan.plan_number if plan and plan.plan_number else blank("số, ký hiệu")
    day = vn_date(plan.plan_date) if plan and plan.plan_date else blank("ngày ban hành")
    return f"Kế hoạch số {number} ngày {day}"


def place_date(place: str, year: int) -> str:
    """'Cần Thơ, ngày      tháng      năm 2026' (day and month written when signing)."""
    return f"{place or blank('Địa danh')}, {DAY_BLANK} {year}"


def number(kind: str, symbol: str) -> str:
    """'Số:        /BC-SVHTTDL': the number is given by the clerk when issuing."""
    return f"Số:        /{kind}-{symbol or '......'}"


def unit_parent(unit: Unit, publisher: Publisher) -> str:
    """The governing body of a unit: the district's People's Committee, or the Department."""
    m = _DISTRICT.match(unit.name)
    if unit.group == "district" and m:
        return f"Ủy ban nhân dân {m.group(1)}"
    return publisher.name


def unit_head(unit: Unit) -> str:
    return next((t for prefix, t in _HEADS if unit.name.startswith(prefix)), "THỦ TRƯỞNG ĐƠN VỊ")


def _unit_table(rows: tuple[UnitYear, ...]) -> Table:
    body = tuple(
        (str(i), r.unit.name, str(len(r.introduced)), str(len(r.published)), half_text(r, 1),
         half_text(r, 2), status_text(r.year_cell) if r.year_cell else "không yêu cầu",
         points(r.score.total))
        for i, r in enumerate(rows, 1))
    total = ("", "Cộng", str(sum(len(r.introduced) for r in rows)),
             str(sum(len(r.published) for r in rows)), "", "", "", "")
    return Table(("STT", "Đơn vị", "Giới thiệu", "Công bố", "6 tháng đầu năm",
                  "6 tháng cuối năm", "Công bố trong năm", "Điểm thi đua"),
                 body, (0.7, 3.2, 0.9, 0.9, 1.2, 1.2, 1.2, 0.9), (2, 3, 7), total)


def _field_table(a: Annual) -> Table:
    rows = []
    for fid in FIELDS:
        mine = [p for r in a.rows for p in r.introduced if p.field == fid]
        units = {p.unit for p in mine}
        rows.append((field_label(fid), str(len(mine)), str(len(units))))
    return Table(("Lĩnh vực", "Số gương điển hình được giới thiệu", "Số đơn vị"),
                 tuple(rows), (4.6, 1.6, 1.0), (1, 2),
                 ("Cộng", str(sum(int(r[1]) for r in rows)),
                  str(len({p.unit for r in a.rows for p in r.introduced}))))


def _field_note(a: Annual) -> str:
    """What the 'Cộng' row of the table by field counts (distinct units, not the sum)."""
    by_field = [len({p.unit for r in a.rows for p in r.introduced if p.field == f})
                for f in FIELDS]
    distinct = len({p.unit for r in a.rows for p in r.introduced})
    text = ("Cột \"Số đơn vị\": số đơn vị có gương điển hình được giới thiệu trong từng lĩnh "
            "vực; dòng \"Cộng\" đếm mỗi đơn vị một lần")
    if sum(by_field) != distinct:
        return (text + f" ({distinct} đơn vị), nên nhỏ hơn tổng của cột ({sum(by_field)}) vì "
                "có đơn vị giới thiệu gương ở nhiều lĩnh vực.")
    return text + f" ({distinct} đơn vị)."


def _overview(a: Annual, rows: tuple[UnitYear, ...]) -> list[Block]:
    q = a.quotas
    out: list[Block] = [Para(t) for t in periods_text(q.periods, [a.year])]
    if len(rows) == 1:  # a unit's own report speaks of itself
        return out + _own_overview(a, rows[0])
    owed = [r for r in rows if r.score.owed]
    intro = sum(len(r.introduced) for r in rows)
    pub = sum(len(r.published) for r in rows)
    out.append(Para(
        f"Trong năm {a.year} (số liệu tính đến ngày {vn_date(a.today)}), {len(owed)} đơn vị "
        f"có chỉ tiêu; các đơn vị đã giới thiệu {intro} gương điển hình tiên tiến, trong đó {pub} "
        f"gương được công bố trên chuyên mục trong năm."))
    for s in q.semesters:
        n = sum(1 for r in rows if q.cell(r.unit.id, s).required)
        met = sum(1 for r in rows if q.cell(r.unit.id, s).status == MET)
        miss = sum(1 for r in rows if q.cell(r.unit.id, s).status == MISSING)
        note = counted_note(a, s, rows)
        out.append(Para(f"{s.label[0].upper()}{s.label[1:]}: {met}/{n} đơn vị đạt chỉ tiêu, "
                        f"{miss} đơn vị chưa đạt." + (f" {note}" if note else "")))
    for y in q.years:
        n = sum(1 for r in rows if q.year_cell(r.unit.id, y).required)
        met = sum(1 for r in rows if q.year_cell(r.unit.id, y).status == MET)
        out.append(Para(f"Có hồ sơ được công bố trong năm {y}: {met}/{n} đơn vị đạt."))
    return out


def _highlights(a: Annual, rows: tuple[UnitYear, ...], named: bool) -> list[Block]:
    """Commendations, featured profiles, and the consents withdrawn in the year: by name
    for the Department (``named``), as a count in a document sent outside it."""
    comm = [f"{p.name} ({r.unit.name}): {rec.text}" for r in rows for p, rec in r.commendations]
    feat = [f"{p.name} ({r.unit.name})" for r in rows for p in r.featured]
    gone = [(r.unit, p) for r in rows for p in r.withdrawn]
    out: list[Block] = [Heading(f"Khen thưởng ghi nhận trong năm {a.year}", 2)]
    out.append(Bullets(tuple(comm)) if comm else Para("Chưa có khen thưởng nào được ghi nhận."))
    out += [Heading("Gương điển hình tiêu biểu", 2)]
    out.append(Bullets(tuple(feat)) if feat else Para("Chưa có gương nào được chọn tiêu biểu."))
    if gone:
        out.append(Heading("Hồ sơ người được giới thiệu đã rút lại sự đồng ý", 2))
        if named:
            out.append(Bullets(tuple(f"{p.name} ({u.name}): {state(p, a.today)}"
                                     for u, p in gone)))
        else:
            out.append(Para(
                f"Trong năm {a.year}, {len(gone)} người được giới thiệu đã rút lại sự đồng ý "
                "xử lý dữ liệu cá nhân; hồ sơ " + ("của họ " if len(gone) > 1 else "")
                + "không còn được đăng trên chuyên mục."))
    return out


def _shortfall(a: Annual, rows: tuple[UnitYear, ...]) -> list[Block]:
    """Who missed a quota: the units of the Department's report (one or several), or
    the unit itself in its own report."""
    lack = [(u, parts) for u, parts in lacking(a) if any(r.unit == u for r in rows)]
    if len(rows) == 1:
        if lack:
            return [Para(f"Theo số liệu, đơn vị chưa đạt chỉ tiêu: thiếu "
                         f"{'; '.join(lack[0][1])}.")]
        return [Para("Theo số liệu, đơn vị đã đạt các chỉ tiêu trong năm." if rows[0].score.owed
                     else "Trong năm, đơn vị không có chỉ tiêu phải thực hiện.")]
    if not lack:
        return [Para("Theo số liệu, không có đơn vị nào chưa đạt chỉ tiêu.")]
    return [Para("Theo số liệu, đơn vị sau chưa đạt chỉ tiêu:" if len(lack) == 1 else
                 "Theo số liệu, các đơn vị sau chưa đạt chỉ tiêu:"),
            Bullets(tuple(f"{u.name}: thiếu {'; '.join(parts)}." for u, parts in lack))]


def _plan(a: Annual, publisher: Publisher) -> str:
    """The plan as the documents cite it, under its issuer's name when it was issued
    (the Department's own report names the issuer only when it has been renamed since)."""
    what = "phát hiện, bồi dưỡng, xây dựng và nhân rộng các gương điển hình tiên tiến"
    issuer = a.plan_issuer or publisher.name
    cited = plan_citation(a)
    return f"{cited} về {what}" if issuer == publisher.name else f"{cited} của {issuer} về {what}"


def _closing(a: Annual, rows: tuple[UnitYear, ...], who: str) -> list[Block]:
    return [
        Heading("II. HẠN CHẾ, TỒN TẠI VÀ NGUYÊN NHÂN"),
        *_shortfall(a, rows),
        Blank(f"{who} nêu hạn chế, tồn tại và nguyên nhân (chủ quan, khách quan)."),
        Heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
        Blank(f"{who} nêu phương hướng, nhiệm vụ phát hiện, bồi dưỡng và nhân rộng gương "
              "điển hình tiên tiến trong thời gian tới."),
        Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"),
        Blank(f"{who} nêu đề xuất, kiến nghị (nếu có)."),
    ]


def department_report(a: Annual, publisher: Publisher) -> Document:
    """The Department's annual report to the Department of Home Affairs.

    Units listed: those with a quota in the year, or with a profile in it.
    """
    rows = tuple(r for r in a.rows if r.score.owed or r.profiles)
    body: list[Block] = [
        Para(f"Thực hiện {_plan(a, publisher)}, {publisher.name} báo cáo kết quả giới thiệu "
             f"gương điển hình tiên tiến năm {a.year} như sau:"),
        Heading("I. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Tình hình chung", 2), *_overview(a, rows),
        Heading("2. Kết quả theo đơn vị", 2), _unit_table(rows),
        Para(rubric_text(rows[0].score.rubric) if rows else ""),
        Heading("3. Kết quả theo lĩnh vực", 2), _field_table(a), Para(_field_note(a)),
        *[Heading(f"{i}. {h.text}", 2) if isinstance(h, Heading) else h
          for i, h in _numbered(_highlights(a, rows, named=False), 4)],
        *_closing(a, rows, "Cơ quan"),
        Para(f"Trên đây là báo cáo kết quả giới thiệu gương điển hình tiên tiến năm {a.year} "
             f"của {publisher.name}./."),
    ]
    home = publisher.home_affairs
    return Document(
        parent=publisher.parent, issuer=publisher.name,
        number=number("BC", publisher.symbol), place_date=place_date(publisher.place, a.today.year),
        kind="BÁO CÁO",
        subject=f"Kết quả giới thiệu gương điển hình tiên tiến năm {a.year}",
        to=(home,), body=tuple(body),
        recipients=(f"{home};", "Giám đốc, các Phó Giám đốc Sở;", "Phòng Tổ chức - Pháp chế;",
                    f"Lưu: VT, {publisher.drafting_office}."),
        signer_title=publisher.signer, signer_name=blank("Họ và tên người ký"),
        address=publisher.address,
        title=f"Báo cáo kết quả giới thiệu gương điển hình tiên tiến năm {a.year}",
    )


def _numbered(blocks: list[Block], first: int) -> list[tuple[int, Block]]:
    """Number the level-2 headings from ``first`` on."""
    out, n = [], first - 1
    for b in blocks:
        if isinstance(b, Heading):
            n += 1
        out.append((n, b))
    return out


def _own_overview(a: Annual, r: UnitYear) -> list[Block]:
    q = a.quotas
    duty = "có chỉ tiêu" if r.score.owed else "không có chỉ tiêu"
    out: list[Block] = [Para(
        f"Trong năm {a.year} (số liệu tính đến ngày {vn_date(a.today)}), đơn vị {duty}; "
        f"đơn vị đã giới thiệu {len(r.introduced)} gương điển hình tiên tiến, trong đó "
        f"{len(r.published)} gương được công bố trên chuyên mục trong năm.")]
    for s in q.semesters:
        c = q.cell(r.unit.id, s)
        why = f": {why_not_owed(r.unit, c)}" if r.score.owed and not c.required else ""
        out.append(Para(f"{s.label[0].upper()}{s.label[1:]}: {status_text(c)}{why}"
                        f" ({c.count} hồ sơ)."))
    for y in q.years:
        c = q.year_cell(r.unit.id, y)
        out.append(Para(f"Có hồ sơ được công bố trong năm {y}: {status_text(c)}."))
    return out


def unit_inactive(unit: Unit, year: int) -> str | None:
    """Why ``unit`` has no report for ``year`` (it had closed, or did not exist yet), in
    Vietnamese, or None when it was active on some day of the year."""
    end, start = unit.active_to, unit.active_from
    if end is not None and end.year < year:
        return (f"{unit.name} chỉ hoạt động đến ngày {vn_date(end)} (active_to trong "
                f"profiles/units.yml), nên không có báo cáo năm {year} dưới tên đơn vị này. "
                f"Chọn năm {end.year} trở về trước.")
    if start is not None and start.year > year:
        return (f"{unit.name} bắt đầu hoạt động từ ngày {vn_date(start)} (active_from trong "
                f"profiles/units.yml), nên chưa có báo cáo năm {year}. "
                f"Chọn năm {start.year} trở về sau.")
    return None


def unit_report(a: Annual, unit: Unit, publisher: Publisher) -> Document:
    """A unit's own annual evaluation, sent to the Department."""
    rows = tuple(r for r in a.rows if r.unit.id == unit.id)
    r = rows[0]
    mine = [(p, state_in_year(p, a.today, a.year)) for p in r.profiles]
    body: list[Block] = [
        Para(f"Thực hiện {plan_citation(a)} của {a.plan_issuer or publisher.name} về phát "
             f"hiện, bồi dưỡng, xây dựng và nhân rộng các gương điển hình tiên tiến, "
             f"{unit.name} báo cáo kết quả năm {a.year} như sau:"),
        Heading("I. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Thực hiện chỉ tiêu", 2), *_overview(a, rows), _unit_table(rows),
        Para(rubric_text(r.score.rubric)),
        Heading("2. Gương điển hình đã giới thiệu, công bố trong năm", 2),
        Table(("STT", "Gương điển hình", "Loại", "Lĩnh vực", "Ngày giới thiệu", "Tình trạng"),
              tuple((str(i), p.name, KINDS[p.kind].label, field_label(p.field),
                     vn_date(p.introduced), st) for i, (p, st) in enumerate(mine, 1)),
              (0.5, 2.4, 0.9, 2.2, 1.1, 2.2))
        if mine else Para("Đơn vị chưa giới thiệu gương điển hình nào trong năm."),
        *[Heading(f"{i}. {h.text}", 2) if isinstance(h, Heading) else h
          for i, h in _numbered(_highlights(a, rows, named=True), 3)],
        *_closing(a, rows, "Đơn vị"),
        Para(f"Trên đây là báo cáo kết quả giới thiệu gương điển hình tiên tiến năm {a.year} "
             f"của {unit.name}./."),
    ]
    return Document(
        parent=unit_parent(unit, publisher), issuer=unit.name, number=number("BC", ""),
        # The unit's own town is not in units.yml: left for the author to fill in.
        place_date=place_date("", a.today.year), kind="BÁO CÁO",
        subject=f"Kết quả giới thiệu gương điển hình tiên tiến năm {a.year}",
        to=(publisher.name,), body=tuple(body),
        recipients=(f"{publisher.name} (Phòng Tổ chức - Pháp chế);", "Lưu: VT."),
        signer_title=unit_head(unit), signer_name=blank("Họ và tên người ký"),
        title=f"Báo cáo kết quả giới thiệu gương điển hình tiên tiến năm {a.year} - {unit.name}",
    )
