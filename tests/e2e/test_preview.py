"""The board's preview: unpublished profiles shown with a banner, never in production.

Tried as a new editor would: a profile without `published`, a draft and a
scheduled one are added to a copy of the repository; the preview build shows
each with its reason and `noindex`; the production build, its feeds, sitemaps
and search index do not contain them, and neither do the preview's feeds.
"""

from __future__ import annotations

import json
import pathlib
import re
import subprocess

import feedparser
import html5lib
import pytest

from conftest import PROFILE, REPO, TODAY, copy_repo, search_index

pytestmark = pytest.mark.slow
SHOWCASE = REPO / ".venv" / "bin" / "showcase"

UNIT = "vhtt-vinh-chau"
NEW = {
    "chua-duyet": ("published: 2024-06-03\n", ""),  # removed: not yet approved
    "ban-nhap": ("", "draft: true\n"),
    "hen-ngay": ("published: 2024-06-03\n", "published: 2027-03-15\n"),
}
REASONS = {
    "chua-duyet": "chưa được Ban biên tập duyệt công bố",
    "ban-nhap": "bản nháp",
    "hen-ngay": "hẹn công bố ngày 15/03/2027",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, pathlib.Path]:
    repo = copy_repo(tmp_path_factory.mktemp("preview") / "repo")
    for slug, (old, new) in NEW.items():
        text = PROFILE.replace("Nguyễn Văn A", f"Nguyễn Văn {slug}")
        text = text.replace(old, new) if old else text.replace("---\n## ", new + "---\n## ", 1)
        (repo / "profiles" / UNIT / f"2024-{slug}.md").write_text(text, encoding="utf-8")
    for extra in ([], ["--preview"]):
        done = subprocess.run([str(SHOWCASE), "build", "--today", TODAY, *extra], cwd=repo,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    return repo / "site", repo / "site-preview"


def _text(path: pathlib.Path) -> str:
    doc = html5lib.parse(path.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)
    return " ".join("".join(doc.getroot().itertext()).split())


def test_preview_shows_each_unpublished_profile_with_its_reason(sites) -> None:
    _, preview = sites
    for slug, reason in REASONS.items():
        page = preview / "ho-so" / slug / "index.html"
        assert page.is_file(), slug
        html = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html
        text = _text(page)
        assert "Bản xem trước – hồ sơ chưa công bố" in text and reason in text, slug


def test_published_profiles_have_no_banner_and_are_indexed(sites) -> None:
    site, preview = sites
    public = [p.name for p in (site / "ho-so").iterdir() if p.is_dir()]
    assert public
    for slug in public:
        html = (preview / "ho-so" / slug / "index.html").read_text(encoding="utf-8")
        assert "noindex" not in html and "Bản xem trước" not in html, slug


def test_production_and_every_feed_and_sitemap_leave_them_out(sites) -> None:
    site, preview = sites
    for slug in NEW:
        assert not (site / "ho-so" / slug).exists()
    for root in (site, preview):
        for feed in [*root.rglob("feed.xml"), root / "atom.xml"]:
            parsed = feedparser.parse(str(feed))
            assert not parsed.bozo
            assert not any(s in e.link for e in parsed.entries for s in NEW), feed
        for sitemap in root.rglob("sitemap*.xml"):
            text = sitemap.read_text(encoding="utf-8")
            assert not any(f"/ho-so/{s}/" in text for s in NEW), sitemap
    # the search index: neither what results show nor any word of it
    index = search_index(site)
    shown = json.dumps(index["rows"], ensure_ascii=False)
    assert shown and not re.search("|".join(NEW), shown)
    # their names ("Nguyễn Văn ban-nhap") as the pairs the index would hold
    assert not [s for s in NEW if s.replace("-", " ") in index["keys"]], index["entry"]["n"]


def test_a_preview_is_built_beside_the_production_site(sites) -> None:
    site, preview = sites
    assert (site / "index.html").is_file() and (preview / "index.html").is_file()
    assert preview.name == "site-preview"


def test_make_serve_and_make_preview_preview() -> None:
    makefile = (REPO / "Makefile").read_text("utf-8")
    serve = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "SHOWCASE_PREVIEW=true" in serve and "mkdocs serve" in serve
    preview = makefile.split("\npreview:", 1)[1].split("\n\n", 1)[0]
    assert "build --preview" in preview
    assert "preview: !ENV [SHOWCASE_PREVIEW, false]" in (REPO / "mkdocs.yml").read_text("utf-8")
