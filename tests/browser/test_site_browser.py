"""The sample site in headless Chromium at phone width, under a sub-path."""

from __future__ import annotations

import json
import pathlib
import re

import pytest

NODE_MODULES = pathlib.Path(__file__).resolve().parent / "node_modules"

SITE_URL = "https://example.gov.vn/guong-dien-hinh/"
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]


def open_search(page, base_url: str) -> None:
    page.goto(base_url)
    page.click("button.sc-search-open")
    page.wait_for_selector("dialog.sc-search[open] #sc-search-q")


def type_query(page, query: str) -> list[str]:
    """Type ``query`` like a person into the open search box; the result links, best first.

    The results list says which query it shows (data-query): read it only then,
    not the results of a prefix still being typed."""
    box = page.locator("#sc-search-q")
    box.fill("")
    box.press_sequentially(query, delay=40)
    page.wait_for_function(
        "q => document.querySelector('.sc-search__results').getAttribute('data-query') === q",
        arg=query)
    links = page.eval_on_selector_all(".sc-search__link", "els => els.map(e => e.href)")
    return [link.split("?")[0].split("#")[0] for link in links]


def search(page, base_url: str, query: str) -> list[str]:
    """Open the site's search on the home page and type ``query``."""
    open_search(page, base_url)
    return type_query(page, query)


@pytest.mark.parametrize("query", ["lam hong son", "Lâm Hồng Sơn", "LAM HONG SON", "hong son",
                                   "hong s", "lam ho", "Lâm H"])
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


INDEX = "/tim-kiem/"


