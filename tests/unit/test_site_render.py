"""Pure parts of the public site: grouping, pagination, escaping, outlines, sitemaps."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from showcase.content import text
from showcase.content.model import Consent, Profile
from showcase.content.units import Unit
from showcase.publish import markup, urls
from showcase.publish.markup import Heading
from showcase.publish.pages import listings as L
from showcase.publish.pages import outline, sitemaps, social
from showcase.publish.pages import plan as render


def profile(slug: str, published: str, **kw: object) -> Profile:
    day = dt.date.fromisoformat(published)
    base = dict(
        path=f"profiles/u1/{day.year}-{slug}.md", unit="u1", slug=slug, name=slug.title(),
        kind="individual", field="social-life", sectors=("family",), introduced=day,
        summary="Một câu tóm tắt đủ dài để hợp lệ theo quy định.", body="## Hành trình\n\nX.\n",
        body_line=10, title=slug.title(), published=day,
        consent=Consent(day, "1/ĐY", frozenset({"web", "social"})),
    )
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


UNITS = {"u1": Unit("u1", "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu", "district", True),
         "u2": Unit("u2", "Thư viện tỉnh", "affiliated", True)}


def test_urls_are_ascii_directory_urls():
    assert urls.field_url("culture-arts-sports") == "linh-vuc/van-hoa-nghe-thuat-the-thao/"
    assert urls.sector_url("sports") == "nganh/the-duc-the-thao/"
    assert urls.unit_url("vhtt-vinh-chau") == "don-vi/vhtt-vinh-chau/"
    assert urls.kind_url("household") == "loai/ho-gia-dinh/"
    assert urls.movement_url("Toàn dân đoàn kết") == "phong-trao/toan-dan-doan-ket/"
    assert urls.year_url(2025) == "luu-tru/2025/"
    assert urls.page_url("nganh/van-hoa/", 1) == "nganh/van-hoa/"
    assert urls.page_url("nganh/van-hoa/", 3) == "nganh/van-hoa/trang-3/"
    assert urls.relative("ho-so/a/", "nganh/x/") == "../../nganh/x/"
    assert urls.relative("", "") == "./"
    assert text.vn_date(dt.date(2025, 3, 9)) == "09/03/2025"


def test_grouping_newest_first_and_movements_merged_by_slug():
    ps = [
        profile("a", "2024-01-05", movement="Gia đình văn hóa"),
        profile("b", "2025-07-01", movement="Gia Đình Văn Hóa", unit="u2", sectors=("culture",
                                                                                     "family")),
        profile("c", "2025-02-01", movement="Gia đình văn hóa", kind="collective"),
    ]
    g = L.group(ps, UNITS)
    assert [p.slug for p in g.public] == ["b", "c", "a"]
    fields = {li.key: li for li in g.by_kind["field"]}
    assert len(fields) == 5 and [p.slug for p in fields["social-life"].profiles] == ["b", "c", "a"]
    assert [li.key for li in g.by_kind["sector"]] == ["culture", "family", "sports", "tourism"]
    (mv,) = g.by_kind["movement"]
    assert mv.title == "Gia đình văn hóa" and len(mv.profiles) == 3
    assert [li.key for li in g.by_kind["year"]] == ["2025", "2024"]
    assert [li.key for li in g.by_kind["unit"]] == ["u1", "u2"]  # by Vietnamese name
    semesters = L.by_semester(g.by_kind["year"][0].profiles)
    assert [(str(s), [p.slug for p in ps]) for s, ps in semesters] == [
        ("2025-H2", ["b"]), ("2025-H1", ["c"])]


def test_pagination_and_pager_window():
    assert L.paginate([], 24) == [[]]
    assert [len(p) for p in L.paginate(list(range(50)), 24)] == [24, 24, 2]  # type: ignore[arg-type]
    pg = render.pager("nganh/x/", 7, 40)
    assert [n for n, _ in pg.pages] == [1, 5, 6, 7, 8, 9, 40]  # fixed size, whatever the count
    assert pg.prev == "nganh/x/trang-6/" and pg.next == "nganh/x/trang-8/"
    assert render.pager("nganh/x/", 1, 2).prev is None


def test_home_selection_and_related_are_capped():
    ps = [profile(f"p{i}", f"2025-01-{i + 1:02d}", featured=i % 2 == 0) for i in range(20)]
    g = L.group(ps, UNITS)
    featured, latest = L.home_selection(g.public, 3, 5)
    assert len(featured) == 3 and all(p.featured for p in featured)
    assert len(latest) == 5 and not {p.slug for p in featured} & {p.slug for p in latest}
    unit = g.by_kind["unit"][0]
    rel = L.related(g.public[0], unit, 4)
    assert len(rel) == 4 and g.public[0] not in rel


@pytest.mark.parametrize("name", ["A & B <C>", "<script>alert(1)</script>", 'x" onload="y'])
def test_outlines_escape_everything(name):
    toc = outline.outline(name, [Heading(2, "hanh-trinh", name)])
    names = [toc.name, toc.children[0].name]
    assert not any("<" in n or '"' in n for n in names)
    assert toc.id == outline.H1_ID and toc.children[0].id == "hanh-trinh"


def test_story_headings_keep_the_storys_ids_and_nesting():
    story = '<h2 id="a">Á</h2><p>x</p><h3 id="b">B &amp; C</h3><h2 id="a_1">Á</h2>'
    hs = markup.story_headings(story)
    assert hs == (Heading(2, "a", "Á"), Heading(3, "b", "B & C"), Heading(2, "a_1", "Á"))
    toc = outline.outline("T", hs)
    assert [c.id for c in toc.children] == ["a", "a_1"]
    assert toc.children[0].children[0].name == "B &amp; C"


def test_jsonld_cannot_close_its_script():
    text = social.jsonld({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"].startswith("</script>")


def test_share_links_and_initials():
    s = social.share_links("https://example.gov.vn/guong-dien-hinh/ho-so/a/")
    assert s.facebook.endswith("u=https%3A%2F%2Fexample.gov.vn%2Fguong-dien-hinh%2Fho-so%2Fa%2F")
    assert s.zalo.startswith("https://sp.zalo.me/share?url=https%3A%2F%2F")
    assert render.initials("Lâm Hồng Sơn") == "HS" and render.initials("A & B <C>") == "AB"


def test_sitemaps():
    us = sitemaps.urlset([("https://x.vn/a/b/", "2025-01-02"), ("https://x.vn/a/", ""),
                          ("https://x.vn/a/", "")])
    assert us.count("<url>") == 2 and "<lastmod>2025-01-02</lastmod>" in us
    assert re.search(r"<loc>https://x.vn/a/</loc></url>", us)
    files = dict(sitemaps.files(
        "https://x.vn/a/", [("https://x.vn/a/nganh/v/", ""), ("https://x.vn/a/b/", "")],
        ["nganh/v/feed.xml", "feed.xml"]))
    assert sorted(files) == ["nganh/v/sitemap.xml", "robots.txt", "sitemap-trang.xml"]
    assert "https://x.vn/a/b/" not in files["nganh/v/sitemap.xml"]
    assert "Sitemap: https://x.vn/a/sitemap.xml" in files["robots.txt"]
