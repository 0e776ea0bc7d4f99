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


# The fields as the editors' guide and the plan name them in Vietnamese (folded:
# no diacritics, lowercase, single spaces), for "did you mean 'name'" on a key
# typed in Vietnamese ('tên:', 'Tóm tắt:', 'ngay_gioi_thieu:').
KEY_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("ten", "ho ten", "ho va ten", "ten nguoi", "ten guong", "ten tap the",
             "ten ho gia dinh", "ten guong dien hinh"),
    "name_km": ("ten khmer", "ten chu khmer", "ten tieng khmer"),
    "kind": ("loai", "loai ho so", "doi tuong", "loai doi tuong", "kieu"),
    "field": ("linh vuc", "linh vuc thi dua"),
    "sectors": ("nganh", "cac nganh", "nganh nghe", "linh vuc nganh"),
    "introduced": ("ngay gioi thieu", "gioi thieu", "ngay gt"),
    "summary": ("tom tat", "mo ta", "mo ta ngan", "gioi thieu ngan", "tom tat ngan"),
    "published": ("ngay cong bo", "cong bo", "ngay dang", "ngay dang tai"),
    "title": ("tieu de", "tua de", "tua", "chuc danh", "danh hieu", "chuc danh danh hieu",
              "ten bai", "ten bai viet"),
    "photo": ("anh", "hinh", "hinh anh", "anh dai dien", "tep anh"),
    "photo_alt": ("mo ta anh", "chu thich anh", "chu thich"),
    "location": ("dia ban", "dia chi", "noi o", "dia phuong", "que quan", "noi cu tru"),
    "movement": ("phong trao", "phong trao thi dua"),
    "achievements": ("thanh tich", "cac thanh tich"),
    "commendations": ("khen thuong", "hinh thuc khen thuong", "danh hieu khen thuong"),
    "consent": ("dong y", "phieu dong y", "su dong y", "bien ban dong y", "cam ket"),
    "featured": ("noi bat", "tieu bieu"),
    "tags": ("tu khoa", "the", "nhan"),
    "draft": ("nhap", "ban nhap"),
    "nominated": ("de nghi", "de nghi khen thuong", "de cu"),
    "date": ("ngay", "ngay ky", "ngay dong y"),
    "ref": ("so", "so phieu", "so hieu", "noi luu", "so van ban", "ky hieu"),
    "scope": ("pham vi", "pham vi dong y"),
    "withdrawn": ("ngay rut", "rut lai", "ngay rut lai"),
    "year": ("nam",),
    "text": ("noi dung", "thanh tich"),
    "form": ("hinh thuc", "hinh thuc khen thuong"),
    "reason": ("ly do", "li do"),
    "id": ("ma", "ma don vi"),
    "group": ("nhom", "khoi"),
    "quota": ("chi tieu", "co chi tieu"),
    "active_from": ("tu ngay", "hoat dong tu"),
    "active_to": ("den ngay", "hoat dong den"),
    "reviewers": ("nguoi duyet", "nguoi kiem duyet"),
}
_KEY_WORD = {word: key for key, words in KEY_WORDS.items() for word in words}


def key_meant(typed: str, allowed: Iterable[str]) -> str | None:
    """The field meant by a key typed in Vietnamese or in other case ('Tên', 'NAME',
    'Ngày giới thiệu'), if it is one of ``allowed``."""
    folded = " ".join(ascii_fold(typed).lower().replace("_", " ").replace("-", " ")
                      .replace("/", " ").split())
    names = set(allowed)
    if folded.replace(" ", "_") in names and typed not in names:
        return folded.replace(" ", "_")
    meant = _KEY_WORD.get(folded)
    return meant if meant in names else None
