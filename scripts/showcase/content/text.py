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


# The one folding rule of the project (search keys, slugs, sort order; the browser's
# ``assets/search.js`` writes the same rule, and tests/e2e/test_search_js.py runs
# both on the same strings): decompose (NFD), drop the combining diacritical marks
# U+0300-U+036F, map đ/Đ to d/D, compose again (NFC). 'Đường HÒA' -> 'Duong HOA'.
MARKS = range(0x300, 0x370)
_D = {ord("đ"): "d", ord("Đ"): "D"}


def fold_rule(text: str) -> str:
    """The rule, step by step (the definition :func:`fold` is tested against)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if ord(c) not in MARKS)
    return unicodedata.normalize("NFC", bare).translate(_D)


def _fold_table() -> dict[int, str | None]:
    """Every character the rule changes, alone: the marks go, a precomposed letter
    becomes its letter. Such letters are all below U+2300 (``≠`` is the last; a test
    runs the rule on every code point)."""
    table: dict[int, str | None] = {**dict.fromkeys(MARKS), **_D}
    for code in range(0xC0, 0x2300):
        ch = chr(code)
        if code not in table and unicodedata.decomposition(ch)[:1] not in ("", "<"):
            bare = fold_rule(ch)
            if bare != ch and any(ord(c) in MARKS for c in unicodedata.normalize("NFD", ch)):
                table[code] = bare
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """:func:`fold_rule` for NFC text (what every caller has), in one C-level pass
    of ``str.translate``: 'Đường' -> 'Duong'."""
    return text.translate(_FOLD)


def ascii_fold(text: str) -> str:
    """'Đóng góp' -> 'Dong gop': :func:`fold`, then every other combining mark
    dropped too (slugs and sort keys)."""
    decomposed = unicodedata.normalize("NFD", fold(unicodedata.normalize("NFC", text)))
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
