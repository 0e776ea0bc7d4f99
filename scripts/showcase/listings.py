"""Slugs and URLs: every URL rule of the site lives here.

One slug function for URLs and heading anchors, so that Vietnamese
transliterates the same way everywhere (đ -> d, which Material's default
drops) and URLs stay readable ASCII and stable across rebuilds.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

PROFILES_SECTION = "ho-so"


def ascii_fold(text: str) -> str:
    """'Đóng góp' -> 'Dong gop' (strips diacritics, maps đ/Đ)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, sep: str = "-") -> str:
    """Readable ASCII slug; usable as markdown's ``toc`` ``slugify`` callable."""
    return _NON_ALNUM.sub(sep, ascii_fold(text).lower()).strip(sep)


def profile_url(slug: str) -> str:
    """Site-relative URL of a profile page (directory URL, trailing slash)."""
    return f"{PROFILES_SECTION}/{slug}/"
