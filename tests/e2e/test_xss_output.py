"""Defence in depth: even if the check were bypassed, no page or feed runs a payload.

The plugin is handed a corpus whose profiles carry hostile text in every
field (the check would have refused them), then every HTML page and every
feed of the built site is parsed with real parsers and searched for
executable markup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from showcase.content import corpus as corpus_mod
from showcase.content.model import Record

PAYLOADS = [
    ln for ln in (pathlib.Path(__file__).parent.parent / "cases" / "xss_payloads.txt")
    .read_text(encoding="utf-8").splitlines()
    if ln and not ln.startswith("# ")
]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
TODAY = dt.date(2026, 11, 24)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text", "data:application")
URL_ATTRS = ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset")


def _hostile(repo: pathlib.Path) -> corpus_mod.Corpus:
    c = corpus_mod.load(str(repo), TODAY)
    assert c.ok
    out = []
    for i, p in enumerate(c.profiles):
        a, b = PAYLOADS[i % len(PAYLOADS)], PAYLOADS[(i + 7) % len(PAYLOADS)]
        out.append(dataclasses.replace(
            p,
            name=f"{p.name} {a}",
            title=f"{p.title} {b}",
            summary=f"{p.summary} {a}",
            location=b,
            movement=a,
            tags=(a, b),
            achievements=(Record(2023, a),),
            commendations=(Record(2024, b),),
            photo_alt=a if p.photo else None,
            body="\n\n".join([p.body, *PAYLOADS[i % 5 :: 5]]),
        ))
    return dataclasses.replace(c, profiles=out)


def _check_html(html: str, where: str) -> None:
    soup = BeautifulSoup(html, "html5lib")
    for tag in soup.find_all(True):
        name = tag.name.lower()
        assert name not in ("iframe", "object", "embed", "base", "frame", "applet"), where
        if name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            pytest.fail(f"meta refresh in {where}")
        if name == "script":
            if tag.get("type") in ("application/ld+json", "application/json"):
                json.loads(tag.string or "null")  # data, and well-formed
                assert "</script" not in (tag.string or "").lower()
            else:
                src = tag.get("src", "")
                assert src and not src.startswith(("http:", "https:", "//")), (where, str(tag))
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), (where, str(tag)[:200])
            if attr.lower() in URL_ATTRS:
                v = "".join(str(value).split()).lower()
                assert not v.startswith(BAD_SCHEMES), (where, str(tag)[:200])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    from conftest import build_site, copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("hostile"))
    out = repo / "site"
    build_site(repo, out, TODAY.isoformat(), _hostile(repo))
    return out


def test_no_executable_markup_in_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        _check_html(page.read_text(encoding="utf-8"), str(page.relative_to(hostile_site)))


def test_payload_text_is_shown_as_text(hostile_site):
    texts = " ".join(
        BeautifulSoup(p.read_text(encoding="utf-8"), "html5lib").get_text(" ")
        for p in hostile_site.rglob("ho-so/*/index.html")
    )
    assert "<script>alert(1)</script>" in texts or "<svg/onload=alert('XSS')>" in texts


def test_no_executable_markup_in_feeds(hostile_site):
    feeds = sorted(hostile_site.rglob("*.xml"))
    feeds = [f for f in feeds if f.name in ("feed.xml", "atom.xml")]
    assert feeds
    for f in feeds:
        tree = etree.parse(str(f))
        for el in tree.iter():
            if el.text and "<" in el.text:
                _check_html(el.text, f"{f.name}:{el.tag}")
