"""The thin MkDocs adapter: hands MkDocs' events to the pipeline.

on_config      load (or take what ``showcase build`` loaded), gate on diagnostics
on_files       plan, then add the planned pages and our static assets
on_page_*      hand each planned page its view and outline
on_post_build  write media, feeds, sitemaps and reports from the plan
on_serve       watch the profiles; while serving, content errors are shown on
               the pages instead of stopping the server
"""

from __future__ import annotations

import logging
import os
import shutil
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from showcase import pipeline, timing
from showcase.adapter import beside, template_context
from showcase.adapter.bytecode import SealedBytecodeCache
from showcase.adapter.config import ShowcaseConfig
from showcase.adapter.dirty import read_every_page
from showcase.adapter.meta import page_meta, toc_token
from showcase.adapter.page_files import PageFiles
from showcase.adapter.planned_page import PlannedPage
from showcase.adapter.shared import nav_uris, shared_inputs
from showcase.content import diagnostics
from showcase.option_values import OptionsError
from showcase.options import Options
from showcase.plan.semesters import today_in_province
from showcase.publish import rebuild, urls
from showcase.publish.media.imaging import MediaError
from showcase.publish.pages import cache as page_cache
from showcase.publish.pages import styles
from showcase.publish.pages.styles import InlineStyle
from showcase.publish.pages.views import Page
from showcase.publish.search import bundle as search_bundle
from showcase.publish.search import records as search_index

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page as MkDocsPage
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.showcase")
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(HERE, "templates")
ASSETS = os.path.join(HERE, "assets")


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):
    def __init__(self) -> None:
        self._handed: tuple[pipeline.Loaded | None, str | None] = (None, None)
        self.serving = False
        self.style: InlineStyle | None = None
        self.root = ""
        self.target = ""  # the site folder the build ends up in
        self.loaded: pipeline.Loaded | None = None
        self.plan: pipeline.Plan | None = None
        self.pages: dict[str, Page] = {}  # by src_uri
        self.errors: list[str] = []  # shown on every page while serving invalid content
        self.built: list[tuple[str, str]] = []  # (canonical URL, lastmod) of every page
        self.fragments: dict[str, str] = {}  # template parts shared by many pages
        self.reports: list[str] = []
        self.guides: list[search_index.SearchRecord] = []  # hand-written pages, for search
        self.page_files = PageFiles()
        self.dirty = False
        # What the last build of this process left in its folder, for `--dirty`
        # rebuilds (make serve): its pages' URLs and the output written.
        self.last_urls: list[str] = []
        self.last_output: pipeline.Output | None = None

    def hand_over(self, loaded: pipeline.Loaded | None, site_dir: str) -> None:
        """Called by ``showcase build``: reuse what the CLI already loaded and checked."""
        self._handed = (loaded, site_dir)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance for the life of
        # the process (across `serve` rebuilds): per-build state is reset below.
        self.serving = command == "serve"
        self.dirty = dirty  # built into the last build's folder: see publish/rebuild.py

    def on_shutdown(self) -> None:
        self.serving = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            options = Options.from_mapping(dict(self.config))
        except OptionsError as exc:
            raise PluginError(str(exc)) from None
        # What `showcase build` handed over serves this build only: the instance may
        # be reused by a later build in the same process.
        (handed, target), self._handed = self._handed, (None, None)
        self.root = os.path.dirname(config.config_file_path or os.path.abspath("mkdocs.yml"))
        self.target = target or config.site_dir
        if handed is None:
            handed = pipeline.load(self.root, options, options.today or today_in_province())
            for d in handed.diagnostics.sorted():
                (log.error if d.severity == "error" else log.warning)(d.text())
        self.loaded = handed
        self.errors = []
        if not handed.ok:
            found = handed.diagnostics.sorted()
            if not (self.serving or handed.options.preview):
                raise PluginError(diagnostics.summary(found))
            # `mkdocs serve` stops on an error in its first build and shows a traceback
            # on later ones, and a preview is for seeing what is there: keep the valid
            # profiles and show the errors on every page instead.
            self.errors = [d.text() for d in found if d.severity == "error"]
        if not config.use_directory_urls:
            raise PluginError("Plugin showcase cần 'use_directory_urls: true' trong mkdocs.yml.")
        if not config.site_url:
            raise PluginError(
                "Hãy đặt 'site_url' trong mkdocs.yml (địa chỉ đầy đủ của chuyên mục, ví dụ "
                "https://example.gov.vn/guong-dien-hinh/): cần cho liên kết chia sẻ và sitemap."
            )
        self._theme(config)
        return config

    def _theme(self, config: MkDocsConfig) -> None:
        """Our Material overrides go after the user's custom_dir, before Material's own."""
        dirs = config.theme.dirs
        if TEMPLATES not in dirs:
            custom = config.theme.custom_dir
            at = 1 if custom and dirs and os.path.samefile(dirs[0], custom) else 0
            dirs.insert(at, TEMPLATES)
        # Our stylesheet is not linked: it is inline, with the used part of
        # Material's (publish/pages/styles.py), so that nothing blocks the first paint.
        path = urls.site_path(config.site_url or "")
        self.style = styles.site_style(dirs, TEMPLATES, ASSETS, path)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.loaded is not None
        site = pipeline.site_of(config, self.loaded.options)
        try:
            self.plan = pipeline.plan(self.loaded, site, prune=not self.serving)
        except MediaError as exc:
            raise PluginError(str(exc)) from None
        self.pages, self.built, self.fragments, self.guides = {}, [], {}, []
        if not self.dirty:
            self.last_output = None
        if self.dirty:
            read_every_page(files, config)
        in_nav = nav_uris(config.nav)
        self.page_files.start(self._page_cache(config, in_nav), self.dirty)
        for page in self.plan.pages:
            src_uri = urls.src_uri(page.url)
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                log.warning(
                    f"Trang '{existing.src_uri}' trong {config.docs_dir} trùng địa chỉ với một "
                    "trang do chuyên mục tự tạo; trang tự tạo được dùng. Hãy đổi tên tệp này."
                )
                files.remove(existing)
            # The same HTML from the same view: see PageFiles (navigation pages always).
            if src_uri not in in_nav and not self.page_files.to_render(page, src_uri):
                continue
            if self.dirty:
                rebuild.free(config.site_dir, page.url)
            # The navigation's pages are MkDocs' own (their titles come from the
            # nav), with an empty source; the others skip the Markdown pass.
            file = File.generated(config, src_uri, content="",
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            if src_uri not in in_nav:
                PlannedPage(page, file, config)
            files.append(file)
            self.pages[src_uri] = page
        for folder, _, names in os.walk(ASSETS):
            for name in sorted(names):
                path = os.path.join(folder, name)
                uri = urls.ASSETS_URL + os.path.relpath(path, ASSETS).replace(os.sep, "/")
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=path))
        return files

    def _page_cache(self, config: MkDocsConfig, in_nav: set[str]) -> page_cache.PageCache:
        assert self.loaded is not None and self.plan is not None
        state = (self.style.css if self.style else "", repr(self.errors),
                 repr(self.serving))
        return page_cache.open_cache(self.root, self.loaded.options.cache_dir, shared_inputs(
            config, self.loaded.options, self.plan, in_nav, state))

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig,
                         files: Files) -> str:
        planned = self.pages.get(page.file.src_uri)
        if planned is not None and not isinstance(page, PlannedPage):  # a navigation page
            page.meta.update(page_meta(planned))
        return markdown

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str:
        planned = self.pages.get(page.file.src_uri)
        if isinstance(page, PlannedPage):
            return html
        if planned is not None:
            # Raw HTML headings are invisible to the toc extension: give the page
            # the outline of its search document, with the story's exact ids.
            page.toc = get_toc([toc_token(planned.toc)])  # type: ignore[list-item]
        elif page.url is not None and not (page.meta.get("search") or {}).get("exclude"):
            self.guides.append(search_index.guide_record(page.url, page.title or "", html))
        return html

    def _context(self, context: TemplateContext) -> TemplateContext:
        return template_context.add(context, self.plan.site if self.plan else None, self.style,
                                    self.errors, self.fragments)

    def on_page_context(self, context: TemplateContext, *, page: MkDocsPage,
                        config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        planned = self.pages.get(page.file.src_uri)
        if page.canonical_url and not (planned and planned.preview):  # previews: no sitemap
            self.built.append((page.canonical_url, planned.published if planned else ""))
        return self._context(context)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Compiled templates kept between builds (see adapter/bytecode.py).
        assert self.loaded is not None
        cache_dir = os.path.join(self.root, self.loaded.options.cache_dir)
        shutil.rmtree(os.path.join(cache_dir, "templates"), ignore_errors=True)  # Jinja's own, 0.1
        folder = os.path.join(cache_dir, "jinja")
        env.bytecode_cache = SealedBytecodeCache(folder)
        return env

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        return self._context(context)

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        self.page_files.rendered(page.file.src_uri, page.file.abs_dest_path)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.plan is not None and self.loaded is not None
        with timing.phase("write cached pages"):
            self.page_files.keep()
            for page in self.page_files.write(config.site_dir):
                if not page.preview:  # as on_page_context does for pages MkDocs renders
                    self.built.append((self.plan.site.abs(page.url), page.published))
        self.page_files.done(not self.serving, {p.url: urls.src_uri(p.url)
                                                for p in self.plan.pages})
        now = [p.url for p in self.plan.pages]
        if self.dirty:
            rebuild.remove_stale(config.site_dir, self.last_urls, now)
        self.last_urls = now
        try:
            # Everything the pages give first, while the media workers finish.
            pipeline.write_indexes(self.plan, config.site_dir, self.built, self.guides,
                                   self.serving)
            self.reports = beside.reports(self.loaded, [self.target, config.docs_dir],
                                          self.serving)
            output = pipeline.finish(self.loaded, self.plan, prune=not self.serving)
            pipeline.write(output, config.site_dir, self.last_output if self.dirty else None)
        except (MediaError, search_bundle.SearchIndexError) as exc:
            raise PluginError(str(exc)) from None
        self.last_output = output if self.dirty else None
        beside.editor(self.loaded, self.plan, self.root, self.style, config.site_dir, self.serving)

    def on_build_error(self, *, error: Exception) -> None:
        if self.plan is not None:
            self.plan.making.cancel()  # the media workers stop with the build
        # A half-done --dirty build: what its folder holds is no longer known.
        self.page_files.forget()
        self.last_output = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        assert self.loaded is not None
        server.watch(os.path.join(self.root, self.loaded.options.profiles_dir))
        return server
