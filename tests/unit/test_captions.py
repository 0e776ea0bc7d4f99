"""The ready-to-post caption: content, order, hashtags and the Facebook/Zalo limits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from showcase.content.model import Consent, Profile
from showcase.content.vocab import FIELDS, SECTORS
from showcase.publish.feeds import captions

URL = "https://example.gov.vn/guong-dien-hinh/ho-so/tran-thi-b/"
UNIT = "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu"
COLUMN = "Gương điển hình tiên tiến"
DEPARTMENT = "Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng"
BASE = Profile(
    path="profiles/vhtt-a/2024-tran-thi-b.md", unit="vhtt-a", slug="tran-thi-b",
    name="Trần Thị B", kind="individual", field="culture-arts-sports",
    sectors=("culture", "family"), introduced=dt.date(2024, 5, 20),
    summary=("Bà Trần Thị B mở lớp dạy đờn ca tài tử miễn phí ở TP. Sóc Trăng. "
             "Lớp học đã có hơn trăm học viên! Nhiều em đoạt giải cấp tỉnh. Câu thứ tư."),
    body="Bài viết.", body_line=10, title="Người giữ lửa đờn ca tài tử",
    published=dt.date(2024, 6, 3),
    consent=Consent(dt.date(2024, 5, 15), "12/ĐY", frozenset({"web", "social"})),
)
HASHTAG = re.compile(r"^#\w+$")  # what Facebook and Zalo take as one hashtag


def make(p: Profile = BASE, sample: bool = False) -> captions.Caption:
    return captions.caption(p, UNIT, URL, COLUMN, DEPARTMENT, sample)


def test_caption_has_every_part_in_order() -> None:
    text = make().text
    lines = text.split("\n")
    assert lines[0] == "Người giữ lửa đờn ca tài tử"
    assert lines[1] == "Trần Thị B"
    parts = [
        "Bà Trần Thị B mở lớp dạy đờn ca tài tử miễn phí ở TP. Sóc Trăng. "
        "Lớp học đã có hơn trăm học viên!",
        f"Đơn vị giới thiệu: {UNIT}",
        f"Xem chi tiết: {URL}",
        "#GươngĐiểnHìnhTiênTiến #VănHóaNghệThuậtThểThao #VănHóa #GiaĐình",
        f"Nguồn: chuyên mục “{COLUMN}”, {DEPARTMENT}",
    ]
    at = [text.index(p) for p in parts]
    assert at == sorted(at)
    assert "Nhiều em đoạt giải" not in text  # two sentences, no more
    assert "<" not in text and "&amp;" not in text  # plain text, pasted as is


def test_two_sentences_respect_abbreviations() -> None:
    assert captions.sentences("Ông ở TP. Sóc Trăng. Bà ở Q. 5 đã lâu. Hết") == [
        "Ông ở TP. Sóc Trăng.", "Bà ở Q. 5 đã lâu.", "Hết"]
    assert captions.sentences("Một câu không chấm") == ["Một câu không chấm"]
    assert captions.sentences("“Câu trích.” Câu sau…  Câu cuối?") == [
        "“Câu trích.”", "Câu sau…", "Câu cuối?"]


@pytest.mark.parametrize("field", list(FIELDS))
def test_hashtags_are_single_words_for_every_field_and_sector(field: str) -> None:
    p = dataclasses.replace(BASE, field=field, sectors=tuple(SECTORS))
    tags = captions.hashtags(p)
    assert len(tags) == len(set(tags)) == 2 + len(SECTORS)
    for tag in tags:
        assert HASHTAG.match(tag), tag


def test_khmer_name_and_a_headline_that_is_the_name() -> None:
    p = dataclasses.replace(BASE, title="Trần Thị B", name_km="ថាច់ ធី")
    lines = make(p).text.split("\n")
    assert lines[0] == "Trần Thị B (ថាច់ ធី)"
    assert lines[1] == ""
    q = dataclasses.replace(BASE, name="Thạch Thị Sa Rươne (ថាច់ ធី)", name_km="ថាច់ ធី")
    assert "(ថាច់ ធី) (ថាច់ ធី)" not in make(q).text


def test_sample_captions_say_so() -> None:
    assert make(sample=True).text.startswith(captions.SAMPLE_LINE + "\n")
    assert captions.SAMPLE_LINE not in make().text


def test_longest_possible_profile_stays_within_the_limits() -> None:
    """Every field at the contract's maximum: within Zalo's 2,000 and the phone fold."""
    p = dataclasses.replace(
        BASE, name="Nguyễn " * 28 + "A", name_km="ថាច់" * 50, title="Tiêu đề " * 25,
        summary=("Một câu rất dài " * 9 + ". ") * 2, field="party-government-unions",
        sectors=tuple(SECTORS))
    unit = "Phòng Văn hóa và Thông tin " * 7
    url = "https://example.gov.vn/guong-dien-hinh/ho-so/" + "a" * 120 + "/"
    c = captions.caption(p, unit, url, COLUMN, DEPARTMENT, True)
    assert c.units <= captions.MAX_UNITS
    lines = c.text.split("\n")
    assert len(lines[1]) <= captions.FOLD  # the headline, under the sample line
    assert url in c.text and c.text.rstrip().endswith(DEPARTMENT)


def test_summary_is_shortened_at_a_word_only_when_needed() -> None:
    p = dataclasses.replace(BASE, summary="Chữ " * 700)  # beyond the contract, on purpose
    c = make(p)
    assert c.units <= captions.MAX_UNITS
    body = c.text.split("\n\n")[1]
    assert body.endswith("Chữ…")
    assert make().units < 700


def test_emoji_count_two_units() -> None:
    assert captions.utf16_units("🎭") == 2
    assert captions.utf16_units("Đờn") == 3
    assert captions.shorten("một hai ba", 7) == "một…"
