"""The closed vocabularies of the profile format, with their Vietnamese labels."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from showcase.content.text import ascii_fold


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


# Who grants a form of commendation, so who a proposal goes to (the plan, II.4): the
# Director's certificate is the Department's own; the Chairman's is asked of the
# Department of Home Affairs, which submits it to the Chairman.
GRANTORS: dict[str, Term] = {
    t.id: t
    for t in (
        Term("director", "Giám đốc Sở"),
        Term("chairman", "Chủ tịch UBND cấp tỉnh"),
    )
}

# Words of a form that name its grantor (folded, lower case). "thành phố" alone may be
# a district-level city ("thành phố Sóc Trăng"): such a form needs ``grantor`` written.
_GRANTED_BY = (
    ("director", ("giam doc so", "chien si thi dua co so")),
    ("chairman", ("chu tich ubnd tinh", "chu tich uy ban nhan dan tinh", "cap tinh")),
)


def grantor_of_form(form: str) -> str | None:
    """The grantor a form's own words name ('Bằng khen của Chủ tịch UBND tỉnh' ->
    'chairman'); None when they name none, or both."""
    folded = " ".join(ascii_fold(form.lower()).replace(",", " ").replace(".", " ").split())
    found = {g for g, words in _GRANTED_BY if any(w in folded for w in words)}
    return found.pop() if len(found) == 1 else None


# Vietnamese words editors write for a sector, besides its label ("Thể dục, thể thao").
SECTOR_WORDS = {"the thao": "sports", "the duc the thao": "sports", "tdtt": "sports"}


def resolve(text: str, terms: Mapping[str, Term]) -> str | None:
    """The id of a term written as its id, URL slug, the plan's letter (fields) or its
    Vietnamese label, with or without diacritics and in any case; None otherwise.

    The letters are compared before folding, so 'đ' and 'd' stay two fields.
    """
    t = " ".join(text.split())
    if t in terms:
        return t
    low = t.lower()
    for term in terms.values():
        if low and low in (term.slug, term.letter, term.letter + ")"):
            return term.id
    folded = " ".join(ascii_fold(low).replace(",", " ").split())
    for term in terms.values():
        label = " ".join(ascii_fold(term.label).lower().replace(",", " ").split())
        if folded and folded in (label, term.slug.replace("-", " ")):
            return term.id
    if set(terms) == set(SECTORS):
        return SECTOR_WORDS.get(folded)
    return None


def choices_text(terms: Mapping[str, Term]) -> str:
    """'individual (Cá nhân), collective (Tập thể), ...' for hints."""
    return ", ".join(
        f"{t.id} ({t.letter + ') ' if t.letter else ''}{t.label})" for t in terms.values())


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Có phải ý bạn là '{close[0]}'?" if close else ""


def unknown(raw: str, fld: str, terms: Mapping[str, Term]) -> tuple[str, str]:
    """(message, hint) for a value that is neither a code nor a Vietnamese word."""
    maybe = did_you_mean(raw, [*terms, *(t.label for t in terms.values())])
    return (f"Giá trị '{raw}' không hợp lệ cho '{fld}'.{maybe}",
            "Ghi mã hoặc tên tiếng Việt của một trong: " + choices_text(terms) + ".")
