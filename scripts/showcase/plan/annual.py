"""The annual evaluation of the column for one year (figures, and the Markdown summary).

Per unit, for one year: the profiles introduced (counted by their
``introduced`` date, drafts included) and published (published in the year
and on the site that day), the semesters met and missed, the plan's fields
covered by the profiles introduced that year, the commendations of that
year (``commendations`` entries with ``year`` = the year, on the unit's
profiles introduced by the end of that year: a commendation a person
received before being introduced to the column is part of their story, not
a result of the column), its ``featured`` profiles introduced or published
that year, its year-end score and the board's proposals. The profiles are
the world as it was on ``today`` (see :mod:`showcase.plan.asof`). Pure; the
spreadsheets are in :mod:`showcase.plan.sheets`, the official documents in
:mod:`showcase.plan.documents`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from showcase.content.model import Profile, Record
from showcase.content.text import vn_date
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, GROUPS, SECTORS
from showcase.option_values import QuotaPeriod, Rubric
from showcase.plan import proposals, quotas, scoring
from showcase.plan.proposals import SetAside
from showcase.plan.quotas import MET, MISSING, NOT_REQUIRED, REASONS, Cell, Quotas
from showcase.plan.reports import md_escape, periods_text, status_text
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
    score: scoring.Score
    withdrawn: tuple[Profile, ...] = ()  # consent withdrawn in the year (by ``today``)

    @property
    def met(self) -> int:
        return sum(c.status == MET for c in self.semesters)

    @property
    def missed(self) -> int:
        return sum(c.status == MISSING for c in self.semesters)

    @property
    def profiles(self) -> tuple[Profile, ...]:
        """Introduced or published in the year, each once."""
        return tuple(dict.fromkeys((*self.introduced, *self.published)))


@dataclass(frozen=True)
class Annual:
    year: int
    today: dt.date
    department: str
    quotas: Quotas
    rows: tuple[UnitYear, ...]
    proposals: tuple[proposals.Proposal, ...] = ()
    set_aside: tuple[SetAside, ...] = ()  # nominated but not proposable
    plan_issuer: str = ""  # who issued the plan in force, named as then ("" = unknown)


def build(
    units: Iterable[Unit], profiles: Sequence[Profile], periods: Sequence[QuotaPeriod],
    today: dt.date, year: int, department: str = "", rubric: Rubric | None = None,
    plan_issuer: str = "",
) -> Annual:
    """The year's figures; ``profiles`` as they stood on ``today`` (see asof.world)."""
    rubric = rubric or Rubric()
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
            (p for p in mine if p.published and p.published.year == year
             and p.published <= today and p.went_public()),
            key=lambda p: (p.published, p.path)))
        sems = tuple(q.cell(u.id, s) for s in q.semesters)
        yc = q.year_cells.get((u.id, Year(year)))
        featured = tuple(p for p in mine if p.featured and (p in intro or p in pub))
        met = sum(c.status == MET for c in sems)
        missed = sum(c.status == MISSING for c in sems)
        owed = any(c.status != NOT_REQUIRED for c in (*sems, *([yc] if yc else [])))
        rows.append(UnitYear(
            unit=u, introduced=intro, published=pub, semesters=sems, year_cell=yc,
            fields=tuple(sorted({p.field for p in intro}, key=order.index)),
            commendations=tuple((p, r) for p in mine for r in p.commendations
                                if r.year == year and p.introduced.year <= year),
            featured=featured,
            score=scoring.Score(u, year, rubric, met, missed, len(pub), len(featured), owed),
            withdrawn=tuple(p for p in mine
                            if (w := p.withdrawn_by(today)) is not None and w.year == year),
        ))
    ranked = scoring.ranked(r.score for r in rows)
    rows = [dataclasses.replace(r, score=s) for r, s in zip(rows, ranked, strict=True)]
    units_by_id = {u.id: u for u in q.units}
    return Annual(year, today, department, q, tuple(rows),
                  proposals.for_year(profiles, units_by_id, year, today),
                  proposals.set_aside(profiles, units_by_id, year, today), plan_issuer)


# Where a proposal goes, by who grants the form (proposals.DIRECTOR, CHAIRMAN).
ROUTES = {proposals.DIRECTOR: "tờ trình Giám đốc Sở",
          proposals.CHAIRMAN: "đề nghị Sở Nội vụ trình Chủ tịch UBND cấp tỉnh"}


def field_label(fid: str) -> str:
    return f"{FIELDS[fid].letter}) {FIELDS[fid].label}"


def sectors_text(p: Profile) -> str:
    """'Thể dục, thể thao; Văn hóa': labels that hold commas are kept apart by ';'."""
    return "; ".join(SECTORS[s].label for s in p.sectors)


