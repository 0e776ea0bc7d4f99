"""The site works under its own Content-Security-Policy: no violation while a
visitor reads, searches, navigates and copies a link."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

from showcase.publish.pages import csp

from .test_site_browser import SITE_URL, search

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]

RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_every_page_carries_the_policy_first(sample_site):
    for path in sorted(sample_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        head = BeautifulSoup(text, "html5lib").head
        metas = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        # the one inline stylesheet, allowed by its hash (the same on every page)
        styles = head.find_all("style")
        assert len(styles) == 1, path
        digest = base64.b64encode(hashlib.sha256(
            styles[0].string.encode("utf-8")).digest()).decode()
        assert [m["content"] for m in metas] == [
            csp.meta_policy(SITE_URL, (f"'sha256-{digest}'",))], path
        # A meta policy only governs what comes after it.
        at = text.index('http-equiv="Content-Security-Policy"')
        for marker in ("<script", "<link", "<style"):
            assert marker not in text[:at], (path, marker)


def test_no_violation_while_browsing(page, base_url):
    page.add_init_script(RECORD)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    links = search(page, base_url, "vinh chau")
    assert links
    seen = page.evaluate("window.__csp")
    page.goto(links[-1])
    page.wait_for_load_state("networkidle")
    seen += page.evaluate("window.__csp")
    page.goto(base_url + "ho-so/thach-thi-f/")
    page.wait_for_load_state("networkidle")
    for button in page.locator("button.sc-copy").all():  # the link and the caption
        button.click()
    seen += page.evaluate("window.__csp")
    page.goto(base_url + "theo-doi/")
    page.wait_for_load_state("networkidle")
    page.locator("button.sc-copy").first.click()
    seen += page.evaluate("window.__csp")
    page.goto(base_url + "khong-co-trang-nay/")
    seen += page.evaluate("window.__csp")
    assert seen == [] and violations == [], (seen, violations)
