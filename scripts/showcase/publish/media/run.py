"""The media of a plan being made by worker processes, and measured when done.

:class:`MediaRun` is what :func:`showcase.publish.media.plan.start` returns: the
cache misses of a :class:`MediaPlan` run in the background while the build
renders its pages; :meth:`MediaRun.wait` gives the manifest with every file's
byte size (feeds announce them), read from the cache entries, which never change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from showcase.content import photo_verdicts, photos
from showcase.publish import urls
from showcase.publish.media import cards
from showcase.publish.media import jobs as media_jobs
from showcase.publish.media.imaging import MediaError
from showcase.publish.media.manifest import Manifest, Media, PhotoSet, Variant
from showcase.store import cache
from showcase.store.linked import Linked


@dataclass(frozen=True)
class Planned:
    slug: str
    photo: PhotoSet | None
    photo_entry: str | None
    card_entry: str


@dataclass(frozen=True)
class MediaPlan:
    """What the media step will publish, found from headers and cache keys only.

    ``manifest`` has every URL and pixel size, which is all pages need, but no
    byte lengths yet (every ``Variant.length`` is 0): :meth:`MediaRun.wait`
    gives the measured one, for feeds.
    """

    manifest: Manifest
    jobs: tuple[media_jobs.Job, ...]  # the cache misses, in profile order
    planned: tuple[Planned, ...]
    root: str
    cache_dir: str  # relative to root
    store: Linked  # the media entries and their seals (filled by the jobs, sealed by finish)
    verify: frozenset[str] = frozenset()  # photos (repo-relative) the check left to decode
    prune: bool = True  # drop the cache entries no build used for a while (see cache.prune)


class PhotosRefused(MediaError):
    """Photos the loader left unchecked (``corpus.load(defer_photos=True)``) fail the
    check's rules; ``verdicts``: repo-relative path -> verdict, for their diagnostics."""

    def __init__(self, message: str, verdicts: dict[str, photos.Verdict]) -> None:
        super().__init__(message)
        self.verdicts = verdicts


class MediaRun:
    """The cache misses of a plan being made in the background (see :func:`start`).

    Call :meth:`wait` or :meth:`cancel` on every path (or use it as a context
    manager, which cancels unless it was waited for): the worker processes
    end with it.
    """

    def __init__(self, plan: MediaPlan) -> None:
        self.plan = plan
        self._pool = media_jobs.JobPool(plan.jobs)
        self._manifest: dict[str, Media] | None = None

    def wait(self) -> dict[str, Media]:
        """Block until every file is made; the manifest with byte lengths.

        Raises :class:`MediaError` (Vietnamese message) for the first photo, in
        profile order, that cannot be published, or if a worker died.
        """
        if self._manifest is None:
            plan, outcomes = self.plan, self._pool.wait()
            for o in outcomes:  # sealed even if the build fails: the next one reuses them
                for name, digests in o.made:
                    plan.store.record(name, digests)
            plan.store.save(pruned=False)
            found = {job.rel: o.verdict for o, job in zip(outcomes, plan.jobs, strict=True)
                     if o.verdict is not None and job.rel}
            # What the workers' decoding found, kept for the next check (no decode there).
            photo_verdicts.remember(os.path.join(plan.root, plan.cache_dir), plan.root, found)
            refused = {rel: v for rel, v in found.items()
                       if rel in plan.verify and photos.problem_of(v, rel.rsplit("/", 1)[-1])}
            first = next((o.error for o in outcomes if o.error), None)
            if refused:
                raise PhotosRefused(_refusals(refused), refused)
            if first:
                raise MediaError(first)
            self._manifest = finish(plan)
        return self._manifest

    def cancel(self) -> None:
        """Stop the workers (a failed build). What they made is not sealed: the
        next build makes it again (an entry is reused only with its seals)."""
        self._pool.cancel()

    def __enter__(self) -> MediaRun:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._manifest is None:
            self.cancel()


def _refusals(refused: dict[str, photos.Verdict]) -> str:
    lines = []
    for rel, v in sorted(refused.items()):
        code, why, hint = photos.problem_of(v, rel.rsplit("/", 1)[-1]) or ("", "", "")
        lines.append(f"{rel}: {why} {hint} [{code}]")
    return "\n".join(lines)


def entries(item: Planned) -> tuple[str, ...]:
    return tuple(e for e in (item.photo_entry, item.card_entry) if e)


def finish(plan: MediaPlan) -> dict[str, Media]:
    """The measured manifest, once every entry exists; marks them used, prunes the rest."""
    manifest = {item.slug: _measured(item) for item in plan.planned}
    for item in plan.planned:  # "last used", for pruning
        for entry in entries(item):
            plan.store.touch(os.path.basename(entry))
    if plan.prune:
        used = {os.path.basename(e) for item in plan.planned for e in entries(item)}
        cache.prune(plan.store.folder, keep=used)
    plan.store.save(pruned=plan.prune)
    return manifest


@lru_cache(maxsize=1 << 16)  # an entry's files never change: `mkdocs serve` asks again
def _measured(item: Planned) -> Media:
    kept = entries(item)
    return Media(photo=_measured_photo(item.photo, item.photo_entry),
                 card=_measured_card(item.slug, item.card_entry), entries=kept)


def _measured_photo(ps: PhotoSet | None, entry: str | None) -> PhotoSet | None:
    if ps is None or entry is None:
        return ps

    def measured(vs: tuple[Variant, ...]) -> tuple[Variant, ...]:
        return tuple(
            Variant(v.url, v.width, v.height, v.mime,
                    os.path.getsize(os.path.join(entry, v.url.rsplit("/", 1)[-1])))
            for v in vs
        )

    return PhotoSet(measured(ps.webp), measured(ps.jpeg), ps.width, ps.height)


def _measured_card(slug: str, entry: str) -> Variant:
    length = os.path.getsize(entry)
    return Variant(urls.card_url(slug), cards.WIDTH, cards.HEIGHT, "image/jpeg", length)