def state(p: Profile, today: dt.date) -> str:
    """Where the profile stands on ``today``, for people (withdrawals with their date)."""
    if p.draft:
        return "bản nháp"
    withdrawn = p.withdrawn_by(today)
    if withdrawn:
        was = (f"đã công bố ngày {vn_date(p.published)}; "
               if p.published and p.published < withdrawn and p.went_public() else "")
        return f"{was}rút lại sự đồng ý ngày {vn_date(withdrawn)}, đã gỡ khỏi trang"
    if p.published is None:
        return "chưa hẹn ngày công bố"
    if p.published > today:
        return f"hẹn công bố ngày {vn_date(p.published)}"
    if not p.is_public(today):
        return "không đăng trên trang (phạm vi đồng ý không gồm trang thông tin)"
    return f"đã công bố ngày {vn_date(p.published)}"


def state_in_year(p: Profile, today: dt.date, year: int) -> str:
    """:func:`state` for the report of ``year``: a withdrawal of a later year is that
    year's event, told in that year's report."""
    withdrawn = p.withdrawn_by(today)
    if withdrawn and withdrawn.year > year and p.consent is not None:
        p = dataclasses.replace(p, consent=dataclasses.replace(p.consent, withdrawn=None))
    return state(p, today)


def why_not_owed(u: Unit, c: Cell) -> str:
    """Why ``u`` owes nothing for ``c``'s semester or year, for people: its dates when
    it closed or opened inside it, else the general reason."""
    if u.active_to is not None and u.active_to < c.end:
        return f"chỉ hoạt động đến ngày {vn_date(u.active_to)}"
    if u.active_from is not None and u.active_from > c.start:
        return f"bắt đầu hoạt động từ ngày {vn_date(u.active_from)}"
    return REASONS.get(c.reason, "không phải thực hiện chỉ tiêu")


def counted_note(a: Annual, key: Semester | Year, rows: Sequence[UnitYear] | None = None
                 ) -> str:
    """Why fewer units count for ``key`` than have a quota in the year ('' if none):
    'Kỳ này chỉ tính 6 đơn vị: 11 Phòng Văn hóa và Thông tin cấp huyện chỉ hoạt động
    đến ngày 30/06/2025, nên không phải thực hiện chỉ tiêu kỳ này.'"""
    q = a.quotas
    owed = [r for r in (a.rows if rows is None else rows) if r.score.owed]
    cells = [(r.unit, q.cell(r.unit.id, key) if isinstance(key, Semester)
              else q.year_cell(r.unit.id, key)) for r in owed]
    left = [(u, c) for u, c in cells if not c.required]
    if not left:
        return ""
    by_why: dict[str, list[Unit]] = {}
    for u, c in left:
        by_why.setdefault(why_not_owed(u, c), []).append(u)
    parts = []
    for why, units in by_why.items():
        groups = {u.group for u in units}
        who = (units[0].name if len(units) == 1 else
               f"{len(units)} {GROUPS[units[0].group].label}" if len(groups) == 1 else
               f"{len(units)} đơn vị")
        parts.append(f"{who} {why}")
    span = "Kỳ này" if isinstance(key, Semester) else "Năm này"
    return (f"{span} chỉ tính {len(owed) - len(left)} đơn vị: {'; '.join(parts)}, nên không "
            f"phải thực hiện chỉ tiêu {span.lower()}.")


def half_text(r: UnitYear, half: int) -> str:
    cells = [c for c in r.semesters if isinstance(c.key, Semester) and c.key.half == half]
    if not cells:
        return "chưa tính chỉ tiêu"
    c = cells[0]
    return status_text(c) + (f" ({c.count})" if c.count else "")


def title(a: Annual) -> str:
    return f"Báo cáo kết quả giới thiệu gương điển hình tiên tiến năm {a.year}"


def owed_rows(a: Annual) -> list[UnitYear]:
    return [r for r in a.rows if any(c.required for c in r.semesters)
            or (r.year_cell and r.year_cell.required)]


def lacking(a: Annual) -> list[tuple[Unit, list[str]]]:
    """Units short of a quota this year, with what they missed."""
    out = []
    for r in a.rows:
        parts = [c.key.label for c in r.semesters if c.status == MISSING]
        if r.year_cell and r.year_cell.status == MISSING:
            parts.append("chưa có hồ sơ được công bố trong năm")
        if parts:
            out.append((r.unit, parts))
    return out


