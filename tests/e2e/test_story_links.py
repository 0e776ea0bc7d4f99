"""No published page holds a link that leads nowhere (issue 22, class 5).

The sample site, plus a profile whose story links other profiles the way a
writer does in GitHub's editor (their ``.md`` files, relative, from the root,
by reference, with GitHub's anchors) and web addresses without their scheme,
is built into a temporary folder; every page and feed item is parsed back:
each internal link must name a file of the built site (and an id on it), and
each external link must have a scheme a browser opens.
"""

from __future__ import annotations

import pathlib
import posixpath
import re
import urllib.parse

import feedparser
import html5lib
import pytest

from conftest import TODAY, build_site, copy_repo, run_cli

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
SITE_URL = "https://example.gov.vn/guong-dien-hinh/"
LINKING = "profiles/vhtt-vinh-chau/2025-to-van-nghe-ap-lac-hoa.md"
PROFILE = """\
---
name: Tổ văn nghệ ấp Lạc Hòa
kind: collective
field: culture-arts-sports
sectors: [culture]
introduced: 2025-03-10
published: 2025-04-01
summary: >-
  Tổ văn nghệ ấp Lạc Hòa học hỏi các gương điển hình trong tỉnh để giữ lửa phong trào.
---
## Cùng các gương điển hình

Tổ học hỏi [bà Thạch Thị F](2023-thach-thi-f.md),
[ông A](../vhtt-nga-nam/2023-nguyen-van-a.md#Hành-trình) và
[hộ ông C][c] ([nếp nhà](/profiles/vhtt-tran-de/2025-ho-gia-dinh-ong-le-van-c.md#nep-nha)).

Theo dõi [trang của xã](www.facebook.com/vanhoalachoa), [nhóm Zalo](zalo.me/g/lachoa),
[cổng tỉnh](https://soctrang.gov.vn/) và [mục trên](#cung-cac-guong-dien-hinh).
Tin ở www.soctrang.gov.vn/tin-tuc.

[c]: <../vhtt-tran-de/2025-ho-gia-dinh-ong-le-van-c.md> "Hộ ông C"
"""
SCHEMES = {"http", "https", "mailto", "tel"}


def _parse(path: pathlib.Path):  # type: ignore[no-untyped-def]
    return html5lib.parse(path.read_bytes(), treebuilder="lxml",
                          namespaceHTMLElements=False).getroot()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    repo = copy_repo(tmp_path_factory.mktemp("links") / "repo", extra=True)
    (repo / LINKING).write_text(PROFILE, encoding="utf-8")
    return build_site(repo, repo / "site", TODAY)


def test_the_check_warns_of_each_address_without_scheme(tmp_path, capsys) -> None:
    repo = copy_repo(tmp_path / "repo")
    (repo / LINKING).write_text(PROFILE, encoding="utf-8")
    code, out = run_cli(repo, "check", capsys=capsys)
    assert code == 0, out
    warned = re.findall(rf"^{LINKING}:(\d+): body: cảnh báo: .*\[SC147\]$", out, re.M)
    assert warned == ["17", "17"], out


def _hrefs(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [h for h in doc.xpath("//a/@href") if h]


def _target(site: pathlib.Path, page_dir: str, href: str) -> tuple[pathlib.Path, str] | None:
    """The built file (and fragment) an href names, None if it leaves the site."""
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc:
        if not href.startswith(SITE_URL):
            return None
        path = href[len(SITE_URL):].split("#")[0].split("?")[0]
    elif not parts.path:
        path = page_dir
    else:
        path = posixpath.normpath(posixpath.join(page_dir, parts.path))
        assert not path.startswith(".."), href
    full = site / urllib.parse.unquote(path)
    return (full / "index.html" if full.is_dir() else full), parts.fragment


def test_every_link_of_every_page_leads_somewhere(site: pathlib.Path) -> None:
    ids: dict[pathlib.Path, set[str]] = {}

    def ids_of(page: pathlib.Path) -> set[str]:
        if page not in ids:
            ids[page] = set(_parse(page).xpath("//@id"))
        return ids[page]

    checked = external = 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        rel = page.parent.relative_to(site).as_posix()
        page_dir = "" if rel == "." else rel
        for href in _hrefs(_parse(page)):
            found = _target(site, page_dir, href)
            if found is None:
                assert urllib.parse.urlsplit(href).scheme in SCHEMES, (page, href)
                assert urllib.parse.urlsplit(href).netloc or href.startswith(("mailto:", "tel:"))
                external += 1
                continue
            target, fragment = found
            assert target.is_file(), (str(page.relative_to(site)), href)
            if fragment and target.suffix == ".html":
                assert urllib.parse.unquote(fragment) in ids_of(target), (page, href)
            checked += 1
    assert checked > 500 and external > 0


def test_links_to_profile_files_become_their_pages(site: pathlib.Path) -> None:
    doc = _parse(site / "ho-so/to-van-nghe-ap-lac-hoa/index.html")
    story = doc.xpath("//a[@href='../thach-thi-f/']/ancestor::p[1]")[0]
    assert [a.get("href") for a in story.xpath(".//a")] == [
        "../thach-thi-f/", "../nguyen-van-a/#hanh-trinh", "../ho-gia-dinh-ong-le-van-c/",
        "../ho-gia-dinh-ong-le-van-c/#nep-nha",
    ]
    hrefs = _hrefs(doc)
    assert "https://www.facebook.com/vanhoalachoa" in hrefs
    assert "https://zalo.me/g/lachoa" in hrefs
    assert "#cung-cac-guong-dien-hinh" in hrefs
    assert "https://www.soctrang.gov.vn/tin-tuc" in hrefs  # as GitHub's preview links it
    assert not [h for h in hrefs if h.endswith(".md") or ".md#" in h]


def test_feed_items_link_the_pages_too(site: pathlib.Path) -> None:
    parsed = feedparser.parse(str(site / "feed.xml"))
    item = next(e for e in parsed.entries if "to-van-nghe-ap-lac-hoa" in e.link)
    hrefs = re.findall(r'href="([^"]*)"', item.content[0].value)
    assert SITE_URL + "ho-so/thach-thi-f/" in hrefs
    for href in hrefs:
        found = _target(site, "", href)
        if found is not None:
            assert found[0].is_file(), href
        else:
            assert urllib.parse.urlsplit(href).scheme in SCHEMES, href
