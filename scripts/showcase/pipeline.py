"""The one path from files to site, used by every door.

``showcase build``, ``mkdocs build`` and ``mkdocs serve`` all go through
these three steps (the MkDocs adapter calls them from its hooks):

load   units.yml + profiles/**.md -> validated corpus, diagnostics, quota review
plan   Loaded -> typed outputs: media manifest (files made into the cache),
       stories rendered once, pages (views), feeds, sitemap entries, reports
write  media, feeds, sitemaps and reports from the Plan; MkDocs + Material
       render the planned pages themselves; the search index is written
       from the plan's records. Nothing reads the site back.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from showcase import timing
from showcase.content import corpus as corpus_mod
from showcase.content.corpus import Corpus
from showcase.content.diagnostics import Collector
from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.options import Options
from showcase.plan import asof, periods, quotas, report_files
from showcase.plan.quotas import Quotas
from showcase.publish import (
    cache,
    feeds,
    follow,
    markup,
    media,
    pages,
    search,
    search_bundle,
    search_index,
    sitemaps,
    styles,
    urls,
)
from showcase.publish.feeds import FeedFile
from showcase.publish.markup import Story
from showcase.publish.media import Manifest
from showcase.publish.styles import InlineStyle
from showcase.publish.views import Page, Site


@dataclass(frozen=True)
class Loaded:
    """Everything read and validated, before anything is written."""

    root: str  # the folder of mkdocs.yml
    options: Options
    today: dt.date
    corpus: Corpus
    review: Quotas  # the semester just ended and the current one

    @property
    def ok(self) -> bool:
        return self.corpus.ok

    @property
    def units(self) -> Mapping[str, Unit]:
        return self.corpus.units

    @property
    def diagnostics(self) -> Collector:
        return self.corpus.diagnostics

    @property
    def public(self) -> list[Profile]:
        return self.corpus.public(self.today)

    @property
    def pending(self) -> dict[str, str]:
        """In a preview build: slug -> why a valid profile is not public yet."""
        if not self.options.preview:
            return {}
        return {p.slug: why for p in self.corpus.profiles
                if (why := p.pending(self.today)) is not None}

    @property
    def shown(self) -> list[Profile]:
        """The profiles that get pages: the public ones, and pending ones in a preview."""
        pending = self.pending
        return [p for p in self.corpus.profiles if p.is_public(self.today) or p.slug in pending]


def load(root: str, options: Options, today: dt.date, horizon: dt.date | None = None
         ) -> Loaded:
    """Read and validate everything; never raises for bad content (see diagnostics).

    Files are checked against ``horizon`` (default: ``today``); what is loaded is
    the world as it was on ``today`` (see :mod:`showcase.plan.asof`).
    """
    with timing.phase("load"):
        c = corpus_mod.load(root, horizon or today, options=options)
        return loaded_from(asof.corpus_on(c, today), options, today)


def loaded_from(c: Corpus, options: Options, today: dt.date) -> Loaded:
    """A corpus already read (or made by a test) with what the build derives from it."""
    review = quotas.review(c.units.values(), c.profiles, options.quota_periods, today)
    return Loaded(c.root, options, today, c, review)


def site_of(config: Mapping[str, Any], options: Options) -> Site:
    """Site-wide facts from mkdocs.yml's values (the same for every door)."""
    url = str(config.get("site_url") or "")
    url = url if url.endswith("/") else url + "/"
    description = config.get("site_description") or options.column_name
    return Site(
        url=url, name=str(config.get("site_name") or ""), column=options.column_name,
        department=options.department, description=" ".join(str(description).split()),
        sample_notice=options.sample_notice, page_size=options.page_size,
    )


@dataclass(frozen=True)
class Plan:
    """Every output of a build, as typed values."""

    site: Site
    pages: tuple[Page, ...]
    media: Manifest
    stories: Mapping[str, Story]  # by slug
    feeds: tuple[FeedFile, ...]
    feed_urls: tuple[str, ...]  # site-relative feeds that pages link to (sitemaps beside them)
    search: search_index.IndexPlan  # profiles and generated pages (guides are added by write)
    cache_dir: str | None = None  # the build cache (absolute), for the search bundle


