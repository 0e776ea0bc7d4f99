"""Which scripts and characters the column can draw, and what to refuse.

The site and the share cards ship their own fonts (``fonts/``, ``assets/``):
Be Vietnam Pro for Vietnamese and Latin, Noto Sans Khmer for Khmer, and
Noto Emoji (monochrome) for emoji on cards; pages show emoji with the
reader's own colour emoji font, which every phone has. The table of what
these fonts draw is :mod:`charsets` (generated from the fonts, checked
against them by a test). Text outside it is refused by the check (SC100)
rather than drawn as empty boxes or gaps:

* in fields drawn on the share card (``name``, ``name_km``, unit names) every
  visible character must be in the table;
* elsewhere (summary, story, ...) every letter, mark and digit must be: a
  symbol or punctuation mark outside the table is still shown by the
  reader's system fonts on a page, but a letter of another script is not
  reliably (the page would depend on what the phone has).

Controls, format characters and separators (categories C and Z) are not
judged here: the hostile-input rules decide on them, and the card drawer
keeps the legitimate ones (ZWJ in emoji, zero width space in Khmer) inside
the cluster they belong to.
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache

from showcase.content.charsets import RANGES

SCRIPTS = ("latin", "khmer", "emoji")
LABELS = {"latin": "chữ Việt, chữ Latinh", "khmer": "chữ Khmer", "emoji": "biểu tượng cảm xúc"}

# Characters allowed in ``name_km`` besides Khmer letters: spaces, the zero
# width space Khmer uses between words, and the punctuation names carry.
KHMER_NAME_EXTRA = frozenset(" \u200b\u200c\u200d-.,()'’")
# Vietnamese names of the scripts most likely to be pasted by mistake, for
# messages (the Unicode name's first word -> label).
_SCRIPT_NAMES = {
    "CJK": "chữ Hán", "HIRAGANA": "chữ Nhật", "KATAKANA": "chữ Nhật", "HANGUL": "chữ Hàn",
    "THAI": "chữ Thái", "LAO": "chữ Lào", "CYRILLIC": "chữ Kirin", "GREEK": "chữ Hy Lạp",
    "ARABIC": "chữ Ả Rập", "HEBREW": "chữ Do Thái", "DEVANAGARI": "chữ Devanagari",
    "MYANMAR": "chữ Miến Điện", "TAMIL": "chữ Tamil", "BENGALI": "chữ Bengal",
    "MATHEMATICAL": "ký hiệu toán học", "KHMER": "chữ Khmer",
}


@lru_cache(maxsize=1)
def _table() -> tuple[list[int], list[tuple[int, str]]]:
    spans = sorted((a, b, s) for s, rs in RANGES.items() for a, b in rs)
    return [a for a, _, _ in spans], [(b, s) for _, b, s in spans]


def script_of(ch: str) -> str | None:
    """'latin', 'khmer' or 'emoji' when the shipped fonts draw ``ch``, else None."""
    starts, ends = _table()
    i = bisect.bisect_right(starts, ord(ch)) - 1
    if i < 0:
        return None
    end, script = ends[i]
    return script if ord(ch) <= end else None


def is_layout(ch: str) -> bool:
    """Controls, format characters and separators: not drawn, not judged here."""
    return unicodedata.category(ch)[0] in "CZ"


def undrawable(text: str, card: bool = False) -> list[str]:
    """Distinct characters of ``text`` the shipped fonts cannot draw, in order.

    ``card``: every visible character counts (the card has no fallback font);
    otherwise only letters, marks and digits (a page falls back for symbols).
    """
    if text.isascii():
        return []
    # The check reads every text field of 10,000 profiles: characters already
    # found drawable are set aside in one set operation (a story has about 60
    # distinct ones, nearly always the same Vietnamese letters).
    unknown = set(text) - _DRAWN[card]
    if not unknown:
        return []
    out = [ch for ch in dict.fromkeys(text)
           if ch in unknown and not ch.isascii() and _refused(ch, card)]
    _DRAWN[card].update(unknown.difference(out))
    return out


_DRAWN: dict[bool, set[str]] = {False: set(), True: set()}  # by ``card``


@lru_cache(maxsize=8192)
def _refused(ch: str, card: bool) -> bool:
    if is_layout(ch):
        return False
    if not card and unicodedata.category(ch)[0] not in "LMN":
        return False
    return script_of(ch) is None


def describe(ch: str) -> str:
    """'ж' -> "'ж' (U+0436, chữ Kirin)": what a writer needs to find the character."""
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0] if name else ""
    label = _SCRIPT_NAMES.get(first, "ký hiệu" if unicodedata.category(ch)[0] in "SP"
                              else "chữ chưa hỗ trợ")
    return f"'{ch}' (U+{ord(ch):04X}, {label})"


def has_khmer(text: str) -> bool:
    return any(script_of(ch) == "khmer" for ch in text)


def not_khmer(text: str) -> list[str]:
    """Distinct characters of a Khmer name that are neither Khmer nor allowed punctuation."""
    out: dict[str, None] = {}
    for ch in text:
        if ch not in KHMER_NAME_EXTRA and script_of(ch) != "khmer":
            out[ch] = None
    return list(out)


def initials(name: str) -> str:
    """'Lâm Hồng Sơn' -> 'HS': the last two words, as Vietnamese names are read (drawn
    where a profile has no photo: the site's cards and the honour book).

    Vietnamese words are preferred: 'Thạch Thị Sa Rươne (ថាច់ ធី សារឿន)' -> 'SR'.
    """
    words = [w for w in name.split() if w[0].isalnum()]
    latin = [w for w in words if script_of(w[0]) == "latin"]
    return "".join(w[0] for w in (latin or words)[-2:]).upper()
