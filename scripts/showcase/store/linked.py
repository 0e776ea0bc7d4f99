"""Cache entries shared with sites: files checked against their seals before reuse.

Pages, photo variants, share cards and the search index's files are kept in
the cache as the very bytes a site publishes, and a warm build hard-links
them into the new site instead of copying (see :func:`cache.place`). A site
file is then the cache's file: whoever writes into it (root ignores the
0444 mode; a post-processing step run by CI as root) writes into the cache.
And a cache file may be truncated or garbled on disk like any other.

So every file of such an entry has a seal, recorded when the entry is
written: its SHA-256 and its size, modification time and inode then. An
entry is reused only if every one of its files still matches: a file whose
size, mtime and inode are unchanged is taken as is (one ``stat``); any
other (a write changes the mtime; a restored cache, every inode) is read
and hashed again, kept if its bytes are the sealed ones (the seal then
takes the new stat), else the entry is removed and made again. An entry
without seals (an older cache, a damaged seal file) is made again too.

The seals of one kind are one sealed entry (:mod:`sealed`,
``<cache>/seals/<kind>``): entry name -> file path in it (``""`` for an entry
that is one file) -> ``[sha256, size, mtime_ns, inode]``. What it cannot
see: a write that puts back the file's size and mtime by hand (``touch -r``)
on the same inode; nothing the build or an ordinary tool does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable
from typing import Any

from showcase.store import sealed
from showcase.store.cache import place, store_file
from showcase.store.hashes import file_hash

Seal = list[Any]  # [sha256 hex, size, mtime_ns, inode]


class Linked:
    """The entries of one cache folder that sites link to, with their seals."""

    def __init__(self, folder: str, seals: str) -> None:
        self.folder, self.seals_path = folder, seals
        self.seals: dict[str, dict[str, Seal]] = sealed.read_dict(seals)  # damaged: none
        self._changed = False

    def path(self, name: str) -> str:
        return os.path.join(self.folder, *name.split("/"))

    def ok(self, name: str) -> bool:
        """Whether the entry ``name`` (a file, or a folder of files) is there and
        intact; a damaged one is removed, so that it is made again."""
        path = self.path(name)
        files = self.seals.get(name)
        try:
            if not files:
                raise _Damaged
            if "" in files:
                self._check(path, files, "")
            else:
                found = _files(path)
                if found != sorted(files):
                    raise _Damaged
                for file in found:
                    self._check(os.path.join(path, *file.split("/")), files, file)
        except (_Damaged, OSError, LookupError, TypeError):  # (a seal of another shape too)
            self.remove(name)
            return False
        return True

    def _check(self, path: str, files: dict[str, Seal], file: str) -> None:
        seal = files[file]
        st = os.stat(path)
        if [st.st_size, st.st_mtime_ns, st.st_ino] == seal[1:]:
            return
        if st.st_size != seal[1] or file_hash(path) != seal[0]:
            raise _Damaged
        files[file] = [seal[0], st.st_size, st.st_mtime_ns, st.st_ino]  # the same bytes, moved
        self._changed = True

    def adopt(self, name: str, src: str) -> None:
        """A complete file, ``src`` (a page just written into a site), as the entry
        ``name``: linked when the disk allows, so that the site and the cache share
        one file (no copy, no second inode), else copied; then sealed."""
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.chmod(src, 0o444)  # a reminder to tools that honour it; the seal is the guard
        try:
            os.link(src, path)
        except FileExistsError:  # a damaged entry left by ok()'s caller, or another build's
            tmp = f"{path}.tmp-{os.getpid()}"
            try:
                os.link(src, tmp)
                os.replace(tmp, path)  # never written through: a new name, then a rename
            except OSError:
                shutil.copyfile(src, tmp)
                os.replace(tmp, path)
        except OSError:  # another file system, or links not allowed
            with open(src, "rb") as fh:
                store_file(path, fh.read())
        self.seal(name)

    def place(self, name: str, dest: str) -> None:
        """The entry's file ``name`` as ``dest`` in a site (see :func:`cache.place`)."""
        place(self.path(name), dest)

    def remove(self, name: str) -> None:
        """Drop an entry and its seals (a damaged one, or one about to be replaced)."""
        path = self.path(name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            except OSError:  # not a file we can remove: a folder of another layout
                shutil.rmtree(path, ignore_errors=True)
        if self.seals.pop(name, None) is not None:
            self._changed = True

    def seal(self, name: str, data: dict[str, bytes] | bytes | None = None) -> None:
        """Record the seals of the entry just written (``data``: its bytes, when the
        caller has them: a file's, or each file's of a folder; else they are read)."""
        path = self.path(name)
        files: dict[str, Seal] = {}
        if os.path.isdir(path):
            given = data if isinstance(data, dict) else {}
            for file in _files(path):
                files[file] = _seal(os.path.join(path, *file.split("/")), given.get(file))
        else:
            files[""] = _seal(path, data if isinstance(data, bytes) else None)
        self.seals[name] = files
        self._changed = True

    def record(self, name: str, digests: Iterable[tuple[str, str]]) -> None:
        """Record the seals of an entry another process wrote, from its files'
        hashes (``""``: the entry is one file); the files are only stat'ed."""
        path = self.path(name)
        files: dict[str, Seal] = {}
        for file, digest in digests:
            st = os.stat(os.path.join(path, *file.split("/")) if file else path)
            files[file] = [digest, st.st_size, st.st_mtime_ns, st.st_ino]
        self.seals[name] = files
        self._changed = True

    def touch(self, name: str, day: float = 86400) -> None:
        """Mark an entry checked this build as used (for :func:`cache.prune`), at most
        once a day; a one-file entry's seal takes its new mtime (same bytes)."""
        path = self.path(name)
        if os.stat(path).st_mtime >= time.time() - day:
            return
        os.utime(path)
        seal = self.seals.get(name, {}).get("")
        if seal is not None:
            seal[2] = os.stat(path).st_mtime_ns
            self._changed = True

    def save(self, pruned: bool = True) -> None:
        """Write the seals, if any changed; ``pruned``: entries may have been
        removed by :func:`cache.prune`, whose seals are dropped (a stat each)."""
        gone = [n for n in self.seals if not os.path.lexists(self.path(n))] if pruned else []
        for name in gone:
            del self.seals[name]
        if not (self._changed or gone):
            return
        sealed.write(self.seals_path, json.dumps(self.seals, sort_keys=True,
                                                 separators=(",", ":")).encode())
        self._changed = False


class _Damaged(Exception):
    pass


def _files(top: str) -> list[str]:
    """Every file under ``top``, by its '/'-separated path (sorted); raises OSError
    when ``top`` is not a folder."""
    out = []
    for entry in os.scandir(top):
        if entry.is_dir(follow_symlinks=False):
            out += [f"{entry.name}/{rel}" for rel in _files(entry.path)]
        else:
            out.append(entry.name)
    return sorted(out)


def _seal(path: str, data: bytes | None) -> Seal:
    st = os.stat(path)
    digest = hashlib.sha256(data).hexdigest() if data is not None else file_hash(path)
    return [digest, st.st_size, st.st_mtime_ns, st.st_ino]
