"""The build cache: entries keyed by a hash of everything that goes into them.

An entry is a folder filled atomically (written under a temporary name, then
renamed), so a killed build never leaves a half-written entry, and a key is a
content hash, never a time, so a stale entry can never be served.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time

PRUNE_DAYS = 30  # entries unused this long are removed


def key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:40]


def store(entry: str, files: dict[str, bytes]) -> None:
    """Fill a cache entry atomically: a half-written entry is never seen.

    ``files``: name -> bytes; a name may hold '/' (a file in a sub-folder)."""
    parent = os.path.dirname(entry)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".tmp-", dir=parent)
    for name, data in files.items():
        path = os.path.join(tmp, *name.split("/"))
        if "/" in name:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        os.chmod(path, 0o444)  # shared with sites: see place()
    try:
        os.rename(tmp, entry)
    except OSError:  # another build filled it meanwhile: same inputs, same bytes
        shutil.rmtree(tmp, ignore_errors=True)


def store_file(path: str, data: bytes) -> None:
    """A cache entry that is one file, written atomically (as :func:`store`), read-only."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(path))
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        os.fchmod(fh.fileno(), 0o444)  # shared with sites: see place()
    os.replace(tmp, path)  # the same inputs give the same bytes: a racing build is harmless


def prune(cache: str, keep: set[str], max_age_days: float = PRUNE_DAYS) -> None:
    """Drop entries unused for ``max_age_days`` (the clock only ages the cache;
    it never changes what a build writes)."""
    limit = time.time() - max_age_days * 86400
    for entry in os.scandir(cache):
        if entry.name in keep:
            continue
        try:
            old = entry.stat(follow_symlinks=False).st_mtime < limit
        except OSError:
            continue
        if old and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        elif old:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


class Blobs:
    """The layout of entries by key: ``<folder>/<first two hex digits>/<key>``
    (see :class:`sealed.Values` and :class:`linked.Linked` for what they hold)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def prune(self, keep: set[str], max_age_days: float = PRUNE_DAYS) -> None:
        """Drop values this build did not use and that no build used for a while."""
        if not os.path.isdir(self.folder):
            return
        limit = time.time() - max_age_days * 86400
        for sub in os.scandir(self.folder):
            if not sub.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(sub.path):
                try:
                    if entry.name not in keep and entry.stat().st_mtime < limit:
                        os.unlink(entry.path)
                except OSError:
                    continue


def place(src: str, dest: str) -> None:
    """``src`` (a cache file) as ``dest`` in a site: a hard link when the disk allows.

    Linking instead of copying saves most of a warm build's writing. It is safe
    because nothing writes into a built site's existing files (every build
    writes a fresh folder, then swaps it in) and cache files are never
    rewritten in place: a new value is a new file under a new key.
    """
    try:
        os.link(src, dest)  # a fresh site folder: nothing there yet, one call
        return
    except FileExistsError:
        pass
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(src, dest)
        return
    if os.path.samefile(src, dest):
        return  # already there (a folder built into again, as `mkdocs serve --dirty` does)
    os.unlink(dest)  # never write through: dest may be linked to another cache file
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)
