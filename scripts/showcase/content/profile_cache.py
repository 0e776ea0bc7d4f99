"""Validated profiles kept between runs: a file is read again only when it changed.

What validating one profile file gives (the :class:`Profile` or nothing, and
its diagnostics) depends on the file's bytes and path, and, for the whole
run, on units.yml, the options, the date checked against and the checking
code itself: the key hashes all of them. The photos a profile names have
their own verdicts (cached by content in :mod:`photos`): a kept result
records the answers it was given about them and is used only if every photo
gets the same answer today, so an edited photo is never missed.

The cache is one pickle file in the build cache folder, replaced atomically;
a damaged or foreign one is ignored (everything is validated again).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from showcase.content.diagnostics import Diagnostic
from showcase.content.model import Profile

NAME = "profiles.pickle"
VERSION = 1


@dataclass(frozen=True)
class Result:
    """What validating one file gave."""

    profile: Profile | None
    diagnostics: tuple[Diagnostic, ...]
    photo_line: int  # where 'photo' is, for a photo problem found later
    asks: tuple[tuple[str, Any], ...]  # (photo asked about, the answer given), in order


Signature = tuple[int, int, int, int]  # a file's size, inode, mtime and ctime (ns)

# The results this process last wrote or read, by cache folder, with the file's
# signature then: `mkdocs serve` validates again after every edit, and an
# unchanged cache file is then taken from memory instead of being unpickled.
_LIVE: dict[str, tuple[Signature, str, dict[str, Result]]] = {}


def signature(path: str) -> Signature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns


class ProfileCache:
    def __init__(self, cache_dir: str | None, context: str) -> None:
        self.cache_dir, self.context = cache_dir, context
        self.kept: dict[str, Result] = {}
        self.used: dict[str, Result] = {}
        self.changed = False
        if not cache_dir:
            return
        path = os.path.join(cache_dir, NAME)
        sig = signature(path)
        live = _LIVE.get(cache_dir)
        if live and sig is not None and live[0] == sig and live[1] == context:
            self.kept = dict(live[2])
            return
        try:
            with open(path, "rb") as fh:
                data = pickle.load(fh)
            if data.get("version") == VERSION and data.get("context") == context:
                self.kept = dict(data["results"])
        except Exception:  # noqa: BLE001 - no cache yet, or a damaged one: read again
            self.kept = {}
        if sig is not None:
            _LIVE[cache_dir] = (sig, context, dict(self.kept))

    @staticmethod
    def key(rel: str, data: bytes) -> str:
        return hashlib.sha256(rel.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()

    def get(self, key: str) -> Result | None:
        return self.kept.get(key)

    def put(self, key: str, result: Result) -> None:
        self.used[key] = result
        if self.kept.get(key) != result:
            self.changed = True

    def save(self) -> None:
        """Keep exactly this run's results (nothing else grows the file)."""
        if not self.cache_dir or not (self.changed or set(self.kept) != set(self.used)):
            return
        os.makedirs(self.cache_dir, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.cache_dir)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump({"version": VERSION, "context": self.context, "results": self.used},
                        fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, os.path.join(self.cache_dir, NAME))
        sig = signature(os.path.join(self.cache_dir, NAME))
        if sig is not None:
            _LIVE[self.cache_dir] = (sig, self.context, dict(self.used))


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
