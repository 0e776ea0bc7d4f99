"""Story cost limits: pathological Markdown refused fast, everything accepted renders fast.

The figures behind the limits (python-markdown 3.11, one core of the CI
machine): 20,000 '[' take minutes to render; every body below, built to sit
just under a limit, renders in well under a second; a story of 1,200 words
with headings, lists, links and a table uses a few percent of each limit.
"""

from __future__ import annotations

import time

import pytest

from showcase.content import storylimits as S
from showcase.publish.markup import story_html

# Generous against a loaded CI machine; the measured worst case is ~0.5 s.
RENDER_SECONDS = 3.0
CHECK_SECONDS = 0.5

PROSE = "Ông gắn bó với phong trào văn nghệ ở ấp từ những năm đầu tiên, "


def _fill(core: str, size: int = S.MAX_CHARS - 100) -> str:
    body = core
    while len(body) + len(PROSE) < size:
        body += PROSE
    return body


def _kinds(body: str) -> list[str]:
    start = time.perf_counter()
    found = [e.kind for e in S.check(body)]
    assert time.perf_counter() - start < CHECK_SECONDS, "the check itself must stay cheap"
    return found


def _renders_fast(body: str) -> float:
    start = time.perf_counter()
    story_html(body)
    elapsed = time.perf_counter() - start
    assert elapsed < RENDER_SECONDS, f"accepted story took {elapsed:.1f} s to render"
    return elapsed


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("[" * 20_000, "brackets"),
        ("![" * 10_000, "brackets"),
        ("[a](" * 300, "brackets"),
        ("[" * 400 + "x" + "]" * 400, "brackets"),
        ("[x" * 8 + _fill("", 29_000), "brackets"),  # 8 unclosed '[' in one long paragraph
        ("(" * 8 + _fill("", 29_000), "brackets"),
        ("a*" * 2_500, "marks"),
        ("_a" * 2_500, "marks"),
        ("\\*" * 1_200, "marks"),
        ("` a" * 2_100, "marks"),
        ("&amp; " * 2_100, "marks"),
        ("|a|b|\n|-|-|\n" + "|x|y|\n" * 700, "marks"),
        ("- x\n\n" * 2_100, "marks"),
        ("## x\n\n" * 2_100, "marks"),
        ("a\n=\n\n" * 2_100, "marks"),
        ("## x\n" * 600, "split"),
        ("---\n" * 700, "split"),
        ("".join("    " * i + "- x\n" for i in range(12)), "depth"),
        ("> " * 11 + "x", "depth"),
        ("> - " * 6 + "x", "depth"),
        (" " * 60 + "x", "depth"),
        ("\t" * 12 + "x", "depth"),
        (PROSE * 600, "chars"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None,
)
def test_pathological_story_is_refused_fast(body, kind):
    assert kind in _kinds(body)


def test_twenty_kilobytes_of_brackets_refused_in_milliseconds():
    body = "[" * 20_000
    start = time.perf_counter()
    found = list(S.check(body))
    elapsed = time.perf_counter() - start
    assert {e.kind for e in found} == {"brackets", "marks"}
    assert elapsed < 0.2, f"{elapsed * 1000:.0f} ms"


@pytest.mark.parametrize(
    "body",
    [
        "a*" * 1_900,
        "*a" * 1_900,
        "\\*" * 900 + PROSE * 100,
        "[x" * 4 + _fill("", 29_000),  # 4 unclosed '[' in a 29,000-character paragraph
        "[" * 270 + "x" + "]" * 270,
        "[x](/y) " * 1_900,
        "![a](b) " * 1_900,
        "## x\n\n" * 1_900,
        "a\n=\n\n" * 1_900,
        "- x\n\n" * 1_900,
        "|a|b|\n|-|-|\n" + "|x|y|\n" * 600,
        "## x\n" * 100 + _fill("", 14_000),
        ("".join("    " * i + "- x\n" for i in range(10)) + "\n") * 40,
        "<https://example.gov.vn> " * 1_150,
        "&amp; " * 1_900,
        "` a" * 1_900,
        "a  \n" * 7_000,
        _fill(""),
        ("Ông gắn bó với phong trào.\n" * 1_100)[: S.MAX_CHARS],
        "*" * 900 + "x" + "*" * 900,
    ],
    ids=range(20),
)
def test_story_just_under_the_limits_renders_fast(body):
    assert _kinds(body) == []
    _renders_fast(body)


