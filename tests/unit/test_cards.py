"""Share cards: size, Vietnamese text actually rendered, contrast, wrapping."""

from __future__ import annotations

import os
import pathlib
import random

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from showcase.publish.media import cards

DATA = pathlib.Path(__file__).parent / "data"
REFERENCE = DATA / "diacritics.png"
SAMPLE = "Gương điển hình: ẫ ậ ở ự Ẫ Ậ Ở Ự đ Đ ă â ê ô ơ ư"
LETTERS = "ăâđêôơưẫậởựẪẬỞỰĐ"

SPEC = cards.CardSpec(
    name="Hộ gia đình ông Sơn Văn Hậu", unit="Phòng Văn hóa và Thông tin thị xã Vĩnh Châu",
    column="Gương điển hình tiên tiến", department="Sở Văn hóa, Thể thao và Du lịch",
    kind="Hộ gia đình", field="social-life", field_label="Đời sống xã hội",
    sectors=("family", "tourism"),
)


def render(text: str, weight: str = "bold", size: int = 40) -> Image.Image:
    """Black text on white, with room above and below for stacked marks."""
    f = cards.font(weight, size)
    im = Image.new("L", (int(f.getlength(text)) + 20, size * 2), 255)
    ImageDraw.Draw(im).text((10, size // 2), text, font=f, fill=0)
    return im


def reference_image() -> Image.Image:
    bold, regular = render(SAMPLE, "bold"), render(SAMPLE, "regular")
    im = Image.new("L", (max(bold.width, regular.width), bold.height * 2), 255)
    im.paste(bold, (0, 0))
    im.paste(regular, (0, bold.height))
    return im


def test_card_is_1200_by_630() -> None:
    im = cards.draw_card(SPEC, None)
    assert (im.mode, im.size) == ("RGB", (1200, 630))
    photo = Image.new("RGB", (300, 900), (200, 100, 50))
    assert cards.draw_card(SPEC, photo).size == (1200, 630)


def test_photo_fills_its_panel() -> None:
    photo = Image.new("RGB", (300, 900), (200, 100, 50))
    im = cards.draw_card(SPEC, photo)
    for xy in ((cards.PANEL_X + 5, 5), (1195, 625), (cards.PANEL_X + 200, 315)):
        assert im.getpixel(xy) == (200, 100, 50)


def test_diacritics_match_the_reference_rendering() -> None:
    """A font without Vietnamese glyphs (or a broken fallback) renders differently."""
    im = reference_image()
    if os.environ.get("SHOWCASE_REGEN_REFERENCE"):
        DATA.mkdir(exist_ok=True)
        im.save(REFERENCE, optimize=True)
    with Image.open(REFERENCE) as ref:
        assert ref.size == im.size
        diff = ImageChops.difference(ref.convert("L"), im)
        # Small FreeType differences in anti-aliasing are fine; a missing glyph is not.
        assert ImageStat.Stat(diff).mean[0] < 1.5


@pytest.mark.parametrize("weight", ["regular", "bold"])
def test_every_vietnamese_letter_has_its_own_glyph(weight: str) -> None:
    notdef = render("\ue000", weight)  # private-use code point: the font's .notdef box
    for letter, base in zip(LETTERS, "aadeoouaaouAAOUD", strict=True):
        im = render(letter, weight)
        assert im.tobytes() != notdef.tobytes(), letter
        assert im.tobytes() != render(base, weight).tobytes(), letter
        # The marks add ink above (or below) the base letter.
        box, base_box = im.point(lambda v: v < 128 and 255).getbbox(), \
            render(base, weight).point(lambda v: v < 128 and 255).getbbox()
        assert box and base_box
        assert (box[1] < base_box[1] or box[3] > base_box[3]
                or letter in "đĐơư"), letter  # đ, ơ, ư: a bar or horn, not above


def _luminance(rgb: tuple[int, int, int]) -> float:
    def chan(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (chan(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("field", sorted(cards.FIELD_COLOURS))
def test_text_colours_have_good_contrast(field: str) -> None:
    bg = cards.FIELD_COLOURS[field]
    assert contrast(cards.WHITE, bg) >= 7
    assert contrast(cards.MUTED, bg) >= 7
    assert contrast(cards.ACCENT, bg) >= 4.5


def test_wrap_fits_width_and_ellipsises() -> None:
    f = cards.face("bold", 60)
    text = "Tập thể Câu lạc bộ Đờn ca tài tử Nam Bộ phường Năm thành phố Sóc Trăng " * 3
    lines = cards.wrap(text, f, cards.TEXT_W, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(f.length(line) <= cards.TEXT_W for line in lines)
    long_word = "Khôngcókhoảngtrắng" * 6
    cut = cards.wrap(long_word, f, 400, 5)
    assert all(f.length(line) <= 400 for line in cut)
    assert "".join(cut).rstrip("…").startswith(long_word[:10])


def test_long_name_never_reaches_the_photo_panel() -> None:
    spec = cards.CardSpec(**{**SPEC.__dict__, "name": "Nguyễn " * 40, "unit": "Đơn vị " * 30})
    plain = Image.new("RGB", (10, 10), (0, 0, 0))
    im = cards.draw_card(spec, plain)
    strip = im.crop((cards.PAD + cards.TEXT_W + 4, 0, cards.PANEL_X - cards.STRIP, 630))
    assert strip.getcolors() == [(strip.width * 630, cards.FIELD_COLOURS[spec.field])]


def test_placeholder_uses_the_sector_colours() -> None:
    a = cards.draw_card(SPEC, None)
    b = cards.draw_card(cards.CardSpec(**{**SPEC.__dict__, "sectors": ("sports",)}), None)
    panel = (cards.PANEL_X, 0, 1200, 630)
    assert a.crop(panel).tobytes() != b.crop(panel).tobytes()
    assert cards.initial("Nguyễn Văn Ất") == "Ấ"
    assert cards.initial("Câu lạc bộ Dù kê Phường 5") == "P"
    assert cards.initial("  ") == "?"


@pytest.mark.parametrize("text", [
    "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu", "Cá nhân · Đời sống xã hội",
    "Thạch Thị Sa Rươne (ថាច់ ធី សារឿន)", "Câu lạc bộ Dù kê 🎭🎶 Phường 5", "ថាច់ ធី សារឿន",
])
@pytest.mark.parametrize("x", [64, 64.5, 101.328125])
def test_stamped_text_has_the_pixels_of_drawn_text(text: str, x: float) -> None:
    """Recurring lines are pasted from a kept rendering: the same pixels as drawing them."""
    f = cards.face("regular", 28)
    drawn = Image.new("RGB", (900, 120), cards.FIELD_COLOURS["social-life"])
    stamped = drawn.copy()
    f.draw(drawn, (x, 70), text, cards.WHITE)
    for _ in range(2):  # the second time from the kept rendering
        im = stamped.copy()
        f.stamp(im, (x, 70), text, cards.WHITE)
        assert im.tobytes() == drawn.tobytes()
    assert drawn.getbbox() and ImageChops.difference(drawn, stamped).getbbox()  # ink drawn


@pytest.mark.parametrize("weight", ["regular", "bold"])
def test_latin_lengths_are_sums_of_letter_advances(weight: str) -> None:
    """Lines are measured letter by letter (each letter once): exact only for the basic
    layout of a font without a 'kern' table, which the shipped Be Vietnam Pro is."""
    from fontTools.ttLib import TTFont

    from showcase.publish.media import typeset

    assert "kern" not in TTFont(os.path.join(typeset.FONT_DIR, typeset.FILES["latin", weight]))
    f = cards.face(weight, 56)
    rng = random.Random(weight)
    letters = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậéèẻẽẹíìóòỏõọốồớờúùủũụứừýỳ"
               "0123456789·,.()-–")
    for _ in range(300):
        s = "".join(rng.choice(letters) for _ in range(rng.randint(1, 40)))
        assert f.length(s) == f.font().getlength(s), s


@pytest.mark.parametrize("weight,size", [("bold", 72), ("bold", 44), ("regular", 22)])
def test_letter_by_letter_text_has_the_pixels_pillow_draws(weight: str, size: int) -> None:
    """Latin runs are composed from kept letters: the bytes of Pillow drawing the run."""
    f = cards.face(weight, size)
    rng = random.Random(size)
    letters = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậéèẻẽẹíìóòỏõọốồớờúùủũụứừýỳ"
               "ỹỵỷ0123456789·,.()-–'fijW")
    for _ in range(60):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(1, 24)))
        xy = (40 + rng.randint(0, 127) / 64, 30 + size + rng.choice((0, 0.5, 0.25)))
        drawn = Image.new("RGB", (1400, 60 + 2 * size), cards.FIELD_COLOURS["culture-arts-sports"])
        composed = drawn.copy()
        ImageDraw.Draw(drawn).text(xy, text, font=f.font(), fill=cards.ACCENT, anchor="ls")
        f.draw(composed, xy, text, cards.ACCENT)
        assert composed.tobytes() == drawn.tobytes(), (text, xy)
