"""Setting mixed-script text on share cards: one font per script, shaped where needed.

A card's text may mix Vietnamese, Khmer and emoji in one line ("Thạch Thị Sa
Rươne (ថាច់ ធី សារឿន)"). No single font draws all three, and Pillow draws a
missing glyph as nothing, so the text is cut into *runs* of one script
(:func:`runs`) and each run is drawn with its own font, on one baseline:

* ``latin``: Be Vietnam Pro with Pillow's basic layout (every Vietnamese
  letter is precomposed; the output does not depend on libraqm);
* ``khmer``: Noto Sans Khmer, shaped by HarfBuzz through libraqm (coeng
  subscripts, vowels before the consonant, stacked marks);
* ``emoji``: Noto Emoji (monochrome outlines; a card is one colour of text),
  shaped through libraqm so ZWJ sequences and keycaps become one glyph.

Which script a character belongs to is :mod:`showcase.content.scripts`, the
same table the check uses to refuse what no shipped font draws.

What makes cards cheap to draw: runs are pasted through *coverage masks*,
kept. A mask is the text's ink (white on black, "L") drawn at a fractional
start past an integer point; pasting a colour through it blends exactly as
drawing the text would. Recurring strings (the column, unit names, labels) are
kept whole (:func:`kept`); names, which are unique, are composed from kept
letters (:func:`composed`).
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources

import regex
from PIL import Image, ImageDraw, ImageFont, features

from showcase.content import scripts

FONT_DIR = str(resources.files("showcase").joinpath("fonts"))  # shipped with the package
FILES: dict[tuple[str, str], str] = {
    ("latin", "regular"): "BeVietnamPro-Regular.ttf",
    ("latin", "bold"): "BeVietnamPro-Bold.ttf",
    ("khmer", "regular"): "NotoSansKhmer-Regular.ttf",
    ("khmer", "bold"): "NotoSansKhmer-Bold.ttf",
    ("emoji", "regular"): "NotoEmoji-Bold.ttf",
    ("emoji", "bold"): "NotoEmoji-Bold.ttf",
}
SHAPED = frozenset({"khmer", "emoji"})  # scripts that need complex shaping
_MODIFIERS = range(0x1F3FB, 0x1F400)  # emoji skin tones
_EMOJI_HINTS = frozenset("\ufe0f\u20e3")  # emoji presentation, keycap
_CLUSTER = regex.compile(r"\X")


class ShapingUnavailable(RuntimeError):
    """Pillow cannot shape Khmer here (no libraqm, or no libfribidi to load it)."""


@dataclass(frozen=True)
class Run:
    text: str
    script: str  # latin | khmer | emoji


def clusters(text: str) -> list[str]:
    """User-perceived characters (Unicode's extended grapheme clusters, ``regex``'s
    ``\\X``): a base with its marks, a Khmer consonant with its coeng subscripts
    and vowel signs, emoji ZWJ sequences, modifiers, keycaps and flag pairs whole."""
    found: list[str] = _CLUSTER.findall(text)
    return found


def script_of_cluster(cluster: str, previous: str | None) -> str:
    """The font a cluster is drawn with; spaces follow a Khmer run, else go Latin; a
    format character alone (the zero-width space between Khmer words) follows the run
    before it."""
    base = cluster[0]
    if previous is not None and unicodedata.category(base) == "Cf":
        return previous
    emoji_ish = any(c in _EMOJI_HINTS or ord(c) in _MODIFIERS for c in cluster[1:])
    if emoji_ish and (scripts.script_of(base) == "emoji" or base.isascii()):
        return "emoji"
    found = scripts.script_of(base)
    if found is not None:
        return found
    return "khmer" if previous == "khmer" and base.isspace() else "latin"


def runs(text: str) -> list[Run]:
    """``text`` cut into runs of one script, in order."""
    return list(_runs(text))


@lru_cache(maxsize=8192)
def _runs(text: str) -> tuple[Run, ...]:
    out: list[Run] = []
    previous: str | None = None
    for cl in clusters(text):
        script = script_of_cluster(cl, previous)
        if out and out[-1].script == script:
            out[-1] = Run(out[-1].text + cl, script)
        else:
            out.append(Run(cl, script))
        previous = script
    return tuple(out)


def can_shape() -> bool:
    return bool(features.check("raqm"))


@lru_cache(maxsize=128)
def _font(script: str, weight: str, size: int) -> ImageFont.FreeTypeFont:
    if script in SHAPED:
        if not can_shape():
            raise ShapingUnavailable(
                "Pillow không có libraqm để vẽ chữ Khmer và biểu tượng cảm xúc trên thẻ chia "
                "sẻ. Cài gói libfribidi0 (chạy 'make font-deps' với quyền root) rồi chạy lại."
            )
        engine = ImageFont.Layout.RAQM
    else:
        engine = ImageFont.Layout.BASIC
    return ImageFont.truetype(os.path.join(FONT_DIR, FILES[script, weight]), size,
                              layout_engine=engine)


@dataclass(frozen=True)
class Face:
    """A weight and a size, drawing any supported script."""

    weight: str  # regular | bold
    size: int

    def font(self, script: str = "latin") -> ImageFont.FreeTypeFont:
        return _font(script, self.weight, self.size)

    @property
    def ascent(self) -> int:
        return int(self.font().getmetrics()[0])

    def length(self, text: str) -> float:
        return _length(self, text)

    def draw(self, im: Image.Image, xy: tuple[float, float], text: str,
             fill: tuple[int, int, int]) -> None:
        """Draw ``text`` on ``im`` with its left end on the baseline at ``xy``.

        A Latin run is composed from kept renderings of its letters
        (:func:`composed`): the pixels Pillow draws for the whole run, without
        FreeType rasterising (and hinting) every letter of every name again.
        """
        x, y = xy
        for run in _runs(text):
            f = self.font(run.script)
            if run.script in SHAPED:
                ImageDraw.Draw(im).text((x, y), run.text, font=f, fill=fill, anchor="ls")
            else:
                _paste(im, (x, y), fill, partial(composed, self, run.text))
            x += _run_length(f, run)

    def stamp(self, im: Image.Image, xy: tuple[float, float], text: str,
              fill: tuple[int, int, int]) -> None:
        """As :meth:`draw`, for text that recurs on many cards (a unit's name, a
        label): its rasterised runs are kept and pasted, giving the same pixels."""
        x, y = xy
        for run in _runs(text):
            _paste(im, (x, y), fill, partial(kept, self, run.script, run.text))
            x += _run_length(self.font(run.script), run)


def _paste(im: Image.Image, xy: tuple[float, float], fill: tuple[int, int, int],
           mask_at: Callable[[float, float], tuple[Image.Image, tuple[int, int]]]) -> None:
    """Paste ``fill`` through the mask ``mask_at`` gives for the fractions of ``xy``."""
    ix, fx = divmod(xy[0], 1)
    iy, fy = divmod(xy[1], 1)
    mask, (dx, dy) = mask_at(fx, fy)
    im.paste(fill, (int(ix) + dx, int(iy) + dy), mask)


# --- coverage masks: what makes cards cheap to draw ------------------------------------


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


def wrap(text: str, f: Face, width: int, max_lines: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels; ellipsis past max.

    Lines break at spaces; a word wider than the line is cut between clusters
    (Unicode grapheme clusters: never inside a Khmer stack or an emoji sequence).
    """
    words = text.split()
    lines: list[str] = []
    cur = ""
    for word in words:
        trial = f"{cur} {word}" if cur else word
        if f.length(trial) <= width:
            cur = trial
            continue
        if cur:
            lines.append(cur)
        while f.length(word) > width:  # one word wider than the line: cut it
            parts = clusters(word)
            cut = len(parts)
            while cut > 1 and f.length("".join(parts[:cut])) > width:
                cut -= 1
            lines.append("".join(parts[:cut]))
            word = "".join(parts[cut:])
        cur = word
    if cur:
        lines.append(cur)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [_ellipsis(lines[max_lines - 1], f, width)]
    return lines or [""]


