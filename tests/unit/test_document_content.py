"""What the official documents say and to whom, on hand-made data (pure functions)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from test_reports import prof  # the same minimal profile as the report tests

from showcase.content.model import Nomination, Profile
from showcase.content.units import Unit
from showcase.content.vocab import grantor_of_form
from showcase.option_values import DEFAULT_PERIODS, Publisher
from showcase.plan import annual, proposals
from showcase.plan.documents import commendations, official
from showcase.plan.documents.model import Bullets, Document, Para, Table

D = dt.date
TODAY = D(2026, 1, 15)
CAN_THO = Publisher("Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ",
                    "Ủy ban nhân dân thành phố Cần Thơ", "Cần Thơ", "SVHTTDL",
                    home_affairs="Sở Nội vụ thành phố Cần Thơ")
UNITS = [
    Unit("vhtt-a", "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu", "district", True,
         None, D(2025, 6, 30), (), 1),
    Unit("tt-b", "Trung tâm Văn hóa - Nghệ thuật tỉnh", "affiliated", True, None, None, (), 2),
    Unit("to-chuc-phap-che", "Phòng Tổ chức - Pháp chế", "department-office", False, None,
         None, (), 3),
]
BY_ID = {u.id: u for u in UNITS}


def uncited(text: str) -> str:
    """``text`` without the plan's number and date ('Kế hoạch số ... ngày ... của'), which
    the layout cites (or leaves blank): what is tested here is who issued the plan."""
    text = re.sub(r"Kế hoạch số .+? ngày .+? của ", "Kế hoạch của ", text)
    return re.sub(r"Kế hoạch số .+? ngày .+? về ", "Kế hoạch ", text)


def texts(d: Document) -> str:
    out = []
    for b in d.body:
        if isinstance(b, Para):
            out.append(b.text)
        elif isinstance(b, Bullets):
            out += b.items
        elif isinstance(b, Table):
            out += [" | ".join(r) for r in b.rows]
    return "\n".join(out)


DIRECTOR_FORM = Nomination(2025, "Giấy khen của Giám đốc Sở", None, "director")
CHAIRMAN_FORM = Nomination(2025, "Bằng khen của Chủ tịch UBND tỉnh", "Nhiều năm liền",
                           "chairman")


# -- who grants a form -----------------------------------------------------------------

@pytest.mark.parametrize(("form", "grantor"), [
    ("Giấy khen của Giám đốc Sở", "director"),
    ("giay khen cua giam doc so", "director"),
    ("Chiến sĩ thi đua cơ sở", "director"),
    ("Bằng khen của Chủ tịch UBND tỉnh", "chairman"),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng", "chairman"),
    ("Chiến sĩ thi đua cấp tỉnh", "chairman"),
    # A district chairman's, or "thành phố" that may be a district-level city: unknown.
    ("Giấy khen của Chủ tịch UBND huyện Cù Lao Dung", None),
    ("Bằng khen của Chủ tịch UBND thành phố", None),
    ("Bằng khen", None),
    ("Giấy khen của Giám đốc Sở, Bằng khen của Chủ tịch UBND tỉnh", None),  # both
])
def test_grantor_named_by_the_form(form: str, grantor: str | None) -> None:
    assert grantor_of_form(form) == grantor


# -- who is proposed -------------------------------------------------------------------

def test_draft_and_withdrawn_are_set_aside_with_the_reason() -> None:
    ok = prof("vhtt-a", "nguyen-van-a", D(2025, 2, 1), D(2025, 3, 1), nominated=DIRECTOR_FORM)
    draft = prof("tt-b", "tap-the-c", D(2025, 3, 1), kind="collective", consent=None,
                 draft=True, nominated=DIRECTOR_FORM)
    gone = prof("tt-b", "tran-thi-b", D(2025, 1, 5), D(2025, 1, 20), nominated=CHAIRMAN_FORM)
    gone = dataclasses.replace(gone, consent=dataclasses.replace(
        gone.consent, withdrawn=D(2025, 11, 3)))  # type: ignore[arg-type]
    every = [ok, draft, gone]
    assert [x.profile for x in proposals.for_year(every, BY_ID, 2025, TODAY)] == [ok]
    aside = proposals.set_aside(every, BY_ID, 2025, TODAY)
    assert [(x.profile, x.reason) for x in aside] == [
        (draft, "hồ sơ còn là bản nháp"),
        (gone, "người được giới thiệu đã rút lại sự đồng ý ngày 03/11/2025")]
    # Before the withdrawal, she was proposable.
    before = D(2025, 10, 1)
    assert gone in [x.profile for x in proposals.for_year(every, BY_ID, 2025, before)]


def test_one_document_per_recipient_each_in_its_form() -> None:
    a_dir = prof("vhtt-a", "nguyen-van-a", D(2025, 2, 1), D(2025, 3, 1),
                 nominated=DIRECTOR_FORM)
    a_chair = prof("tt-b", "le-van-c", D(2025, 4, 1), D(2025, 5, 1), nominated=CHAIRMAN_FORM)
    a_hh = prof("tt-b", "ho-ong-d", D(2025, 4, 2), D(2025, 5, 2), kind="household",
                name="Hộ gia đình ông D", nominated=CHAIRMAN_FORM)
    ann = annual.build(UNITS, [a_dir, a_chair, a_hh], DEFAULT_PERIODS, TODAY, 2025)
    assert commendations.recipients_of(ann) == ("director", "chairman")

    from showcase.plan import sheets

    col = sheets.PROPOSAL_HEADER.index("Cấp khen thưởng")
    assert {r[1]: r[col] for r in sheets.proposal_rows(ann)} == {
        "Nguyen Van A": "Giám đốc Sở", "Le Van C": "Chủ tịch UBND cấp tỉnh",
        "Hộ gia đình ông D": "Chủ tịch UBND cấp tỉnh"}
    md = annual.markdown(ann)
    assert "Le Van C (Trung tâm Văn hóa - Nghệ thuật tỉnh): Bằng khen của Chủ tịch UBND tỉnh " \
           "(đề nghị Sở Nội vụ trình Chủ tịch UBND cấp tỉnh)" in md

    to_director = commendations.proposals(ann, BY_ID["to-chuc-phap-che"], CAN_THO)
    assert to_director.to == ("Giám đốc Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ",)
    assert to_director.issuer == "Phòng Tổ chức - Pháp chế"
    assert to_director.signer_title == "TRƯỞNG PHÒNG"
    body = texts(to_director)
    assert "Nguyen Van A" in body and "Le Van C" not in body
    assert "Tổng số: 1 gương điển hình (1 cá nhân)." in body

    to_home = commendations.proposals_home_affairs(ann, CAN_THO)
    assert to_home.to == ("Sở Nội vụ thành phố Cần Thơ",)
    assert (to_home.parent, to_home.issuer) == (CAN_THO.parent, CAN_THO.name)
    assert to_home.signer_title == "GIÁM ĐỐC" and to_home.number == "Số:        /TTr-SVHTTDL"
    assert to_home.subject == ("Về việc đề nghị Chủ tịch Ủy ban nhân dân thành phố Cần Thơ "
                               "khen thưởng gương điển hình tiên tiến năm 2025")
    body = texts(to_home)
    assert "Nguyen Van A" not in body and "Le Van C" in body and "Hộ gia đình ông D" in body
    assert "Tổng số: 2 gương điển hình (1 cá nhân, 1 hộ gia đình)." in body
    assert body.endswith("kính đề nghị Sở Nội vụ thành phố Cần Thơ xem xét, trình Chủ tịch "
                         "Ủy ban nhân dân thành phố Cần Thơ quyết định./.")


def test_a_year_without_proposals_says_so_to_the_director_only() -> None:
    ann = annual.build(UNITS, [], DEFAULT_PERIODS, TODAY, 2025)
    assert commendations.recipients_of(ann) == ("director",)
    doc = commendations.proposals(ann, BY_ID["to-chuc-phap-che"], CAN_THO)
    assert "Chưa có gương điển hình nào được Ban biên tập đề nghị." in texts(doc)
    only_chair = prof("tt-b", "le-van-c", D(2025, 4, 1), D(2025, 5, 1), nominated=CHAIRMAN_FORM)
    ann = annual.build(UNITS, [only_chair], DEFAULT_PERIODS, TODAY, 2025)
    assert commendations.recipients_of(ann) == ("chairman",)


def test_chairman_of_the_governing_body() -> None:
    assert commendations.chairman_of(CAN_THO) == "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ"
    assert commendations.chairman_of(Publisher("Sở X")) == "Chủ tịch Ủy ban nhân dân tỉnh"


# -- unit reports ----------------------------------------------------------------------

def test_plan_cited_under_its_issuer_when_issued() -> None:
    from showcase.options import Options

    sample = {"publishers": [
        {"name": "Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng", "to": D(2025, 6, 30)},
        {"name": CAN_THO.name, "from": D(2025, 7, 1)}]}
    plan = {"name": "Kế hoạch 2022-2025", "start": D(2022, 1, 1), "end": D(2025, 12, 31)}
    o = Options.from_mapping({**sample, "quota_periods": [plan]})
    # Unset: the publisher on the plan's first day.
    assert o.plan_issuer(2025) == "Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng"
    o = Options.from_mapping({**sample, "quota_periods": [{**plan, "issued_by": "Sở  X"}]})
    assert o.plan_issuer(2024) == "Sở X"
    assert o.plan_issuer(2027) == CAN_THO.name  # no plan that year: the publisher then

    a = prof("vhtt-a", "nguyen-van-a", D(2025, 2, 1), D(2025, 3, 1))
    ann = annual.build(UNITS, [a], DEFAULT_PERIODS, TODAY, 2025,
                       plan_issuer="Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng")
    own = uncited(texts(official.unit_report(ann, UNITS[0], CAN_THO)))
    assert own.startswith("Thực hiện Kế hoạch của Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc "
                          "Trăng về phát hiện, bồi dưỡng, xây dựng và nhân rộng các gương điển "
                          "hình tiên tiến, Phòng Văn hóa và Thông tin thị xã Vĩnh Châu báo cáo")
    assert own.endswith("Trên đây là báo cáo kết quả giới thiệu gương điển hình tiên tiến năm "
                        "2025 của Phòng Văn hóa và Thông tin thị xã Vĩnh Châu./.")
    dept = uncited(texts(official.department_report(ann, CAN_THO)))
    assert dept.startswith("Thực hiện Kế hoạch của Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc "
                           "Trăng về phát hiện")
    same = dataclasses.replace(ann, plan_issuer=CAN_THO.name)  # not renamed since
    assert uncited(texts(official.department_report(same, CAN_THO))).startswith(
        "Thực hiện Kế hoạch phát hiện, bồi dưỡng, xây dựng và nhân rộng các gương điển hình "
        "tiên tiến, Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ báo cáo")


def test_shortfall_worded_for_one_unit_or_several() -> None:
    # 2025 H1: vhtt-a met it; tt-b introduced nothing.
    a = prof("vhtt-a", "nguyen-van-a", D(2025, 2, 1), D(2025, 3, 1))
    ann = annual.build(UNITS, [a], DEFAULT_PERIODS, TODAY, 2025)
    dept = texts(official.department_report(ann, CAN_THO))
    assert "Theo số liệu, đơn vị sau chưa đạt chỉ tiêu:" in dept
    assert "các đơn vị sau" not in dept
    b = prof("tt-b", "le-van-c", D(2024, 2, 1), D(2024, 3, 1))
    two = annual.build([*UNITS, dataclasses.replace(UNITS[1], id="tt-c", name="Thư viện",
                                                     line=4)],
                       [a, b], DEFAULT_PERIODS, TODAY, 2025)
    assert "Theo số liệu, các đơn vị sau chưa đạt chỉ tiêu:" in texts(
        official.department_report(two, CAN_THO))
    mine = texts(official.unit_report(ann, UNITS[1], CAN_THO))
    assert ("Theo số liệu, đơn vị chưa đạt chỉ tiêu: thiếu 6 tháng đầu năm 2025; 6 tháng cuối "
            "năm 2025; chưa có hồ sơ được công bố trong năm.") in mine
    assert "Theo số liệu, đơn vị đã đạt các chỉ tiêu trong năm." in texts(
        official.unit_report(ann, UNITS[0], CAN_THO))
    assert "Trong năm, đơn vị không có chỉ tiêu phải thực hiện." in texts(
        official.unit_report(ann, UNITS[2], CAN_THO))


@pytest.mark.parametrize(("year", "says"), [
    (2026, "chỉ hoạt động đến ngày 30/06/2025 (active_to trong profiles/units.yml), nên "
           "không có báo cáo năm 2026 dưới tên đơn vị này. Chọn năm 2025 trở về trước."),
    (2025, None), (2024, None),
])
def test_a_unit_outside_its_dates_has_no_report(year: int, says: str | None) -> None:
    got = official.unit_inactive(UNITS[0], year)
    assert got == (None if says is None else f"{UNITS[0].name} {says}")
    later = dataclasses.replace(UNITS[1], active_from=D(2025, 7, 1))
    assert official.unit_inactive(later, 2024) == (
        f"{later.name} bắt đầu hoạt động từ ngày 01/07/2025 (active_from trong "
        "profiles/units.yml), nên chưa có báo cáo năm 2024. Chọn năm 2025 trở về sau.")
    assert official.unit_inactive(later, 2025) is None


# -- content: withdrawals in their own year, counts explained ---------------------------

def _withdrawn(p: Profile, day: dt.date) -> Profile:
    assert p.consent is not None
    return dataclasses.replace(p, consent=dataclasses.replace(p.consent, withdrawn=day))


def test_a_withdrawal_is_told_in_its_own_year_by_count_outside() -> None:
    b = _withdrawn(prof("vhtt-a", "tran-thi-b", D(2024, 3, 12), D(2024, 4, 1),
                        name="Trần Thị B"), D(2025, 2, 14))
    c = prof("tt-b", "le-van-c", D(2025, 2, 1), D(2025, 3, 1))
    y2024 = annual.build(UNITS, [b, c], DEFAULT_PERIODS, TODAY, 2024)
    y2025 = annual.build(UNITS, [b, c], DEFAULT_PERIODS, TODAY, 2025)
    assert "rút lại" not in texts(official.department_report(y2024, CAN_THO))
    mine_2024 = texts(official.unit_report(y2024, UNITS[0], CAN_THO))
    assert "Trần Thị B" in mine_2024 and "rút lại" not in mine_2024
    assert "đã công bố ngày 01/04/2024" in mine_2024
    dept = texts(official.department_report(y2025, CAN_THO))
    assert ("Trong năm 2025, 1 người được giới thiệu đã rút lại sự đồng ý xử lý dữ liệu cá "
            "nhân; hồ sơ không còn được đăng trên chuyên mục.") in dept
    assert "Trần Thị B" not in dept  # sent outside the Department: a count, no name
    # The unit's own report, to the Department, names her in the year of the event.
    assert ("Trần Thị B (Phòng Văn hóa và Thông tin thị xã Vĩnh Châu): đã công bố ngày "
            "01/04/2024; rút lại sự đồng ý ngày 14/02/2025, đã gỡ khỏi trang") in texts(
        official.unit_report(y2025, UNITS[0], CAN_THO))
    # Before the withdrawal happened, the 2025 report has nothing to tell.
    early = annual.build(UNITS, [b, c], DEFAULT_PERIODS, D(2025, 1, 31), 2025)
    assert "rút lại" not in texts(official.department_report(early, CAN_THO))


def test_why_fewer_units_count_in_a_semester() -> None:
    a = prof("vhtt-a", "nguyen-van-a", D(2025, 2, 1), D(2025, 3, 1))
    ann = annual.build(UNITS, [a], DEFAULT_PERIODS, TODAY, 2025)
    dept = texts(official.department_report(ann, CAN_THO))
    assert "6 tháng đầu năm 2025: 1/2 đơn vị đạt chỉ tiêu, 1 đơn vị chưa đạt.\n" in dept
    assert ("6 tháng cuối năm 2025: 0/1 đơn vị đạt chỉ tiêu, 1 đơn vị chưa đạt. Kỳ này chỉ "
            "tính 1 đơn vị: Phòng Văn hóa và Thông tin thị xã Vĩnh Châu chỉ hoạt động đến ngày "
            "30/06/2025, nên không phải thực hiện chỉ tiêu kỳ này.") in dept
    own = texts(official.unit_report(ann, UNITS[0], CAN_THO))
    assert ("6 tháng cuối năm 2025: không yêu cầu: chỉ hoạt động đến ngày 30/06/2025 "
            "(0 hồ sơ).") in own
    districts = [dataclasses.replace(UNITS[0], id=f"d{i}", name=f"Phòng Văn hóa và Thông tin "
                                     f"huyện {i}", line=10 + i) for i in range(3)]
    ann = annual.build([*UNITS, *districts], [a], DEFAULT_PERIODS, TODAY, 2025)
    assert annual.counted_note(ann, ann.quotas.semesters[1]) == (
        "Kỳ này chỉ tính 1 đơn vị: 4 Phòng Văn hóa và Thông tin cấp huyện chỉ hoạt động đến "
        "ngày 30/06/2025, nên không phải thực hiện chỉ tiêu kỳ này.")
    assert annual.counted_note(ann, ann.quotas.semesters[0]) == ""
    assert "Kỳ này chỉ tính 1 đơn vị: 4 Phòng" in annual.markdown(ann)


def test_total_of_the_table_by_field_is_distinct_units_and_says_so() -> None:
    two_fields = [prof("tt-b", "le-van-c", D(2025, 2, 1), D(2025, 3, 1)),
                  prof("tt-b", "le-van-d", D(2025, 8, 1), field="social-life")]
    ann = annual.build(UNITS, two_fields, DEFAULT_PERIODS, TODAY, 2025)
    doc = official.department_report(ann, CAN_THO)
    table = next(b for b in doc.body if isinstance(b, Table) and b.header[0] == "Lĩnh vực")
    assert sum(int(r[2]) for r in table.rows) == 2 and table.total == ("Cộng", "2", "1")
    assert ("dòng \"Cộng\" đếm mỗi đơn vị một lần (1 đơn vị), nên nhỏ hơn tổng của cột (2) "
            "vì có đơn vị giới thiệu gương ở nhiều lĩnh vực.") in texts(doc)
