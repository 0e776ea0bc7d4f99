"""Shared by the search benchmarks: build a repository with one of four searches,
serve it under the column's sub-path, and type queries in Debian's chromium.

The four searches:

stock    Material's search plugin with its defaults (lunr, language vi), on a
         baseline site the bench makes from the same records (bench/baseline.py);
former   the column's previous search: lunr with no stemmer, our separator and
         diacritic-free ``fold_*`` fields, on the same kind of baseline;
site     the column's search: the real build, its own chunked index ranked in the
         browser (publish/search/, assets/showcase/search.js);
pagefind Pagefind with its defaults on plain pages of the same records
         (bench/pagefind_site.py), asked through its JavaScript API.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

SUB_PATH = "/guong-dien-hinh/"
MATERIAL_PLACEHOLDER = "Nhập để bắt đầu tìm kiếm"  # Material's, language vi
CHROMIUM = "/usr/bin/chromium"
TODAY = dt.date(2026, 11, 24)
VARIANTS = ("stock", "former", "pagefind", "site")
LABELS = {"stock": "stock Material search", "former": "former search (lunr + folded)",
          "pagefind": "Pagefind 1.6 (defaults, same records)",
          "site": "site search (own index + Vietnamese ranking)"}


def sample_repo(repo: str, root: str) -> str:
    """The repository's content and profiles plus tests/browser/extra_profiles."""
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    shutil.copy(os.path.join(repo, "mkdocs.yml"), os.path.join(root, "mkdocs.yml"))
    for d in ("content", "profiles"):
        shutil.copytree(os.path.join(repo, d), os.path.join(root, d))
    extra = os.path.join(repo, "tests", "browser", "extra_profiles")
    if os.path.isdir(extra):
        shutil.copytree(extra, os.path.join(root, "profiles"), dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("README.md"))
    return root


def build(root: str, www: str, site_url: str | None) -> str:
    """Build ``root`` into ``www``/guong-dien-hinh (served from ``www``); ``site_url``
    None keeps the repository's own (its build cache then serves the pages again)."""
    from showcase import pipeline
    from showcase.adapter.run import mkdocs_build
    from showcase.context import read_mkdocs_yml

    _, options = read_mkdocs_yml(os.path.join(root, "mkdocs.yml"))
    loaded = pipeline.load(root, options, TODAY)
    assert loaded.ok, [d.text() for d in loaded.diagnostics.errors][:5]
    out = os.path.join(www, SUB_PATH.strip("/"))
    mkdocs_build(os.path.join(root, "mkdocs.yml"), out, loaded,
                 {"site_url": site_url} if site_url else {})
    return out


def build_variant(root: str, www: str, variant: str, site_url: str | None) -> str:
    """``root`` built with one of the three searches into ``www``/guong-dien-hinh: the
    real build for ``site``, a baseline of the bench's own for the others."""
    if variant == "site":
        return build(root, www, site_url)
    if variant == "pagefind":
        from bench import pagefind_site

        return pagefind_site.build(root, os.path.join(www, SUB_PATH.strip("/")),
                                   os.path.join(os.path.dirname(www), "pagefind-npm"), TODAY)
    from bench import baseline  # imports the pipeline: only when a baseline is wanted

    return baseline.build(root, os.path.join(www, SUB_PATH.strip("/")), variant, site_url,
                          TODAY)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(www: str, port: int = 0) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=www)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Typed:
    links: list[str]  # result URLs, best first, site-relative
    seconds: float  # from the last key press to the results shown


def _relative(base: str, links: list[str]) -> list[str]:
    out = []
    for link in links:
        link = link.split("#")[0].split("?")[0]
        out.append(link[len(base):] if link.startswith(base) else link)
    return out


def open_search(page: Any, variant: str) -> None:
    if variant == "pagefind":
        return  # asked through its API (type_query), no box to open
    if variant == "site":
        page.click(".sc-search-open")
        page.wait_for_selector("#sc-search-q")
    else:
        page.click('label.md-header__button[for="__search"]')
        page.wait_for_function(
            "() => !/Initializing|khởi tạo|Đang chuẩn bị/.test("
            "document.querySelector('.md-search-result__meta').textContent)",
            timeout=900_000)  # lunr builds its index in the page: minutes at 10,000


def type_query(page: Any, base: str, variant: str, query: str) -> Typed:
    """Type ``query`` into the open search box like a person; read the results
    (Pagefind: its API asked for the whole query)."""
    if variant == "pagefind":
        from bench import pagefind_site

        t = time.perf_counter()
        urls = page.evaluate(pagefind_site.QUERY_JS, [base, query])
        secs = time.perf_counter() - t
        return Typed([u[len(SUB_PATH):] if u.startswith(SUB_PATH) else u.lstrip("/")
                      for u in urls], secs)
    if variant == "site":
        box = page.locator("#sc-search-q")
        box.fill("")
        box.press_sequentially(query, delay=30)
        t = time.perf_counter()
        page.wait_for_function(
            "q => document.querySelector('.sc-search__results').getAttribute('data-query') === q",
            arg=query, timeout=60_000)
        secs = time.perf_counter() - t
        links = page.eval_on_selector_all(".sc-search__link", "els => els.map(e => e.href)")
        return Typed(_relative(base, links), secs)
    # Material answers key presses in turn, each answer replacing the last: typed
    # letter by letter, a slow answer (seconds at 10,000 pages) would be read as
    # the query's. So the box is emptied (Material shows its placeholder again),
    # then the whole query put in with one key press: the first answer that is
    # not the placeholder is the query's.
    box = page.locator("input.md-search__input")
    meta = ".md-search-result__meta"
    box.fill("")
    box.press("End")
    page.wait_for_function(f"() => document.querySelector('{meta}').textContent.trim() === "
                           f"{json.dumps(MATERIAL_PLACEHOLDER)}", timeout=60_000)
    box.fill(query)
    t = time.perf_counter()
    box.press("End")
    page.wait_for_function(f"() => document.querySelector('{meta}').textContent.trim() !== "
                           f"{json.dumps(MATERIAL_PLACEHOLDER)}", timeout=300_000)
    secs = time.perf_counter() - t
    sel = ".md-search-result__item > a.md-search-result__link"
    shown = page.eval_on_selector_all(sel, "els => els.map(e => e.href)")
    return Typed(_relative(base, shown), secs)
