"""The sample site's feeds and media, built once with the real pipeline."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

from conftest import copy_repo, search_index
from showcase.content import corpus
from showcase.content.vocab import FIELDS, SECTORS
from showcase.publish import urls
from showcase.publish.media import plan as images
from showcase.publish.search.words import fold, syllables
from showcase.publish.urls import field_url, sector_url

REPO = pathlib.Path(__file__).resolve().parents[2]
TODAY = "2026-11-24"
SITE_URL = "https://example.gov.vn/guong-dien-hinh/"
NS = {"atom": "http://www.w3.org/2005/Atom", "media": "http://search.yahoo.com/mrss/"}
FEEDS = (["feed.xml", "atom.xml"] + [field_url(f) + "feed.xml" for f in FIELDS]
         + [sector_url(s) + "feed.xml" for s in SECTORS])

pytestmark = pytest.mark.slow


def _build(root: pathlib.Path, site: pathlib.Path) -> None:
    from showcase.cli import main

    old = os.getcwd()
    os.chdir(root)
    try:
        assert main(["build", "--site-dir", str(site), "--today", TODAY]) == 0
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return copy_repo(tmp_path_factory.mktemp("feeds-site"))


@pytest.fixture(scope="module")
def site(repo: pathlib.Path) -> pathlib.Path:
    out = repo / "site"
    _build(repo, out)
    return out


def local(site: pathlib.Path, url: str) -> pathlib.Path:
    assert url.startswith(SITE_URL), url
    path = site / url[len(SITE_URL):]
    return path / "index.html" if url.endswith("/") else path


def test_every_feed_parses(site: pathlib.Path) -> None:
    for rel in FEEDS:
        parsed = feedparser.parse(str(site / rel))
        assert not parsed.bozo, (rel, parsed.get("bozo_exception"))
        assert parsed.version == ("atom10" if rel == "atom.xml" else "rss20")


def test_feed_items_are_the_consented_public_profiles(repo: pathlib.Path,
                                                      site: pathlib.Path) -> None:
    today = dt.date.fromisoformat(TODAY)
    c = corpus.load(str(repo), today)
    expected = sorted((p for p in c.profiles if p.in_feeds(today)),
                      key=lambda p: (p.published, p.path), reverse=True)
    assert expected, "the sample content should have profiles in feeds"
    assert any(p.is_public(today) and not p.in_feeds(today) for p in c.profiles), \
        "the sample content should show a profile kept out of feeds by its consent"
    parsed = feedparser.parse(str(site / "feed.xml"))
    assert [e.id for e in parsed.entries] == [
        f"{SITE_URL}ho-so/{p.slug}/" for p in expected[:50]]


def test_every_link_and_picture_resolves(site: pathlib.Path) -> None:
    for rel in FEEDS:
        parsed = feedparser.parse(str(site / rel))
        assert local(site, parsed.feed.link).is_file(), (rel, parsed.feed.link)
        for e in parsed.entries:
            assert local(site, e.link).is_file(), e.link
            enclosures = [x for x in e.links if x.rel == "enclosure"]
            assert len(enclosures) == 1
            enc = enclosures[0]
            assert int(enc.length) == local(site, enc.href).stat().st_size, enc.href
            assert enc.type == "image/jpeg"
            for media in e.media_content + e.media_thumbnail:
                with Image.open(local(site, media["url"])) as im:
                    assert im.size == (int(media["width"]), int(media["height"]))
            html = e.summary + "".join(c.value for c in e.get("content", []))
            for url in re.findall(r'(?:src|href)="([^"]*)"', html):
                assert url.startswith(("https://", "http://", "mailto:")), (rel, url)
                if url.startswith(SITE_URL) and "#" not in url:
                    assert local(site, url).is_file(), (rel, url)
            if rel != "atom.xml":
                assert e.published.endswith("+0700")


def test_self_links_match_their_location(site: pathlib.Path) -> None:
    for rel in FEEDS:
        root = etree.parse(str(site / rel)).getroot()
        scope = root if rel == "atom.xml" else root.find("channel")
        selfs = scope.findall("atom:link[@rel='self']", NS)
        assert [s.get("href") for s in selfs] == [SITE_URL + rel]


def test_listing_pages_announce_their_feed(site: pathlib.Path) -> None:
    pages = {"": "feed.xml"}
    pages.update({field_url(f): field_url(f) + "feed.xml" for f in FIELDS})
    pages.update({sector_url(s): sector_url(s) + "feed.xml" for s in SECTORS})
    for page, rel in pages.items():
        soup = BeautifulSoup((site / page / "index.html").read_text("utf-8"), "html.parser")
        hrefs = {link.get("href") for link in soup.find_all("link", rel="alternate")
                 if link.get("type") == "application/rss+xml"}
        assert any(h and h.endswith(rel) for h in hrefs), (page, hrefs)


def test_share_cards_and_photos(repo: pathlib.Path, site: pathlib.Path) -> None:
    today = dt.date.fromisoformat(TODAY)
    c = corpus.load(str(repo), today)
    public = c.public(today)
    assert any(p.photo for p in public)
    for p in public:
        with Image.open(site / urls.card_url(p.slug)) as card:
            assert (card.format, card.size) == ("JPEG", (1200, 630))
        page = (site / "ho-so" / p.slug / "index.html").read_text("utf-8")
        og = BeautifulSoup(page, "html.parser").find("meta", property="og:image")
        assert og is not None and local(site, og["content"]).is_file(), p.slug
        ps = images.photo_set(str(repo), p)
        if ps is None:
            continue
        for v in ps.webp + ps.jpeg:
            with Image.open(site / v.url) as im:
                assert im.size == (v.width, v.height)
                assert not im.getexif()
        original = (repo / p.photo).read_bytes()
        name = os.path.basename(p.photo)
        for f in (site / "ho-so" / p.slug).iterdir():
            assert f.name != name and f.read_bytes() != original


def test_rebuild_gives_identical_feeds_and_cards(repo: pathlib.Path,
                                                 site: pathlib.Path) -> None:
    again = repo / "site-2"
    _build(repo, again)  # media from the cache this time
    files = FEEDS + sorted(str(p.relative_to(site)) for p in site.glob("ho-so/*/*.*")
                           if p.suffix in (".jpg", ".webp"))
    assert len(files) > len(FEEDS)
    for rel in files:
        assert (site / rel).read_bytes() == (again / rel).read_bytes(), rel


# --- Every feed, including the units' (issue 15), by the W3C validator's rules ----

RSS_DATE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                      r"Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
ATOM_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ATOM = "{http://www.w3.org/2005/Atom}"


def all_feeds(site: pathlib.Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.xml")
                  if p.name in (urls.FEED_NAME, urls.ATOM_NAME))


def _absolute(url: str | None) -> bool:
    return bool(url) and url.startswith(SITE_URL)


def rss_problems(rel: str, root: etree._Element) -> list[str]:
    """The W3C Feed Validation Service's RSS 2.0 errors and warnings we can check offline."""
    out = []
    if root.tag != "rss" or root.get("version") != "2.0":
        out.append("not RSS 2.0")
    ch = root.find("channel")
    for tag in ("title", "link", "description"):
        if not (ch.findtext(tag) or "").strip():
            out.append(f"channel lacks <{tag}>")
    if not _absolute(ch.findtext("link")):
        out.append("channel link not absolute")
    if ch.findtext("language") != "vi":
        out.append("language")
    for tag in ("lastBuildDate", "pubDate"):
        value = ch.findtext(tag)
        if value is not None and not RSS_DATE.match(value):
            out.append(f"channel {tag} not RFC 822: {value}")
    selfs = ch.findall(f"{ATOM}link[@rel='self']")
    if [(s.get("href"), s.get("type")) for s in selfs] != [(SITE_URL + rel,
                                                            "application/rss+xml")]:
        out.append("atom:link rel=self missing or not this document")
    guids = []
    for item in ch.findall("item"):
        if not (item.findtext("title") or item.findtext("description")):
            out.append("item without title or description")
        guid = item.find("guid")
        if guid is None or not _absolute(guid.text) or guid.get("isPermaLink") == "false":
            out.append("item guid missing or not a permalink")
        else:
            guids.append(guid.text)
        if not _absolute(item.findtext("link")):
            out.append("item link not absolute")
        if not RSS_DATE.match(item.findtext("pubDate") or ""):
            out.append("item pubDate not RFC 822")
        for enc in item.findall("enclosure"):
            if not (_absolute(enc.get("url")) and (enc.get("length") or "").isdigit()
                    and int(enc.get("length")) > 0 and enc.get("type")):
                out.append("enclosure needs url, a positive length and a type")
        desc = item.findtext("description") or ""
        if re.search(r"<(script|iframe|object|embed|style)\b", desc, re.I):
            out.append("dangerous markup in description")
    if len(guids) != len(set(guids)):
        out.append("duplicate guid")
    return out


