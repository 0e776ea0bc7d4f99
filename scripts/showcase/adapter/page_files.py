"""Which planned pages MkDocs renders, and which it need not.

A generated page outside the navigation is rendered from its view (see
:mod:`showcase.publish.pages.cache`): if its key is in the page cache, the
cached HTML is linked into the site instead; and in a ``--dirty`` rebuild
(``make serve``) a page whose file the last build of this process left in the
folder with the same key is left as it is, which is the usual case after an
edit: only the pages the edit changed are touched at all.
"""

from __future__ import annotations

from showcase.publish.pages import cache as page_cache
from showcase.publish.pages.views import Page


class PageFiles:
    def __init__(self) -> None:
        # src_uri -> key of each page file the last --dirty build left in its folder.
        self.placed: dict[str, str] = {}
        self.cache: page_cache.PageCache | None = None
        self.dirty = False
        self.cached: list[tuple[Page, str]] = []  # (page, key) taken from the page cache
        self.kept: list[Page] = []  # pages whose file the last --dirty build left as it is
        self.to_store: dict[str, str] = {}  # src_uri -> key of a page MkDocs renders
        self.written: dict[str, str] = {}  # src_uri -> the file MkDocs writes it to
        self.keys: set[str] = set()  # every key this build used (the rest may be pruned)

    def start(self, cache: page_cache.PageCache, dirty: bool) -> None:
        """A new build, into the last one's folder when ``dirty``."""
        self.cache, self.dirty = cache, dirty
        self.cached, self.kept, self.to_store, self.keys = [], [], {}, set()
        self.written = {}
        if not dirty:
            self.placed = {}

    def to_render(self, page: Page, src_uri: str) -> bool:
        """Whether MkDocs must render ``page`` (else it is cached or already there)."""
        assert self.cache is not None
        key = self.cache.key(page)
        self.keys.add(key)
        if self.dirty and self.placed.get(src_uri) == key:
            self.kept.append(page)
            return False
        if self.cache.has(key):
            self.cached.append((page, key))
            return False
        self.to_store[src_uri] = key
        return True

    def rendered(self, src_uri: str, dest: str) -> None:
        """MkDocs rendered a page that :meth:`to_render` chose, into the file ``dest``."""
        if src_uri in self.to_store:
            self.written[src_uri] = dest

    def keep(self) -> None:
        """Keep the pages MkDocs wrote (call once their files are complete) in the
        cache: the site's file becomes the cache's too (see PageCache.adopt)."""
        assert self.cache is not None
        for src_uri, dest in self.written.items():
            self.cache.adopt(self.to_store[src_uri], dest)
        self.written = {}

    def write(self, site_dir: str) -> list[Page]:
        """Link the cached pages into ``site_dir``; every page MkDocs did not render."""
        assert self.cache is not None
        for page, key in self.cached:
            self.cache.write(key, site_dir, page.url)
        return [page for page, _ in self.cached] + self.kept

    def done(self, prune: bool, src_uri_of: dict[str, str]) -> None:
        """After a build: prune unused pages (``prune``), remember what a --dirty
        build left (``src_uri_of``: a page's URL -> its source URI)."""
        assert self.cache is not None
        self.cache.done(self.keys, prune)
        if self.dirty:
            kept = {src_uri_of[p.url]: self.placed[src_uri_of[p.url]] for p in self.kept}
            self.placed = {**{src_uri_of[p.url]: k for p, k in self.cached},
                           **self.to_store, **kept}

    def forget(self) -> None:
        """A build failed half-way: what its folder holds is no longer known."""
        self.placed = {}
