"""What cache keys are made of, besides typed values (:mod:`digest`): files and code.

A file is hashed by its bytes, once per process for the same size and mtime
(:func:`content_hash`), and between runs through a :class:`sealed.HashMemo`; code by
module name (:func:`code_hash`), never by path.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache

from showcase.store.cache import key


def file_hash(path: str) -> str:
    """SHA-256 of a file's bytes, read a megabyte at a time: the one file hash."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@lru_cache(maxsize=1 << 16)
def content_hash(path: str, mtime_ns: int, size: int) -> str:
    """A file's :func:`file_hash`, once per process for the same size and mtime: the
    check's verdicts and the build's media keys read the same photos."""
    return file_hash(path)


def source_hash(path: str, mtime_ns: int, size: int) -> str:
    """A source file's hash; keyed on mtime and size too, so `mkdocs serve`
    rebuilds (and the check before a build) hash only the files that changed."""
    return content_hash(path, mtime_ns, size)


def tree_hash(top: str, skip: tuple[str, ...] = ("__pycache__",)) -> str:
    """Every file under ``top`` (names and bytes), hidden folders and ``skip`` left out."""
    parts = []
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("."))
        for name in sorted(names):
            path = os.path.join(folder, name)
            st = os.stat(path)
            parts.append(os.path.relpath(path, top) + ":"
                         + source_hash(path, st.st_mtime_ns, st.st_size))
    return key(*parts)


def source_path(module: str) -> str:
    """The file of a module, or the folder of a package, by its dotted name."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(module)
    if spec.submodule_search_locations:
        return os.path.dirname(spec.origin)
    return spec.origin


def code_hash(*modules: str, skip: tuple[str, ...] = ("__pycache__",)) -> str:
    """The code of the named modules (a package: every file under its folder), as a
    key part: what the code makes is made anew when the code changes. Names, not
    paths, so that moving a module never leaves a key reading the wrong file."""
    parts = []
    for name in modules:
        path = source_path(name)
        parts.append(f"{name}:" + (tree_hash(path, skip) if os.path.isdir(path)
                                   else file_hash(path)))
    return key(*parts)
