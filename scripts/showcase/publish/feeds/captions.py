"""The ready-to-post caption of a profile, for the social media staff.

One plain Vietnamese text per profile, pasted as it is into Facebook or Zalo
under the share card:

    <headline>
    <name> (<Khmer name>)                  when the headline is not the name
    <two sentences of the summary>
    Đơn vị giới thiệu: <unit>
    Xem chi tiết: <the profile's address>
    #GươngĐiểnHìnhTiênTiến #<field> #<sector> ...
    Nguồn: chuyên mục “<column>”, <Department>

Limits (see :data:`MAX_UNITS`, :data:`FOLD`): a Facebook post takes up to
63,206 characters, but the feed shows only about 477 characters on a
computer and about 125 on a phone before "Xem thêm"; Zalo Official Account
text posts and messages take up to 2,000 characters. A caption is kept
within 2,000 UTF-16 code units (how both count: an emoji counts two), and
its first line within 125 characters, so the headline shows whole on a
phone. With the contract's field limits a caption is under 1,700 units;
the summary is shortened (at a word, with '…') only if one ever is not.

Hashtags are letters and digits only (Facebook and Zalo end a hashtag at
the first space or punctuation mark), with Vietnamese diacritics kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from showcase.content.model import Profile

MAX_UNITS = 2000  # Zalo's limit, the stricter of the two
FOLD = 125  # characters shown before "Xem thêm" on a phone (Facebook)
FACEBOOK_MAX = 63206

COLUMN_TAG = "GươngĐiểnHìnhTiênTiến"
FIELD_TAGS = {
    "party-government-unions": "XâyDựngĐảngChínhQuyền",
    "culture-arts-sports": "VănHóaNghệThuậtThểThao",
    "admin-reform-office-culture": "CảiCáchHànhChính",
    "social-life": "ĐờiSốngXãHội",
    "provincial-emulation": "PhongTràoThiĐua",
}
SECTOR_TAGS = {
    "culture": "VănHóa",
    "family": "GiaĐình",
    "sports": "ThểThao",
    "tourism": "DuLịch",
}
SAMPLE_LINE = "[HỒ SƠ MẪU – tên giả định, không đăng lên mạng xã hội]"
# Abbreviations that end in a full stop inside a Vietnamese sentence.
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|TX|TT|TS|ThS|PGS|GS|BS|NSND|NSƯT|Q|P|H|X|St|Mr|Mrs))\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\")]*\s+")


@dataclass(frozen=True)
class Caption:
    text: str
    hashtags: tuple[str, ...]

    @property
    def units(self) -> int:
        return utf16_units(self.text)


def utf16_units(text: str) -> int:
    """Length as Facebook and Zalo count it (JavaScript string length)."""
    return len(text.encode("utf-16-le")) // 2


def sentences(text: str) -> list[str]:
    """Sentences of a summary (a full stop after 'TP.' or 'ThS.' does not end one)."""
    flat = " ".join(text.split())
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(flat):
        piece = flat[start:m.start()]
        if _ABBREV.search(piece):
            continue
        out.append(flat[start:m.end()].strip())
        start = m.end()
    rest = flat[start:].strip()
    if rest:
        out.append(rest)
    return out


def hashtags(p: Profile) -> tuple[str, ...]:
    tags = [COLUMN_TAG, FIELD_TAGS[p.field], *(SECTOR_TAGS[s] for s in SECTOR_TAGS
                                                if s in p.sectors)]
    return tuple("#" + t for t in dict.fromkeys(tags))


def shorten(text: str, limit: int) -> str:
    """``text`` within ``limit`` UTF-16 units, cut at a word with '…'."""
    if utf16_units(text) <= limit:
        return text
    words = text.split()
    while words and utf16_units(" ".join(words) + "…") > limit:
        words.pop()
    return (" ".join(words).rstrip(" ,;:–-") + "…") if words else text[: max(0, limit - 1)] + "…"


def caption(p: Profile, unit_name: str, url: str, column: str, department: str,
            sample: bool = False) -> Caption:
    """The caption of one profile; ``url`` is the profile page's absolute address."""
    name = f"{p.name} ({p.name_km})" if p.name_km and p.name_km not in p.name else p.name
    headline = p.title if p.title != p.name else name
    head = [shorten(headline, FOLD)]
    if p.title != p.name:
        head.append(name)
    tags = hashtags(p)
    tail = [
        f"Đơn vị giới thiệu: {unit_name}",
        f"Xem chi tiết: {url}",
        "",
        " ".join(tags),
        "",
        f"Nguồn: chuyên mục “{column}”, {department}",
    ]
    if sample:
        head.insert(0, SAMPLE_LINE)
    lead = " ".join(sentences(p.summary)[:2])
    fixed = utf16_units("\n".join([*head, "", "", *tail]))
    body = shorten(lead, MAX_UNITS - fixed)
    text = "\n".join([*head, "", body, "", *tail])
    return Caption(text, tags)