def plan(loaded: Loaded, site: Site) -> Plan:
    """Plan the site. Raises :class:`media.MediaError` for a photo that cannot be made."""
    public, shown = loaded.public, loaded.shown
    opts = loaded.options
    with timing.phase("media (photos, cards)"):
        manifest = media.prepare(loaded.root, opts.cache_dir, shown, loaded.units,
                                 opts.column_name, opts.department)
    with timing.phase("stories"):
        blobs = cache.Blobs(os.path.join(loaded.root, opts.cache_dir, "stories"))
        stories = markup.stories({p.slug: p.body for p in shown}, blobs)
    with timing.phase("plan pages"):
        planned = pages.all_pages(shown, loaded.units, site, manifest, stories, loaded.pending)
        planned.append(follow.follow_page(site, loaded.units, public, loaded.today,
                                          max(1, opts.feed_items)))
    with timing.phase("feeds"):
        column = feeds.Column(opts.column_name, opts.department, opts.feed_items,
                              opts.sample_notice)
        feed_files = feeds.plan_feeds(site.url, public, loaded.units, column, loaded.today,
                                      manifest, stories,
                                      cache.Blobs(os.path.join(loaded.root, opts.cache_dir,
                                                               "feeds")))
    feed_urls = sorted({f.href[len(site.url):] for pg in planned for f in pg.social.feeds})
    with timing.phase("search index"):
        index = search_index.plan_index(public, loaded.units, stories, planned)
    return Plan(site, tuple(planned), manifest, stories, tuple(feed_files), tuple(feed_urls),
                index, os.path.join(loaded.root, opts.cache_dir))


def write(plan: Plan, site_dir: str, built: Iterable[tuple[str, str]],
          guides: Iterable[search_index.SearchRecord] = (), pagefind: bool = True) -> None:
    """Write what MkDocs does not: media, feeds, sitemaps, the search index.

    ``built``: (absolute URL, lastmod) of every page MkDocs wrote, generated or not;
    ``guides``: the search records of the hand-written pages. ``pagefind`` False
    keeps Material's own lunr search instead (only to compare searches in the bench),
    whose index is then folded.
    """
    with timing.phase("write media"):
        media.write(plan.media, site_dir)
    with timing.phase("feeds"):
        for f in plan.feeds:
            _write(site_dir, f.rel, f.data)
        for rel, text in sitemaps.files(plan.site.url, built, plan.feed_urls):
            _write(site_dir, rel, text.encode("utf-8"))
    with timing.phase("search index"):
        if pagefind:
            search_bundle.write(search_index.IndexPlan(plan.search.records + tuple(guides)),
                                site_dir, plan.cache_dir)
        else:
            search.fold_index(site_dir)


def site_style(theme_dirs: Sequence[str], templates_dir: str, assets_dir: str,
               site_path: str) -> InlineStyle:
    """The inline stylesheet of every page: the used part of Material's, then ours."""
    found: dict[str, str] = {}
    for d in theme_dirs:
        folder = os.path.join(d, "assets", "stylesheets")
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else ():
            kind = name.split(".", 1)[0]
            if name.endswith(".min.css") and kind in ("main", "palette") and kind not in found:
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    found[kind] = fh.read()
    with open(os.path.join(assets_dir, "showcase.css"), encoding="utf-8") as fh:
        own = fh.read()
    used = styles.used_classes(theme_dirs, templates_dir)
    return styles.inline_style([found.get("main", ""), found.get("palette", "")], own,
                               site_path + urls.ASSETS_URL, used)


def write_reports(loaded: Loaded, published: Iterable[str]) -> tuple[str, list[str]]:
    """The reports of the years under review (or the latest year), next to the site.

    Returns (folder, written paths). Raises :class:`report_files.ReportsDirError`
    when the folder would be published, ``OSError`` when it cannot be written.
    """
    opts = loaded.options
    folder = report_files.reports_dir(loaded.root, opts.reports_dir, published)
    years = sorted({s.year for s in loaded.review.semesters})
    latest = periods.report_year(opts.quota_periods, loaded.today)
    written: list[str] = []
    with timing.phase("reports"):
        for y in years or ([latest] if latest else []):
            ann = report_files.annual_of(loaded.units.values(), loaded.corpus.profiles, opts,
                                         loaded.today, y)
            written += report_files.write(folder, report_files.files(ann, ann.quotas))
    return folder, written


def _write(site_dir: str, rel: str, data: bytes) -> None:
    path = os.path.join(site_dir, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