def _ellipsis(line: str, f: Face, width: int) -> str:
    """``line`` shortened to end in '…' within ``width``: whole words dropped first."""
    words = line.split()
    while len(words) > 1 and f.length(" ".join(words) + "…") > width:
        words.pop()
    parts = clusters(" ".join(words))
    while parts and f.length("".join(parts) + "…") > width:
        parts.pop()
    return "".join(parts).rstrip(" ,;:–-") + "…"


@lru_cache(maxsize=8192)
def _length(face: Face, text: str) -> float:
    # Cards repeat the same column, Department, labels and unit names:
    # measuring each string once keeps a thousand cards within seconds.
    return sum(_run_length(face.font(r.script), r) for r in _runs(text))


def _run_length(f: ImageFont.FreeTypeFont, run: Run) -> float:
    if run.script in SHAPED:
        return float(f.getlength(run.text))
    # Basic layout and no 'kern' table (tests/unit/test_cards.py checks both):
    # a run's length is the sum of its letters' advances, each measured once.
    return sum(advance(f, ch) for ch in run.text)


def fonts_in_use() -> list[str]:
    """Every font file a card may draw with (an input of the cards' cache key)."""
    return sorted(set(FILES.values()))


def has_shaped(text: str) -> bool:
    return any(r.script in SHAPED for r in _runs(text))
