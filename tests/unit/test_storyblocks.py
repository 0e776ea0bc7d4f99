"""A story renders as its writer saw it in GitHub's preview: CommonMark (markdown-it-py)
is the oracle for the structure of lists, nesting and paragraphs."""

from __future__ import annotations

import random

import html5lib
import pytest
from markdown_it import MarkdownIt

from showcase.content import storyblocks
from showcase.publish import markup

_CM = MarkdownIt("commonmark")
Shape = list[object]


def _shape(html: str) -> Shape:
    """Blocks and their text, without what CommonMark and our site may differ on
    harmlessly: white space, <p> inside <li> (tight or loose spacing), and two
    adjacent lists of one kind ('-' then '*' starts another list in CommonMark)."""
    body = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False).getroot()[1]

    def walk(el) -> Shape:  # type: ignore[no-untyped-def]
        parts: Shape = []
        for piece in [el.text, *[x for c in el for x in (c, c.tail)]]:
            if piece is None or (isinstance(piece, str) and not piece.strip()):
                continue
            if isinstance(piece, str):
                item: object = " ".join(piece.split())
            elif piece.tag == "p" and el.tag == "li":
                parts.extend(walk(piece))
                continue
            else:
                item = (piece.tag, walk(piece))
            last = parts[-1] if parts else None
            if isinstance(item, str) and isinstance(last, str):
                parts[-1] = f"{last} {item}"
            elif (isinstance(item, tuple) and isinstance(last, tuple) and item[0] == last[0]
                  and item[0] in ("ul", "ol")):
                parts[-1] = (item[0], last[1] + item[1])
            else:
                parts.append(item)
        return parts

    return walk(body)


def _same_as_preview(src: str) -> None:
    assert _shape(markup.story_html(src)) == _shape(_CM.render(src)), src


@pytest.mark.parametrize("src", [
    "- Giải A\n  - cấp huyện\n  - cấp tỉnh\n- Giải B\n",  # GitHub's two spaces
    "- a\n  - b\n    - c\n      - d\n- e\n",
    "- a\n    - b\n        - c\n- d\n",  # four spaces: as before
    "- a\n\t- b\n\t\t- c\n",  # tabs
    "* a\n  * b\n* c\n", "+ a\n  + b\n",
    "1. Một\n   1. một.một\n   2. một.hai\n2. Hai\n",  # three spaces under '1. '
    "1. Một\n   - ý\n   - ý\n2. Hai\n", "- a\n  1. b\n  2. c\n- d\n",
    "10. Mười\n    - ý\n11. Mười một\n",
    "1. a\n  - b\n",  # two spaces under '1. ': another list, not nested
    "- a\n\n  - b\n\n- c\n",  # loose
    "- a\n\n  đoạn hai của a\n- b\n", "- a\n  nối dòng\n  - b\n    nối dòng b\n- c\n",
    "- a\n  - b\nnối lười\n- c\n",
    "Thành tích:\n- Giải A\n- Giải B\n",  # a list right under a line of text
    "Năm\n2024. Đạt giải\n",  # only '1.' may interrupt a paragraph
    "1) Một\n2) Hai\n   - ý\n", "- a\n   - b\n   2. c\n",
    "- a\n      - b\n",  # too deep: text in CommonMark
    "Đoạn.\n\n- a\n  - b\n\nĐoạn sau.\n", "  ## Tiêu đề thụt\n\nChữ.\n",
    "> - a\n>   - b\n> - c\n", "> Trích:\n> - a\n>   1. b\n", ">> - a\n>>   - b\n",  # quotes
])
def test_lists_nest_as_in_githubs_preview(src: str) -> None:
    _same_as_preview(src)


def test_random_lists_nest_as_in_githubs_preview() -> None:
    rng = random.Random(22)
    markers = ["-", "*", "+", "1.", "2.", "1)"]
    for _ in range(400):
        lines = []
        for i in range(rng.randint(1, 6)):
            r, ind = rng.random(), rng.choice([0, 0, 0, 2, 3, 4, 6])
            if r < 0.7:
                lines.append(" " * ind + rng.choice(markers) + f" m{i}")
            elif r < 0.85:
                lines.append(" " * ind + f"t{i}")
            else:
                lines.append("")
        src = "\n".join(lines) + "\n"
        if "<pre>" not in _CM.render(src):  # indented code: see below
            _same_as_preview(src)


def test_four_space_lists_are_left_as_they_are() -> None:
    lines = ["- a", "    - b", "        - c", "    - d", "- e", "", "1. x", "    1. y"]
    assert storyblocks.nest_lists(lines) == lines


@pytest.mark.parametrize(("src", "starts"), [
    ("\tĐoạn một dán từ Word.\n\n\tĐoạn hai.\n", [0, 2]),
    ("Đoạn.\n\n    Đoạn thụt bốn dấu cách,\nnối dòng.\n", [2]),
    ("## Tiêu đề\n\tĐoạn ngay dưới tiêu đề.\n", [1]),
    ("Đoạn\n\tnối dòng thụt vào.\n", []),
    ("- ý\n\n\tđoạn của ý\n", []), ("- ý\n  - ý con\n", []),
])
def test_indented_paragraphs_are_paragraphs(src: str, starts: list[int]) -> None:
    assert storyblocks.indented_prose(src) == starts
    html = markup.story_html(src)
    assert "<pre>" not in html and "<code>" not in html
    assert "oạn" in html or "ý con" in html
