"""Cache entries that say what wrote them: a header, then the value.

Every value the build cache keeps for itself (not the files it shares with a
site: see :mod:`linked`) is written as one line of header and the payload::

    showcase-cache <FORMAT> <stamp> <name> <sha256 of the payload>\\n<payload>

``stamp`` names the release that wrote it (:func:`stamp`): the package's
version and, for pickles of live objects, a hash of the package's code, so
that a new release (or an edited checkout) never unpickles an object of
another one's classes; ``name`` is the entry's file name (its key), so that
an entry moved or copied under another key is not taken for that key's.
:func:`unseal` checks all five before the payload is used: a truncated,
garbled, swapped or older entry is a miss, never an error, and the caller
makes the value again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from showcase.store.cache import Blobs, store_file
from showcase.store.hashes import code_hash, source_hash

FORMAT = 1  # bump when the header changes shape: every entry is then a miss
MAGIC = b"showcase-cache"


@lru_cache(maxsize=2)
def stamp(objects: bool = False) -> str:
    """The release that writes (``objects``: the package's code too, for pickles)."""
    try:
        release = version("showcase")
    except PackageNotFoundError:  # run from a checkout without installing: the code decides
        release = "0"
    return f"{release}+{code_hash('showcase')[:20]}" if objects else release


def seal(payload: bytes, mark: str, name: str) -> bytes:
    head = b" ".join((MAGIC, b"%d" % FORMAT, mark.encode(), _name(name),
                      hashlib.sha256(payload).hexdigest().encode()))
    return head + b"\n" + payload


def unseal(data: bytes, mark: str, name: str) -> bytes | None:
    """The payload of a sealed entry, or None unless it is whole, of ``mark``
    and written as ``name``."""
    head, newline, payload = data.partition(b"\n")
    parts = head.split(b" ")
    if (not newline or len(parts) != 5 or parts[0] != MAGIC or parts[1] != b"%d" % FORMAT
            or parts[2] != mark.encode() or parts[3] != _name(name)
            or parts[4] != hashlib.sha256(payload).hexdigest().encode()):
        return None
    return payload


def _name(name: str) -> bytes:
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:16].encode()


def read(path: str, mark: str | None = None) -> bytes | None:
    """The payload kept at ``path`` (by this release: ``mark`` defaults to
    :func:`stamp`), or None: missing, unreadable, damaged or another release's."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    return unseal(data, stamp() if mark is None else mark, os.path.basename(path))


def write(path: str, payload: bytes, mark: str | None = None) -> None:
    """Keep ``payload`` at ``path``, sealed, atomically (see :func:`cache.store_file`)."""
    store_file(path, seal(payload, stamp() if mark is None else mark, os.path.basename(path)))


def read_dict(path: str) -> dict[str, Any]:
    """The JSON object kept at ``path`` (see :func:`read`); empty if none is whole."""
    payload = read(path)
    try:
        data = json.loads(payload) if payload is not None else {}
    except ValueError:  # sealed but not JSON: written by no release of ours
        data = {}
    return data if isinstance(data, dict) else {}


def read_object(path: str, kind: type | tuple[type, ...]) -> Any | None:
    """The object pickled at ``path`` by this very code, if it is a ``kind``; else None."""
    payload = read(path, stamp(objects=True))
    if payload is None:
        return None
    try:
        found = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - whatever a damaged pickle raises: a miss
        return None
    return found if isinstance(found, kind) else None


def write_object(path: str, value: Any) -> None:
    write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), stamp(objects=True))


class Values:
    """Values by key, one sealed file each: ``<folder>/<first two hex digits>/<key>``."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._files = Blobs(folder)  # the layout and the pruning

    def path(self, key: str) -> str:
        return self._files.path(key)

    def get(self, key: str) -> bytes | None:
        return read(self.path(key))

    def put(self, key: str, data: bytes) -> None:
        write(self.path(key), data)

    def get_object(self, key: str, kind: type | tuple[type, ...]) -> Any | None:
        return read_object(self.path(key), kind)

    def put_object(self, key: str, value: Any) -> None:
        write_object(self.path(key), value)

    def prune(self, keep: set[str]) -> None:
        """Drop values this build did not use and that no build used for a while."""
        self._files.prune(keep)


class Shelf:
    """Small values (JSON) kept in at most 256 files, by the first two hex digits
    of their keys: a thousand stories are 256 files, not a thousand files in 256
    folders (creating a file is the dearest step of a cold build on some disks).

    Each shard is a sealed entry (:func:`write`: a damaged or older one reads as
    empty). A shard is read whole the first time a key in it is looked up, and written
    whole by :meth:`save`, atomically (a temporary name, then a rename): a killed
    build leaves each shard as it was or as the build made it. Two builds at
    once may each rewrite a shard; either result holds only right values (keys
    are content hashes), at worst fewer of them.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._read: dict[str, dict[str, Any]] = {}
        self._added: dict[str, dict[str, Any]] = {}

    def get(self, key: str) -> Any | None:
        return self._shard(key[:2]).get(key)

    def put(self, key: str, value: Any) -> None:
        self._added.setdefault(key[:2], {})[key] = value

    def save(self, used: dict[str, Any] | None = None) -> None:
        """Write what :meth:`put` added. With ``used`` (key -> value: every value
        this build used), each shard is left holding exactly those: the unused
        ones go, and so does whatever else the folder holds."""
        os.makedirs(self.folder, exist_ok=True)
        if used is None:
            for prefix, added in self._added.items():
                self._write(prefix, {**self._shard(prefix), **added})
        else:
            wanted: dict[str, dict[str, Any]] = {}
            for key, value in used.items():
                wanted.setdefault(key[:2], {})[key] = value
            shards = {os.path.basename(self._path(prefix)) for prefix in wanted}
            for entry in os.scandir(self.folder):
                if entry.name.startswith(".tmp-") or entry.name in shards:
                    continue  # (a temporary file may be another build's, being written)
                if entry.is_dir(follow_symlinks=False):  # an earlier layout's
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
            for prefix, values in wanted.items():
                if self._shard(prefix).keys() != values.keys():
                    self._write(prefix, values)
        self._added = {}

    def _path(self, prefix: str) -> str:
        return os.path.join(self.folder, prefix + ".json")

    def _shard(self, prefix: str) -> dict[str, Any]:
        found = self._read.get(prefix)
        if found is None:
            found = read_dict(self._path(prefix))  # a damaged or older shard: empty
            self._read[prefix] = found
        return found

    def _write(self, prefix: str, values: dict[str, Any]) -> None:
        data = json.dumps(values, ensure_ascii=False, sort_keys=True).encode()
        write(self._path(prefix), data)
        self._read[prefix] = values


class HashMemo:
    """Files' hashes kept between runs by (size, mtime): a camera photo is read and
    hashed again only when it changed (a fresh checkout changes every mtime: then
    each is hashed once more)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.known: dict[str, list[Any]] = {}
        self.seen: dict[str, list[Any]] = {}
        # A damaged or older memo is empty: every photo is hashed again.
        self.known = {k: v for k, v in read_dict(path).items()
                      if isinstance(v, list) and len(v) == 3 and isinstance(v[2], str)}

    def get(self, full: str, st: os.stat_result) -> str:
        known = self.known.get(full)
        if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            digest = str(known[2])
        else:
            digest = source_hash(full, st.st_mtime_ns, st.st_size)
        self.seen[full] = [st.st_size, st.st_mtime_ns, digest]
        return digest

    def save(self) -> None:
        if self.seen == self.known:
            return
        write(self.path, json.dumps(self.seen).encode())
