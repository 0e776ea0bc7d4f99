"""Vietnamese text rules shared by every layer: folding, slugs, sort order, dates.

One slug function for URLs and heading anchors, so that Vietnamese
transliterates the same way everywhere (đ -> d, which Material's default
drops) and URLs stay readable ASCII and stable across rebuilds.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """'Đóng góp' -> 'Dong gop' (strips diacritics, maps đ/Đ)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # movements and headings, slugged again on every rebuild
def slugify(text: str, sep: str = "-") -> str:
    """Readable ASCII slug; usable as markdown's ``toc`` ``slugify`` callable."""
    return _NON_ALNUM.sub(sep, ascii_fold(text).lower()).strip(sep)


@lru_cache(maxsize=1 << 16)  # names and titles, sorted again on every rebuild
def sort_key(text: str) -> tuple[str, str]:
    """Vietnamese-friendly alphabetical order: by the folded form, then the original."""
    return ascii_fold(text).casefold(), text


def vn_date(day: dt.date | None) -> str:
    """Vietnamese date form dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y") if day else ""
