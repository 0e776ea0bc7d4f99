"""The documents the plan asks for, built from the year's figures (pure).

* the Department's annual report to the Department of Home Affairs;
* a unit's own annual evaluation, sent to the Department (``--unit``);
* the Organisation and Legal Office's list of proposed commendations,
  submitted to the Director.

Figures come from :class:`~showcase.plan.annual.Annual`, the same object the
workbook and ``showcase quotas`` use. Names only: no unit codes or paths.
"""

from __future__ import annotations

import re

from showcase.content.text import vn_date
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS
from showcase.option_values import Publisher
from showcase.plan.annual import Annual, UnitYear, field_label, half_text, lacking, state
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
        out.append(Para(f"{s.label[0].upper()}{s.label[1:]}: {met}/{n} đơn vị đạt chỉ tiêu, "
                        f"{miss} đơn vị chưa đạt."))
    for y in q.years:
        n = sum(1 for r in rows if q.year_cell(r.unit.id, y).required)
        met = sum(1 for r in rows if q.year_cell(r.unit.id, y).status == MET)
        out.append(Para(f"Có hồ sơ được công bố trong năm {y}: {met}/{n} đơn vị đạt."))
    return out


def _highlights(a: Annual, rows: tuple[UnitYear, ...]) -> list[Block]:
    comm = [f"{p.name} ({r.unit.name}): {rec.text}" for r in rows for p, rec in r.commendations]
    feat = [f"{p.name} ({r.unit.name})" for r in rows for p in r.featured]
    withdrawn = [f"{p.name} ({r.unit.name}): {state(p, a.today)}" for r in rows
                 for p in r.profiles if p.withdrawn_by(a.today)]
    out: list[Block] = [Heading(f"Khen thưởng ghi nhận trong năm {a.year}", 2)]
    out.append(Bullets(tuple(comm)) if comm else Para("Chưa có khen thưởng nào được ghi nhận."))
    out += [Heading("Gương điển hình tiêu biểu", 2)]
    out.append(Bullets(tuple(feat)) if feat else Para("Chưa có gương nào được chọn tiêu biểu."))
    if withdrawn:
        out += [Heading("Hồ sơ người được giới thiệu đã rút lại sự đồng ý", 2),
                Bullets(tuple(withdrawn))]
    return out


def _closing(a: Annual, rows: tuple[UnitYear, ...], who: str) -> list[Block]:
    lack = [f"{u.name}: thiếu {'; '.join(parts)}." for u, parts in lacking(a)
            if any(r.unit == u for r in rows)]
    return [
        Heading("II. HẠN CHẾ, TỒN TẠI VÀ NGUYÊN NHÂN"),
        Para("Theo số liệu, các đơn vị sau chưa đạt chỉ tiêu:" if lack else
             "Theo số liệu, không có đơn vị nào chưa đạt chỉ tiêu."),
        *([Bullets(tuple(lack))] if lack else []),
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
        Para(f"Thực hiện {plan_citation(a)} về phát hiện, bồi dưỡng, xây dựng và nhân rộng "
             f"các gương điển hình tiên tiến, {publisher.name} báo cáo kết quả giới thiệu "
             f"gương điển hình tiên tiến năm {a.year} như sau:"),
        Heading("I. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Tình hình chung", 2), *_overview(a, rows),
        Heading("2. Kết quả theo đơn vị", 2), _unit_table(rows),
        Para(rubric_text(rows[0].score.rubric) if rows else ""),
        Heading("3. Kết quả theo lĩnh vực", 2), _field_table(a),
        *[Heading(f"{i}. {h.text}", 2) if isinstance(h, Heading) else h
          for i, h in _numbered(_highlights(a, rows), 4)],
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
        out.append(Para(f"{s.label[0].upper()}{s.label[1:]}: {status_text(c)}"
                        f" ({c.count} hồ sơ)."))
    for y in q.years:
        c = q.year_cell(r.unit.id, y)
        out.append(Para(f"Có hồ sơ được công bố trong năm {y}: {status_text(c)}."))
    return out


def unit_report(a: Annual, unit: Unit, publisher: Publisher) -> Document:
    """A unit's own annual evaluation, sent to the Department."""
    rows = tuple(r for r in a.rows if r.unit.id == unit.id)
    r = rows[0]
    mine = [(p, state(p, a.today)) for p in r.profiles]
    body: list[Block] = [
        Para(f"Thực hiện {plan_citation(a)} của {publisher.name} về phát hiện, bồi dưỡng, "
             f"xây dựng và nhân rộng các gương điển hình tiên tiến, {unit.name} báo cáo kết "
             f"quả năm {a.year} như sau:"),
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
          for i, h in _numbered(_highlights(a, rows), 3)],
        *_closing(a, rows, "Đơn vị"),
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


def proposals(a: Annual, office: Unit, publisher: Publisher) -> Document:
    """The Organisation and Legal Office's proposals of commendation, to the Director."""
    rows = tuple(
        (str(i), x.profile.name, KINDS[x.profile.kind].label, x.unit.name,
         x.nomination.form, x.nomination.reason or "")
        for i, x in enumerate(a.proposals, 1))
    body: list[Block] = [
        Para(f"Căn cứ kết quả giới thiệu gương điển hình tiên tiến năm {a.year} của các đơn "
             f"vị và đề xuất của Ban biên tập chuyên mục, {office.name} kính trình Giám đốc Sở "
             "xem xét khen thưởng các gương điển hình tiên tiến sau:"),
        Table(("STT", "Gương điển hình", "Loại", "Đơn vị giới thiệu", "Hình thức đề nghị",
               "Lý do đề nghị"), rows, (0.5, 2.2, 0.9, 2.2, 1.8, 2.2))
        if rows else Para("Chưa có gương điển hình nào được Ban biên tập đề nghị."),
        Para(f"Tổng số: {len(rows)} gương điển hình."),
        Blank("Phòng Tổ chức - Pháp chế bổ sung căn cứ xét khen thưởng, ý kiến của Hội đồng "
              "Thi đua - Khen thưởng Sở (nếu có)."),
        Para("Kính trình Giám đốc Sở xem xét, quyết định./."),
    ]
    return Document(
        parent=publisher.name, issuer=office.name, number=number("TTr", publisher.drafting_office),
        place_date=place_date(publisher.place, a.today.year), kind="TỜ TRÌNH",
        subject=f"Về việc đề nghị khen thưởng gương điển hình tiên tiến năm {a.year}",
        to=(f"Giám đốc {publisher.name}",), body=tuple(body),
        recipients=("Như trên;", "Hội đồng Thi đua - Khen thưởng Sở;",
                    f"Lưu: VT, {publisher.drafting_office}."),
        signer_title="TRƯỞNG PHÒNG", signer_name=blank("Họ và tên người ký"),
        title=f"Tờ trình đề nghị khen thưởng gương điển hình tiên tiến năm {a.year}",
    )
