"""Atomic site replacement: a lock, a temporary folder, two renames.

The site is built into a temporary folder next to ``site/`` and swapped in
only when everything succeeded, so a failed or killed build leaves the last
good site as it was. A lock file keeps two builds from interleaving.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator

TMP_PREFIX = ".site-tmp-"
OLD_PREFIX = ".site-old-"


class BuildLocked(Exception):
    """Another build holds the lock."""


class BuildFailed(Exception):
    """MkDocs or a plugin step failed; the message is for the user."""


@contextlib.contextmanager
def build_lock(site_dir: str) -> Iterator[None]:
    parent = os.path.dirname(os.path.abspath(site_dir)) or "."
    os.makedirs(parent, exist_ok=True)
    path = os.path.join(parent, ".site.lock")
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                "Một lần dựng trang khác đang chạy trên thư mục này; hãy chờ nó xong rồi chạy lại."
            ) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed


def remove_stale(site_dir: str) -> None:
    """Remove temporary folders left by killed builds (call with the lock held)."""
    parent = os.path.dirname(os.path.abspath(site_dir)) or "."
    for name in os.listdir(parent):
        if name.startswith((TMP_PREFIX, OLD_PREFIX)):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def swap_in(tmp_dir: str, site_dir: str) -> None:
    """Replace ``site_dir`` by ``tmp_dir`` with two renames."""
    site_dir = os.path.abspath(site_dir)
    old = None
    if os.path.exists(site_dir):
        old = tempfile.mkdtemp(prefix=OLD_PREFIX, dir=os.path.dirname(site_dir))
        os.rmdir(old)
        os.rename(site_dir, old)
    os.rename(tmp_dir, site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
