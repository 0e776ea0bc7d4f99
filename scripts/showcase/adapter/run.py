"""Run MkDocs into a temporary folder and swap it in (``showcase build``).

The command line hands the :class:`~showcase.pipeline.Loaded` it already
checked to the same plugin that ``mkdocs build`` uses, so both doors build
the same site through the same pipeline.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from typing import Any

from showcase.pipeline import Loaded
from showcase.publish.atomic import (
    SITE_KEPT,
    BuildFailed,
    WriteFault,
    build_lock,
    new_site_folder,
    remove_stale,
    swap_in,
)


def mkdocs_build(
    config_path: str, site_dir: str, loaded: Loaded | None = None,
    overrides: dict[str, Any] | None = None,
) -> list[str]:
    """Build into ``site_dir`` atomically; returns the report files written.

    Raises :class:`BuildFailed`, :class:`BuildLocked`, or :class:`WriteFault` when
    the machine refuses a write; the last good site is kept in every case.
    """
    site_dir = os.path.abspath(site_dir)
    try:
        return _build(config_path, site_dir, loaded, overrides)
    except OSError as exc:  # a full disk, a read-only one...: the old site is kept
        raise WriteFault(site_dir, exc, SITE_KEPT) from exc


def _build(config_path: str, site_dir: str, loaded: Loaded | None,
           overrides: dict[str, Any] | None) -> list[str]:
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from showcase.adapter.plugin import ShowcasePlugin

    with build_lock(site_dir):
        remove_stale(site_dir)
        tmp = new_site_folder(site_dir)
        try:
            quiet_mkdocs()
            try:
                config = load_config(config_path, site_dir=tmp, **(overrides or {}))
            except exceptions.ConfigurationError as exc:
                raise BuildFailed(f"Cấu hình mkdocs.yml không hợp lệ: {exc}") from None
            plugin = config.plugins.get("showcase")
            if isinstance(plugin, ShowcasePlugin):
                plugin.hand_over(loaded, site_dir)
            try:
                build(config)
            except exceptions.MkDocsException as exc:
                raise BuildFailed(str(exc)) from None
            swap_in(tmp, site_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return list(plugin.reports) if isinstance(plugin, ShowcasePlugin) else []


class _DropNoise(logging.Filter):
    """Material 9.8 announces its end of life on every build; keep our output readable."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        return "end of life" not in msg.lower() and "zensical" not in msg.lower()


class _Stderr(logging.StreamHandler):
    """A handler that writes to ``sys.stderr`` as it is when a record comes: the
    one of the first build may have been replaced (or closed) since."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _: Any) -> None:
        pass


def quiet_mkdocs() -> None:
    log = logging.getLogger("mkdocs")
    if not any(isinstance(f, _DropNoise) for f in log.filters):
        log.addFilter(_DropNoise())
    if not log.handlers:
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        handler.addFilter(_DropNoise())
        log.addHandler(handler)
        log.setLevel(logging.WARNING)
        log.propagate = False