def test_no_page_loads_search_before_it_is_used(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("", "linh-vuc/van-hoa-nghe-thuat-the-thao/", "ho-so/lam-hong-son/"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert not [u for u in requests if INDEX in u or u.endswith("search.js")], requests
    with page.expect_response(lambda r: r.url.startswith(base_url + "tim-kiem/index.json")):
        page.click("button.sc-search-open")
    page.wait_for_timeout(300)
    # opening the box: the script and the small entry file, nothing else yet
    opened = [u.split("?")[0] for u in requests if INDEX in u]
    assert opened == [base_url + "tim-kiem/index.json"], opened
    type_query(page, "ghe ngo")
    asked = [u.split("?")[0][len(base_url + "tim-kiem/"):] for u in requests if INDEX in u]
    # a query: the shards of its words and the display data of its results only
    assert {a.split("/")[0] for a in asked[1:]} <= {"w", "p", "t", "d"}, asked
    assert any(a.startswith("d/") for a in asked) and len(asked) < 20, asked
    # the filter menus' values only when the visitor opens them
    assert not [a for a in asked if a == "loc.json" or a.startswith("f/")], asked
    page.locator("dialog.sc-search").get_by_text("Lọc kết quả", exact=True).click()
    page.wait_for_function("() => document.querySelector('.sc-search__filters select')"
                           ".options.length > 1")
    asked = [u.split("?")[0] for u in requests if INDEX in u]
    assert base_url + "tim-kiem/loc.json" in asked
    assert not [u for u in asked if "/tim-kiem/f/" in u], "a list only once a value is chosen"


def test_search_works_with_the_keyboard(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")  # opens search from anywhere but a text field
    page.wait_for_selector("dialog.sc-search[open]")
    assert page.evaluate("document.activeElement.id") == "sc-search-q"
    page.keyboard.type("lam hong son", delay=40)
    page.wait_for_function(
        "() => document.querySelector('.sc-search__results').getAttribute('data-query')"
        " === 'lam hong son'")
    # Tab moves through the dialog to the first result; Enter follows it.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('sc-search__link')"):
            break
    assert page.evaluate("document.activeElement.href").endswith("/ho-so/lam-hong-son/")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "ho-so/lam-hong-son/")
    assert page.locator("article h1").inner_text().strip() == "Lâm Hồng Sơn"


def test_syllable_pairs_count_as_phrases(page, base_url):
    open_search(page, base_url)
    for query in ("chuyen doi so", "chuyển đổi số"):
        links = type_query(page, query)
        assert links[0] == base_url + "ho-so/huynh-thi-m/", (query, links[:3])
    # "ngư dân" (fisherman) is a pair; "ngũ âm", "dân" alone are elsewhere
    assert type_query(page, "ngu dan")[0] == base_url + "ho-so/ho-gia-dinh-ong-le-van-c/"


def test_a_query_with_diacritics_ranks_exact_matches_first(page, base_url):
    open_search(page, base_url)
    # "Hòa" (Lạc Hòa, Lai Hòa) before the many pages with "hóa" (văn hóa)
    accented = type_query(page, "Hòa")
    assert accented[0] in {base_url + "ho-so/doi-ghe-ngo-xa-lac-hoa/",
                           base_url + "ho-so/ho-gia-dinh-ong-son-van-h/",
                           base_url + "ho-so/lam-hong-son/"}, accented[:3]
    # without diacritics, both are found
    folded = type_query(page, "lac hoa")
    assert base_url + "ho-so/doi-ghe-ngo-xa-lac-hoa/" in folded[:3]
    exact_hoa = type_query(page, "Hóa")
    assert exact_hoa[0] not in {base_url + "ho-so/doi-ghe-ngo-xa-lac-hoa/"}, exact_hoa[:3]


def test_duong_with_diacritics_before_its_look_alikes(page, base_url):
    open_search(page, base_url)
    duong = base_url + "ho-so/tran-thi-duong/"  # "Dương" in the name, never "đường"
    roads = base_url + "ho-so/nguyen-van-a/"  # "đường" in its summary and facts
    exact = type_query(page, "đường")
    assert exact[0] == roads and duong in exact, exact[:4]
    name = type_query(page, "dương")
    assert name[0] == duong and roads in name, name[:4]
    # typed without diacritics: both forms match, the name first
    both = type_query(page, "duong")
    assert both[0] == duong and roads in both[:5], both[:5]


GUIDES = ("gioi-thieu/", "tieu-chi/", "cach-gui-ho-so/", "huong-dan-bien-tap/")


@pytest.mark.parametrize("query", ["Nguyễn Văn A", "nguyen van a", "Đỗ Văn N", "do van n"])
def test_guide_pages_never_outrank_a_profile_for_a_name(page, base_url, query):
    links = search(page, base_url, query)
    first_profile = next(i for i, u in enumerate(links) if "/ho-so/" in u)
    assert first_profile == 0, links[:4]
    guides = [i for i, u in enumerate(links) if u.endswith(GUIDES)]
    assert all(i > first_profile for i in guides), links


def _open_filters(page):
    dialog = page.locator("dialog.sc-search")
    dialog.get_by_text("Lọc kết quả", exact=True).click()
    page.wait_for_function("() => document.querySelector('.sc-search__filters select')"
                           ".options.length > 1")
    return dialog


def _menu(page, name: str) -> dict[str, int]:
    """A filter menu's values and the counts it shows ("2024 (3)")."""
    texts = page.eval_on_selector(f"select[name={name}]",
                                  "s => [...s.options].slice(1).map(o => o.textContent)")
    return {t.rsplit(" (", 1)[0]: int(t.rsplit(" (", 1)[1].rstrip(")")) for t in texts}


def _shown(page) -> list[str]:
    page.wait_for_function("() => document.querySelector('.sc-search__results')"
                           ".getAttribute('data-query') !== null")
    return page.eval_on_selector_all(".sc-search__link", "els => els.map(e => e.href)")


def test_filters_by_year_kind_and_unit(page, base_url):
    open_search(page, base_url)
    dialog = _open_filters(page)
    # Vietnamese labels, every menu reachable by its label
    for label in ("Lĩnh vực", "Ngành", "Đơn vị", "Cá nhân, tập thể, hộ gia đình", "Năm"):
        assert dialog.get_by_label(label, exact=True).count() == 1, label
    # a filter alone browses its profiles, newest first, as many as the menu says
    counts = _menu(page, "nam")
    dialog.get_by_label("Năm", exact=True).select_option("2024")
    page.wait_for_function("() => document.querySelectorAll('.sc-search__link').length > 0")
    facts = page.eval_on_selector_all(".sc-search__facts", "els => els.map(e => e.textContent)")
    assert facts and all(f.endswith("2024") for f in facts), facts
    assert len(facts) == min(counts["2024"], 20)
    assert f"Có {counts['2024']} kết quả" in page.locator(".sc-search__status").inner_text()
    dialog.get_by_label("Năm", exact=True).select_option("")
    dialog.get_by_label("Cá nhân, tập thể, hộ gia đình", exact=True).select_option("Hộ gia đình")
    links = type_query(page, "gia dinh")
    assert links and all("/ho-so/ho-gia-dinh-" in u for u in links), links
    dialog.get_by_label("Cá nhân, tập thể, hộ gia đình", exact=True).select_option("")
    unit = "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu"
    dialog.get_by_label("Đơn vị", exact=True).select_option(unit)
    links = type_query(page, "van hoa")
    found = {u[len(base_url) + len("ho-so/"):].strip("/") for u in links}
    assert found and found <= VINH_CHAU, links


def test_filters_by_field_and_sector(page, base_url):
    open_search(page, base_url)
    dialog = _open_filters(page)
    field = "Cải cách hành chính, văn hóa công sở"
    assert field in _menu(page, "linh_vuc")
    dialog.get_by_label("Lĩnh vực", exact=True).select_option(field)
    page.wait_for_function("() => document.querySelectorAll('.sc-search__link').length > 0")
    assert base_url + "ho-so/huynh-thi-m/" in _shown(page)
    # with a query too: only that field's profiles, never a listing or a guide
    links = type_query(page, "van hoa")
    assert links and all("/ho-so/" in u for u in links), links
    assert base_url + "ho-so/huynh-thi-m/" in links
    dialog.get_by_label("Lĩnh vực", exact=True).select_option("")
    sectors = _menu(page, "nganh")
    sector = "Thể dục, thể thao"
    assert sectors[sector] >= 2, sectors
    dialog.get_by_label("Ngành", exact=True).select_option(sector)
    page.locator("#sc-search-q").fill("")  # the filter alone
    page.wait_for_function(
        "n => document.querySelectorAll('.sc-search__link').length === n",
        arg=min(sectors[sector], 20))
    links = _shown(page)
    assert base_url + "ho-so/lam-hong-son/" in links and base_url + "ho-so/vo-van-e/" in links
    # two filters at once: both must hold
    dialog.get_by_label("Năm", exact=True).select_option("2025")
    page.wait_for_function("() => [...document.querySelectorAll('.sc-search__facts')]"
                           ".every(e => e.textContent.endsWith('2025'))")
    links = _shown(page)
    assert base_url + "ho-so/lam-hong-son/" in links and base_url + "ho-so/vo-van-e/" not in links


def test_search_closes_with_escape_and_keeps_focus(page, base_url):
    open_search(page, base_url)
    page.locator("#sc-search-q").press_sequentially("ghe ngo", delay=40)
    page.keyboard.press("Escape")
    assert not page.locator("dialog.sc-search[open]").count()
    assert page.evaluate("document.activeElement.classList.contains('sc-search-open')")


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
