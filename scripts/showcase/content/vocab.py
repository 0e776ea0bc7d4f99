"""The closed vocabularies of the profile format, with their Vietnamese labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    id: str
    label: str  # Vietnamese, as shown on the site
    letter: str = ""  # the plan's letter for fields: a, b, c, d, đ
    slug: str = ""  # URL segment (ASCII)


KINDS: dict[str, Term] = {
    t.id: t
    for t in (
        Term("individual", "Cá nhân", slug="ca-nhan"),
        Term("collective", "Tập thể", slug="tap-the"),
        Term("household", "Hộ gia đình", slug="ho-gia-dinh"),
    )
}

FIELDS: dict[str, Term] = {
    t.id: t
    for t in (
        Term(
            "party-government-unions",
            "Xây dựng Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể",
            "a",
            "xay-dung-dang-chinh-quyen-doan-the",
        ),
        Term(
            "culture-arts-sports",
            "Văn hóa, nghệ thuật, thể dục thể thao",
            "b",
            "van-hoa-nghe-thuat-the-thao",
        ),
        Term(
            "admin-reform-office-culture",
            "Cải cách hành chính, văn hóa công sở",
            "c",
            "cai-cach-hanh-chinh-van-hoa-cong-so",
        ),
        Term("social-life", "Đời sống xã hội", "d", "doi-song-xa-hoi"),
        Term("provincial-emulation", "Phong trào thi đua của tỉnh", "đ", "phong-trao-thi-dua"),
    )
}

SECTORS: dict[str, Term] = {
    t.id: t
    for t in (
        Term("culture", "Văn hóa", slug="van-hoa"),
        Term("family", "Gia đình", slug="gia-dinh"),
        Term("sports", "Thể dục, thể thao", slug="the-duc-the-thao"),
        Term("tourism", "Du lịch", slug="du-lich"),
    )
}

GROUPS: dict[str, Term] = {
    t.id: t
    for t in (
        Term("department-office", "Phòng chuyên môn thuộc Sở"),
        Term("affiliated", "Đơn vị trực thuộc Sở"),
        Term("district", "Phòng Văn hóa và Thông tin cấp huyện"),
    )
}

SCOPES: dict[str, Term] = {
    t.id: t
    for t in (
        Term("web", "Trang thông tin"),
        Term("social", "Bản tin RSS và mạng xã hội"),
    )
}
