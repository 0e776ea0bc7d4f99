"""Share cards: the 1200x630 picture a reposted profile shows (``og:image``).

Text on the left (the column's name, the name in large bold, kind and field,
the unit, the Department at the foot), the photo on the right, cropped to
fill its panel, or a placeholder in the colours of the profile's sectors.

Text is drawn with Be Vietnam Pro (SIL OFL, shipped in ``fonts/``), which
has every Vietnamese letter precomposed. The basic layout engine is used on
purpose: output must not depend on whether libraqm happens to be installed.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH, HEIGHT = 1200, 630
FONT_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fonts")
FONTS = {"regular": "BeVietnamPro-Regular.ttf", "bold": "BeVietnamPro-Bold.ttf"}

PAD = 64
PANEL_X = 740  # the photo panel: x from here to the right edge
STRIP = 8  # accent strip between text and photo
TEXT_W = PANEL_X - STRIP - 2 * PAD

# Dark backgrounds, one per field: white text on each has a contrast ratio
# of at least 7:1 (WCAG AAA), checked by tests/unit/test_cards.py.
FIELD_COLOURS = {
    "party-government-unions": (122, 24, 28),
    "culture-arts-sports": (22, 66, 120),
    "admin-reform-office-culture": (20, 84, 70),
    "social-life": (88, 44, 112),
    "provincial-emulation": (112, 58, 12),
}
DEFAULT_COLOUR = (30, 41, 59)
SECTOR_COLOURS = {
    "culture": (200, 56, 48),
    "family": (230, 126, 34),
    "sports": (41, 128, 185),
    "tourism": (22, 160, 133),
}
ACCENT = (246, 196, 83)  # gold
WHITE = (255, 255, 255)
MUTED = (226, 232, 240)


@dataclass(frozen=True)
class CardSpec:
    """Everything drawn on a card (its repr is part of the cache key)."""

    name: str
    unit: str
    column: str
    department: str
    kind: str  # Vietnamese label
    field: str  # id, picks the colour
    field_label: str
    sectors: tuple[str, ...]  # ids, in vocabulary order


@lru_cache(maxsize=64)
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(
        os.path.join(FONT_DIR, FONTS[weight]), size, layout_engine=ImageFont.Layout.BASIC
    )


@lru_cache(maxsize=1)
def fonts_hash() -> str:
    h = hashlib.sha256()
    for name in sorted(FONTS.values()):
        with open(os.path.join(FONT_DIR, name), "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


@lru_cache(maxsize=8192)
def _length(f: ImageFont.FreeTypeFont, text: str) -> float:
    # Cards repeat the same column, Department, labels and unit names:
    # measuring each string once keeps a thousand cards within seconds.
    return f.getlength(text)


def draw_card(spec: CardSpec, photo: Image.Image | None) -> Image.Image:
    """The card as an RGB image of WIDTH x HEIGHT."""
    bg = FIELD_COLOURS.get(spec.field, DEFAULT_COLOUR)
    base, y, foot_top = _frame(bg, _nfc(spec.column), _nfc(spec.department))
    im = base.copy()
    panel = (
        ImageOps.fit(photo, (WIDTH - PANEL_X, HEIGHT), Image.Resampling.LANCZOS,
                     centering=(0.5, 0.4))
        if photo is not None else placeholder(spec, WIDTH - PANEL_X, HEIGHT)
    )
    im.paste(panel, (PANEL_X, 0))
    d = ImageDraw.Draw(im)
    d.rectangle((PANEL_X - STRIP, 0, PANEL_X - 1, HEIGHT), fill=ACCENT)
    _text_block(d, spec, y, foot_top)
    return im


@lru_cache(maxsize=16)
def _frame(bg: tuple[int, int, int], column: str, department: str) -> tuple[Image.Image, int, int]:
    """The part every card of a colour shares: the column's name at the top and
    the Department at the foot (drawn once, copied per card). Returns the image,
    the header's bottom and the foot's top."""
    im = Image.new("RGB", (WIDTH, HEIGHT), bg)
    d = ImageDraw.Draw(im)
    x = PAD
    # Header: accent bar and the column's name.
    d.rectangle((x, PAD, x + 56, PAD + 5), fill=ACCENT)
    head = font("bold", 24)
    y = PAD + 22
    for line in wrap(column.upper(), head, TEXT_W, 1):
        y += _ascent(head)
        d.text((x, y), line, font=head, fill=ACCENT, anchor="ls")
        y += 12
    # Foot: the Department, anchored at the bottom.
    foot = font("regular", 22)
    foot_lines = wrap(department, foot, TEXT_W, 2)
    foot_step = round(22 * 1.35)
    foot_top = HEIGHT - PAD - foot_step * (len(foot_lines) - 1) - _ascent(foot)
    d.line((x, foot_top - 24, x + TEXT_W, foot_top - 24), fill=MUTED, width=1)
    fy = foot_top + _ascent(foot)
    for line in foot_lines:
        d.text((x, fy), line, font=foot, fill=MUTED, anchor="ls")
        fy += foot_step
    return im, y, foot_top


def _text_block(d: ImageDraw.ImageDraw, spec: CardSpec, y: int, foot_top: int) -> None:
    x = PAD
    # Middle: the name (as large as fits in three lines), kind and field, unit.
    unit_f, meta_f = font("regular", 28), font("regular", 22)
    unit_lines = wrap(_nfc(spec.unit), unit_f, TEXT_W, 2)
    meta_lines = wrap(f"{spec.kind} · {spec.field_label}", meta_f, TEXT_W, 2)
    room = foot_top - 48 - (y + 28)
    rest = 20 + len(meta_lines) * 30 + 16 + len(unit_lines) * 38
    name_f, name_lines, step = _fit_name(_nfc(spec.name), room - rest)
    y += 28
    for line in name_lines:
        y += step if line is not name_lines[0] else _ascent(name_f) + 4
        d.text((x, y), line, font=name_f, fill=WHITE, anchor="ls")
    y += 20
    for line in meta_lines:
        y += 30
        d.text((x, y), line, font=meta_f, fill=ACCENT, anchor="ls")
    y += 16
    for line in unit_lines:
        y += 38
        d.text((x, y), line, font=unit_f, fill=WHITE, anchor="ls")


def _fit_name(name: str, room: int) -> tuple[ImageFont.FreeTypeFont, list[str], int]:
    """The largest size at which the name fits ``room`` pixels in three lines."""
    for size in range(72, 39, -4):
        f = font("bold", size)
        lines = wrap(name, f, TEXT_W, 3)
        step = round(size * 1.22)
        if (_ascent(f) + 4 + step * (len(lines) - 1) <= room
                and not lines[-1].endswith("…")):
            return f, lines, step
    f = font("bold", 40)
    return f, wrap(name, f, TEXT_W, 3), round(40 * 1.22)


def _ascent(f: ImageFont.FreeTypeFont) -> int:
    return f.getmetrics()[0]


def _nfc(text: str) -> str:
    # Precomposed letters only: the basic layout engine does not place
    # combining marks, and the font has every Vietnamese letter precomposed.
    return unicodedata.normalize("NFC", " ".join(text.split()))


def wrap(text: str, f: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels; ellipsis past max."""
    words = text.split()
    lines: list[str] = []
    cur = ""
    for word in words:
        trial = f"{cur} {word}" if cur else word
        if _length(f, trial) <= width:
            cur = trial
            continue
        if cur:
            lines.append(cur)
        while _length(f, word) > width:  # one word wider than the line: cut it
            cut = len(word)
            while cut > 1 and _length(f, word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        cur = word
    if cur:
        lines.append(cur)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and _length(f, last + "…") > width:
            last = last[:-1].rstrip()
        lines = lines[: max_lines - 1] + [last + "…"]
    return lines or [""]


def initial(name: str) -> str:
    """The letter shown on a placeholder: the given name's (the last word's) first.

    Words that do not start with a letter ('Phường 5') are skipped.
    """
    words = [w for w in _nfc(name).split() if w[0].isalpha()]
    return words[-1][0].upper() if words else "?"


def placeholder(spec: CardSpec, w: int, h: int) -> Image.Image:
    """Diagonal bands in the sectors' colours, a disc with the name's initial."""
    bg = FIELD_COLOURS.get(spec.field, DEFAULT_COLOUR)
    colours = [SECTOR_COLOURS[s] for s in spec.sectors if s in SECTOR_COLOURS] or [ACCENT]
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    band = 90
    for i, x0 in enumerate(range(-h, w + band, 2 * band)):
        c = colours[i % len(colours)]
        d.polygon([(x0, h), (x0 + band, h), (x0 + band + h, 0), (x0 + h, 0)], fill=c)
    # Darken the bands so the disc and the text beside it stand out.
    im = Image.blend(im, Image.new("RGB", (w, h), bg), 0.45)
    d = ImageDraw.Draw(im)
    r = 150
    cx, cy = w // 2, h // 2
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=bg, outline=ACCENT, width=6)
    big = font("bold", 170)
    d.text((cx, cy), initial(spec.name), font=big, fill=WHITE, anchor="mm")
    return im
