"""The units' form in the built site: quan-tri/ holds it, and nothing public knows it.

The sample site is built twice, with the form and with ``editor: false``: every
file outside quan-tri/ has the same bytes (so the public pages' weight and
Lighthouse scores cannot have changed), and none of them names the form.
"""

from __future__ import annotations

import html.parser
import pathlib
import re
import subprocess

import pytest
import yaml

from conftest import REPO, TODAY, build_site, copy_repo
from showcase.context import read_mkdocs_yml
from showcase.workflow import editor_site

pytestmark = pytest.mark.slow
BUNDLE = REPO / "editor" / "node_modules" / "decap-cms" / "dist"
SHOWCASE = REPO / ".venv" / "bin" / "showcase"


def with_bundle(repo: pathlib.Path, bundle: pathlib.Path | str) -> None:
    path = repo / "mkdocs.yml"
    text, n = re.subn(r"(\n      editor:\n)", rf"\1        bundle: {bundle}\n",
                      path.read_text(encoding="utf-8"))
    assert n == 1
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, pathlib.Path]:
    if not (BUNDLE / "decap-cms.js").is_file():
        pytest.skip(f"{BUNDLE} is missing: run `make editor-deps` (npm ci)")
    tmp = tmp_path_factory.mktemp("editor-site")
    repo = copy_repo(tmp / "repo")
    with_bundle(repo, BUNDLE)
    with_form = build_site(repo, tmp / "with", TODAY)
    config = repo / "mkdocs.yml"
    text = re.sub(r"      editor:\n(        .*\n)+", "      editor: false\n",
                  config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    without = build_site(repo, tmp / "without", TODAY)
    return with_form, without


def files(site: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file()}


def test_public_files_are_the_same_bytes_with_and_without_the_form(sites) -> None:
    with_form, without = (files(s) for s in sites)
    public = {k: v for k, v in with_form.items() if not k.startswith("quan-tri/")}
    assert sorted(public) == sorted(without)
    assert [k for k in public if public[k] != without[k]] == []
    assert "quan-tri/index.html" in with_form and "quan-tri/decap-cms.js" in with_form


def test_no_public_file_names_the_form_but_robots_txt(sites) -> None:
    site = sites[0]
    naming = [k for k, v in files(site).items()
              if not k.startswith("quan-tri/") and b"quan-tri" in v]
    assert naming == ["robots.txt"]
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /guong-dien-hinh/quan-tri/\n" in robots


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_the_form_page_loads_only_its_own_files(sites) -> None:
    folder = sites[0] / "quan-tri"
    parser = _Tags()
    parser.feed((folder / "index.html").read_text(encoding="utf-8"))
    metas = {a.get("name") or a.get("http-equiv"): a.get("content")
             for t, a in parser.tags if t == "meta"}
    assert metas["robots"] == "noindex, nofollow"
    _, options = read_mkdocs_yml(str(REPO / "mkdocs.yml"))
    assert metas["Content-Security-Policy"] == editor_site.page_policy(options.editor)
    scripts = [a["src"] for t, a in parser.tags if t == "script"]
    assert scripts == ["decap-cms.js", "tieng-viet.js", "bien-tap.js"]
    links = [a["href"] for t, a in parser.tags if t == "link"]
    assert links == ["/guong-dien-hinh/assets/showcase/logo.svg", "config.yml"]
    for name in (*scripts, "config.yml", "xem-truoc.css"):
        assert (folder / name).is_file(), name
    assert not list(folder.glob("*.map"))
    assert (folder / "decap-cms.js").read_bytes() == (BUNDLE / "decap-cms.js").read_bytes()
    chunks = sorted(p.name for p in BUNDLE.glob("*.decap-cms.js"))
    assert chunks and sorted(p.name for p in folder.glob("*.decap-cms.js")) == chunks
    config = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == options.editor.repo
    assert [c["name"] for c in config["collections"] if c["create"]] == [
        "trung-tam-van-hoa-nghe-thuat", "thu-vien-tinh", "bao-tang-tinh",
        "tt-huan-luyen-thi-dau-tdtt", "tt-thong-tin-xuc-tien-du-lich", "doan-nghe-thuat-khmer",
        "van-phong-so", "phong-ql-van-hoa-gia-dinh", "phong-ql-the-duc-the-thao",
        "phong-ql-du-lich", "thanh-tra-so", "to-chuc-phap-che"]
    # The preview pane's stylesheet is the pages' own, fonts swapping in.
    css = (folder / "xem-truoc.css").read_text(encoding="utf-8")
    assert ".sc-facts" in css and "font-display:optional" not in css.replace(" ", "")
    # Only the column's own origin and GitHub's API (and avatars).
    policy = metas["Content-Security-Policy"] or ""
    assert "connect-src 'self' blob: https://api.github.com https://www.githubstatus.com;" in policy
    assert not re.search(r"https://(?!api\.github\.com|avatars\.githubusercontent\.com|"
                         r"www\.githubstatus\.com)", policy)
    assert "'unsafe-inline'" not in policy.split("style-src")[0]  # no inline script


def test_without_decap_the_public_site_is_built_and_the_build_says_why(tmp_path) -> None:
    repo = copy_repo(tmp_path / "repo")
    with_bundle(repo, tmp_path / "khong-co")
    done = subprocess.run([str(SHOWCASE), "--today", TODAY, "build"], cwd=repo,
                          capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "Chưa có gói Decap CMS" in done.stderr and "make editor-deps" in done.stderr
    assert (repo / "site" / "index.html").is_file()
    assert not (repo / "site" / "quan-tri").exists()
