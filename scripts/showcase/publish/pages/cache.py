"""Rendered pages kept between builds, keyed by everything that goes into them.

A generated page outside the navigation is HTML made from its own planned
:class:`~showcase.publish.pages.views.Page` and from inputs shared by the whole
site (templates, configuration, navigation, inline stylesheet, the code).
Its key hashes the page's full value with a hash of those shared inputs, so
an unchanged page is copied from the cache instead of being rendered again by
MkDocs and Material (about 10 ms a page), and any change to either makes a
new key: a stale page is never served.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from showcase.publish.pages.views import Page
from showcase.store import cache, hashes
from showcase.store.digest import digest
from showcase.store.linked import Linked

FOLDER = "pages"


@dataclass(frozen=True)
class PageCache:
    store: Linked  # <cache_dir>/pages/<xx>/<key>, each file sealed (see store/linked.py)
    site_key: str  # hash of every input shared by all pages

    def key(self, page: Page) -> str:
        return cache.key(self.site_key, _digest(page))

    def has(self, key: str) -> bool:
        """Whether the page is kept, intact (a damaged one is dropped: rendered again)."""
        return self.store.ok(_name(key))

    def adopt(self, key: str, path: str) -> None:
        """The page MkDocs just wrote at ``path``, kept under ``key`` (a second
        name for the same file: no copy, no second inode)."""
        self.store.adopt(_name(key), path)

    def write(self, key: str, site_dir: str, url: str) -> None:
        """The cached page where MkDocs would have written it."""
        folder = os.path.join(site_dir, *url.split("/"))
        os.makedirs(folder, exist_ok=True)
        self.store.place(_name(key), os.path.join(folder, "index.html"))

    def done(self, used: set[str], prune: bool) -> None:
        """After a build: drop pages no build used for a while (``prune``), keep the seals."""
        if prune:
            cache.Blobs(self.store.folder).prune(used)
        self.store.save(pruned=prune)


def _name(key: str) -> str:
    return f"{key[:2]}/{key}"


@lru_cache(maxsize=1 << 16)  # `mkdocs serve` plans the same pages on every rebuild
def _digest(page: Page) -> str:
    # Values only, never which objects happen to be shared (see store/digest.py).
    return digest(page).hex()


def open_cache(root: str, cache_dir: str, shared: Iterable[str]) -> PageCache:
    """The page cache of the site at ``root``; ``shared``: the site-wide inputs
    the caller knows of (configuration, navigation, stylesheet...), to which
    the showcase package's own files are added."""
    top = os.path.join(root, cache_dir)
    return PageCache(Linked(os.path.join(top, FOLDER), os.path.join(top, "seals", FOLDER)),
                     cache.key(code_hash(), *shared))


def code_hash() -> str:
    """Every file of the package (code, templates, assets): a new release renders anew."""
    return hashes.code_hash("showcase")
