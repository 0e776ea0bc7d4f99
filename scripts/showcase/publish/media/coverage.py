"""Coverage masks of text as Pillow draws it, kept: what makes cards cheap to draw.

A mask is the text's ink (white on black, "L") drawn at a fractional start past
an integer point; pasting a colour through it blends exactly as drawing the
text would. Recurring strings (the column, unit names, labels) are kept whole;
names, which are unique, are composed from kept letters (:func:`composed`).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Protocol

from PIL import Image, ImageDraw, ImageFont


class Face(Protocol):
    """A weight and a size (typeset.Face): hashable, gives the font of a script."""

    def font(self, script: str = "latin") -> ImageFont.FreeTypeFont: ...

    def __hash__(self) -> int: ...


@lru_cache(maxsize=256)  # the repeated strings (column, units, labels); names are unique
def kept(face: Face, script: str, text: str, xfrac: float, yfrac: float
     ) -> tuple[Image.Image, tuple[int, int]]:
    """The coverage of ``text`` drawn at (xfrac, yfrac) past an integer point, and
    where its top-left corner lies from that point.

    Drawn as Pillow draws text (anchor, sub-pixel start), in white on black:
    pasting ``fill`` through it blends exactly as drawing does.
    """
    return _render(face, script, text, xfrac, yfrac)


def _render(face: Face, script: str, text: str, xfrac: float, yfrac: float
            ) -> tuple[Image.Image, tuple[int, int]]:
    f = face.font(script)
    left, top, right, bottom = f.getbbox(text, anchor="ls")
    # One pixel of margin each side: the sub-pixel start may move the ink by one.
    ox, oy = 1 - math.floor(left), 1 - math.floor(top)
    mask = Image.new("L", (math.ceil(right) + ox + 2, math.ceil(bottom) + oy + 2), 0)
    ImageDraw.Draw(mask).text((ox + xfrac, oy + yfrac), text, font=f, fill=255, anchor="ls")
    return mask, (-ox, -oy)


def composed(face: Face, text: str, xfrac: float, yfrac: float
             ) -> tuple[Image.Image, tuple[int, int]]:
    """A Latin run's coverage as :func:`kept` gives it, composed letter by letter.

    Pillow's basic layout renders each letter at its pen position (the start
    plus the advances before it, fractions kept) and lays the coverages over
    one another; pasting kept letters the same way gives the same bytes
    (tests/unit/test_cards.py compares both), at a tenth of the cost.
    """
    f = face.font("latin")
    parts = []
    pen = xfrac
    for ch in text:
        ix, fx = divmod(pen, 1)
        glyph, (dx, dy) = _glyph(face, ch, fx, yfrac)
        parts.append((glyph, int(ix) + dx, dy))
        pen += advance(f, ch)
    left = min(x for _, x, _ in parts)
    top = min(y for _, _, y in parts)
    right = max(x + g.width for g, x, _ in parts)
    bottom = max(y + g.height for g, _, y in parts)
    mask = Image.new("L", (right - left, bottom - top), 0)
    for glyph, x, y in parts:
        mask.paste(255, (x - left, y - top), glyph)
    return mask, (left, top)


@lru_cache(maxsize=8192)  # a name's letters at a few sizes and 1/64-pixel starts: < 20 MB
def _glyph(face: Face, ch: str, xfrac: float, yfrac: float
           ) -> tuple[Image.Image, tuple[int, int]]:
    return _render(face, "latin", ch, xfrac, yfrac)


@lru_cache(maxsize=4096)
def advance(f: ImageFont.FreeTypeFont, ch: str) -> float:
    return float(f.getlength(ch))
