"""The build cache: entries keyed by a hash of everything that goes into them.

An entry is a folder filled atomically (written under a temporary name, then
renamed), so a killed build never leaves a half-written entry, and a key is a
content hash, never a time, so a stale entry can never be served.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from functools import lru_cache

PRUNE_DAYS = 30  # entries unused this long are removed


def key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:40]


def file_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@lru_cache(maxsize=4096)
def source_hash(path: str, mtime_ns: int, size: int) -> str:
    """A source file's hash; keyed on mtime and size too, so `mkdocs serve`
    rebuilds hash only the files that were edited."""
    return file_hash(path)


def store(entry: str, files: dict[str, bytes]) -> None:
    """Fill a cache entry atomically: a half-written entry is never seen."""
    parent = os.path.dirname(entry)
    tmp = tempfile.mkdtemp(prefix=".tmp-", dir=parent)
    for name, data in files.items():
        with open(os.path.join(tmp, name), "wb") as fh:
            fh.write(data)
    try:
        os.rename(tmp, entry)
    except OSError:  # another build filled it meanwhile: same inputs, same bytes
        shutil.rmtree(tmp, ignore_errors=True)


def prune(cache: str, keep: set[str], max_age_days: float = PRUNE_DAYS) -> None:
    """Drop entries unused for ``max_age_days`` (the clock only ages the cache;
    it never changes what a build writes)."""
    limit = time.time() - max_age_days * 86400
    for entry in os.scandir(cache):
        if entry.name in keep or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            old = entry.stat(follow_symlinks=False).st_mtime < limit
        except OSError:
            continue
        if old:
            shutil.rmtree(entry.path, ignore_errors=True)
