"""Photo verdicts kept between runs, by the SHA-256 of each file's bytes.

Decoding costs milliseconds a photo, so the check's verdicts are cached in
``<cache_dir>/photo-checks.json`` (a file whose size and modification time are
unchanged is not even hashed again); the cache is a sealed entry
(:mod:`showcase.store.sealed`), replaced atomically, and a missing, damaged
or older one only makes the check slower.

A build decodes each photo once: its loader defers the photos whose verdict
is not cached yet (their headers are checked at once, see
:func:`photos.header_verdict`), the media workers decode them while making the
variants (:func:`photos.decode`, the check's own decoding) and :func:`remember`
keeps what they found, so the next check does not decode them either.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import multiprocessing
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from showcase.content import photos
from showcase.content.photos import Verdict
from showcase.store import hashes, sealed

CACHE_NAME = "photo-checks.json"
# Bump when the decoding rules change: old verdicts are then ignored.
VERDICT_VERSION = 3
POOL_THRESHOLD = 16  # photos to decode before a second process is worth its start-up


@dataclass
class Verdicts:
    """Photo verdicts by content hash, kept between runs in ``cache_dir`` (if given)."""

    cache_dir: str | None = None
    # JSON values: rel -> [size, mtime_ns, sha256]; sha256 -> [format, kind, detail]
    files: dict[str, list[Any]] = field(default_factory=dict)
    by_hash: dict[str, list[Any]] = field(default_factory=dict)
    _seen: dict[str, list[Any]] = field(default_factory=dict)
    _hash_of: dict[str, str] = field(default_factory=dict)
    _changed: bool = False

    @classmethod
    def load(cls, cache_dir: str | None) -> Verdicts:
        v = cls(cache_dir)
        if not cache_dir:
            return v
        data = sealed.read_dict(os.path.join(cache_dir, CACHE_NAME))  # damaged, older: {}
        try:
            if data.get("version") == _version():
                v.files = dict(data.get("files", {}))
                v.by_hash = dict(data.get("verdicts", {}))
        except (OSError, ValueError, AttributeError, TypeError):
            pass  # no cache yet, or a damaged one: decode again
        return v

    def get(self, full: str, rel: str) -> Verdict | None:
        """The cached verdict of the file's current content, or None (then call put)."""
        st = os.stat(full)
        known = self._seen.get(rel) or self.files.get(rel)
        if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            digest = known[2]
        else:
            digest = hashes.content_hash(full, st.st_mtime_ns, st.st_size)
            self._changed = True
        self._seen[rel] = [st.st_size, st.st_mtime_ns, digest]
        self._hash_of[rel] = digest
        cached = self.by_hash.get(digest)
        if cached is None:
            return None
        return cached[0], cached[1], cached[2]

    def put(self, rel: str, v: Verdict) -> None:
        digest = self._hash_of.get(rel)
        if digest:
            self.by_hash[digest] = list(v)
            self._changed = True

    def save(self, keep_unseen: bool = False) -> None:
        """Write the verdicts of the files seen in this run (and, with ``keep_unseen``,
        of those the cache knew); atomic, never fails the check."""
        if not self.cache_dir or not (self._changed or set(self._seen) != set(self.files)):
            return
        files = {**self.files, **self._seen} if keep_unseen else self._seen
        hashes = {d for _, _, d in files.values()}
        data = {
            "version": _version(),
            "files": dict(sorted(files.items())),
            "verdicts": {h: v for h, v in sorted(self.by_hash.items()) if h in hashes},
        }
        with contextlib.suppress(OSError):  # a read-only checkout: the next check decodes again
            sealed.write(os.path.join(self.cache_dir, CACHE_NAME),
                         json.dumps(data, separators=(",", ":")).encode())

    def fill(self, root: str, rels: list[str]) -> None:
        """Decode the photos not in the cache yet, two at a time when there are many."""
        todo: dict[str, str] = {}
        for rel in rels:
            full = os.path.join(root, rel)
            if photos.header_problem(full, rel) is None and self.get(full, rel) is None:
                todo.setdefault(self._hash_of[rel], rel)
        if not todo:
            return
        paths = [os.path.join(root, rel) for rel in todo.values()]
        workers = min(2, os.cpu_count() or 1)
        if len(paths) < POOL_THRESHOLD or workers < 2:
            results = [photos.verdict(p) for p in paths]
        else:
            # 'spawn': forking a process that may hold threads (mkdocs serve) can deadlock.
            ctx = multiprocessing.get_context("spawn")
            with concurrent.futures.ProcessPoolExecutor(workers, mp_context=ctx) as pool:
                results = list(pool.map(photos.verdict, paths, chunksize=8))
        for rel, v in zip(todo.values(), results, strict=True):
            self.put(rel, v)


def _version() -> str:
    try:
        from PIL import __version__ as pil
    except ImportError:  # pragma: no cover
        pil = "?"
    return f"{VERDICT_VERSION}-{pil}"


def remember(cache_dir: str, root: str, found: Mapping[str, Verdict]) -> None:
    """Keep verdicts found by the build's own decoding (repo-relative path -> verdict)."""
    if not found:
        return
    v = Verdicts.load(cache_dir)
    for rel, verdict in sorted(found.items()):
        if v.get(os.path.join(root, rel), rel) != verdict:
            v.put(rel, verdict)
    v.save(keep_unseen=True)
