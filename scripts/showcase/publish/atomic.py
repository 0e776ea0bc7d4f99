"""The one site pipeline the CLI calls: check -> MkDocs build -> atomic swap.

The site is built into a temporary folder next to ``site/`` and swapped in
only when everything succeeded, so a failed or killed build leaves the last
good site as it was. A lock file keeps two builds from interleaving.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

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


def mkdocs_build(
    config_path: str, site_dir: str, preload: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
) -> None:
    """Run MkDocs into ``site_dir`` atomically, handing the plugin what the CLI loaded."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = os.path.abspath(site_dir)
    with build_lock(site_dir):
        remove_stale(site_dir)
        tmp = tempfile.mkdtemp(prefix=TMP_PREFIX, dir=os.path.dirname(site_dir))
        try:
            _quiet_mkdocs()
            try:
                config = load_config(config_path, site_dir=tmp, **(overrides or {}))
            except exceptions.ConfigurationError as exc:
                raise BuildFailed(f"Cấu hình mkdocs.yml không hợp lệ: {exc}") from None
            plugin = config.plugins.get("showcase")
            if plugin is not None and preload:
                plugin.preload(**preload)
            try:
                build(config)
            except exceptions.MkDocsException as exc:
                raise BuildFailed(str(exc)) from None
            swap_in(tmp, site_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise


class _DropNoise(logging.Filter):
    """Material 9.8 announces its end of life on every build; keep our output readable."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        return "end of life" not in msg.lower() and "zensical" not in msg.lower()


def _quiet_mkdocs() -> None:
    log = logging.getLogger("mkdocs")
    if not any(isinstance(f, _DropNoise) for f in log.filters):
        log.addFilter(_DropNoise())
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        handler.addFilter(_DropNoise())
        log.addHandler(handler)
        log.setLevel(logging.WARNING)
        log.propagate = False