def notes(a: Annual) -> list[str]:
    return [
        title(a),
        a.department,
        f"Số liệu tính đến ngày {vn_date(a.today)}.",
        *periods_text(a.quotas.periods, [a.year]),
        "Hồ sơ được tính cho kỳ 6 tháng của ngày giới thiệu (kể cả khi chưa công bố).",
        "Đơn vị hoạt động dưới 30 ngày trong một kỳ thì không phải thực hiện chỉ tiêu kỳ đó.",
        "Hồ sơ công bố trong năm: có ngày công bố trong năm, đã đến ngày, không phải bản nháp "
        "và được đăng trên trang vào ngày đó (người được giới thiệu rút lại sự đồng ý sau đó "
        "thì hồ sơ vẫn được tính cho năm đã công bố).",
        f"Khen thưởng: các khen thưởng ghi năm {a.year} trong hồ sơ được giới thiệu "
        f"đến hết năm {a.year}.",
    ]


def markdown(a: Annual) -> str:
    """The summary the office reads first (and pastes into its report)."""
    rows = a.rows
    lines = [f"# {title(a)}", ""]
    lines += [(f"{a.department}. " if a.department else "")
              + f"Số liệu tính đến ngày {vn_date(a.today)}."]
    lines += ["", "## Tổng quan", ""]
    lines += [f"- {t}" for t in periods_text(a.quotas.periods, [a.year])]
    lines += [
        f"- Số đơn vị có chỉ tiêu trong năm: {len(owed_rows(a))}",
        f"- Hồ sơ được giới thiệu trong năm: {sum(len(r.introduced) for r in rows)}; "
        f"được công bố trong năm: {sum(len(r.published) for r in rows)}",
    ]
    q = a.quotas
    for s in q.semesters:
        n = sum(1 for r in rows if q.cell(r.unit.id, s).required)
        note = counted_note(a, s)
        lines.append(f"- {s.label[0].upper() + s.label[1:]}: {q.count(MET, s)}/{n} đơn vị đạt, "
                     f"{q.count(MISSING, s)} đơn vị thiếu" + (f". {note}" if note else ""))
    for y in q.years:
        n = sum(1 for r in rows if q.year_cell(r.unit.id, y).required)
        lines.append(f"- Có hồ sơ được công bố trong năm: {q.count(MET, y)}/{n} đơn vị đạt, "
                     f"{q.count(MISSING, y)} đơn vị thiếu")
    counts = {f: sum(f in r.fields for r in rows) for f in FIELDS}
    lines.append("- Lĩnh vực có gương điển hình (số đơn vị): " + "; ".join(
        f"{field_label(f)} ({n})" for f, n in counts.items()))
    lines += ["", "## Đơn vị chưa đạt chỉ tiêu", ""]
    lines += [f"- {md_escape(u.name)}: thiếu " + "; ".join(parts) for u, parts in lacking(a)
              ] or ["Không có đơn vị nào thiếu chỉ tiêu."]
    lines += ["", "## Chi tiết theo đơn vị", "",
              "| Đơn vị | Giới thiệu | Công bố | 6 tháng đầu | 6 tháng cuối | Công bố trong năm "
              "| Lĩnh vực | Khen thưởng | Tiêu biểu | Điểm |",
              "|---|---:|---:|---|---|---|---|---:|---|---:|"]
    for r in rows:
        yc = r.year_cell
        lines.append("| " + " | ".join([
            md_escape(r.unit.name), str(len(r.introduced)), str(len(r.published)),
            half_text(r, 1), half_text(r, 2), status_text(yc) if yc else "không yêu cầu",
            ", ".join(FIELDS[f].letter for f in r.fields) or "–", str(len(r.commendations)),
            md_escape(", ".join(p.name for p in r.featured)) or "–",
            scoring.points(r.score.total),
        ]) + " |")
    lines += ["", f"## Khen thưởng ghi nhận năm {a.year}", ""]
    lines += [f"- {md_escape(r.unit.name)} — {md_escape(p.name)}: {md_escape(rec.text)}"
              for r in rows for p, rec in r.commendations
              ] or ["Chưa có khen thưởng nào được ghi nhận."]
    featured = [(r.unit, p) for r in rows for p in r.featured]
    lines += ["", "## Gương điển hình tiêu biểu", ""]
    lines += [f"- {md_escape(p.name)} ({md_escape(u.name)})" for u, p in featured] or [
        "Không có hồ sơ nào được chọn là tiêu biểu."]
    lines += ["", f"## Đề nghị khen thưởng năm {a.year}", ""]
    lines += [f"- {md_escape(x.profile.name)} ({md_escape(x.unit.name)}): "
              f"{md_escape(x.nomination.form)} ({ROUTES[x.grantor]})" for x in a.proposals
              ] or ["Ban biên tập chưa đề nghị khen thưởng hồ sơ nào."]
    if a.set_aside:
        lines += ["", "Không đưa vào đề nghị khen thưởng:", ""]
        lines += [f"- {md_escape(x.profile.name)} ({md_escape(x.unit.name)}): {x.reason}"
                  for x in a.set_aside]
    lines += ["", "Lĩnh vực: " + "; ".join(field_label(f) for f in FIELDS) + "."]
    return "\n".join(lines) + "\n"
