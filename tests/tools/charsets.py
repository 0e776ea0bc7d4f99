"""Regenerate ``showcase/content/charsets.py`` from the shipped card fonts.

    .venv/bin/python tests/tools/charsets.py > scripts/showcase/content/charsets.py

The table says which code points the column can draw, per script; the check
refuses text outside it (SC100) and the card drawer picks a font by it.
tests/unit/test_scripts.py fails when the table and the fonts disagree.
Needs fontTools (a dev dependency): nothing at build time reads font tables.
"""

from __future__ import annotations

import os
import sys
import unicodedata

from fontTools.ttLib import TTFont

FONTS = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "showcase", "fonts")
# One file per script is enough: every weight of a family has the same cmap
# (tests/unit/test_scripts.py checks that too).
SOURCES = {
    "latin": "BeVietnamPro-Regular.ttf",
    "khmer": "NotoSansKhmer-Regular.ttf",
    "emoji": "NotoEmoji-Bold.ttf",
}
KHMER_BLOCKS = ((0x1780, 0x17FF), (0x19E0, 0x19FF))


def cmap(name: str) -> set[int]:
    return set(TTFont(os.path.join(FONTS, name)).getBestCmap())


def _kept(cp: int) -> bool:
    # Controls, format characters (ZWJ, variation selectors, tags), separators
    # and private use are not "drawn": the drawer keeps the format characters
    # inside the cluster they belong to; the rest is refused elsewhere.
    return unicodedata.category(chr(cp))[0] not in "CZ"


def tables() -> dict[str, list[tuple[int, int]]]:
    latin = {cp for cp in cmap(SOURCES["latin"]) if _kept(cp)}
    khmer = {cp for cp in cmap(SOURCES["khmer"])
             if any(a <= cp <= b for a, b in KHMER_BLOCKS) and _kept(cp)}
    emoji = {cp for cp in cmap(SOURCES["emoji"])
             if _kept(cp) and cp > 0x7F and cp not in latin}
    return {"latin": ranges(latin), "khmer": ranges(khmer), "emoji": ranges(emoji)}


def ranges(cps: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return out


def render(t: dict[str, list[tuple[int, int]]]) -> str:
    lines = [
        '"""Code points the shipped fonts draw, by script (generated: do not edit).',
        "",
        "Made by ``tests/tools/charsets.py`` from the card fonts in ``fonts/``;",
        "``tests/unit/test_scripts.py`` fails when this table and the fonts disagree.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "RANGES: dict[str, tuple[tuple[int, int], ...]] = {",
    ]
    for script, rs in t.items():
        lines.append(f'    "{script}": (')
        row = "       "
        for a, b in rs:
            item = f" (0x{a:04X}, 0x{b:04X}),"
            if len(row) + len(item) > 96:
                lines.append(row)
                row = "       "
            row += item
        lines.append(row)
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render(tables()))
