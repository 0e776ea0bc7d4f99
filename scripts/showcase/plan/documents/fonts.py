"""The Times-metric serif the official documents are set in, and its widths.

The office works in Times New Roman; Debian's Liberation Serif
(``fonts-liberation2``, installed by ``make doc-deps``) has the same advance
widths, so a PDF set in it breaks lines where the Word file opened in Times
New Roman does. The header lines are broken by :func:`width` (advance widths,
no kerning) before either writer sees them, so both files hold the same lines.
Without either font the documents fall back to the serif the PDF then embeds
(Noto Serif, or the package's Be Vietnam Pro): wider, so a line measured with it
still fits in Times.
"""

from __future__ import annotations

import functools
import os

# The CSS font stack of the PDFs: Times New Roman where installed, else its
# metric twin; DocSerif is the last resort (see pdf.font_css).
FAMILIES = ("Times New Roman", "Liberation Serif")
# Liberation 2 only: 1.07 (Debian's fonts-liberation) lacks the Vietnamese letters.
_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/msttcorefonts")
_FILES = {  # (bold, italic) -> file names, Liberation's then the msttcorefonts'
    (False, False): ("LiberationSerif-Regular.ttf", "Times_New_Roman.ttf", "times.ttf"),
    (True, False): ("LiberationSerif-Bold.ttf", "Times_New_Roman_Bold.ttf", "timesbd.ttf"),
    (False, True): ("LiberationSerif-Italic.ttf", "Times_New_Roman_Italic.ttf", "timesi.ttf"),
    (True, True): ("LiberationSerif-BoldItalic.ttf", "Times_New_Roman_Bold_Italic.ttf",
                   "timesbi.ttf"),
}


PACKAGE_FONTS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "fonts")
NOTO = "/usr/share/fonts/truetype/noto"


def fallback_faces() -> dict[tuple[str, str], str]:
    """(weight, style) -> font file of DocSerif, the serif of the honour book and
    the documents' last resort: Noto Serif from Debian's ``fonts-noto-core`` when
    installed, else the Be Vietnam Pro shipped with the package (both Vietnamese)."""
    noto = {("normal", "normal"): "NotoSerif-Regular.ttf", ("bold", "normal"):
            "NotoSerif-Bold.ttf", ("normal", "italic"): "NotoSerif-Italic.ttf",
            ("bold", "italic"): "NotoSerif-BoldItalic.ttf"}
    if all(os.path.isfile(os.path.join(NOTO, f)) for f in noto.values()):
        return {k: os.path.join(NOTO, f) for k, f in noto.items()}
    regular = os.path.join(PACKAGE_FONTS, "BeVietnamPro-Regular.ttf")
    bold = os.path.join(PACKAGE_FONTS, "BeVietnamPro-Bold.ttf")
    return {("normal", "normal"): regular, ("bold", "normal"): bold,
            ("normal", "italic"): regular, ("bold", "italic"): bold}


def times_file(bold: bool = False, italic: bool = False) -> str | None:
    """The installed Times-metric font file of that face, if any."""
    for d in _DIRS:
        for name in _FILES[(bold, italic)]:
            path = os.path.join(d, name)
            if os.path.isfile(path):
                return path
    return None


def has_times() -> bool:
    """Whether the PDFs can be set in a Times-metric font (all four faces)."""
    return all(times_file(b, i) for b in (False, True) for i in (False, True))


@functools.cache
def _advances(path: str) -> tuple[dict[int, float], float]:
    """Code point -> advance width in em, and the .notdef width."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    upm = float(font["head"].unitsPerEm)
    metrics = font["hmtx"].metrics
    widths = {cp: metrics[g][0] / upm for cp, g in font.getBestCmap().items()}
    return widths, metrics[font.getGlyphOrder()[0]][0] / upm


def width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points (advances summed, no kerning),
    in the Times-metric font when installed, else in the fallback serif."""
    path = times_file(bold) or fallback_faces()[("bold" if bold else "normal", "normal")]
    widths, notdef = _advances(path)
    return size * sum(widths.get(ord(c), notdef) for c in text)
