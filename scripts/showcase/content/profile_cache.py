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


class ProfileCache:
    def __init__(self, cache_dir: str | None, context: str) -> None:
        self.cache_dir, self.context = cache_dir, context
        self.kept: dict[str, Result] = {}
        self.used: dict[str, Result] = {}
        self.changed = False
        if cache_dir:
            try:
                with open(os.path.join(cache_dir, NAME), "rb") as fh:
                    data = pickle.load(fh)
                if data.get("version") == VERSION and data.get("context") == context:
                    self.kept = dict(data["results"])
            except Exception:  # noqa: BLE001 - no cache yet, or a damaged one: read again
                self.kept = {}

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
