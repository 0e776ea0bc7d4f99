"""Per-kind wording of listings and sections, in one table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from showcase.content.text import vn_date
from showcase.publish.pages.listings import Listing

SAMPLE_NOTICE = (
    "Đây là hồ sơ mẫu, minh họa cách chuyên mục trình bày một gương điển hình; "
    "tên người, tên tập thể là tên giả định."
)

def preview_reason(pending: str, published: dt.date | None) -> str:
    """Why a profile shown in a preview build is not on the public site yet."""
    if pending == "draft":
        return "Hồ sơ đang là bản nháp (draft: true)."
    if pending == "scheduled" and published is not None:
        return f"Hồ sơ được hẹn công bố ngày {vn_date(published)}."
    return "Hồ sơ chưa được Ban biên tập duyệt công bố (chưa có ngày công bố 'published')."


@dataclass(frozen=True)
class Wording:
    section_intro: str  # the section's index page
    heading: str  # a listing's heading; {title}, {letter}, {key} filled in
    intro: str  # a listing's lead paragraph


WORDING: dict[str, Wording] = {
    "field": Wording(
        "Năm lĩnh vực theo kế hoạch phát hiện, bồi dưỡng, nhân rộng gương điển hình tiên "
        "tiến của Sở.",
        "{letter}) {title}",
        "Gương điển hình tiên tiến trong lĩnh vực {letter}) {title}."),
    "sector": Wording(
        "Gương điển hình theo ngành: văn hóa, gia đình, thể dục thể thao và du lịch.",
        "Ngành {title}",
        "Gương điển hình tiên tiến của ngành {title}."),
    "unit": Wording(
        "Gương điển hình theo đơn vị đã giới thiệu.",
        "{title}",
        "Gương điển hình tiên tiến do {title} giới thiệu."),
    "kind": Wording(
        "Gương điển hình là cá nhân, tập thể hoặc hộ gia đình.",
        "{title}",
        "Gương điển hình tiên tiến là {lower}."),
    "movement": Wording(
        "Gương điển hình theo phong trào thi đua được nêu trong hồ sơ.",
        "Phong trào “{title}”",
        "Gương điển hình tiên tiến trong phong trào “{title}”."),
    "year": Wording(
        "Các gương điển hình theo năm và sáu tháng công bố.",
        "{title}",
        "Gương điển hình tiên tiến được công bố trong năm {key}."),
}


def _fill(template: str, li: Listing) -> str:
    return template.format(title=li.title, letter=li.letter, key=li.key,
                           lower=li.title.lower())


def heading(li: Listing) -> str:
    return _fill(WORDING[li.kind].heading, li)


def intro(li: Listing) -> str:
    return _fill(WORDING[li.kind].intro, li)
