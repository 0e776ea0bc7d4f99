"""The sample site in headless Chromium at phone width, under a sub-path."""

from __future__ import annotations

import json
import pathlib
import re

import pytest

NODE_MODULES = pathlib.Path(__file__).resolve().parent / "node_modules"

SITE_URL = "https://example.gov.vn/guong-dien-hinh/"
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]


def search(page, base_url: str, query: str) -> list[str]:
    """Type ``query`` in Material's search box; the result links, best first."""
    page.goto(base_url)
    page.click('label.md-header__button[for="__search"]')
    # Wait until the search worker has loaded the index, then type like a person.
    page.wait_for_function(
        "() => !/Initializing|khởi tạo|Đang chuẩn bị/.test("
        "document.querySelector('.md-search-result__meta').textContent)")
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item > a.md-search-result__link")
    # Material searches on every key press and the worker answers each one in
    # turn, so the first results shown may be those of a prefix ("the tha").
    # Read them only once they have stayed the same for half a second.
    links: list[str] = []
    for _ in range(40):
        now = page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)")
        if now and now == links:
            break
        links = now
        page.wait_for_timeout(500)
    return [link.split("?")[0].split("#")[0] for link in links]


@pytest.mark.parametrize("query", ["lam hong son", "Lâm Hồng Sơn", "LAM HONG SON", "hong son"])
def test_search_finds_a_profile_with_or_without_diacritics(page, base_url, query):
    links = search(page, base_url, query)
    assert links[0] == base_url + "ho-so/lam-hong-son/", links


VINH_CHAU = {"thach-thi-f", "ho-gia-dinh-ong-son-van-h", "doi-ghe-ngo-xa-lac-hoa",
             "lam-hong-son"}


@pytest.mark.parametrize("query", ["vinh chau", "Vĩnh Châu", "thi xa vinh chau",
                                   "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu"])
def test_search_by_unit_name_finds_its_profiles(page, base_url, query):
    links = search(page, base_url, query)
    # the unit's own listing at the top, its profiles among the results
    assert base_url + "don-vi/vhtt-vinh-chau/" in links[:3], links
    found = {u[len(base_url) + len("ho-so/"):].strip("/") for u in links
             if u.startswith(base_url + "ho-so/")}
    assert len(found & VINH_CHAU) >= 2, links


@pytest.mark.parametrize("ascii_query, query", [
    ("the thao", "thể thao"),
    ("doi ghe ngo", "Đội ghe Ngo"),
    ("van hoa nghe thuat", "văn hóa nghệ thuật"),
    ("mua rom vong", "múa Rom vong"),
])
def test_typing_without_diacritics_finds_what_typing_with_them_finds(
        page, base_url, ascii_query, query):
    with_marks = search(page, base_url, query)
    without = search(page, base_url, ascii_query)
    assert with_marks and with_marks[0] in without[:5], (with_marks[:3], without[:5])


@pytest.mark.parametrize("query", ["cai cach hanh chinh van hoa cong so",
                                   "Cải cách hành chính, văn hóa công sở"])
def test_search_by_field_name_finds_its_profiles(page, base_url, query):
    links = search(page, base_url, query)
    assert links[0] == base_url + "linh-vuc/cai-cach-hanh-chinh-van-hoa-cong-so/", links
    assert base_url + "ho-so/huynh-thi-m/" in links, links


def test_follow_a_card_to_its_profile(page, base_url):
    page.goto(base_url)
    card = page.locator("li.sc-card a.sc-card__link").first
    name = card.locator(".sc-card__name").inner_text().strip()
    card.click()
    page.wait_for_load_state()
    assert re.fullmatch(re.escape(base_url) + r"ho-so/[a-z0-9-]+/", page.url)
    assert page.locator("article h1").inner_text().strip() == name
    # the photo or its placeholder, the facts and the story are there
    assert page.locator(".sc-profile__photo").count() == 1
    assert page.locator("dl.sc-facts dt").count() >= 5


def test_copy_link_button(page, base_url, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "ho-so/lam-hong-son/")
    button = page.locator("button.sc-copy[data-copy]")
    assert button.is_visible()
    button.click()
    page.wait_for_function(
        "() => document.querySelector('.sc-copy__status').textContent.includes('Đã sao chép')")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == "https://example.gov.vn/guong-dien-hinh/ho-so/lam-hong-son/"


def test_404_page_has_styles_under_the_sub_path(page, base_url):
    response = page.goto(base_url + "khong-co-trang-nay/")
    assert response.status == 404
    assert "Không tìm thấy trang" in page.locator("h1").inner_text()
    # Material's stylesheet applied: the header is the palette's red.
    colour = page.eval_on_selector("header.md-header", "e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(140, 28, 19)"


def test_fonts_are_the_sites_own(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "ho-so/lam-hong-son/")
    page.wait_for_load_state("networkidle")
    assert all(u.startswith((base_url, SITE_URL)) for u in requests), requests
    assert page.evaluate("() => document.fonts.check('16px \"Be Vietnam Pro\"', 'Lâm Hồng Sơn')")
    family = page.eval_on_selector("body", "e => getComputedStyle(e).fontFamily")
    assert family.startswith('"Be Vietnam Pro"')


AXE = NODE_MODULES / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("path", ["", "linh-vuc/van-hoa-nghe-thuat-the-thao/",
                                  "ho-so/thach-thi-f/", "ho-so/lam-hong-son/", "don-vi/",
                                  "gioi-thieu/", "theo-doi/"])
def test_no_serious_accessibility_violation(page, base_url, path):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run `make browser-deps`")
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    # Injected through the DevTools protocol: the site's own CSP (rightly)
    # refuses inline scripts, and axe is a test tool, not part of the page.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["html"][:160] for n in v["nodes"][:3]]}
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
