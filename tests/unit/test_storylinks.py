"""A story's links and images: what each address is, where it leads, what is published."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from showcase.content import storylinks as L
from showcase.publish import markup


@pytest.mark.parametrize(("dest", "kind"), [
    ("https://www.facebook.com/x", "web"), ("HTTP://soctrang.gov.vn", "web"),
    ("mailto:vanhoa@soctrang.gov.vn", "mail"), ("tel:02993822000", "mail"),
    ("#hành-trình", "anchor"), ("www.facebook.com/x", "bare"), ("facebook.com/x", "bare"),
    ("zalo.me/g/abc", "bare"), ("soctrang.gov.vn/a?b=c", "bare"), ("youtu.be/abc", "bare"),
    ("//m.facebook.com/x", "bare"), ("fb.com", "bare"),
    ("https//www.facebook.com/x", "typo"), ("http:/a.vn", "typo"), ("htps://a.vn", "typo"),
    ("https:\\\\a.vn", "typo"), ("ttps://a.vn", "typo"), ("https:///a.vn", "typo"),
    ("zalo://x", "scheme"), ("file:///C:/a.docx", "scheme"), ("ftp://a.vn", "scheme"),
    ("javascript:alert(1)", "unsafe"), ("jav&#x61;script:x", "unsafe"), ("data:x", "unsafe"),
    ("../phong-vh/2024-nguyen-van-a.md", "profile"), ("2024-a.md#x", "profile"),
    ("../README.MD", "profile"), ("bao-cao.pdf", "local"), ("anh.jpg", "local"),
    ("C:\\Users\\a.docx", "local"), ("../trung-tam-b/", "local"), ("gioi-thieu", "local"),
    ("", "empty"), ("  ", "empty"),
])
def test_kind(dest: str, kind: str) -> None:
    assert L.kind(dest) == kind


@pytest.mark.parametrize(("dest", "href"), [
    ("../phong-vh/2024-nguyen-van-a.md", "../nguyen-van-a/"),
    ("2024-nguyen-van-a.md#Thành-tích", "../nguyen-van-a/#thanh-tich"),
    ("./2024-nguyen-van-a.md#thanh-tich", "../nguyen-van-a/#thanh-tich"),
    ("/profiles/u/2024-ho-gia-dinh-ong-c.md", "../ho-gia-dinh-ong-c/"),
    ("#Đóng%20góp", "#dong-gop"), ("#thanh-tich_1", "#thanh-tich_1"),
    ("www.facebook.com/x", "https://www.facebook.com/x"),
    ("//m.facebook.com/x", "https://m.facebook.com/x"),
    ("https://a.vn/b", "https://a.vn/b"), ("mailto:a@b.gov.vn", "mailto:a@b.gov.vn"),
    ("../README.md", None), ("bao-cao.pdf", None), ("https//a.vn", None), ("zalo://x", None),
    ("", None),
])
def test_site_href(dest: str, href: str | None) -> None:
    assert L.site_href(dest) == href


def test_resolve_like_github_preview() -> None:
    at = "profiles/vhtt-a/2024-a.md"
    assert L.resolve("../phong-vh/2024-b.md#x", at) == "profiles/phong-vh/2024-b.md"
    assert L.resolve("2024-b.md", at) == "profiles/vhtt-a/2024-b.md"
    assert L.resolve("/profiles/u/2024-b.md", at) == "profiles/u/2024-b.md"
    assert L.resolve("le%20hoi.jpg", at) == "profiles/vhtt-a/le hoi.jpg"
    assert L.resolve("../../../x.md", at).startswith("..")
    assert L.is_profile_path("profiles/u/2024-b.md", "profiles")
    assert not L.is_profile_path("profiles/2024-b.md", "profiles")
    assert not L.is_profile_path("content/2024-b.md", "profiles")


def test_scan_finds_every_address_on_its_line() -> None:
    body = ("Dòng một [a](x.md) `[b](not.md)`\n"
            "[c\nd](<e f.md> \"t\") ![g](h.jpg)\n\n"
            "[![i](j.png)](https://k.vn) [l][m]\n\n"
            "[m]: www.n.vn\n![o][p]\n\n[p]: q.jpg\n")
    found = [(f.offset_line, f.dest, f.image) for f in L.scan(body)]
    assert found == [(0, "x.md", False), (2, "e f.md", False), (2, "h.jpg", True),
                     (4, "j.png", True), (4, "https://k.vn", False), (6, "www.n.vn", False),
                     (9, "q.jpg", True)]
    assert L.scan("Không có liên kết nào (chỉ ngoặc).") == []
    assert [f.image for f in L.scan("![a](b.jpg) \\![c](d.md)")] == [True, False]


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.imgs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        self.imgs += tag == "img"


def _render(body: str) -> tuple[str, _Anchors]:
    html = markup.story_html(body)
    parsed = _Anchors()
    parsed.feed(html)
    return html, parsed


def test_rendered_links_lead_somewhere() -> None:
    html, parsed = _render(
        "Cùng [bà B](../u/2024-tran-thi-b.md#Hành-trình), [xã](www.facebook.com/xa),\n"
        "[tệp](bao-cao.pdf), [sai](https//a.vn), [trống](), [app](zalo://x), [r][r].\n\n"
        "[r]: zalo.me/g/abc\n")
    assert parsed.hrefs == ["../tran-thi-b/#hanh-trinh", "https://www.facebook.com/xa",
                            "https://zalo.me/g/abc"]
    for text in ("tệp", "sai", "trống", "app"):  # the text of a dead link stays
        assert text in html


@pytest.mark.parametrize("body", [
    "![ảnh](anh.jpg)\n\nChữ.", "Chữ.\n\n![ảnh](https://a.vn/b.jpg)\n",
    "[![ảnh](anh.jpg)](https://a.vn)\n\nChữ.", "![a][b]\n\n[b]: c.png\n\nChữ.",
    "- ![ảnh](anh.jpg)\n- Chữ.", "> ![ảnh](anh.jpg)\n\nChữ.", "- [![ảnh](anh.jpg)](https://a.vn)\n\nChữ.",
])
def test_images_leave_no_empty_paragraph(body: str) -> None:
    html, parsed = _render(body)
    assert parsed.imgs == 0
    for empty in ("<p></p>", "></a>", "<li></li>", "<blockquote>\n</blockquote>", "<ul>\n</ul>"):
        assert empty not in html
    assert "Chữ." in html


def test_heading_ids_are_the_rendered_ones() -> None:
    body = ("## Hành trình\n\nx\n\n## **Đóng góp** cho [xã](https://a.vn)\n\n## Hành trình\n\n"
            "Tiêu đề setext\n---\n\n- a\n---\n\n`## không phải`\n")
    assert L.heading_ids(body) == {h.id for h in markup.story(body).headings}
    assert L.anchor("2024-a.md#Hành-trình") == "hanh-trinh" and L.anchor("2024-a.md") == ""


@pytest.mark.parametrize(("body", "hrefs"), [
    ("Xem https://soctrang.gov.vn/a_b_c. Và www.facebook.com/x_y (trang xã).",
     ["https://soctrang.gov.vn/a_b_c", "https://www.facebook.com/x_y"]),
    ("(https://d.vn) và https://vi.wikipedia.org/wiki/Sóc_Trăng_(tỉnh)), x",
     ["https://d.vn", "https://vi.wikipedia.org/wiki/Sóc_Trăng_(tỉnh)"]),
    ("[https://a.vn](https://a.vn) và <https://b.vn>", ["https://a.vn", "https://b.vn"]),
    ("`https://c.vn`, a@www.x.vn, /www.y, www. và https://.", []),
])
def test_addresses_in_the_text_are_links_as_in_githubs_preview(body: str, hrefs: list[str]) -> None:
    assert _render(body)[1].hrefs == hrefs
