"""Photos for the web and share cards: planned once, as a manifest.

Every public profile has photo variants (WebP and JPEG at ``imaging.WIDTHS``,
see :mod:`imaging`) and a 1200x630 share card (:mod:`cards`), made into the
build cache and described by a :data:`Manifest`: for each slug, every file's
URL, pixel size and byte size. Pages, feeds and cards read the manifest;
nothing reads the site folder back. :func:`write` copies the files into the site.

In three steps, so that a build renders its pages while the photos encode:

* :func:`plan_media` reads headers and cache keys only (milliseconds): its
  manifest has every URL and size, without byte lengths;
* :func:`start` submits the cache misses to worker processes, returns at once;
* :meth:`MediaRun.wait` blocks and returns the measured manifest (for feeds).

:func:`prepare` is the three in a row.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image

from showcase.content import photo_verdicts, photos
from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.publish import cache, cards, imaging, media_jobs, urls
from showcase.publish.imaging import MediaError, PhotoRefused
from showcase.publish.manifest import Manifest, Media, PhotoSet, Variant, photo_set
from showcase.publish.media_jobs import POOL_THRESHOLD

__all__ = ["POOL_THRESHOLD", "Manifest", "Media", "MediaError", "MediaPlan", "MediaRun",
           "PhotoRefused", "PhotoSet", "PhotosRefused", "Variant", "photo_set", "plan_media",
           "prepare", "start", "write"]


@dataclass(frozen=True)
class _Planned:
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
    planned: tuple[_Planned, ...]
    root: str
    cache_dir: str  # relative to root
    verify: frozenset[str] = frozenset()  # photos (repo-relative) the check left to decode


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
            self._manifest = _finish(plan)
        return self._manifest

    def cancel(self) -> None:
        """Stop the workers (a failed build); the files already made stay cached."""
        self._pool.cancel()

    def __enter__(self) -> MediaRun:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._manifest is None:
            self.cancel()


def plan_media(
    root: str, cache_dir: str, profiles: Iterable[Profile], units: Mapping[str, Unit],
    column: str, department: str, verify: Iterable[str] = (),
) -> MediaPlan:
    """Plan every profile's media from the photos' headers and the cache; decodes
    nothing. Raises :class:`MediaError` for a photo that is missing or whose
    header cannot be read.

    ``verify``: photos (repo-relative) whose pixels the check has not decoded
    (``Corpus.unchecked``): the run decodes each once, cached or not, and
    :meth:`MediaRun.wait` raises :class:`PhotosRefused` for those it refuses.
    """
    wanted = frozenset(verify)
    cache_root = os.path.join(root, cache_dir, "media")
    os.makedirs(cache_root, exist_ok=True)
    planned: list[_Planned] = []
    jobs: list[media_jobs.Job] = []
    hashes = cache.HashMemo(os.path.join(root, cache_dir, "source-hashes.json"))
    planned_profiles = sorted(profiles, key=lambda p: p.path)
    for p in planned_profiles:
        spec = _card_spec(p, units, column, department)
        item, job = _plan(root, cache_root, p, spec, hashes)
        planned.append(item)
        if p.photo in wanted:
            job = dataclasses.replace(job, verify=True)
        if job.photo_dir or job.card_dir or job.verify:
            jobs.append(job)
    # Photos of profiles without pages (drafts, scheduled ones): the check decodes
    # them, so the build does too (the verdict only).
    for rel in sorted(wanted - {p.photo for p in planned_profiles}):
        jobs.append(media_jobs.Job(rel, os.path.join(root, rel), (), None, None, None, True))
    hashes.save()
    manifest = {item.slug: Media(item.photo, Variant(urls.card_url(item.slug), cards.WIDTH,
                                                     cards.HEIGHT, "image/jpeg"),
                                 _entries(item))
                for item in planned}
    return MediaPlan(manifest, tuple(jobs), tuple(planned), root, cache_dir, wanted)


def start(plan: MediaPlan) -> MediaRun:
    """Start making the plan's cache misses in worker processes; returns at once."""
    return MediaRun(plan)


