"""The site's search index (``site/tim-kiem/``), written from the plan's records.

Our own chunked index (see :mod:`encode` for the files), read by
``assets/search.js``: the search box fetches a small entry file when it
opens, a query only the shards of its words and the display data of the
results it shows, the filter menus their values when they are opened.

Records are numbered in a fixed order: listings, then guides (each by URL),
then profiles oldest first (by date, then URL), so that a new profile is
usually added at the end, and filter-only results are shown newest first by
reading the numbers backwards.

A build's index is kept in the build cache (``search-index/<key>``, its files
sealed: see :mod:`showcase.store.linked`), keyed by a hash of every record and
of this code: a warm build whose records did not
change links those files instead of analysing 10,000 records again.
``mkdocs serve`` calls :func:`write` again after each edit, in the same
process: the work of every record and every key is kept (:class:`_State`),
and only what changed is analysed, encoded and written again. A patched
index is byte-identical to a fresh one (tested). Files are always written
fresh (unlinked first): a file in the site may be a hard link into the
build cache (see :func:`showcase.store.cache.place`).
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from operator import is_

from showcase.publish.search import encode as enc
from showcase.publish.search.filters import filter_files, row
from showcase.publish.search.layout import FORMAT
from showcase.publish.search.postings import Postings
from showcase.publish.search.records import (
    OUTPUT_DIR,
    Facets,
    IndexPlan,
    RecordKind,
    SearchRecord,
)
from showcase.publish.search.words import _FOLDED, RecordWords, analyse
from showcase.store import cache, hashes
from showcase.store.digest import digest
from showcase.store.linked import Linked

FOLDER = "search"  # the former Pagefind bundles in the build cache: removed
CACHE = "search-index"  # in the build cache: one folder of files per set of records


@dataclass(frozen=True)
class Written:
    pages: int
    files: int
    bytes: int


class SearchIndexError(Exception):
    """The index could not be written."""


def ordered(records: Sequence[SearchRecord]) -> list[SearchRecord]:
    def key(r: SearchRecord) -> tuple[int, str, str]:
        rank = {RecordKind.LISTING: 0, RecordKind.GUIDE: 1, RecordKind.PROFILE: 2}[r.kind]
        return rank, r.date if r.kind is RecordKind.PROFILE else "", r.url

    return sorted(records, key=key)


class _State:
    """The index of the records last written, kept for the next call."""

    def __init__(self) -> None:
        self.records: list[SearchRecord] = []
        self.postings = Postings()
        self.encoded = enc.Encoded()
        self.titles: list[tuple[str, ...]] = []
        self.rows: list[str] = []
        self.written: dict[str, tuple[str, tuple[int, int, int]]] = {}  # path -> text, stat
        # What files() made last time, and from what (reused when the same).
        self.memo_w: enc.Memo = {}
        self.memo_p: enc.Memo = {}
        self.memo_titles: tuple[list[tuple[str, ...]], list[tuple[str, str]]] = ([], [])
        self.memo_rows: dict[int, tuple[list[str], str]] = {}
        self.memo_filters: tuple[list[Facets | None], dict[str, str]] = ([], {})
        self.memo_digest: dict[str, tuple[str, bytes]] = {}
        self.files_made: list[tuple[str, str]] = []  # the last files(), for the build cache

    def update(self, records: list[SearchRecord]) -> None:
        old = self.records
        same_order = len(old) == len(records) and all(
            a.url == b.url for a, b in zip(old, records, strict=True))
        if not same_order:
            self._fresh(records)
            return
        for doc, (a, b) in enumerate(zip(old, records, strict=True)):
            if a is b or a == b:
                continue
            self.postings.remove(doc, analyse(a))
            words = analyse(b)
            self.postings.add(doc, words)
            self.titles[doc] = words.title
            self.rows[doc] = row(b)
        self.records = records
        self.encoded.update(self.postings)

    def _fresh(self, records: list[SearchRecord]) -> None:
        post = Postings()
        titles = []
        for doc, rec in enumerate(records):
            words: RecordWords = analyse(rec)
            post.append(doc, words)
            titles.append(words.title)
        self.records, self.postings, self.titles = records, post, titles
        self.rows = [row(r) for r in records]
        self.encoded = enc.Encoded()
        self.encoded.update(post, everything=True)

    def files(self) -> dict[str, str]:
        """Every file of the index: path under OUTPUT_DIR -> text (unchanged parts kept)."""
        e = self.encoded
        out: dict[str, str] = {}
        firsts: dict[str, list[str]] = {}
        if self.titles != self.memo_titles[0]:
            self.memo_titles = (list(self.titles), enc.titles(self.titles, _FOLDED))
        for folder, cut in (("w", enc.shards(e.single_keys, e.singles, self.memo_w)),
                            ("p", enc.shards(e.pair_keys, e.pairs, self.memo_p, e.pair_names)),
                            ("t", self.memo_titles[1])):
            firsts[folder] = [first for first, _ in cut]
            out.update((f"{folder}/{i}.json", body) for i, (_, body) in enumerate(cut))
        for i in range(0, len(self.rows), enc.CHUNK):
            part = self.rows[i:i + enc.CHUNK]
            known = self.memo_rows.get(i)
            if known is None or len(known[0]) != len(part) or not all(map(is_, part, known[0])):
                known = self.memo_rows[i] = (part, "[" + ",".join(part) + "]")
            out[f"d/{i // enc.CHUNK}.json"] = known[1]
        facets = [r.facets for r in self.records]
        if facets != self.memo_filters[0]:
            self.memo_filters = (facets, filter_files(self.records))
        out.update(self.memo_filters[1])
        digest = hashlib.sha256()
        for path in sorted(out):
            body = out[path]
            known_digest = self.memo_digest.get(path)
            if known_digest is None or known_digest[0] is not body:
                known_digest = self.memo_digest[path] = (
                    body, hashlib.sha256(body.encode()).digest())
            digest.update(f"{path}\0".encode() + known_digest[1])
        for path in [p for p in self.memo_digest if p not in out]:
            del self.memo_digest[path]
        kinds = [r.kind for r in self.records]
        entry = {"f": FORMAT, "v": digest.hexdigest()[:16], "n": len(self.records),
                 "l": kinds.count(RecordKind.LISTING), "g": kinds.count(RecordKind.GUIDE),
                 "c": enc.CHUNK, **firsts}
        out["index.json"] = enc.text(entry)
        return out


# The last index written by this process. A `mkdocs serve` rebuild patches it
# (0.42 s of CPU after one edit at 1,000 profiles; 1.51 s analysing every record
# again without it and words' tables: median of 3); a one-off build drops it at
# the end of write() (forget). Each record is compared with the one it replaces,
# so nothing stale is reused.
_STATE = _State()


def forget() -> None:
    """Drop what the process kept: the next :func:`write` starts afresh (tests, benches)."""
    global _STATE
    _STATE = _State()


def write(plan: IndexPlan, site_dir: str, cache_dir: str | None = None,
          from_cache: bool = True) -> Written:
    """Write the search index into ``site_dir``/tim-kiem; only what changed since
    the last call in this process is encoded and written again.

    ``from_cache``: in a process that has written no index yet, take the files
    from the build cache when the same records were indexed before (``mkdocs
    serve`` says False: it keeps the analysis in memory for the edits to come).
    """
    records = ordered(plan.records)
    out = os.path.join(site_dir, OUTPUT_DIR)
    key = _key(records) if cache_dir else ""
    store = (Linked(os.path.join(cache_dir, CACHE), os.path.join(cache_dir, "seals", CACHE))
             if cache_dir else None)
    # store.ok: the entry is there with every file intact (a damaged one is removed).
    if store and from_cache and not _STATE.records and store.ok(key):
        written = _linked(store.path(key), out, len(records))
    else:
        written = _written(records, out)
        if store and not store.ok(key):
            files = {rel: body.encode("utf-8") for rel, body in _STATE.files_made}
            cache.store(store.path(key), files)
            store.seal(key, files)
    if cache_dir and store:
        shutil.rmtree(os.path.join(cache_dir, FOLDER), ignore_errors=True)  # Pagefind's, unused
        if from_cache:  # a serve rebuild keeps the entries it may need again
            cache.prune(store.folder, keep={key})
        store.save(pruned=from_cache)
    if from_cache:
        forget()  # a one-off build: the analysis (200 MB at 10,000 profiles) is not needed again
    return written


def _written(records: list[SearchRecord], out: str) -> Written:
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects and no cycles: collecting would only cost
    try:
        _STATE.update(records)
        files = _STATE.files()
    finally:
        if enabled:
            gc.enable()
    _STATE.files_made = sorted(files.items())
    paths = {os.path.join(out, *rel.split("/")): body for rel, body in files.items()}
    total = sum(_put(path, body) for path, body in paths.items())
    _remove_others(out, paths)
    for path in [p for p in _STATE.written if p.startswith(out + os.sep) and p not in paths]:
        del _STATE.written[path]
    return Written(len(records), len(files), total)


def _linked(entry: str, out: str, n: int) -> Written:
    """The cached index's files as the site's (hard links: see cache.place)."""
    paths: dict[str, str] = {}
    total = 0
    for folder, dirs, names in os.walk(entry):
        dirs.sort()
        target = os.path.normpath(os.path.join(out, os.path.relpath(folder, entry)))
        os.makedirs(target, exist_ok=True)
        for name in sorted(names):
            src, dest = os.path.join(folder, name), os.path.join(target, name)
            cache.place(src, dest)
            paths[dest] = ""
            total += os.path.getsize(src)
    _remove_others(out, paths)
    return Written(n, len(paths), total)


def _key(records: list[SearchRecord]) -> str:
    """Everything the index's bytes are made from: the records and this code."""
    h = hashlib.sha256(_code().encode())
    for rec in records:
        h.update(_record_digest(rec))
    return h.hexdigest()[:40]


def _record_digest(rec: SearchRecord) -> bytes:
    return digest(rec)


@lru_cache(maxsize=1)
def _code() -> str:
    # the folding rule lives in content/text.py; regex splits syllables with marks
    return cache.key(str(FORMAT), hashes.code_hash("showcase.publish.search",
                                                   "showcase.content.text"),
                     version("regex"))


def _put(path: str, body: str) -> int:
    data = body.encode("utf-8")
    known = _STATE.written.get(path)
    if known and known[0] == body:
        try:
            st = os.stat(path)
            if (st.st_ino, st.st_size, st.st_mtime_ns) == known[1]:
                return len(data)
        except OSError:
            pass
    try:
        os.unlink(path)  # never write through a hard link into the cache
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
    st = os.stat(path)
    _STATE.written[path] = (body, (st.st_ino, st.st_size, st.st_mtime_ns))
    return len(data)


def _remove_others(out: str, keep: Container[str]) -> None:
    for folder, _, names in os.walk(out):
        for name in names:
            path = os.path.join(folder, name)
            if path not in keep:
                os.unlink(path)
