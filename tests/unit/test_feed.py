"""Feeds built from hand-made profiles, read back with feedparser and lxml."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
import re

import feedparser
import pytest
from lxml import etree
from PIL import Image

from showcase.content.model import Consent, Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, SECTORS
from showcase.options import Options
from showcase.publish import markup, urls
from showcase.publish.feeds import plan as feed
from showcase.publish.media import plan as images
from showcase.publish.urls import field_url, sector_url

SITE_URL = "https://example.gov.vn/guong-dien-hinh/"
TODAY = dt.date(2026, 11, 24)
UNITS = {"vhtt-a": Unit("vhtt-a", "Phòng Văn hóa và Thông tin huyện A", "district", True)}
OPTIONS = Options(column_name="Gương điển hình tiên tiến",
                  department="Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng")
RFC822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} 08:00:00 \+0700$")
NS = {"atom": "http://www.w3.org/2005/Atom", "media": "http://search.yahoo.com/mrss/",
      "content": "http://purl.org/rss/1.0/modules/content/"}
BOTH = frozenset({"web", "social"})


def profile(slug: str, published: dt.date | None, **kw: object) -> Profile:
    year = (published or dt.date(2025, 1, 1)).year
    base = dict(
        path=f"profiles/vhtt-a/{year}-{slug}.md", unit="vhtt-a", slug=slug,
        name=f"Người {slug}", kind="individual", field="culture-arts-sports",
        sectors=("culture",), introduced=dt.date(year, 1, 2),
        summary=f"Tóm tắt về {slug}: một tấm gương tiêu biểu của phong trào ở cơ sở.",
        body=f"## Hành trình\n\nCâu chuyện của {slug}. [Xem thêm](2025-khac.md).\n",
        body_line=12, title=f"Tiêu đề {slug}", published=published,
        consent=Consent(dt.date(year, 1, 1), "12/ĐY", BOTH),
    )
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def corpus(root: pathlib.Path) -> list[Profile]:
    photo = root / "profiles/vhtt-a/anh.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(photo, "JPEG")
    return [
        profile("co-anh", dt.date(2025, 3, 1), photo="profiles/vhtt-a/anh.jpg",
                photo_alt="Ông Có Ảnh bên đội văn nghệ", sectors=("culture", "family")),
        profile("b-tap-the", dt.date(2025, 5, 10), kind="collective", consent=None,
                field="social-life", sectors=("sports",),
                summary="Tập thể A & B <C> làm \"tốt\" phong trào thể thao quần chúng."),
        profile("c-cung-ngay", dt.date(2025, 5, 10), sectors=("tourism", "culture")),
        profile("chi-web", dt.date(2025, 6, 1),
                consent=Consent(dt.date(2025, 1, 1), "1", frozenset({"web"}))),
        profile("rut-lai", dt.date(2025, 6, 2),
                consent=Consent(dt.date(2025, 1, 1), "1", BOTH, dt.date(2025, 8, 1))),
        profile("nhap", dt.date(2025, 6, 3), draft=True),
        profile("tuong-lai", dt.date(2026, 12, 1)),
        profile("chua-cong-bo", None),
    ]


def plan(root: pathlib.Path, profiles: list[Profile], options: Options = OPTIONS,
         ) -> tuple[images.Manifest, list[feed.FeedFile]]:
    public = [p for p in profiles if p.is_public(TODAY)]
    manifest = images.prepare(str(root), options.cache_dir, public, UNITS,
                              options.column_name, options.department)
    stories = {p.slug: markup.story(p.body) for p in profiles}
    column = feed.Column(options.column_name, options.department, options.feed_items)
    return manifest, feed.plan_feeds(SITE_URL, profiles, UNITS, column, TODAY, manifest, stories)


def build(root: pathlib.Path, site: pathlib.Path, profiles: list[Profile],
          options: Options = OPTIONS) -> list[str]:
    manifest, files = plan(root, profiles, options)
    images.write(manifest, str(site))
    for f in files:
        (site / f.rel).parent.mkdir(parents=True, exist_ok=True)
        (site / f.rel).write_bytes(f.data)
    return [f.rel for f in files]


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    out = tmp_path / "site"
    build(tmp_path, out, corpus(tmp_path))
    return out


def slug_of(entry: feedparser.FeedParserDict) -> str:
    return entry.link.rstrip("/").rsplit("/", 1)[-1]


def local(site: pathlib.Path, url: str) -> pathlib.Path:
    assert url.startswith(SITE_URL), url
    return site / url[len(SITE_URL):]


def test_every_feed_is_written_and_well_formed(tmp_path: pathlib.Path) -> None:
    written = build(tmp_path, tmp_path / "site", corpus(tmp_path))
    expected = (["feed.xml", "atom.xml"]
                + [field_url(f) + "feed.xml" for f in FIELDS]
                + [sector_url(s) + "feed.xml" for s in SECTORS]
                + [urls.unit_url("vhtt-a") + "feed.xml"])
    assert sorted(written) == sorted(expected)
    for rel in written:
        parsed = feedparser.parse(str(tmp_path / "site" / rel))
        assert not parsed.bozo, (rel, parsed.get("bozo_exception"))
        assert parsed.version == ("atom10" if rel == "atom.xml" else "rss20")


def test_only_consented_public_profiles_newest_first(site: pathlib.Path) -> None:
    parsed = feedparser.parse(str(site / "feed.xml"))
    # Same date: ordered by path, descending (deterministic).
    assert [slug_of(e) for e in parsed.entries] == ["c-cung-ngay", "b-tap-the", "co-anh"]
    atom = feedparser.parse(str(site / "atom.xml"))
    assert [slug_of(e) for e in atom.entries] == ["c-cung-ngay", "b-tap-the", "co-anh"]


def test_item_fields(site: pathlib.Path) -> None:
    parsed = feedparser.parse(str(site / "feed.xml"))
    by_slug = {slug_of(e): e for e in parsed.entries}
    for slug, e in by_slug.items():
        link = f"{SITE_URL}ho-so/{slug}/"
        assert e.title == f"Tiêu đề {slug}"
        assert e.link == link and e.id == link
        assert RFC822.match(e.published), e.published
        assert "Câu chuyện của" in e.content[0].value
        assert f'href="{SITE_URL}ho-so/{slug}/../khac/"' not in e.content[0].value
        assert f'href="{SITE_URL}ho-so/khac/"' in e.content[0].value
        enclosure = [x for x in e.links if x.rel == "enclosure"]
        assert len(enclosure) == 1
        enc = enclosure[0]
        assert enc.type == "image/jpeg"
        assert int(enc.length) == local(site, enc.href).stat().st_size
        assert e.media_content[0]["url"] == enc.href
        assert int(e.media_content[0]["filesize"]) == int(enc.length)
        assert local(site, e.media_thumbnail[0]["url"]).is_file()
        assert re.search(f'<img [^>]*src="{re.escape(enc.href)}"', e.summary)
    photo = by_slug["co-anh"]
    assert photo.links[1].href == f"{SITE_URL}ho-so/co-anh/anh-960.jpg"
    assert photo.media_thumbnail[0]["url"] == f"{SITE_URL}ho-so/co-anh/anh-480.jpg"
    assert 'alt="Ông Có Ảnh bên đội văn nghệ"' in photo.summary
    assert photo.summary.index("<img") < photo.summary.index("Tóm tắt")  # picture on top
    card = by_slug["b-tap-the"]
    assert card.links[1].href == f"{SITE_URL}ho-so/b-tap-the/{urls.CARD_NAME}"
    with Image.open(local(site, card.links[1].href)) as im:
        assert im.size == (1200, 630)
    assert "Tập thể A &amp; B &lt;C&gt;" in card.summary  # escaped HTML, once
    assert [t.term for t in photo.tags] == [
        "Văn hóa, nghệ thuật, thể dục thể thao", "Văn hóa", "Gia đình",
        "Phòng Văn hóa và Thông tin huyện A", "Cá nhân"]
    assert [t.term for t in card.tags] == [
        "Đời sống xã hội", "Thể dục, thể thao", "Phòng Văn hóa và Thông tin huyện A", "Tập thể"]


def test_rss_details_with_lxml(site: pathlib.Path) -> None:
    """Rules of the W3C feed validator that feedparser does not enforce."""
    for rel in ["feed.xml"] + [field_url(f) + "feed.xml" for f in FIELDS]:
        channel = etree.parse(str(site / rel)).getroot().find("channel")
        assert channel.findtext("language") == "vi"
        selfs = channel.findall("atom:link[@rel='self']", NS)
        assert [s.get("href") for s in selfs] == [SITE_URL + rel]
        assert selfs[0].get("type") == "application/rss+xml"
        assert channel.findtext("link") == SITE_URL + rel.removesuffix("feed.xml")
        assert RFC822.match(channel.findtext("lastBuildDate"))
        for item in channel.findall("item"):
            guid = item.find("guid")
            assert guid.get("isPermaLink") == "true" and guid.text == item.findtext("link")
            assert RFC822.match(item.findtext("pubDate"))
            for tag in ("description", "content:encoded"):
                html = item.findtext(tag, namespaces=NS)
                for url in re.findall(r'(?:src|href)="([^"]*)"', html):
                    assert url.startswith("https://"), (tag, url)
            assert item.find("media:content", NS) is not None  # not inside media:group
            assert item.find("media:thumbnail", NS) is not None


def test_last_build_date_is_the_newest_item(site: pathlib.Path) -> None:
    parsed = feedparser.parse(str(site / "feed.xml"))
    assert parsed.feed.updated == parsed.entries[0].published
    assert parsed.feed.updated == "Sat, 10 May 2025 08:00:00 +0700"
    atom = feedparser.parse(str(site / "atom.xml"))
    assert atom.feed.updated == "2025-05-10T08:00:00+07:00"
    assert atom.entries[0].published == "2025-05-10T08:00:00+07:00"


def test_channel_fields(site: pathlib.Path) -> None:
    parsed = feedparser.parse(str(site / "feed.xml"))
    f = parsed.feed
    assert f.title == "Gương điển hình tiên tiến – Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng"
    assert f.link == SITE_URL
    assert f.language == "vi"
    assert "Gương điển hình tiên tiến" in f.subtitle


def test_field_and_sector_feeds_filter(site: pathlib.Path) -> None:
    social = feedparser.parse(str(site / field_url("social-life") / "feed.xml"))
    assert [slug_of(e) for e in social.entries] == ["b-tap-the"]
    culture = feedparser.parse(str(site / sector_url("culture") / "feed.xml"))
    assert [slug_of(e) for e in culture.entries] == ["c-cung-ngay", "co-anh"]
    assert "Văn hóa" in culture.feed.title


def test_empty_feed_is_valid_with_a_stable_date(site: pathlib.Path) -> None:
    empty = feedparser.parse(str(site / field_url("provincial-emulation") / "feed.xml"))
    assert not empty.bozo and empty.entries == []
    assert empty.feed.updated == "Sat, 10 May 2025 08:00:00 +0700"  # the column's newest


def test_nothing_public_at_all(tmp_path: pathlib.Path) -> None:
    ps = [profile("nhap", dt.date(2025, 6, 3), draft=True)]
    written = build(tmp_path, tmp_path / "site", ps)
    for rel in written:
        parsed = feedparser.parse(str(tmp_path / "site" / rel))
        assert not parsed.bozo and parsed.entries == []
    channel = etree.parse(str(tmp_path / "site/feed.xml")).getroot().find("channel")
    assert channel.find("lastBuildDate") is None  # never the build's clock


def test_two_builds_are_byte_identical(tmp_path: pathlib.Path) -> None:
    ps = corpus(tmp_path)
    first = build(tmp_path, tmp_path / "s1", ps)
    build(tmp_path, tmp_path / "s2", ps)  # media from the cache this time
    files = sorted(p.relative_to(tmp_path / "s1") for p in (tmp_path / "s1").rglob("*")
                   if p.is_file())
    assert len(files) > len(first)
    for rel in files:
        assert (tmp_path / "s1" / rel).read_bytes() == (tmp_path / "s2" / rel).read_bytes(), rel


def test_feed_items_limit(tmp_path: pathlib.Path) -> None:
    ps = corpus(tmp_path)
    build(tmp_path, tmp_path / "site", ps, dataclasses.replace(OPTIONS, feed_items=2))
    parsed = feedparser.parse(str(tmp_path / "site/feed.xml"))
    assert [slug_of(e) for e in parsed.entries] == ["c-cung-ngay", "b-tap-the"]
    assert len(feedparser.parse(str(tmp_path / "site/atom.xml")).entries) == 2


def test_feeds_are_planned_from_the_manifest_not_the_site(tmp_path: pathlib.Path) -> None:
    # No site folder exists while the feeds are made; the sizes they announce are
    # those of the files written afterwards.
    manifest, files = plan(tmp_path, corpus(tmp_path))
    assert not (tmp_path / "site").exists()
    images.write(manifest, str(tmp_path / "site"))
    main = next(f for f in files if f.rel == "feed.xml")
    root = etree.fromstring(main.data)
    enclosures = root.findall("channel/item/enclosure")
    assert enclosures
    for enc in enclosures:
        path = local(tmp_path / "site", enc.get("url"))
        assert int(enc.get("length")) == path.stat().st_size
        with Image.open(path) as im:
            content = root.find(f"channel/item/{{{NS['media']}}}content[@url='{enc.get('url')}']")
            assert (int(content.get("width")), int(content.get("height"))) == im.size


def test_guid_does_not_change_when_the_profile_is_edited(tmp_path: pathlib.Path) -> None:
    ps = corpus(tmp_path)
    build(tmp_path, tmp_path / "s1", ps)
    edited = [dataclasses.replace(p, title="Tiêu đề mới", summary=p.summary + " Đã sửa.",
                                  body=p.body + "\nThêm một đoạn.\n") for p in ps]
    build(tmp_path, tmp_path / "s2", edited)
    ids = [[e.id for e in feedparser.parse(str(tmp_path / s / "feed.xml")).entries]
           for s in ("s1", "s2")]
    assert ids[0] == ids[1] and len(ids[0]) == 3


def test_pub_datetime_is_in_the_province() -> None:
    when = feed.pub_datetime(dt.date(2025, 1, 31))
    assert when.isoformat() == "2025-01-31T08:00:00+07:00"


def test_atom_entries(site: pathlib.Path) -> None:
    atom = feedparser.parse(str(site / "atom.xml"))
    assert atom.feed.author == OPTIONS.department
    for e in atom.entries:
        rels = {x.rel: x for x in e.links}
        assert rels["alternate"].href == e.id == e.link
        assert rels["alternate"].type == "text/html"
        enc = rels["enclosure"]
        assert enc.type == "image/jpeg"
        assert int(enc.length) == local(site, enc.href).stat().st_size
        assert e.published.endswith("+07:00") and e.updated == e.published
        assert "Câu chuyện của" in e.content[0].value
    root = etree.parse(str(site / "atom.xml")).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    selfs = root.findall("atom:link[@rel='self']", NS)
    assert [s.get("href") for s in selfs] == [SITE_URL + "atom.xml"]


def test_titles_with_look_alike_markup_stay_text(tmp_path: pathlib.Path) -> None:
    ps = [profile("ab", dt.date(2025, 3, 1), title="A & B <C> \u0001đạt giải")]
    build(tmp_path, tmp_path / "site", ps)
    rss = etree.parse(str(tmp_path / "site/feed.xml")).getroot()
    assert rss.findtext("channel/item/title") == "A & B \u2039C\u203a đạt giải"
    atom = etree.parse(str(tmp_path / "site/atom.xml")).getroot()
    title = atom.find("atom:entry/atom:title", NS)
    assert title.get("type") == "html" and title.text == "A &amp; B &lt;C&gt; đạt giải"
    assert feedparser.parse(str(tmp_path / "site/feed.xml")).entries[0].title == \
        "A & B ‹C› đạt giải"
    entry = feedparser.parse(str(tmp_path / "site/atom.xml")).entries[0]
    assert entry.title_detail.type == "text/html"  # HTML that displays as the text
    assert entry.title == "A &amp; B &lt;C&gt; đạt giải"
