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

from conftest import copy_repo
from showcase.content import corpus
from showcase.content.vocab import FIELDS, SECTORS
from showcase.publish import media as images
from showcase.publish import urls
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
