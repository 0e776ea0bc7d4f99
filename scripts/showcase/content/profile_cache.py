"""Validated profiles kept between runs: a file is read again only when it changed.

What validating one profile file gives (the :class:`Profile` or nothing, and
its diagnostics) depends on the file's bytes and path, and, for the whole
run, on units.yml, the options, the date checked against and the checking
code itself: the key hashes all of them. The photos a profile names have
their own verdicts (cached by content in :mod:`photos`): a kept result
records the answers it was given about them and is used only if every photo
gets the same answer today, so an edited photo is never missed.

The cache is one pickle file per unit folder in the build cache folder
(``profiles/<unit>.pickle``), each a sealed entry (:mod:`showcase.store.sealed`:
unpickled only when whole and written by this very code) replaced
atomically, so that an edit under ``mkdocs serve`` rewrites one small file;
a damaged, older or foreign one is ignored (its profiles are validated again).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from showcase.content.diagnostics import Diagnostic
from showcase.content.frontmatter import MAX_BYTES
from showcase.content.model import Profile
from showcase.store import sealed

FOLDER = "profiles"  # in the cache folder: one pickle per unit folder
VERSION = 2
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Result:
    """What validating one file gave."""

    profile: Profile | None
    diagnostics: tuple[Diagnostic, ...]
    photo_line: int  # where 'photo' is, for a photo problem found later
    # (photo asked about, the answer given), in order; ``(("file", path), bool)``
    # for a file a story names
    asks: tuple[tuple[str | tuple[str, str], Any], ...]


Signature = tuple[int, int, int, int]  # a file's size, inode, mtime and ctime (ns)
Results = dict[str, Result]  # by key

# What this process last wrote or read, by shard file, with the file's signature
# then: `mkdocs serve` validates again after every edit, and an unchanged shard
# is then taken from memory instead of being unpickled. With _FILE_KEYS below,
# 0.42 s instead of 0.59 s (CPU of a `mkdocs serve` rebuild after one edit at
# 1,000 profiles, median of 3). Never reset between builds in one process: an
# entry is used only while its file's signature (size, inode, mtime, ctime) and
# the context are the same, and any rewrite of the shard changes the signature.
_LIVE: dict[str, tuple[Signature, str, Results]] = {}


def signature(path: str) -> Signature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns


def shard_of(rel: str) -> str:
    """The shard of a profile file: its unit folder (a file name, whatever the folder)."""
    parts = rel.split("/")
    folder = parts[-2] if len(parts) > 1 else ""
    if _SAFE.match(folder):
        return folder
    return "_" + hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()[:16]


class ProfileCache:
    """The results of the last run, one shard per unit folder, so that an edit
    rewrites only its folder's file."""

    def __init__(self, cache_dir: str | None, context: str) -> None:
        self.cache_dir, self.context = cache_dir, context
        self.kept: Results = {}
        self.shards: dict[str, Results] = {}  # as read, by shard
        self.used: dict[str, Results] = {}  # this run's, by shard
        if not cache_dir:
            return
        folder = os.path.join(cache_dir, FOLDER)
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".pickle"))
        except OSError:
            names = []
        for name in names:
            results = self._read(os.path.join(folder, name))
            self.shards[name[: -len(".pickle")]] = results
            self.kept.update(results)

    def _read(self, path: str) -> Results:
        sig = signature(path)
        live = _LIVE.get(path)
        if live and sig is not None and live[0] == sig and live[1] == self.context:
            return live[2]
        results: Results = {}
        # A damaged, older or foreign shard is None: its profiles are validated again.
        data = sealed.read_object(path, dict)
        if (data is not None and data.get("version") == VERSION
                and data.get("context") == self.context and isinstance(data.get("results"), dict)
                and all(isinstance(r, Result) for r in data["results"].values())):
            results = dict(data["results"])
        if sig is not None:
            _LIVE[path] = (sig, self.context, results)
        return results

    @staticmethod
    def key(rel: str, data: bytes) -> str:
        return hashlib.sha256(rel.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()

    def get(self, key: str) -> Result | None:
        return self.kept.get(key)

    def put(self, key: str, result: Result, rel: str) -> None:
        self.used.setdefault(shard_of(rel), {})[key] = result

    def save(self) -> None:
        """Keep exactly this run's results, rewriting only the shards that changed."""
        if not self.cache_dir:
            return
        folder = os.path.join(self.cache_dir, FOLDER)
        with contextlib.suppress(OSError):
            os.remove(os.path.join(self.cache_dir, "profiles.pickle"))  # the one-file cache of 0.1
        for shard in sorted(set(self.shards) | set(self.used)):
            results = self.used.get(shard, {})
            if results == self.shards.get(shard):
                continue
            path = os.path.join(folder, shard + ".pickle")
            if not results:
                with contextlib.suppress(OSError):
                    os.remove(path)
                continue
            sealed.write_object(path, {"version": VERSION, "context": self.context,
                                       "results": results})
            sig = signature(path)
            if sig is not None:
                _LIVE[path] = (sig, self.context, results)


@lru_cache(maxsize=1)
def code_hash() -> str:
    """The checking code: this package's modules and the options they read."""
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(here)
    h = hashlib.sha256()
    names = [os.path.join(folder, n) for folder, dirs, files in sorted(os.walk(here))
             if "__pycache__" not in folder for n in sorted(files)]
    names += [os.path.join(top, n) for n in ("options.py", "option_values.py")]
    for path in names:
        with open(path, "rb") as fh:
            h.update(path.encode() + b"\0" + fh.read())
    return h.hexdigest()


# Each profile file's cache key, by its signature, for the life of the process:
# `mkdocs serve` loads again after every edit, and reads only the files that changed
# (measured with _LIVE, above). Never reset: a key is used only while the file's
# signature is the one it was read with.
_FILE_KEYS: dict[str, tuple[Signature, str]] = {}


def file_key(full: str, rel: str) -> tuple[bytes | None, str]:
    """(the file's bytes, or None when they were not read, and its profile cache key)."""
    known = _FILE_KEYS.get(full)
    if known and known[0] == signature(full):
        return None, known[1]
    return read_keyed(full, rel)


def read_keyed(full: str, rel: str) -> tuple[bytes, str]:
    sig = signature(full)
    data = _read(full) or b""
    key = ProfileCache.key(rel, data)
    if sig is not None:
        _FILE_KEYS[full] = (sig, key)
    return data, key


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