def prepare(
    root: str, cache_dir: str, profiles: Iterable[Profile], units: Mapping[str, Unit],
    column: str, department: str, verify: Iterable[str] = (),
) -> dict[str, Media]:
    """Make (or find in the cache) every profile's media; return the measured manifest.

    Raises :class:`MediaError` (Vietnamese message) for a photo that cannot be
    decoded; the original file is never published.
    """
    with start(plan_media(root, cache_dir, profiles, units, column, department,
                          verify)) as run:
        return run.wait()


def _refusals(refused: dict[str, photos.Verdict]) -> str:
    lines = []
    for rel, v in sorted(refused.items()):
        code, why, hint = photos.problem_of(v, rel.rsplit("/", 1)[-1]) or ("", "", "")
        lines.append(f"{rel}: {why} {hint} [{code}]")
    return "\n".join(lines)


def _entries(item: _Planned) -> tuple[str, ...]:
    return tuple(e for e in (item.photo_entry, item.card_entry) if e)


def _finish(plan: MediaPlan) -> dict[str, Media]:
    """The measured manifest, once every entry exists; marks them used, prunes the rest."""
    manifest: dict[str, Media] = {}
    used: set[str] = set()
    for item in plan.planned:
        entries = _entries(item)
        for entry in entries:
            used.add(os.path.basename(entry))
            cache.touch(entry)  # "last used", for pruning
        manifest[item.slug] = Media(
            photo=_measured_photo(item.photo, item.photo_entry),
            card=_measured_card(item.slug, item.card_entry),
            entries=entries,
        )
    cache.prune(os.path.join(plan.root, plan.cache_dir, "media"), keep=used)
    return manifest


def write(manifest: Manifest, site_dir: str) -> None:
    """Copy each profile's media into its page folder in ``site_dir``."""
    for slug in sorted(manifest):
        out = os.path.join(site_dir, *urls.profile_url(slug).rstrip("/").split("/"))
        os.makedirs(out, exist_ok=True)
        for entry in manifest[slug].entries:
            for name in sorted(os.listdir(entry)):
                cache.place(os.path.join(entry, name), os.path.join(out, name))


def _card_spec(p: Profile, units: Mapping[str, Unit], column: str, department: str
               ) -> cards.CardSpec:
    unit = units.get(p.unit)
    return cards.CardSpec(
        name=p.name,
        unit=unit.name if unit else p.unit,
        column=column,
        department=department,
        kind=KINDS[p.kind].label,
        field=p.field,
        field_label=FIELDS[p.field].label,
        sectors=tuple(s for s in SECTORS if s in p.sectors),
        name_km=p.name_km or "",
    )


def _plan(root: str, cache_root: str, p: Profile, spec: cards.CardSpec,
          hashes: cache.HashMemo) -> tuple[_Planned, media_jobs.Job]:
    src = os.path.join(root, p.photo) if p.photo else None
    ps = photo_set(root, p)
    source_hash = ""
    sizes: tuple[tuple[int, int], ...] = ()
    photo_entry = None
    if src and ps:
        sizes = tuple((v.width, v.height) for v in ps.jpeg)
        st = os.stat(src)
        source_hash = hashes.get(src, st)
        key = cache.key("photo", _code_hash(), source_hash, repr(sizes),
                        repr(imaging.JPEG_OPTS), repr(imaging.WEBP_OPTS))
        photo_entry = os.path.join(cache_root, f"photo-{key}")
    card_key = cache.key("card", _code_hash(), cards.fonts_hash(), source_hash, repr(spec),
                         repr(imaging.CARD_OPTS))
    card_entry = os.path.join(cache_root, f"card-{card_key}")
    job = media_jobs.Job(
        rel=p.photo, src=src, sizes=sizes,
        photo_dir=photo_entry if photo_entry and not os.path.isdir(photo_entry) else None,
        card_dir=card_entry if not os.path.isdir(card_entry) else None,
        card=spec,
    )
    return _Planned(p.slug, ps, photo_entry, card_entry), job


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
    length = os.path.getsize(os.path.join(entry, urls.CARD_NAME))
    return Variant(urls.card_url(slug), cards.WIDTH, cards.HEIGHT, "image/jpeg", length)


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The drawing and encoding code itself is an input of every cached file."""
    here = os.path.dirname(os.path.abspath(__file__))
    return cache.key(*(cache.file_hash(os.path.join(here, n))
                       for n in ("imaging.py", "cards.py", "typeset.py", "media_jobs.py")),
                     Image.__version__)
