"""The public site, built from the sample content, read back with real parsers.

One build per session (plus two extra profiles: a name full of diacritics and
a name that looks like markup), with a small page size so pagination is used.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import posixpath
import re
import subprocess
import sys
import urllib.parse
from functools import cache

import html5lib
import pytest
from lxml import etree

from conftest import build_site, search_index
from conftest import copy_repo as copy_all
from showcase.content import corpus as corpus_mod
from showcase.content import text as vn_text
from showcase.content.model import Profile
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.publish import urls
from showcase.publish.pages import listings
from showcase.publish.pages import plan as render

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
TODAY = dt.date(2026, 11, 24)
SITE_URL = "https://example.gov.vn/guong-dien-hinh/"
PAGE_SIZE = 4


def copy_repo(dest: pathlib.Path, page_size: int | None = None) -> pathlib.Path:
    copy_all(dest, extra=True)
    if page_size:
        cfg = dest / "mkdocs.yml"
        text = cfg.read_text(encoding="utf-8")
        cfg.write_text(re.sub(r"page_size: \d+", f"page_size: {page_size}", text),
                       encoding="utf-8")
    return dest


class Built:
    def __init__(self, repo: pathlib.Path, out: pathlib.Path, corpus: corpus_mod.Corpus):
        self.repo, self.out, self.corpus = repo, out, corpus
        self.public = corpus.public(TODAY)
        self.hidden = [p for p in corpus.profiles if not p.is_public(TODAY)]

    @cache  # noqa: B019 - one instance per session
    def page(self, url: str) -> etree._Element:
        return parse((self.out / url / "index.html").read_bytes())

    def pages(self) -> list[pathlib.Path]:
        return sorted(self.out.rglob("*.html"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    repo = copy_repo(tmp_path_factory.mktemp("site") / "repo", page_size=PAGE_SIZE)
    c = corpus_mod.load(str(repo), TODAY)
    assert c.ok, [d.text() for d in c.diagnostics.errors]
    out = repo / "site"
    build_site(repo, out, TODAY.isoformat(), c)
    return Built(repo, out, c)


def parse(data: bytes) -> etree._Element:
    """HTML5 parsing as browsers do it (libxml2's HTML parser predates <picture>)."""
    return html5lib.parse(data, treebuilder="lxml", namespaceHTMLElements=False).getroot()


def text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def meta(doc: etree._Element, key: str) -> str | None:
    found = doc.xpath(f'//meta[@property="{key}"]/@content | //meta[@name="{key}"]/@content')
    return found[0] if found else None


def card_slugs(b: Built, base: str) -> list[str]:
    """Profile slugs of every card of a listing, following its pagination."""
    slugs, url, seen = [], base, set()
    while url and url not in seen:
        seen.add(url)
        doc = b.page(url)
        for href in doc.xpath('//li[@class="sc-card"]/a[@class="sc-card__link"]/@href'):
            target = posixpath.normpath(posixpath.join(url, href)) + "/"
            m = re.fullmatch(r"ho-so/([a-z0-9-]+)/", target)
            assert m, (url, href)
            slugs.append(m.group(1))
        nxt = doc.xpath('//nav[@class="sc-pager"]/a[@rel="next"]/@href')
        url = posixpath.normpath(posixpath.join(url, nxt[0])) + "/" if nxt else None
    return slugs


def newest(ps: list[Profile]) -> list[str]:
    return [p.slug for p in listings.newest_first(ps)]


# --- Profile pages ----------------------------------------------------------------


def test_every_public_profile_has_its_page(built):
    for p in built.public:
        doc = built.page(urls.profile_url(p.slug))
        assert text(doc.xpath("//article//h1")[0]) == p.name
        facts = text(doc.xpath('//dl[@class="sc-facts"]')[0])
        unit = built.corpus.units[p.unit].name
        for expected in (unit, FIELDS[p.field].label, KINDS[p.kind].label,
                         *(SECTORS[s].label for s in p.sectors)):
            assert expected in facts, (p.slug, expected)
        if p.location:
            assert p.location in facts
        if p.movement:
            assert p.movement in facts
        assert p.published.strftime("%d/%m/%Y") in facts
        assert p.introduced.strftime("%d/%m/%Y") in facts
        body = text(doc.xpath("//article")[0])
        for r in (*p.achievements, *p.commendations):
            assert r.text in body
        assert " ".join(p.summary.split()) in body
        # sample marking (options.sample_notice is on in mkdocs.yml)
        assert "Hồ sơ mẫu" in text(doc.xpath('//div[contains(@class,"sc-sample")]')[0])


def test_photo_is_responsive_with_alt_text_and_placeholder_otherwise(built):
    with_photo = [p for p in built.public if p.photo]
    without = [p for p in built.public if not p.photo]
    assert with_photo and without
    for p in with_photo:
        doc = built.page(urls.profile_url(p.slug))
        img = doc.xpath('//header[@class="sc-profile__header"]//picture/img')[0]
        assert img.get("alt") == p.photo_alt
        assert img.get("width") and img.get("height")
        assert img.get("loading") == "eager" and img.get("fetchpriority") == "high"
        assert re.search(r"anh-\d+\.jpg \d+w", img.get("srcset"))
        source = doc.xpath('//header[@class="sc-profile__header"]//picture/source')[0]
        assert source.get("type") == "image/webp" and source.get("sizes")
    for p in without:
        doc = built.page(urls.profile_url(p.slug))
        assert doc.xpath('//header[@class="sc-profile__header"]//div[contains(@class,"sc-ph")]')
        assert not doc.xpath('//header[@class="sc-profile__header"]//img')


def test_story_headings_use_vietnamese_slugs(built):
    doc = built.page("ho-so/lam-hong-son/")
    ids = doc.xpath('//div[@class="sc-story"]//h2/@id')
    assert ids == ["hanh-trinh", "dong-gop-cho-cong-dong"]
    toc = doc.xpath('//nav[contains(@class,"md-nav--secondary")]//a/@href')
    assert "#dong-gop-cho-cong-dong" in toc


def test_related_profiles_are_capped_and_of_the_same_unit_and_field(built):
    by_slug = {p.slug: p for p in built.public}
    for p in built.public:
        doc = built.page(urls.profile_url(p.slug))
        url = urls.profile_url(p.slug)
        for section, attr in (("muc-cung-don-vi", "unit"), ("muc-cung-linh-vuc", "field")):
            links = doc.xpath(f'//section[@aria-labelledby="{section}"]/ul/li/a/@href')
            assert len(links) <= render.RELATED_MAX
            for href in links:
                slug = posixpath.normpath(posixpath.join(url, href)).split("/")[-1]
                assert slug != p.slug
                assert getattr(by_slug[slug], attr) == getattr(p, attr)


def test_share_links_need_no_third_party_script(built):
    p = built.public[0]
    url = SITE_URL + urls.profile_url(p.slug)
    doc = built.page(urls.profile_url(p.slug))
    hrefs = doc.xpath('//section[@class="sc-share"]//a/@href')
    quoted = urllib.parse.quote(url, safe="")
    assert f"https://www.facebook.com/sharer/sharer.php?u={quoted}" in hrefs
    assert any(h.startswith("https://sp.zalo.me/share?") and quoted in h for h in hrefs)
    assert doc.xpath('//button[contains(@class,"sc-copy")]/@data-copy') == [url]
    for src in doc.xpath("//script/@src"):
        assert not src.startswith(("http:", "https:", "//"))
    # No inline script except JSON data (Content-Security-Policy friendly).
    for s in doc.xpath("//script[not(@src)]"):
        assert s.get("type") in ("application/ld+json", "application/json")


def test_names_that_look_like_markup_are_shown_as_text(built):
    doc = built.page("ho-so/cau-lac-bo-a-b-c/")
    assert text(doc.xpath("//article//h1")[0]) == "Câu lạc bộ A & B <C>"
    assert not doc.xpath("//c")
    assert doc.findtext(".//title").startswith("Câu lạc bộ A & B <C>")
    assert meta(doc, "og:title") == 'Câu lạc bộ "A & B <C>" và những buổi sinh hoạt gia đình'
    assert meta(doc, "description").startswith("Câu lạc bộ A & B <C> của thị xã")
    ld = json.loads(doc.xpath('//script[@type="application/ld+json"]')[0].text)
    assert ld["about"]["name"] == "Câu lạc bộ A & B <C>"
    raw = (built.out / "ho-so/cau-lac-bo-a-b-c/index.html").read_text(encoding="utf-8")
    assert "<C>" not in raw
    card_page = built.page(urls.unit_url("vhtt-nga-nam"))
    assert "Câu lạc bộ A & B <C>" in [text(h) for h in card_page.xpath("//h2|//h3")]


# --- Listings ---------------------------------------------------------------------


def test_field_sector_kind_unit_movement_listings_hold_exactly_their_profiles(built):
    pub = built.public
    for fid in FIELDS:
        assert card_slugs(built, urls.field_url(fid)) == newest(
            [p for p in pub if p.field == fid])
    for sid in SECTORS:
        assert card_slugs(built, urls.sector_url(sid)) == newest(
            [p for p in pub if sid in p.sectors])
    for kid in KINDS:
        assert card_slugs(built, urls.kind_url(kid)) == newest(
            [p for p in pub if p.kind == kid])
    for uid in {p.unit for p in pub}:
        assert card_slugs(built, urls.unit_url(uid)) == newest(
            [p for p in pub if p.unit == uid])
    movements = {p.movement for p in pub if p.movement}
    assert movements
    for mv in movements:
        assert card_slugs(built, urls.movement_url(mv)) == newest(
            [p for p in pub if p.movement and vn_text.slugify(p.movement)
             == vn_text.slugify(mv)])


def test_field_pages_have_the_plans_vietnamese_names(built):
    for fid, term in FIELDS.items():
        doc = built.page(urls.field_url(fid))
        assert text(doc.xpath("//h1")[0]) == f"{term.letter}) {term.label}"
    index = built.page("linh-vuc/")
    labels = [text(a) for a in index.xpath('//ul[@class="sc-index"]/li/a')]
    assert labels == [f"{t.letter}) {t.label}" for t in FIELDS.values()]


def test_year_archive_groups_by_semester(built):
    years = sorted({p.published.year for p in built.public}, reverse=True)
    index = built.page("luu-tru/")
    assert [text(a) for a in index.xpath('//ul[@class="sc-index"]/li/a')] == [
        f"Năm {y}" for y in years]
    for y in years:
        expected = newest([p for p in built.public if p.published.year == y])
        assert card_slugs(built, urls.year_url(y)) == expected
        heads = [text(h) for h in built.page(urls.year_url(y)).xpath("//article//h2")]
        assert all(re.fullmatch(rf"6 tháng (đầu|cuối) năm {y}", h) for h in heads), heads


def test_long_listings_are_paginated(built):
    big = max(FIELDS, key=lambda f: sum(p.field == f for p in built.public))
    n = sum(p.field == big for p in built.public)
    assert n > PAGE_SIZE, "the sample needs a field with more profiles than a page"
    base = urls.field_url(big)
    assert (built.out / base / "trang-2" / "index.html").is_file()
    first = built.page(base)
    assert len(first.xpath('//li[@class="sc-card"]')) == PAGE_SIZE
    assert first.xpath('//nav[@class="sc-pager"]//*[@aria-current="page"]')


def test_home_shows_featured_first_then_latest(built):
    doc = built.page("")
    featured = [p for p in listings.newest_first(built.public) if p.featured]
    sections = doc.xpath('//ul[@class="sc-cards"]')
    assert len(sections) == 2
    first = [a.get("href").strip("/").split("/")[-1] for a in sections[0].xpath(".//a")]
    assert first == [p.slug for p in featured][: render.FEATURED_MAX]
    latest = [a.get("href").strip("/").split("/")[-1] for a in sections[1].xpath(".//a")]
    rest = [p.slug for p in listings.newest_first(built.public) if p.slug not in first]
    assert latest == rest[: render.LATEST_MAX]
    for li in doc.xpath('//li[@class="sc-card"]'):
        assert li.xpath('.//*[contains(@class,"sc-card__name")]')
        assert li.xpath('.//p[@class="sc-card__meta"]') and li.xpath(
            './/p[@class="sc-card__summary"]')
        assert li.xpath(".//picture/img[@alt]") or li.xpath('.//div[contains(@class,"sc-ph")]')


def test_hidden_profiles_appear_nowhere(built):
    assert {p.slug for p in built.hidden} >= {"kim-thi-l", "tran-thi-b",
                                               "tap-the-bo-mon-vo-co-truyen"}
    # Hand-written pages may mention sample names; everything generated may not.
    written = {f.stem + "/" for f in (built.repo / "content").glob("*.md")}
    sitemap = (built.out / "sitemap.xml").read_text(encoding="utf-8")
    rows = search_index(built.out)["rows"]  # what search results show
    index = json.dumps([r for r in rows if r[0].strip("/").rsplit("/", 1)[-1] + "/"
                        not in written], ensure_ascii=False)
    pages = [p.read_text(encoding="utf-8") for p in built.pages()
             if p.parent.relative_to(built.out).as_posix() + "/" not in written]
    feeds = [f.read_text(encoding="utf-8") for f in built.out.rglob("*.xml")]
    assert len(pages) > 40
    for p in built.hidden:
        assert not (built.out / "ho-so" / p.slug).exists()
        for where in (sitemap, index, *pages, *feeds):
            assert f"ho-so/{p.slug}/" not in where
            assert p.name not in where, p.name


def test_navigation_lists_sections_not_profiles(built):
    for path in [built.out / "index.html", *built.out.glob("ho-so/*/index.html")]:
        doc = parse(path.read_bytes())
        nav = doc.xpath('//nav[contains(@class,"md-nav--primary")]')[0]
        hrefs = nav.xpath(".//a/@href")
        assert not [h for h in hrefs if re.search(r"(^|/)ho-so/", h)], path
        assert len(hrefs) <= 16


# --- Links, URLs, metadata ---------------------------------------------------------


def _targets(doc: etree._Element) -> list[str]:
    out = doc.xpath("//a/@href | //img/@src | //link[@rel!='canonical']/@href | //script/@src")
    for srcset in doc.xpath("//img/@srcset | //source/@srcset"):
        out += [part.split()[0] for part in srcset.split(",")]
    return out


def test_every_internal_link_and_image_resolves(built):
    ids: dict[pathlib.Path, set[str]] = {}
    checked = 0
    for page in built.pages():
        if page.name == "404.html":
            continue
        doc = parse(page.read_bytes())
        ids[page] = set(doc.xpath("//@id"))
        rel = page.parent.relative_to(built.out).as_posix()
        base = "" if rel == "." else rel + "/"
        for href in _targets(doc):
            parts = urllib.parse.urlsplit(href)
            if parts.scheme or parts.netloc:
                if href.startswith(SITE_URL):
                    parts = urllib.parse.urlsplit(href[len(SITE_URL) - 1 :])
                    target = parts.path.lstrip("/")
                else:
                    continue
            elif not parts.path:
                assert parts.fragment in ids[page] or not parts.fragment, (page, href)
                continue
            else:
                target = posixpath.normpath(posixpath.join(base, parts.path))
            path = built.out / urllib.parse.unquote(target)
            if path.is_dir():
                path = path / "index.html"
            assert path.is_file(), (str(page.relative_to(built.out)), href)
            checked += 1
    assert checked > 500


def test_urls_are_readable_ascii(built):
    for path in built.out.rglob("*"):
        rel = path.relative_to(built.out).as_posix()
        assert rel.isascii() and " " not in rel, rel
    assert (built.out / "ho-so" / "lam-hong-son" / "index.html").is_file()
    assert (built.out / "don-vi" / "vhtt-vinh-chau" / "index.html").is_file()


def test_metadata_is_complete_and_absolute(built):
    for page in built.pages():
        rel = page.relative_to(built.out).as_posix()
        doc = parse(page.read_bytes())
        assert doc.get("lang") == "vi"
        title = doc.findtext(".//title")
        assert title and title.strip(), rel
        assert meta(doc, "description"), rel
        for key in ("og:title", "og:description", "og:image", "og:type", "twitter:card",
                    "twitter:image", "twitter:title"):
            assert meta(doc, key), (rel, key)
        assert meta(doc, "og:locale") == "vi_VN"
        assert meta(doc, "og:image").startswith(SITE_URL)
        feeds = doc.xpath('//link[@rel="alternate"][@type="application/rss+xml"]/@href')
        assert SITE_URL + "feed.xml" in feeds, rel
        lds = doc.xpath('//script[@type="application/ld+json"]')
        if rel == "404.html":
            continue
        canonical = doc.xpath('//link[@rel="canonical"]/@href')[0]
        expected = SITE_URL + ("" if rel == "index.html" else rel[: -len("index.html")])
        assert canonical == expected == meta(doc, "og:url"), rel
        assert len(lds) == 1 and json.loads(lds[0].text)["@context"] == "https://schema.org"


def test_profile_metadata(built):
    for p in built.public:
        url = urls.profile_url(p.slug)
        doc = built.page(url)
        assert meta(doc, "description") == " ".join(p.summary.split())
        assert meta(doc, "og:type") == "article"
        assert meta(doc, "og:image") == SITE_URL + f"ho-so/{p.slug}/the-chia-se.jpg"
        assert (built.out / "ho-so" / p.slug / "the-chia-se.jpg").is_file()
        ld = json.loads(doc.xpath('//script[@type="application/ld+json"]')[0].text)
        assert ld["@type"] == "Article" and ld["url"] == SITE_URL + url
        assert ld["about"]["@type"] == ("Person" if p.kind == "individual" else "Organization")
        assert ld["about"]["name"] == p.name
        assert ld["datePublished"] == p.published.isoformat()


def test_field_and_sector_pages_link_their_own_feed(built):
    for url in [urls.field_url(f) for f in FIELDS] + [urls.sector_url(s)
                                                          for s in SECTORS]:
        doc = built.page(url)
        feeds = doc.xpath('//link[@rel="alternate"][@type="application/rss+xml"]/@href')
        assert SITE_URL + url + "feed.xml" in feeds
        assert (built.out / url / "feed.xml").is_file()


def test_sitemap_and_robots(built):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    # sitemap.xml is a small index (Material fetches it on every page view)
    index = etree.parse(str(built.out / "sitemap.xml"))
    assert index.getroot().tag == f"{{{ns['s']}}}sitemapindex"
    assert index.xpath("//s:loc/text()", namespaces=ns) == [SITE_URL + "sitemap-trang.xml"]
    tree = etree.parse(str(built.out / "sitemap-trang.xml"))
    locs = tree.xpath("//s:loc/text()", namespaces=ns)
    assert len(locs) == len(set(locs))
    pages = {SITE_URL + p.parent.relative_to(built.out).as_posix() + "/"
             for p in built.out.rglob("index.html")}
    pages = {u.replace("/./", "/") for u in pages}
    assert set(locs) == pages
    for p in built.public:
        url = SITE_URL + urls.profile_url(p.slug)
        assert tree.xpath(f'//s:url[s:loc="{url}"]/s:lastmod/text()', namespaces=ns) == [
            p.published.isoformat()]
    # next to each field and sector feed, the sitemap of that folder
    for fid in FIELDS:
        folder = urls.field_url(fid)
        sub = etree.parse(str(built.out / folder / "sitemap.xml"))
        sub_locs = sub.xpath("//s:loc/text()", namespaces=ns)
        assert SITE_URL + folder in sub_locs
        assert all(u.startswith(SITE_URL + folder) for u in sub_locs)
    robots = (built.out / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_404_page_is_vietnamese_and_works_under_the_sub_path(built):
    doc = parse((built.out / "404.html").read_bytes())
    assert "Không tìm thấy trang" in text(doc.xpath("//h1")[0])
    for href in doc.xpath('//link[@rel="stylesheet"]/@href | //script/@src'):
        assert href.startswith("/guong-dien-hinh/"), href
        assert (built.out / href[len("/guong-dien-hinh/"):]).is_file()


def test_no_font_or_script_from_elsewhere(built):
    for page in built.pages():
        raw = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in raw and "fonts.gstatic" not in raw
        doc = parse(raw)
        for ref in doc.xpath('//link[@rel="stylesheet" or @rel="preload"]/@href | //script/@src'):
            assert not ref.startswith(("http:", "https:", "//")), (page, ref)
    css = (built.out / "assets/showcase/showcase.css").read_text(encoding="utf-8")
    for font in re.findall(r'url\("([^"]+)"\)', css):
        assert (built.out / "assets/showcase" / font).is_file()


# --- Search -----------------------------------------------------------------------


def test_search_index_is_loaded_only_on_use(built):
    index = search_index(built.out)
    entry = index["entry"]
    assert entry["n"] == len(index["rows"]) >= len(built.public) + 4  # + listings, guides
    for kind in ("w", "p", "t"):
        assert entry[kind] == sorted(entry[kind]), kind  # shards in key order
    # filters (field, sector, unit, kind, year), with their profiles' lists
    assert set(index["menus"]) == {"linh_vuc", "nganh", "don_vi", "loai", "nam"}
    for values in index["menus"].values():
        for _, count, n in values:
            listed = json.loads((built.out / "tim-kiem" / "f" / f"{n}.json").read_text("utf-8"))
            assert len(listed) == count
    # Material's lunr index is gone, and so is Pagefind.
    assert not (built.out / "search" / "search_index.json").exists()
    assert not (built.out / "pagefind").exists()
    for page in built.pages():
        raw = page.read_text(encoding="utf-8")
        doc = parse(raw)
        srcs = doc.xpath("//script/@src")
        # no page loads the index or the search script: showcase.js does, on first use
        assert not [s for s in srcs if "tim-kiem" in s or s.endswith("search.js")], (page, srcs)


def test_search_records_of_the_plan(built):
    from showcase.publish import markup
    from showcase.publish.search import records as plan_search
    from showcase.publish.search.words import analyse, pair_name

    units = built.corpus.units
    stories = {p.slug: markup.story(p.body) for p in built.public}
    plan = plan_search.plan_index(built.public, units, stories, _planned(built))
    by_url = {r.url: r for r in plan.records}
    rec = by_url["ho-so/lam-hong-son/"]
    assert rec.title == "Lâm Hồng Sơn" and rec.kind is plan_search.RecordKind.PROFILE
    assert rec.facets and rec.facets.unit == "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu"
    assert rec.facets.year == "2025" and rec.date == "2025-03-20"
    words = analyse(rec)
    # syllables folded (đ -> d), their exact forms beside, pairs of adjacent syllables
    assert words.title == ("lâm", "hồng", "sơn")
    assert {"lam", "hong", "son", "dong"} <= set(words.singles)
    pairs = {pair_name(p) for p in words.pairs}
    assert "đồng" in words.words and "lam hong" in pairs and "hong son" in pairs
    for p in built.public:
        assert by_url[urls.profile_url(p.slug)].facets.field == FIELDS[p.field].label
    assert not [u for u in by_url if "/trang-" in u], "paginated listing pages stay out"
    assert "linh-vuc/van-hoa-nghe-thuat-the-thao/" in by_url


def _planned(built: Built) -> list:
    from showcase import pipeline
    from showcase.options import Options

    loaded = pipeline.loaded_from(built.corpus, Options(), TODAY)
    site = pipeline.site_of({"site_url": SITE_URL, "site_name": "x"}, Options())
    planned = pipeline.plan(loaded, site)
    planned.making.cancel()  # the pages only: no media to wait for
    return list(planned.pages)


# --- Plain MkDocs -----------------------------------------------------------------


def test_plain_mkdocs_build_works(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    cfg = repo / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(
        "page_size: 24", "page_size: 24\n      today: 2026-11-24"), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
                       cwd=repo, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "ho-so" / "lam-hong-son" / "index.html").is_file()
    assert (tmp_path / "out" / "feed.xml").is_file()


def test_while_serving_content_errors_are_shown_not_fatal(tmp_path):
    """`mkdocs serve` would stop (first build) or print a traceback (rebuilds) on a
    PluginError: while serving, the valid profiles are built and the errors shown."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    repo = copy_repo(tmp_path / "repo")
    broken = repo / "profiles" / "vhtt-vinh-chau" / "2025-lam-hong-son.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("kind: individual\n", ""),
                      encoding="utf-8")
    cfg = str(repo / "mkdocs.yml")
    config = load_config(cfg, site_dir=str(tmp_path / "out"))
    with pytest.raises(Abort):  # a plain build stops
        build(config)
    config = load_config(cfg, site_dir=str(tmp_path / "out"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()  # MkDocs keeps the plugin for the process
    doc = parse((tmp_path / "out" / "index.html").read_bytes())
    banner = text(doc.xpath('//div[@class="sc-errors"]')[0])
    assert "2025-lam-hong-son.md" in banner and "kind" in banner
    assert not (tmp_path / "out" / "ho-so" / "lam-hong-son").exists()
    assert (tmp_path / "out" / "ho-so" / "thach-thi-f" / "index.html").is_file()


def test_no_english_or_inconsistent_theme_strings(built: Built) -> None:
    """Material's own strings: translated, and in the project's spelling ("Xóa")."""
    leftovers = ("Initializing search", "Trở lại mục lục", "Xoá", "tài liệu liên quan",
                 "RSS feed", "Contributors")
    for page in built.pages():
        text = page.read_text(encoding="utf-8")
        assert not [w for w in leftovers if w in text], page
    home = (built.out / "index.html").read_text(encoding="utf-8")
    # Material's back-to-top button and search box are not used (no theme JavaScript);
    # the site's own search speaks Vietnamese.
    assert 'aria-label="Tìm kiếm"' in home and "Lọc kết quả" in home
