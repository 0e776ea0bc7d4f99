"""Every script the column accepts is drawn by a shipped font, and Khmer is shaped.

The table of drawable code points (content/charsets.py) is generated from the
fonts; these tests fail when a code point of it has no glyph in a font that
draws its script, when the table is stale, or when Khmer is drawn unshaped.
Regenerate the reference image with SHOWCASE_REGEN_REFERENCE=1.
"""

from __future__ import annotations

import os
import pathlib
import sys

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat

from showcase.content import charsets, scripts
from showcase.publish.media import cards, typeset

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tools"))
import charsets as generator  # noqa: E402  (tests/tools/charsets.py)

DATA = pathlib.Path(__file__).parent / "data"
REFERENCE = DATA / "scripts.png"
SAMPLES = {
    "latin": "Gương điển hình: Đờn ca tài tử, Dù kê, Oóc Om Bóc – “ghe Ngo” … 2025 ₫",
    "khmer": "ថាច់ ធី សារឿន ស្រី ក្សត្រ ព្រះ ៗ ១២៣ ៛",
    "emoji": "🎭🎶🏆❤️👨‍👩‍👧👍🏽🇻🇳1️⃣",
}
KHMER_CLUSTERS = ["ស្រី", "ក្ស", "ព្រះ", "ឿន"]  # coeng subscripts, pre-base vowels


def _cmap(name: str) -> set[int]:
    return set(TTFont(os.path.join(typeset.FONT_DIR, name)).getBestCmap())


def test_charsets_table_is_generated_from_the_fonts() -> None:
    assert {k: tuple(v) for k, v in generator.tables().items()} == charsets.RANGES, (
        "Run: .venv/bin/python tests/tools/charsets.py > scripts/showcase/content/charsets.py")


@pytest.mark.parametrize(("script", "weight"), list(typeset.FILES))
def test_every_code_point_of_a_script_has_a_glyph(script: str, weight: str) -> None:
    have = _cmap(typeset.FILES[script, weight])
    missing = [f"U+{cp:04X}" for a, b in charsets.RANGES[script] for cp in range(a, b + 1)
               if cp not in have]
    assert not missing, f"{typeset.FILES[script, weight]} lacks {missing[:20]}"


@pytest.mark.parametrize("script", list(SAMPLES))
def test_each_sample_is_drawable_and_drawn_by_its_script(script: str) -> None:
    text = SAMPLES[script]
    assert scripts.undrawable(text, card=True) == []
    used = {r.script for r in typeset.runs(text) if r.text.strip()}
    assert script in used
    for weight in ("regular", "bold"):
        have = _cmap(typeset.FILES[script, weight])
        for run in typeset.runs(text):
            if run.script == script:
                for ch in run.text:
                    assert ord(ch) in have or ch.isspace() or ch in "\ufe0f\u200d", (
                        f"{ch!r} U+{ord(ch):04X} has no glyph in {typeset.FILES[script, weight]}")


def test_pillow_shapes_complex_scripts() -> None:
    assert typeset.can_shape(), (
        "Pillow has no raqm: install libfribidi0 (make font-deps) so it can load libraqm")


def _draw(text: str, size: int = 48) -> Image.Image:
    f = cards.face("bold", size)
    im = Image.new("RGB", (int(f.length(text)) + 20, size * 2), (255, 255, 255))
    f.draw(im, (10, size * 1.3), text, (0, 0, 0))
    return im.convert("L")


def test_khmer_is_shaped_not_drawn_letter_by_letter() -> None:
    font = typeset._font("khmer", "bold", 48)
    basic = ImageFont.truetype(font.path, 48, layout_engine=ImageFont.Layout.BASIC)
    for cluster in KHMER_CLUSTERS:
        # Shaped, the subscript (coeng + consonant) takes no width of its own;
        # unshaped it is set after the base with a dotted circle.
        if "\u17d2" in cluster:
            assert font.getlength(cluster) < basic.getlength(cluster), cluster
        shaped = _draw(cluster)
        im = Image.new("L", shaped.size, 255)
        ImageDraw.Draw(im).text((10, 48 * 1.3), cluster, font=basic, fill=0, anchor="ls")
        assert shaped.tobytes() != im.tobytes(), cluster


def reference_image() -> Image.Image:
    rows = [_draw(SAMPLES[s]) for s in SAMPLES]
    im = Image.new("L", (max(r.width for r in rows), sum(r.height for r in rows)), 255)
    y = 0
    for r in rows:
        im.paste(r, (0, y))
        y += r.height
    return im