def _profile_story(words: int = 1_200) -> str:
    """A long but ordinary story: headings, paragraphs, lists, links, a quote, a table."""
    sentences = [
        "Ông Nguyễn Văn A sinh ra và lớn lên ở ấp Mỹ Phước, xã Mỹ Quới.",
        "Từ nhỏ ông đã mê tiếng đờn kìm của ông nội và các bác trong xóm.",
        "Năm 1995, ông cùng bà con thành lập **câu lạc bộ đờn ca tài tử** của ấp.",
        "Câu lạc bộ sinh hoạt đều đặn vào tối thứ Bảy hằng tuần tại nhà văn hóa ấp.",
        "Ông vận động các gia đình cùng giữ gìn *nếp sống văn hóa* trong khu dân cư.",
        "Xem thêm tại [trang của Sở](https://example.gov.vn/tin-tuc/doi-van-nghe) "
        "và [bài báo tỉnh](https://example.gov.vn/bao/2024/05/20) (đăng năm 2024).",
    ]
    parts: list[str] = []
    count = 0
    section = 0
    while count < words:
        section += 1
        parts.append(f"## Phần {section}: hành trình và đóng góp")
        for _ in range(3):
            para = " ".join(sentences)
            parts.append(para)
            count += len(para.split())
        parts.append("\n".join(f"- Hoạt động {i}: biểu diễn phục vụ bà con, "
                               f"[ảnh {i}](https://example.gov.vn/anh/{i})" for i in range(1, 6)))
        parts.append("1. Tập luyện\n2. Biểu diễn\n    - ở ấp\n    - ở xã\n3. Truyền dạy")
        parts.append("> Tiếng đờn là hồn của xóm ấp. — lời ông A")
        parts.append("| Năm | Giải thưởng |\n| --- | --- |\n| 2022 | Giải nhì |\n"
                     "| 2023 | Giải nhất |")
        count += 60
    return "\n\n".join(parts) + "\n"


def test_ordinary_long_profile_passes_with_room_to_spare():
    body = _profile_story()
    assert len(body.split()) >= 1_200
    assert _kinds(body) == []
    # A few percent of each limit: editors never meet them by writing normally.
    marks = sum(body.count(c) for c in "*_`\\<&[|") + body.count("\n- ") + body.count("\n#")
    assert marks < S.MAX_MARKS / 2 and len(body) < S.MAX_CHARS / 2
    assert _renders_fast(body) < 1.0


def test_every_excess_has_a_vietnamese_message_and_a_code():
    body = "[" * 20_000 + "\n" + "> " * 12 + "x\n" + "## x\n" * 600 + PROSE * 600
    found = list(S.check(body))
    assert {e.kind for e in found} == {"chars", "depth", "marks", "brackets", "split"}
    codes = set()
    for e in found:
        code, message, hint = S.message(e)
        codes.add(code)
        assert message and hint and any(c in message for c in "ăâđêôơư")
    assert codes == {"SC072", "SC073", "SC074", "SC075", "SC076"}


def test_line_of_the_problem():
    body = "Mở đầu.\n\n" + "> " * 12 + "x\n"
    (e,) = [e for e in S.check(body) if e.kind == "depth"]
    assert e.offset_line == 2
    body = "Mở đầu.\n\nĐoạn hai [chưa [đóng [[[[[[ " + PROSE * 400
    (e,) = S.check(body)
    assert (e.kind, e.offset_line) == ("brackets", 2)
