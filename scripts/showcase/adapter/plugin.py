"""The thin MkDocs adapter: hands MkDocs' events to the pure pipeline.

on_config   load and validate the corpus; add our theme overrides and CSS
on_files    add the generated pages (render.all_pages) and our static assets
on_page_*   hand each generated page its meta (Python objects, no YAML)
on_post_build  photos and share cards, feeds, robots.txt, search folding
on_serve    watch the profiles; during `mkdocs serve` content errors are
            shown on the pages instead of stopping the server
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from typing import TYPE_CHECKING, Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from showcase.content import corpus as corpus_mod
from showcase.content import diagnostics
from showcase.options import Options, OptionsError
from showcase.plan.semesters import today_in_province
from showcase.publish import csp, search, sitemaps
from showcase.publish import feeds as feed
from showcase.publish import media as images
from showcase.publish import pages as render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from showcase.content.model import Profile

log = logging.getLogger("mkdocs.plugins.showcase")
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(HERE, "templates")
ASSETS = os.path.join(HERE, "assets")
ASSETS_URL = "assets/showcase/"
CSS = ASSETS_URL + "showcase.css"
JS = ASSETS_URL + "showcase.js"


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
    today = c.Optional(c.Type((str, dt.date)))
    """Treat this YYYY-MM-DD as today (reproducible builds)."""
    quota_periods = c.Optional(c.Type(list))
    """Plans with their quotas: [{name, start, end, per_semester, published_per_year}]."""
    board_team = c.Optional(c.Type(str))
    """GitHub team of the editorial board, e.g. "@org/ban-bien-tap" (CODEOWNERS)."""
    official_email_domains = c.Optional(c.Type(list))
    """E-mail domains a profile may show (units' official addresses): ["*.gov.vn"]."""


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):
    def __init__(self) -> None:
        self._preloaded: dict[str, Any] = {}
        self.options = Options()
        self.today: dt.date = today_in_province()
        self.corpus: corpus_mod.Corpus | None = None
        self.serving = False
        self.root = ""
        self.site: render.Site | None = None
        self.sources: dict[str, render.PageSource] = {}
        self.public: list[Profile] = []
        self.errors: list[str] = []  # shown on every page while serving invalid content
        self.built: list[tuple[str, str]] = []  # (canonical URL, lastmod) of every page
        self.fragments: dict[str, str] = {}  # template parts shared by many pages

    def preload(self, **kw: Any) -> None:
        """Called by ``showcase build``: reuse what the CLI already loaded."""
        self._preloaded = kw

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance for the life of
        # the process (across `serve` rebuilds): per-build state is reset below.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.options = Options.from_mapping(dict(self.config))
        except OptionsError as exc:
            raise PluginError(str(exc)) from None
        # What `showcase build` handed over serves this build only: the instance may
        # be reused by a later build in the same process.
        preloaded, self._preloaded = self._preloaded, {}
        self.today = preloaded.get("today") or self.options.today or today_in_province()
        self.root = os.path.dirname(config.config_file_path or os.path.abspath("mkdocs.yml"))
        loaded = preloaded.get("corpus")
        self.corpus = loaded or corpus_mod.load(self.root, self.today, options=self.options)
        if not loaded:
            for d in self.corpus.diagnostics.sorted():
                (log.error if d.severity == "error" else log.warning)(d.text())
        self.errors = []
        if not self.corpus.ok:
            found = self.corpus.diagnostics.sorted()
            if not self.serving:
                raise PluginError(diagnostics.summary(found))
            # `mkdocs serve` stops on an error in its first build and shows a traceback
            # on later ones: keep serving the valid profiles and show the errors instead.
            self.errors = [d.text() for d in found if d.severity == "error"]
        if not config.use_directory_urls:
            raise PluginError("Plugin showcase cần 'use_directory_urls: true' trong mkdocs.yml.")
        if not config.site_url:
            raise PluginError(
                "Hãy đặt 'site_url' trong mkdocs.yml (địa chỉ đầy đủ của chuyên mục, ví dụ "
                "https://example.gov.vn/guong-dien-hinh/): cần cho liên kết chia sẻ và sitemap."
            )
        self._theme(config)
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        self.site = render.Site(
            url=site_url, name=config.site_name, column=self.options.column_name,
            department=self.options.department,
            description=" ".join((config.site_description or self.options.column_name).split()),
            sample_notice=self.options.sample_notice, page_size=self.options.page_size,
        )
        return config

    def _theme(self, config: MkDocsConfig) -> None:
        """Our Material overrides go after the user's custom_dir, before Material's own."""
        dirs = config.theme.dirs
        if TEMPLATES not in dirs:
            custom = config.theme.custom_dir
            at = 1 if custom and dirs and os.path.samefile(dirs[0], custom) else 0
            dirs.insert(at, TEMPLATES)
        if CSS not in config.extra_css:
            config.extra_css.insert(0, CSS)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.corpus is not None and self.site is not None
        self.public = self.corpus.public(self.today)
        sources = render.all_pages(
            self.public, self.corpus.units, self.site, self._photo, images.card_url,
        )
        self.sources = {}
        self.built = []
        self.fragments = {}
        for src in sources:
            existing = files.get_file_from_path(src.src_uri)
            if existing is not None:
                log.warning(
                    f"Trang '{existing.src_uri}' trong {config.docs_dir} trùng địa chỉ với một "
                    "trang do chuyên mục tự tạo; trang tự tạo được dùng. Hãy đổi tên tệp này."
                )
                files.remove(existing)
            files.append(File.generated(config, src.src_uri, content=src.markdown,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
            self.sources[src.src_uri] = src
        for folder, _, names in os.walk(ASSETS):
            for name in sorted(names):
                path = os.path.join(folder, name)
                uri = ASSETS_URL + os.path.relpath(path, ASSETS).replace(os.sep, "/")
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=path))
        return files

    def _photo(self, p: Profile) -> images.PhotoSet | None:
        try:
            return images.photo_set(self.root, p)
        except images.MediaError as exc:
            raise PluginError(str(exc)) from None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        src = self.sources.get(page.file.src_uri)
        if src is not None:
            page.meta.update(src.meta)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        src = self.sources.get(page.file.src_uri)
        if src is not None:
            # Raw HTML headings are invisible to the toc extension: give the page
            # the outline of its search document, with the story's exact ids.
            page.toc = get_toc(src.toc)
        return html

    def _fragment(self, key: str, caller: Any) -> str:
        """Render a template part once per key (used as `{% call showcase_fragment(key) %}`)."""
        html = self.fragments.get(key)
        if html is None:
            html = self.fragments[key] = caller()
        return html

    def _context(self, context: dict[str, Any]) -> dict[str, Any]:
        context["showcase_fragment"] = self._fragment
        context["showcase_csp"] = csp.meta_policy(self.site.url if self.site else "")
        context["showcase_site"] = self.site
        context["showcase_errors"] = self.errors
        context["showcase_feed"] = (self.site.abs(feed.FEED_NAME) if self.site else "")
        context["showcase_default_image"] = (
            self.site.abs(render.DEFAULT_IMAGE) if self.site else "")
        return context

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        if page.canonical_url:
            social = page.meta.get("social")
            self.built.append((page.canonical_url, getattr(social, "published", "") or ""))
        return self._context(context)

    def on_template_context(self, context: dict[str, Any], *, template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        return self._context(context)

    @event_priority(-50)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.corpus is not None
        site_dir = config.site_dir
        try:
            images.publish_media(self.root, site_dir, self.public, self.options,
                                 self.corpus.units)
            feed.write_feeds(site_dir, self.site.url if self.site else config.site_url,
                             self.public, self.corpus.units, self.options, self.today)
        except (images.MediaError, feed.FeedError) as exc:
            raise PluginError(str(exc)) from None
        search.fold_index(site_dir)
        self._sitemaps(site_dir)

    def _sitemaps(self, site_dir: str) -> None:
        assert self.site is not None
        _write(site_dir, sitemaps.PAGES, sitemaps.urlset(self.built))
        folders = {  # the folder of every feed a page links to
            f.href[: f.href.rindex("/") + 1]
            for src in self.sources.values()
            for f in getattr(src.meta.get("social"), "feeds", ())
        }
        for folder in sorted(folders):
            mine = [(u, m) for u, m in self.built if u.startswith(folder)]
            _write(site_dir, folder[len(self.site.url):] + "sitemap.xml", sitemaps.urlset(mine))
        _write(site_dir, "robots.txt",
               f"User-agent: *\nAllow: /\n\nSitemap: {self.site.abs('sitemap.xml')}\n")

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        server.watch(os.path.join(self.root, self.options.profiles_dir))
        return server


def _write(site_dir: str, rel: str, text: str) -> None:
    path = os.path.join(site_dir, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
