"""The one path from files to site, used by every door.

``showcase build``, ``mkdocs build`` and ``mkdocs serve`` all go through
these steps (the MkDocs adapter calls them from its hooks):

load    units.yml + profiles/**.md -> validated corpus, diagnostics, quota review
plan    Loaded -> typed outputs: media manifest (URLs, pixel sizes), stories
        rendered once, pages (views), search records; starts the media workers
        (MkDocs + Material render the planned pages meanwhile)
write_indexes  sitemaps and the search index (our own: publish/search/bundle.py),
        from the plan and the pages built
finish  waits for the media, then plans the feeds (they give the files' sizes)
write   media and feeds; write_reports the quota reports beside the site.
        Nothing reads the site back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from showcase import timing
from showcase.content import corpus as corpus_mod
from showcase.content import unchecked
from showcase.content.corpus import Corpus
from showcase.content.diagnostics import Collector
from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.options import Options
from showcase.plan import asof, periods, quotas, report_cache, report_files
from showcase.plan.quotas import Quotas
from showcase.publish import atomic, markup
from showcase.publish.feeds import plan as feeds
from showcase.publish.feeds.plan import FeedFile
from showcase.publish.markup import Story
from showcase.publish.media import plan as media
from showcase.publish.media.plan import Manifest, MediaRun
from showcase.publish.pages import follow, sitemaps
from showcase.publish.pages import plan as pages
from showcase.publish.pages.views import Page, Site
from showcase.publish.search import bundle as search_bundle
from showcase.publish.search import records as search_index
from showcase.store import sealed


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


def load(root: str, options: Options, today: dt.date, horizon: dt.date | None = None,
         defer_photos: bool = False) -> Loaded:
    """Read and validate everything; never raises for bad content (see diagnostics).

    Files are checked against ``horizon`` (default: ``today``); what is loaded is
    the world as it was on ``today`` (see :mod:`showcase.plan.asof`).
    ``defer_photos`` (a build): photos not checked before are decoded once, by
    the media step (see ``corpus.load``); if the corpus is not ok, call
    :func:`settled` before reporting.
    """
    with timing.phase("load"):
        c = corpus_mod.load(root, horizon or today, options=options, defer_photos=defer_photos)
        return loaded_from(asof.corpus_on(c, today), options, today)


def settled(loaded: Loaded) -> Loaded:
    """``loaded`` with its unchecked photos decoded now: every error is reported at once."""
    if not loaded.corpus.unchecked:
        return loaded
    with timing.phase("load"):
        return loaded_from(unchecked.settle(loaded.corpus, loaded.options), loaded.options,
                           loaded.today)


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
    """Every output of a build as typed values, but the feeds (see :func:`finish`)."""

    site: Site
    pages: tuple[Page, ...]
    media: Manifest  # every URL and pixel size; byte lengths 0 until made (see finish)
    stories: Mapping[str, Story]  # by slug
    feed_urls: tuple[str, ...]  # site-relative feeds that pages link to (sitemaps beside them)
    search: search_index.IndexPlan  # profiles and generated pages (guides are added by write)
    making: MediaRun  # the photo variants and cards, made meanwhile by worker processes
    cache_dir: str | None = None  # the build cache (absolute), for the search bundle


@dataclass(frozen=True)
class Output:
    """A plan with its media made and measured: everything :func:`write` puts in a site."""

    plan: Plan
    media: Manifest  # with byte lengths (feeds announce them)
    feeds: tuple[FeedFile, ...]


def plan(loaded: Loaded, site: Site, prune: bool = True) -> Plan:
    """Plan the site, and start making its media; raises :class:`media.MediaError`
    for a photo whose header cannot be read.

    The media are made by worker processes while the caller renders the pages
    (which need only URLs and pixel sizes): call :func:`finish` after, or
    ``plan.making.cancel()`` if the build fails. ``prune`` False keeps cache
    entries this build does not use (a rebuild under ``mkdocs serve``: the next
    one is likely to need them again).
    """
    public, shown = loaded.public, loaded.shown
    opts, c = loaded.options, loaded.corpus
    with timing.phase("media plan"):
        mplan = media.plan_media(loaded.root, opts.cache_dir, shown, loaded.units,
                                 opts.column_name, opts.department,
                                 verify=[u.rel for u in c.unchecked], prune=prune)
    making = media.start(mplan)
    try:
        with timing.phase("stories"):
            shelf = sealed.Shelf(os.path.join(loaded.root, opts.cache_dir, "stories"))
            stories = markup.stories({p.slug: p.body for p in shown}, shelf, prune)
        with timing.phase("plan pages"):
            planned = pages.all_pages(shown, loaded.units, site, mplan.manifest, stories,
                                      loaded.pending)
            planned.append(follow.follow_page(site, loaded.units, public, loaded.today,
                                              max(1, opts.feed_items)))
        feed_urls = sorted({f.href[len(site.url):] for pg in planned for f in pg.social.feeds})
        with timing.phase("search index"):
            index = search_index.plan_index(public, loaded.units, stories, planned)
    except BaseException:
        making.cancel()
        raise
    return Plan(site, tuple(planned), mplan.manifest, stories, tuple(feed_urls), index, making,
                os.path.join(loaded.root, opts.cache_dir))


def finish(loaded: Loaded, plan: Plan, prune: bool = True) -> Output:
    """Wait for the plan's media, then plan the feeds (which give the files' sizes).

    Raises :class:`media.MediaError` (Vietnamese) for a photo that cannot be
    published: for a photo the loader left to decode, the check's own diagnostics.
    """
    opts, c = loaded.options, loaded.corpus
    with timing.phase("media (waiting for the workers)"):
        try:
            manifest = plan.making.wait()
        except media.PhotosRefused as exc:  # the check's diagnostics, at the profiles' lines
            known = set(c.diagnostics.items)
            found = unchecked.refuse(c, c.unchecked, exc.verdicts).diagnostics.sorted()
            raise media.MediaError("\n".join(d.text() for d in found if d not in known)
                                   ) from None
    with timing.phase("feeds"):
        column = feeds.Column(opts.column_name, opts.department, opts.feed_items,
                              opts.sample_notice)
        blobs = sealed.Values(os.path.join(loaded.root, opts.cache_dir, "feeds"))
        feed_files = feeds.plan_feeds(plan.site.url, loaded.public, loaded.units, column,
                                      loaded.today, manifest, plan.stories, blobs, prune)
    return Output(plan, manifest, tuple(feed_files))


def write_indexes(plan: Plan, site_dir: str, built: Iterable[tuple[str, str]],
                  guides: Iterable[search_index.SearchRecord] = (),
                  serving: bool = False) -> None:
    """Write the indexes of the pages, while the media are still being made: the
    sitemaps and the search index. ``built``: (absolute URL, lastmod) of every page
    MkDocs wrote, generated or not; ``guides``: the search records of the
    hand-written pages. ``serving``: a ``mkdocs serve`` rebuild, which patches the
    search index it keeps in memory (never taken from the build cache).
    """
    with timing.phase("sitemaps"):
        for rel, text in sitemaps.files(plan.site.url, built, plan.feed_urls):
            _write(site_dir, rel, text.encode("utf-8"))
    with timing.phase("search index"):
        search_bundle.write(search_index.IndexPlan(plan.search.records + tuple(guides)),
                            site_dir, plan.cache_dir, from_cache=not serving)


def write(out: Output, site_dir: str, previous: Output | None = None) -> None:
    """Write what needs the media made: the media themselves and the feeds.

    ``previous``: the output ``site_dir`` already holds (a ``--dirty`` rebuild):
    media and feeds that did not change are left as they are.
    """
    with timing.phase("write media"):
        old = previous.media if previous else {}
        changed = {slug: m for slug, m in out.media.items() if old.get(slug) != m}
        for slug, m in changed.items():  # a photo replaced by a smaller one has fewer variants
            if slug in old:
                for url in sorted(_media_urls(old[slug]) - _media_urls(m)):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(os.path.join(site_dir, *url.split("/")))
        media.write(changed, site_dir)
    with timing.phase("feeds"):
        kept = {f.rel: f.data for f in previous.feeds} if previous else {}
        for f in out.feeds:
            if kept.get(f.rel) != f.data:
                _write(site_dir, f.rel, f.data)


def write_reports(loaded: Loaded, published: Iterable[str]) -> tuple[str, list[str]]:
    """The reports of the years under review (or the latest year), next to the site.

    Returns (folder, written paths). Raises :class:`report_files.ReportsDirError`
    when the folder would be published, :class:`atomic.WriteFault` when it cannot be
    written (the reports there are kept).
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
            written += atomic.write_files(folder, report_cache.files(ann, _cache(loaded)))
    return folder, written


def _cache(loaded: Loaded) -> str:
    return os.path.join(loaded.root, loaded.options.cache_dir)


def _media_urls(m: media.Media) -> set[str]:
    """The site-relative files of one profile's media."""
    photo = (*m.photo.webp, *m.photo.jpeg) if m.photo else ()
    return {m.card.url, *(v.url for v in photo)}


def _write(site_dir: str, rel: str, data: bytes) -> None:
    path = os.path.join(site_dir, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
