"""Sitemaps: a small index at sitemap.xml, the pages in sitemap-trang.xml.

Material's JavaScript fetches ``sitemap.xml`` on every page view (for instant
navigation) and again next to every ``<link rel="alternate">``, which it takes
for a language version. Two consequences shape these files:

* ``sitemap.xml`` is a sitemap *index* of a few hundred bytes, so phones do
  not download and parse 10,000 URLs on each page; search engines follow it
  to ``sitemap-trang.xml``, which lists every page.
* the folder of each field and sector feed (``linh-vuc/<slug>/feed.xml``)
  gets its own ``sitemap.xml`` listing that folder's pages, so that the
  fetch Material makes there finds a valid sitemap instead of a 404.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from xml.sax.saxutils import escape

from showcase.publish import urls

PAGES = "sitemap-trang.xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(entries: Iterable[tuple[str, str]]) -> str:
    """A <urlset> of (absolute URL, lastmod or '') pairs, sorted by URL."""
    rows = []
    for loc, lastmod in sorted(set(entries)):
        mod = f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else ""
        rows.append(f"<url><loc>{escape(loc)}</loc>{mod}</url>")
    return f"{_HEAD}<urlset {_NS}>\n" + "\n".join(rows) + "\n</urlset>\n"


def files(site_url: str, pages: Iterable[tuple[str, str]], feeds: Iterable[str]
          ) -> list[tuple[str, str]]:
    """(site-relative path, text) of the pages' sitemap, each feed folder's own
    sitemap, and robots.txt. ``pages``: (absolute URL, lastmod or '') of every
    page; ``feeds``: site-relative URLs of the feeds pages link to."""
    entries = sorted(set(pages))
    out = [(PAGES, urlset(entries))]
    for folder in sorted({urls.folder_of(f) for f in feeds if "/" in f}):
        # Sorted by URL: the pages under a folder are one run of entries.
        prefix = site_url + folder
        start = bisect.bisect_left(entries, (prefix,))
        end = bisect.bisect_left(entries, (prefix + "\U0010ffff",))
        out.append((folder + urls.SITEMAP_NAME, urlset(entries[start:end])))
    # The units' form (quan-tri/, workflow/editor_site.py) is for the units' staff.
    admin = urls.site_path(site_url) + urls.EDITOR_FOLDER + "/"
    out.append(("robots.txt", f"User-agent: *\nDisallow: {admin}\nAllow: /\n\n"
                              f"Sitemap: {site_url + urls.SITEMAP_NAME}\n"))
    return out
