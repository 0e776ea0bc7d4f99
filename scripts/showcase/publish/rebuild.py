"""Building again into a site folder that already holds a build (``--dirty``).

``mkdocs serve --dirty`` (``make serve``) keeps its folder between rebuilds,
so only what changed is written. Two things must then be done by hand: a page
about to be rendered must not be written *through* the hard link a cached
copy left there (that would change the cache), and the pages of the last
build that this one no longer has (a deleted profile) must go.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable

from showcase.publish import urls


def page_file(site_dir: str, url: str) -> str:
    return os.path.join(site_dir, *url.split("/"), "index.html")


def free(site_dir: str, url: str) -> None:
    """Remove the page's file, if any, before a renderer writes it afresh."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(page_file(site_dir, url))


def remove_stale(site_dir: str, before: Iterable[str], now: Iterable[str]) -> list[str]:
    """Remove what the pages in ``before`` but not in ``now`` left; return their URLs.

    A profile's folder goes whole (its photos and card with it); any other
    page leaves only its own file (its folder may hold other pages).
    """
    gone = sorted(set(before) - set(now))
    for url in gone:
        if url.startswith(f"{urls.PROFILES_SECTION}/") and url.count("/") == 2:
            shutil.rmtree(os.path.join(site_dir, *url.split("/")), ignore_errors=True)
        else:
            free(site_dir, url)
    return gone
