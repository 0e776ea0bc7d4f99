"""The three cards issue 15 was judged on, against images checked by eye.

A Khmer name (in the name itself, and as ``name_km``), an emoji in a
collective's name, and a very long Vietnamese name. Regenerate the references
with SHOWCASE_REGEN_REFERENCE=1 after a deliberate change to the cards, and
look at them (tests/unit/data/cards/*.png) before committing.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib

import pytest
from PIL import Image, ImageChops, ImageStat

from showcase.publish.media import cards

DATA = pathlib.Path(__file__).parent / "data" / "cards"
BASE = cards.CardSpec(
    name="", unit="Phòng Văn hóa và Thông tin thị xã Vĩnh Châu",
    column="Gương điển hình tiên tiến",
    department="Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng", kind="Cá nhân",
    field="culture-arts-sports", field_label="Văn hóa, nghệ thuật, thể dục thể thao",
    sectors=("culture",),
)
SPECS = {
    "khmer": dataclasses.replace(BASE, name="Thạch Thị Sa Rươne (ថាច់ ធី សារឿន)"),
    "khmer-name-km": dataclasses.replace(BASE, name="Thạch Thị Sa Rươne",
                                         name_km="ថាច់ ធី សារឿន"),
    "emoji": dataclasses.replace(BASE, name="Câu lạc bộ Dù kê Phường 5 🎭🎶", kind="Tập thể",
                                 sectors=("culture", "tourism")),
    "long": dataclasses.replace(
        BASE, kind="Tập thể", field="social-life", field_label="Đời sống xã hội",
        name="Tập thể Câu lạc bộ Đờn ca tài tử Nam Bộ và Nghệ thuật Sân khấu Dù kê Khmer "
             "ấp Prey Chóp xã Thạnh Phú huyện Mỹ Xuyên",
        unit="Trung tâm Thông tin Xúc tiến Du lịch tỉnh Sóc Trăng và Phòng Văn hóa và "
             "Thông tin huyện Mỹ Xuyên"),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_card_matches_the_reference(name: str) -> None:
    im = cards.draw_card(SPECS[name], None)
    ref_path = DATA / f"{name}.png"
    if os.environ.get("SHOWCASE_REGEN_REFERENCE"):
        DATA.mkdir(parents=True, exist_ok=True)
        im.save(ref_path, optimize=True)
    with Image.open(ref_path) as ref:
        diff = ImageChops.difference(ref.convert("RGB"), im)
        assert max(ImageStat.Stat(diff).mean) < 1.0, name


def test_khmer_name_is_drawn_once_and_the_khmer_line_adds_ink() -> None:
    with_km = cards.draw_card(SPECS["khmer-name-km"], None)
    without = cards.draw_card(dataclasses.replace(SPECS["khmer-name-km"], name_km=""), None)
    assert with_km.tobytes() != without.tobytes()
    # Already in the name: not repeated on its own line.
    repeated = dataclasses.replace(SPECS["khmer"], name_km="ថាច់ ធី សារឿន")
    assert cards.draw_card(repeated, None).tobytes() == \
        cards.draw_card(SPECS["khmer"], None).tobytes()