def atom_problems(rel: str, root: etree._Element) -> list[str]:
    """The validator's Atom 1.0 (RFC 4287) errors we can check offline."""
    out = []
    for tag in ("id", "title", "updated"):
        if root.find(ATOM + tag) is None:
            out.append(f"feed lacks <{tag}>")
    if root.find(f"{ATOM}author/{ATOM}name") is None:
        out.append("feed lacks an author")
    if not ATOM_DATE.match(root.findtext(ATOM + "updated") or ""):
        out.append("feed updated not RFC 3339")
    selfs = root.findall(f"{ATOM}link[@rel='self']")
    if [(s.get("href"), s.get("type")) for s in selfs] != [(SITE_URL + rel,
                                                            "application/atom+xml")]:
        out.append("link rel=self missing or not this document")
    ids = []
    for e in root.findall(ATOM + "entry"):
        for tag in ("id", "title", "updated"):
            if e.find(ATOM + tag) is None:
                out.append(f"entry lacks <{tag}>")
        ids.append(e.findtext(ATOM + "id"))
        for tag in ("updated", "published"):
            if not ATOM_DATE.match(e.findtext(ATOM + tag) or ""):
                out.append(f"entry {tag} not RFC 3339")
        alternates = [x for x in e.findall(ATOM + "link") if x.get("rel") == "alternate"]
        if len(alternates) != 1 or not _absolute(alternates[0].get("href")):
            out.append("entry needs one absolute alternate link")
        for x in e.findall(ATOM + "link"):
            if x.get("rel") == "enclosure" and not (x.get("length") or "").isdigit():
                out.append("enclosure link without length")
    if len(ids) != len(set(ids)):
        out.append("duplicate entry id")
    return out


