"""Fixtures for the browser tests: the sample site, served under a sub-path,
opened in Debian's chromium at phone width (never a downloaded browser)."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import urllib.parse
from collections.abc import Iterator

import pytest

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
CHROMIUM = "/usr/bin/chromium"
NODE_MODULES = HERE / "node_modules"
TODAY = dt.date(2026, 11, 24)
PHONE = {"width": 390, "height": 844}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_sample(dest: pathlib.Path, overrides: dict | None = None) -> pathlib.Path:
    """Copy the repository's content plus tests/browser/extra_profiles, build, return site/.

    ``overrides`` are MkDocs config overrides (the audit serves the site from
    a local address, so it sets ``site_url`` to it)."""
    from conftest import build_site, copy_repo  # tests/conftest.py
    from showcase.content import corpus as corpus_mod

    copy_repo(dest, extra=True)
    c = corpus_mod.load(str(dest), TODAY)
    assert c.ok, [d.text() for d in c.diagnostics.errors]
    out = dest / "site"
    build_site(dest, out, TODAY.isoformat(), c, overrides)
    return out


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return build_sample(tmp_path_factory.mktemp("browser") / "repo")


@pytest.fixture(scope="session")
def base_url(sample_site: pathlib.Path) -> Iterator[str]:
    from .sitehttp import serve

    with serve(str(sample_site)) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[object]:
    """One Playwright for the session: its sync API cannot be started twice at once."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is not installed: run `make browser-deps` (as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: object) -> Iterator[object]:
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    try:
        yield b
    finally:
        b.close()


SITE_URL = "https://example.gov.vn/guong-dien-hinh/"


@pytest.fixture
def page(browser: object, base_url: str, sample_site: pathlib.Path) -> Iterator[object]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="vi-VN")
    # Absolute links (feeds, share URLs) name the production host: answer them
    # from the local server, as if the site were at site_url. Nothing leaves
    # the machine.
    def local(route: object) -> None:
        rel = urllib.parse.urlsplit(route.request.url).path[len("/guong-dien-hinh/"):]
        path = sample_site.joinpath(*[p for p in rel.split("/") if p and p != ".."])
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, path=str(sample_site / "404.html"))

    context.route(SITE_URL + "**", local)
    p = context.new_page()
    p.set_default_timeout(15_000)
    try:
        yield p
    finally:
        context.close()
