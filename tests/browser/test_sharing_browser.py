"""Sharing kit in Chromium: copy buttons by keyboard, the Khmer web font (issue 15)."""

from __future__ import annotations

import pytest

SITE_URL = "https://example.gov.vn/guong-dien-hinh/"
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]


def test_caption_is_copied_with_the_keyboard(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "ho-so/thach-thi-f/")
    button = page.locator("button[data-copy-from=noi-dung-dang]")
    assert button.is_visible() and button.inner_text() == "Sao chép nội dung đăng"
    button.focus()
    page.keyboard.press("Enter")
    status = button.locator("xpath=following-sibling::*[contains(@class,'sc-copy__status')]")
    status.filter(has_text="Đã sao chép nội dung đăng.").wait_for()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    expected = page.locator("#noi-dung-dang").input_value()
    assert copied == expected
    assert f"Xem chi tiết: {SITE_URL}ho-so/thach-thi-f/" in copied
    assert "Thạch Thị F (ថាច់ ធី អេហ្វ)" in copied


def test_feed_address_is_copied_on_the_follow_page(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "theo-doi/")
    buttons = page.locator("button.sc-copy[data-copy]")
    assert buttons.count() >= 11
    last = buttons.last
    last.focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => [...document.querySelectorAll('.sc-copy__status')]"
                           ".some(s => s.textContent.includes('Đã sao chép địa chỉ bản tin'))")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == last.get_attribute("data-copy") and copied.endswith("/feed.xml")


def test_khmer_is_drawn_with_the_sites_own_font(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "ho-so/thach-thi-f/")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.fonts.ready")
    assert all(u.startswith((base_url, SITE_URL)) for u in requests), requests
    assert any("noto-sans-khmer-khmer-700-normal.woff2" in u for u in requests), requests
    loaded = page.evaluate(
        "() => [...document.fonts].filter(f => f.family.includes('Noto Sans Khmer')"
        " && f.status === 'loaded').map(f => f.weight)")
    assert "700" in loaded
    # Vietnamese text never pulls the Khmer font in: it is not on a page without Khmer.
    requests.clear()
    page.goto(base_url + "ho-so/lam-hong-son/")
    page.wait_for_load_state("networkidle")
    assert not any("noto-sans-khmer" in u for u in requests), requests
