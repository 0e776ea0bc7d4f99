"""Share cards: the 1200x630 picture a reposted profile shows (``og:image``).

Text on the left (the column's name, the name in large bold, kind and field,
the unit, the Department at the foot), the photo on the right, cropped to
fill its panel, or a placeholder in the colours of the profile's sectors.

Text is set by :mod:`typeset`: Be Vietnam Pro (SIL OFL, shipped in
``fonts/``) for Vietnamese, with Pillow's basic layout engine so that the
usual card does not depend on libraqm; Noto Sans Khmer and Noto Emoji,
shaped by libraqm, for the runs of Khmer and emoji a name may contain. A
Khmer name (``name_km``) gets its own line under the Vietnamese one.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

from showcase.content import scripts
from showcase.publish.media.typeset import FONT_DIR, Face, fonts_in_use, runs, wrap

WIDTH, HEIGHT = 1200, 630

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
    name_km: str = ""  # the name in Khmer script, on its own line under ``name``


def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    """Be Vietnam Pro at ``size``: the font of every Vietnamese letter on a card."""
    return face(weight, size).font()


def face(weight: str, size: int) -> Face:
    return Face(weight, size)


@lru_cache(maxsize=1)
def fonts_hash() -> str:
    h = hashlib.sha256()
    for name in fonts_in_use():
        with open(os.path.join(FONT_DIR, name), "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


PANEL = (WIDTH - PANEL_X, HEIGHT)
CENTRE = (0.5, 0.4)  # of the photo's part shown: a little above the middle, where faces are
CROP_WITHIN = 0.03  # a photo at most this much larger than the panel is cropped, not resampled


def draw_card(spec: CardSpec, photo: Image.Image | None) -> Image.Image:
    """The card as an RGB image of WIDTH x HEIGHT."""
    bg = FIELD_COLOURS.get(spec.field, DEFAULT_COLOUR)
    base, y, foot_top = _frame(bg, _nfc(spec.column), _nfc(spec.department))
    im = base.copy()
    d = ImageDraw.Draw(im)
    if photo is not None:
        im.paste(photo_panel(photo), (PANEL_X, 0))
    else:  # the placeholder, drawn in place (as placeholder() would, without a copy)
        im.paste(_bands(bg, _colours(spec), *PANEL), (PANEL_X, 0))
        _letter(d, spec, PANEL_X + PANEL[0] // 2, PANEL[1] // 2)
    d.rectangle((PANEL_X - STRIP, 0, PANEL_X - 1, HEIGHT), fill=ACCENT)
    _text_block(im, spec, y, foot_top)
    return im


def panel_source(variants: list[Image.Image]) -> Image.Image:
    """Of a photo's variants, the smallest that covers the panel (the least work
    to fit), else the largest."""
    covering = [v for v in variants if v.width >= PANEL[0] and v.height >= PANEL[1]]
    return min(covering, key=lambda v: v.width * v.height) if covering else variants[-1]


def photo_panel(photo: Image.Image) -> Image.Image:
    """The photo cropped to fill the panel; resampled only when its size calls for it.

    The usual 960x640 variant is 1.6 % taller than the panel: a filter pass at
    that ratio costs as much as at any other and only softens, so it is cropped.
    """
    w, h = PANEL
    scale = max(w / photo.width, h / photo.height)
    if 1 - CROP_WITHIN <= scale <= 1:
        x = round((photo.width - w) * CENTRE[0])
        y = round((photo.height - h) * CENTRE[1])
        return photo.crop((x, y, x + w, y + h))
    # Enlarging (a photo narrower than 960 px has only its 480-px variant) adds no
    # detail whatever the filter: bilinear, at two thirds of bicubic's cost.
    method = Image.Resampling.BILINEAR if scale > 1 else Image.Resampling.BICUBIC
    return ImageOps.fit(photo, PANEL, method, centering=CENTRE)


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
    head = face("bold", 24)
    y = PAD + 22
    for line in wrap(column.upper(), head, TEXT_W, 1):
        y += head.ascent
        head.draw(im, (x, y), line, ACCENT)
        y += 12
    # Foot: the Department, anchored at the bottom.
    foot = face("regular", 22)
    foot_lines = wrap(department, foot, TEXT_W, 2)
    foot_step = round(22 * 1.35)
    foot_top = HEIGHT - PAD - foot_step * (len(foot_lines) - 1) - foot.ascent
    d.line((x, foot_top - 24, x + TEXT_W, foot_top - 24), fill=MUTED, width=1)
    fy = foot_top + foot.ascent
    for line in foot_lines:
        foot.draw(im, (x, fy), line, MUTED)
        fy += foot_step
    return im, y, foot_top


KHMER_SIZE = 34  # the Khmer name's line: Khmer stacks marks above and below
KHMER_STEP = round(KHMER_SIZE * 1.75)


def _text_block(im: Image.Image, spec: CardSpec, y: int, foot_top: int) -> None:
    x = PAD
    # Middle: the name (as large as fits in three lines), its Khmer form,
    # kind and field, unit.
    unit_f, meta_f, km_f = face("regular", 28), face("regular", 22), face("bold", KHMER_SIZE)
    unit_lines = wrap(_nfc(spec.unit), unit_f, TEXT_W, 2)
    meta_lines = wrap(f"{spec.kind} · {spec.field_label}", meta_f, TEXT_W, 2)
    km = _nfc(spec.name_km)
    # A name that already carries its Khmer form ("... (ថាច់ ធី សារឿន)") is not repeated.
    km_lines = wrap(km, km_f, TEXT_W, 2) if km and km not in _nfc(spec.name) else []
    room = foot_top - 48 - (y + 28)
    rest = ((30 if km_lines else 20) + len(meta_lines) * 30 + 16 + len(unit_lines) * 38
            + len(km_lines) * KHMER_STEP)
    name_f, name_lines, step = _fit_name(_nfc(spec.name), room - rest)
    y += 28
    for i, line in enumerate(name_lines):
        y += step if i else name_f.ascent + 4
        name_f.draw(im, (x, y), line, WHITE)
    for line in km_lines:
        y += KHMER_STEP
        km_f.draw(im, (x, y), line, MUTED)
    y += 30 if km_lines else 20  # Khmer subscripts reach below the baseline
    # Labels and unit names recur from card to card: stamped from a kept rendering.
    for line in meta_lines:
        y += 30
        meta_f.stamp(im, (x, y), line, ACCENT)
    y += 16
    for line in unit_lines:
        y += 38
        unit_f.stamp(im, (x, y), line, WHITE)


def _fit_name(name: str, room: int) -> tuple[Face, list[str], int]:
    """The largest size at which the name fits ``room`` pixels in three lines
    (four for a very long name, at the smallest sizes), else cut with '…'."""
    # A line with Khmer needs more room between baselines (stacked marks).
    spacing = 1.5 if scripts.has_khmer(name) else 1.22
    tries = [(size, 3) for size in range(72, 39, -4)] + [(44, 4), (40, 4)]
    for size, max_lines in tries:
        f = face("bold", size)
        lines = wrap(name, f, TEXT_W, max_lines)
        step = round(size * spacing)
        if (f.ascent + 4 + step * (len(lines) - 1) <= room
                and not lines[-1].endswith("…")):
            return f, lines, step
    f = face("bold", 40)
    lines = wrap(name, f, TEXT_W, 4)
    step = round(40 * spacing)
    while len(lines) > 1 and f.ascent + 4 + step * (len(lines) - 1) > room:
        lines = wrap(name, f, TEXT_W, len(lines) - 1)
    return f, lines, step


def _nfc(text: str) -> str:
    # Precomposed letters only: the basic layout engine does not place
    # combining marks, and the font has every Vietnamese letter precomposed.
    return unicodedata.normalize("NFC", " ".join(text.split()))


def initial(name: str) -> str:
    """The letter shown on a placeholder: the given name's (the last word's) first.

    Words that do not start with a letter ('Phường 5', an emoji, a Khmer name in
    brackets) are skipped; a Vietnamese word is preferred to a Khmer one.
    """
    words = [w for w in _nfc(name).split() if w[0].isalpha()]
    latin = [w for w in words if scripts.script_of(w[0]) == "latin"]
    chosen = latin or words
    return chosen[-1][0].upper() if chosen else "?"


def placeholder(spec: CardSpec, w: int, h: int) -> Image.Image:
    """Diagonal bands in the sectors' colours, a disc with the name's initial."""
    bg = FIELD_COLOURS.get(spec.field, DEFAULT_COLOUR)
    im = _bands(bg, _colours(spec), w, h).copy()
    _letter(ImageDraw.Draw(im), spec, w // 2, h // 2)
    return im


def _colours(spec: CardSpec) -> tuple[tuple[int, int, int], ...]:
    return tuple(SECTOR_COLOURS[s] for s in spec.sectors if s in SECTOR_COLOURS) or (ACCENT,)


def _letter(d: ImageDraw.ImageDraw, spec: CardSpec, cx: int, cy: int) -> None:
    letter = initial(spec.name)
    big = face("bold", 170).font(runs(letter)[0].script)
    d.text((cx, cy), letter, font=big, fill=WHITE, anchor="mm")


@lru_cache(maxsize=32)
def _bands(bg: tuple[int, int, int], colours: tuple[tuple[int, int, int], ...], w: int, h: int
           ) -> Image.Image:
    """The placeholder without its letter: the same for every card of a field and
    sectors (drawn once; 0.9 MB each, a few dozen combinations)."""
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
    return im
