"""The proposals of commendation, one document per recipient (the plan, II.4; pure).

Who grants the form decides where a proposal goes: the Organisation and
Legal Office submits the Director's certificates (Giấy khen của Giám đốc Sở)
to the Director, in a Tờ trình signed by its head; the Department asks the
Department of Home Affairs to submit the Chairman's commendations to the
Chairman of the Provincial People's Committee, in a Tờ trình signed by the
Director. Drafts and withdrawn consents were set aside by
:mod:`showcase.plan.proposals`; :func:`set_aside_notes` tells the office.
"""

from __future__ import annotations

from showcase.content.units import Unit
from showcase.content.vocab import KINDS
from showcase.option_values import Publisher
from showcase.plan.annual import Annual
from showcase.plan.documents.model import Blank, Block, Document, Para, Table, blank
from showcase.plan.documents.official import number, place_date
from showcase.plan.proposals import CHAIRMAN, DIRECTOR, Proposal, to


def _proposal_table(chosen: tuple[Proposal, ...]) -> Table:
    rows = tuple(
        (str(i), x.profile.name, KINDS[x.profile.kind].label, x.unit.name,
         x.nomination.form, x.nomination.reason or "")
        for i, x in enumerate(chosen, 1))
    return Table(("STT", "Gương điển hình", "Loại", "Đơn vị giới thiệu", "Hình thức đề nghị",
                  "Lý do đề nghị"), rows, (0.5, 2.2, 0.9, 2.2, 1.8, 2.2))


def _kinds_text(chosen: tuple[Proposal, ...]) -> str:
    """'2 cá nhân, 1 tập thể' (kinds in the format's order, those present)."""
    return ", ".join(f"{n} {KINDS[k].label.lower()}" for k in KINDS
                     if (n := sum(x.profile.kind == k for x in chosen)))


def _these(chosen: tuple[Proposal, ...]) -> str:
    return ("gương điển hình tiên tiến sau" if len(chosen) == 1 else
            "các gương điển hình tiên tiến sau")


def chairman_of(publisher: Publisher) -> str:
    """'Chủ tịch Ủy ban nhân dân thành phố Cần Thơ': the head of the governing body."""
    parent = publisher.parent
    if parent.startswith(("Ủy ban nhân dân", "UBND")):
        return f"Chủ tịch {parent}"
    return "Chủ tịch Ủy ban nhân dân tỉnh"


def recipients_of(a: Annual) -> tuple[str, ...]:
    """Who gets a proposal this year (proposals.DIRECTOR, CHAIRMAN): each grantor with a
    case; the Director alone in a year without any, to say so."""
    found = tuple(g for g in (DIRECTOR, CHAIRMAN) if to(a.proposals, g))
    return found or (DIRECTOR,)


def proposals(a: Annual, office: Unit, publisher: Publisher) -> Document:
    """The Organisation and Legal Office's proposals of the Director's commendations
    (Giấy khen của Giám đốc Sở), submitted to the Director."""
    chosen = to(a.proposals, DIRECTOR)
    body: list[Block] = [
        Para(f"Căn cứ kết quả giới thiệu gương điển hình tiên tiến năm {a.year} của các đơn "
             f"vị và đề xuất của Ban biên tập chuyên mục, {office.name} kính trình Giám đốc Sở "
             f"xem xét khen thưởng {_these(chosen)}:"),
        _proposal_table(chosen)
        if chosen else Para("Chưa có gương điển hình nào được Ban biên tập đề nghị."),
        Para(f"Tổng số: {len(chosen)} gương điển hình"
             + (f" ({_kinds_text(chosen)})." if chosen else ".")),
        Blank("Phòng Tổ chức - Pháp chế bổ sung căn cứ xét khen thưởng, ý kiến của Hội đồng "
              "Thi đua - Khen thưởng Sở (nếu có)."),
        Para("Kính trình Giám đốc Sở xem xét, quyết định./."),
    ]
    return Document(
        parent=publisher.name, issuer=office.name,
        number=number("TTr", publisher.drafting_office),
        place_date=place_date(publisher.place, a.today.year), kind="TỜ TRÌNH",
        subject=f"Về việc đề nghị khen thưởng gương điển hình tiên tiến năm {a.year}",
        to=(f"Giám đốc {publisher.name}",), body=tuple(body),
        recipients=("Như trên;", "Hội đồng Thi đua - Khen thưởng Sở;",
                    f"Lưu: VT, {publisher.drafting_office}."),
        signer_title="TRƯỞNG PHÒNG", signer_name=blank("Họ và tên người ký"),
        title=f"Tờ trình đề nghị khen thưởng gương điển hình tiên tiến năm {a.year}",
    )


def proposals_home_affairs(a: Annual, publisher: Publisher) -> Document:
    """The Department's proposals of the Chairman's commendations, to the Department
    of Home Affairs for submission to the Chairman (the plan, II.4); signed by the
    Director. A document sent outside the Department: no word of withdrawals."""
    chosen = to(a.proposals, CHAIRMAN)
    home, chairman = publisher.home_affairs, chairman_of(publisher)
    body: list[Block] = [
        Para(f"Căn cứ kết quả phát hiện, bồi dưỡng, xây dựng và nhân rộng gương điển hình "
             f"tiên tiến năm {a.year}, {publisher.name} kính đề nghị {home} xem xét, trình "
             f"{chairman} khen thưởng {_these(chosen)}:"),
        _proposal_table(chosen),
        Para(f"Tổng số: {len(chosen)} gương điển hình ({_kinds_text(chosen)})."),
        Blank("Bổ sung căn cứ đề nghị khen thưởng, ý kiến của Hội đồng Thi đua - Khen thưởng "
              "Sở và hồ sơ kèm theo (báo cáo thành tích của từng gương điển hình)."),
        Para(f"{publisher.name} kính đề nghị {home} xem xét, trình {chairman} "
             "quyết định./."),
    ]
    return Document(
        parent=publisher.parent, issuer=publisher.name,
        number=number("TTr", publisher.symbol),
        place_date=place_date(publisher.place, a.today.year), kind="TỜ TRÌNH",
        subject=f"Về việc đề nghị {chairman} khen thưởng gương điển hình tiên tiến "
                f"năm {a.year}",
        to=(home,), body=tuple(body),
        recipients=("Như trên;", "Giám đốc, các Phó Giám đốc Sở;",
                    f"Lưu: VT, {publisher.drafting_office}."),
        signer_title=publisher.signer, signer_name=blank("Họ và tên người ký"),
        address=publisher.address,
        title=f"Tờ trình đề nghị {chairman} khen thưởng gương điển hình tiên tiến "
              f"năm {a.year}",
    )


def set_aside_notes(a: Annual) -> list[str]:
    """For the office (stderr): nominations of the year left out of the proposals, why."""
    return [f"{x.profile.name} ({x.unit.name}, {x.profile.path}): không đưa vào đề nghị khen "
            f"thưởng năm {a.year} vì {x.reason}." for x in a.set_aside]