def test_scripts_match_the_reference_rendering() -> None:
    """The reference (tests/unit/data/scripts.png) was checked by eye: Khmer stacks
    and pre-base vowels in place, emoji sequences as one glyph, no empty boxes."""
    im = reference_image()
    if os.environ.get("SHOWCASE_REGEN_REFERENCE"):
        DATA.mkdir(exist_ok=True)
        im.save(REFERENCE, optimize=True)
    with Image.open(REFERENCE) as ref:
        assert ref.size == im.size
        diff = ImageChops.difference(ref.convert("L"), im)
        assert ImageStat.Stat(diff).mean[0] < 1.5


def test_no_glyph_missing_on_a_card_of_each_script() -> None:
    """A card draws what it is given: ink where each sample's text goes."""
    for text in SAMPLES.values():
        f = cards.face("bold", 40)
        for run in typeset.runs(text):
            if run.text.strip():
                box = f.font(run.script).getbbox(run.text, anchor="ls")
                assert box[2] > box[0] and box[3] > box[1], run


@pytest.mark.parametrize(("text", "bad"), [
    ("Нгуен", ["Н", "г", "у", "е", "н"]),
    ("chùa 本頭公廟", ["本", "頭", "公", "廟"]),
    ("Nguyễn Văn A", []),
    ("Nguye\u0302\u0303n", []),  # NFD Vietnamese
    ("ថាច់ ធី សារឿន", []),
    ("a → b", []),  # a symbol: pages fall back to the reader's fonts
])
def test_undrawable_on_pages(text: str, bad: list[str]) -> None:
    assert scripts.undrawable(text) == bad


def test_card_text_refuses_symbols_no_font_draws() -> None:
    assert scripts.undrawable("a → b", card=True) == ["→"]
    assert scripts.undrawable("Đội 🎭 ❤️ 👨‍👩‍👧", card=True) == []
    assert scripts.describe("→") == "'→' (U+2192, ký hiệu)"
    assert scripts.describe("ж") == "'ж' (U+0436, chữ Kirin)"


def test_khmer_name_rules() -> None:
    assert scripts.not_khmer("ថាច់ ធី សារឿន") == []
    assert scripts.not_khmer("ថាច់\u200bធី") == []
    assert scripts.not_khmer("Thach ថាច់") == ["T", "h", "a", "c"]
    assert scripts.has_khmer("Thạch (ថាច់)")
    assert not scripts.has_khmer("Thạch")


def test_runs_keep_sequences_whole() -> None:
    assert [r.script for r in typeset.runs("Sa Rươne (ថាច់ ធី)")] == ["latin", "khmer", "latin"]
    family = "👨\u200d👩\u200d👧"
    assert typeset.clusters(family) == [family]
    assert typeset.clusters("🇻🇳🇰🇭") == ["🇻🇳", "🇰🇭"]
    assert [r.script for r in typeset.runs("1️⃣ a")] == ["emoji", "latin"]
    # a Khmer consonant keeps its coeng subscripts and vowel signs (a cut or an
    # ellipsis never splits the stack), and the zero-width space stays in the run
    assert typeset.clusters("ស្ត្រី") == ["ស្ត្រី"]
    assert typeset.clusters("ខ្មែរ") == ["ខ្មែ", "រ"]
    assert typeset.clusters("Nguyễn") == ["N", "g", "u", "y", "ễ", "n"]
    assert typeset.runs("ថាច់​ធី") == [typeset.Run("ថាច់​ធី", "khmer")]


def test_a_khmer_word_cut_on_a_card_keeps_its_stacks() -> None:
    word = "ស្ត្រីក្សត្រ" * 4
    face = typeset.Face("bold", 40)
    lines = typeset.wrap(word, face, 120, 10)
    assert len(lines) > 1 and "".join(lines) == word
    assert not any(line.endswith("្") for line in lines)  # no coeng left hanging
    short = typeset.wrap("ស្ត្រីក្សត្រ " * 6, face, 200, 1)[0]
    assert short.endswith("…") and not short[:-1].endswith("្")


def test_initial_prefers_the_vietnamese_given_name() -> None:
    assert cards.initial("Thạch Thị Sa Rươne (ថាច់ ធី សារឿន)") == "R"
    assert cards.initial("ថាច់ ធី សារឿន") == "ស"
    assert cards.initial("Đội văn nghệ 🎭") == "N"
