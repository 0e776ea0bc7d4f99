"""The thin MkDocs adapter: hands MkDocs' events to the pure pipeline."""

from __future__ import annotations

import datetime as dt
import logging
import os
from typing import TYPE_CHECKING, Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from . import corpus as corpus_mod
from . import diagnostics
from .options import Options, OptionsError
from .semesters import today_in_province

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.showcase")


class ShowcaseConfig(base.Config):
    profiles_dir = c.Type(str, default="profiles")
    """Folder of units.yml and the unit folders, relative to mkdocs.yml."""
    column_name = c.Type(str, default="Gương điển hình tiên tiến")
    """The column's name, shown in titles, feeds and share cards."""
    department = c.Type(str, default="Sở Văn hóa, Thể thao và Du lịch")
    """The publishing Department's name."""
    reports_dir = c.Type(str, default="reports")
    """Where quota reports are written (never inside the site)."""
    cache_dir = c.Type(str, default=".showcase-cache")
    """Cache of image variants and share cards between builds."""
    feed_items = c.Type(int, default=50)
    """How many items each RSS feed carries."""
    page_size = c.Type(int, default=24)
    """Cards per listing page before paginating."""
    sample_notice = c.Type(bool, default=False)
    """Mark every profile page as sample content."""
    today = c.Optional(c.Type(str))
    """Treat this YYYY-MM-DD as today (reproducible builds)."""
    quota_periods = c.Optional(c.Type(list))
    """Plans with their quotas: [{name, start, end, per_semester, published_per_year}]."""


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):
    def __init__(self) -> None:
        self._preloaded: dict[str, Any] = {}
        self.options = Options()
        self.today: dt.date = today_in_province()
        self.corpus: corpus_mod.Corpus | None = None

    def preload(self, **kw: Any) -> None:
        """Called by ``showcase build``: reuse what the CLI already loaded."""
        self._preloaded = kw

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.options = Options.from_mapping(dict(self.config))
        except OptionsError as exc:
            raise PluginError(str(exc)) from None
        self.today = self._preloaded.get("today") or self.options.today or today_in_province()
        root = os.path.dirname(config.config_file_path or os.path.abspath("mkdocs.yml"))
        loaded = self._preloaded.get("corpus")
        self.corpus = loaded or corpus_mod.load(root, self.today, self.options.profiles_dir)
        if not loaded:
            for d in self.corpus.diagnostics.sorted():
                (log.error if d.severity == "error" else log.warning)(d.text())
        if not self.corpus.ok:
            raise PluginError(diagnostics.summary(self.corpus.diagnostics.sorted()))
        return config