def test_every_feed_passes_the_validators_rules(repo: pathlib.Path,
                                                site: pathlib.Path) -> None:
    rels = all_feeds(site)
    units = {p.unit for p in corpus.load(str(repo), dt.date.fromisoformat(TODAY))
             .public(dt.date.fromisoformat(TODAY))}
    assert set(FEEDS) | {urls.unit_url(u) + urls.FEED_NAME for u in units} == set(rels)
    for rel in rels:
        parsed = feedparser.parse(str(site / rel))
        assert not parsed.bozo, (rel, parsed.get("bozo_exception"))
        root = etree.parse(str(site / rel)).getroot()
        problems = atom_problems(rel, root) if rel == urls.ATOM_NAME else rss_problems(rel, root)
        assert problems == [], rel


def test_unit_feeds_hold_their_units_items(site: pathlib.Path) -> None:
    for rel in all_feeds(site):
        if not rel.startswith(urls.SECTIONS["unit"][0] + "/"):
            continue
        unit_page = (site / rel).parent / "index.html"
        soup = BeautifulSoup(unit_page.read_text("utf-8"), "html.parser")
        alternates = {link.get("href") for link in soup.find_all("link", rel="alternate")}
        assert SITE_URL + rel in alternates, rel
        for e in feedparser.parse(str(site / rel)).entries:
            page = local(site, e.link).read_text("utf-8")
            assert urls.unit_url(rel.split("/")[1]) in page, (rel, e.link)


def test_items_carry_the_ready_caption(site: pathlib.Path) -> None:
    for e in feedparser.parse(str(site / "feed.xml")).entries:
        text = BeautifulSoup(e.summary, "html.parser").get_text("\n")
        assert f"Xem chi tiết: {e.link}" in text
        assert "#GươngĐiểnHìnhTiênTiến" in text and "Đơn vị giới thiệu: " in text
        assert "Nguồn: chuyên mục" in text


def test_follow_page_lists_every_feed_with_a_copy_button(site: pathlib.Path) -> None:
    soup = BeautifulSoup((site / urls.FOLLOW_URL / "index.html").read_text("utf-8"),
                         "html.parser")
    assert soup.h1.get_text() == "Theo dõi chuyên mục"
    buttons = soup.select("button.sc-copy[data-copy]")
    listed = {b["data-copy"] for b in buttons}
    assert listed == {SITE_URL + rel for rel in all_feeds(site)}
    for b in buttons:
        assert b.get("type") == "button" and b.has_attr("hidden")  # shown by the script
        li = b.find_parent("li")
        assert li.select_one(".sc-feed__purpose").get_text(strip=True)
        assert li.select_one("a.sc-feed__url")["href"] == b["data-copy"]  # works without JS
    assert not soup.select("script:not([src])") or all(
        s.get("type") in ("application/ld+json", "application/json")
        for s in soup.select("script:not([src])"))


def test_profile_page_offers_the_caption_and_the_khmer_name(site: pathlib.Path) -> None:
    soup = BeautifulSoup((site / "ho-so/thach-thi-f/index.html").read_text("utf-8"),
                         "html.parser")
    km = soup.select_one(".sc-name-km")
    assert km is not None and km["lang"] == "km" and km.get_text() == "ថាច់ ធី អេហ្វ"
    box = soup.select_one("textarea#noi-dung-dang")
    assert box is not None and box.has_attr("readonly")
    assert soup.select_one("label[for=noi-dung-dang]") is not None
    assert "Thạch Thị F (ថាច់ ធី អេហ្វ)" in box.get_text()
    button = soup.select_one("button[data-copy-from=noi-dung-dang]")
    assert button.get_text() == "Sao chép nội dung đăng"
    # the Khmer name is searchable: each of its syllables is a key of the index
    keys = search_index(site)["keys"]
    khmer = [fold(w) for w in syllables("ថាច់ ធី អេហ្វ")]
    assert khmer and all(k in keys for k in khmer), khmer


def test_the_rule_checks_catch_broken_feeds(site: pathlib.Path) -> None:
    root = etree.parse(str(site / "feed.xml")).getroot()
    item = root.find("channel/item")
    item.find("pubDate").text = "2024-06-03"
    item.find("enclosure").set("length", "0")
    root.find("channel").find(f"{ATOM}link").set("href", SITE_URL + "other.xml")
    assert len(rss_problems("feed.xml", root)) == 3
    atom = etree.parse(str(site / "atom.xml")).getroot()
    entry = atom.find(ATOM + "entry")
    entry.remove(entry.find(ATOM + "updated"))
    assert atom_problems("atom.xml", atom) == ["entry lacks <updated>",
                                                "entry updated not RFC 3339"]
