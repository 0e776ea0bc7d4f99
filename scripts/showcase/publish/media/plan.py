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
from functools import lru_cache
from importlib.metadata import version

from PIL import Image

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.publish import urls
from showcase.publish.media import cards, imaging
from showcase.publish.media import jobs as media_jobs
from showcase.publish.media.imaging import MediaError, PhotoRefused
from showcase.publish.media.jobs import POOL_THRESHOLD
from showcase.publish.media.manifest import Manifest, Media, PhotoSet, Variant
from showcase.publish.media.run import MediaPlan, MediaRun, PhotosRefused, Planned, entries
from showcase.store import cache, hashes, sealed
from showcase.store.linked import Linked

__all__ = ["POOL_THRESHOLD", "Manifest", "Media", "MediaError", "MediaPlan", "MediaRun",
           "PhotoRefused", "PhotoSet", "PhotosRefused", "Variant", "photo_set", "plan_media",
           "prepare", "start", "write"]


def plan_media(
    root: str, cache_dir: str, profiles: Iterable[Profile], units: Mapping[str, Unit],
    column: str, department: str, verify: Iterable[str] = (), prune: bool = True,
) -> MediaPlan:
    """Plan every profile's media from the photos' headers and the cache; decodes
    nothing. ``prune`` False keeps unused cache entries (a ``mkdocs serve`` rebuild).
    Raises :class:`MediaError` for a photo that is missing or whose
    header cannot be read.

    ``verify``: photos (repo-relative) whose pixels the check has not decoded
    (``Corpus.unchecked``): the run decodes each once, cached or not, and
    :meth:`MediaRun.wait` raises :class:`PhotosRefused` for those it refuses.
    """
    wanted = frozenset(verify)
    cache_root = os.path.join(root, cache_dir, "media")
    os.makedirs(cache_root, exist_ok=True)
    store = Linked(cache_root, os.path.join(root, cache_dir, "seals", "media"))
    planned: list[Planned] = []
    jobs: list[media_jobs.Job] = []
    memo = sealed.HashMemo(os.path.join(root, cache_dir, "source-hashes.json"))
    planned_profiles = sorted(profiles, key=lambda p: p.path)
    for p in planned_profiles:
        spec = _card_spec(p, units, column, department)
        item, job = _plan(root, store, p, spec, memo)
        planned.append(item)
        if p.photo in wanted:
            job = dataclasses.replace(job, verify=True)
        if job.photo_dir or job.card_file or job.verify:
            jobs.append(job)
    # Photos of profiles without pages (drafts, scheduled ones): the check decodes
    # them, so the build does too (the verdict only).
    for rel in sorted(wanted - {p.photo for p in planned_profiles}):
        jobs.append(media_jobs.Job(rel, os.path.join(root, rel), (), None, None, None, True))
    memo.save()
    manifest = {item.slug: Media(item.photo, Variant(urls.card_url(item.slug), cards.WIDTH,
                                                     cards.HEIGHT, "image/jpeg"),
                                 entries(item))
                for item in planned}
    return MediaPlan(manifest, tuple(jobs), tuple(planned), root, cache_dir, store, wanted, prune)


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


def write(manifest: Manifest, site_dir: str) -> None:
    """Copy each profile's media into its page folder in ``site_dir``."""
    for slug in sorted(manifest):
        out = os.path.join(site_dir, *urls.profile_url(slug).rstrip("/").split("/"))
        if not os.path.isdir(out):  # usually made by its page, written first
            os.makedirs(out)
        for entry in manifest[slug].entries:
            if entry.endswith(".jpg"):  # the card's file
                cache.place(entry, os.path.join(out, urls.CARD_NAME))
                continue
            for name in sorted(os.listdir(entry)):  # the photo's variants
                cache.place(os.path.join(entry, name), os.path.join(out, name))


def photo_set(root: str, profile: Profile) -> PhotoSet | None:
    """The web variants a profile's photo will have, from its header only."""
    if not profile.photo:
        return None
    full = os.path.join(root, profile.photo)
    try:
        st = os.stat(full)
    except OSError:
        raise MediaError(imaging.message(profile.photo, "không tìm thấy tệp ảnh")) from None
    width, height = imaging.upright_size(full, st.st_mtime_ns, st.st_size, profile.photo)
    sizes = imaging.variant_sizes(width, height)
    slug = profile.slug
    webp = tuple(Variant(urls.photo_url(slug, w, "webp"), w, h, "image/webp") for w, h in sizes)
    jpeg = tuple(Variant(urls.photo_url(slug, w, "jpg"), w, h, "image/jpeg") for w, h in sizes)
    return PhotoSet(webp, jpeg, sizes[-1][0], sizes[-1][1])


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


def _plan(root: str, store: Linked, p: Profile, spec: cards.CardSpec,
          memo: sealed.HashMemo) -> tuple[Planned, media_jobs.Job]:
    src = os.path.join(root, p.photo) if p.photo else None
    ps = photo_set(root, p)
    source_hash = ""
    sizes: tuple[tuple[int, int], ...] = ()
    photo_entry = None
    if src and ps:
        sizes = tuple((v.width, v.height) for v in ps.jpeg)
        st = os.stat(src)
        source_hash = memo.get(src, st)
        key = cache.key("photo", _code_hash(), source_hash, repr(sizes),
                        repr(imaging.JPEG_OPTS), repr(imaging.WEBP_OPTS))
        photo_entry = store.path(f"photo-{key}")
    card_key = cache.key("card", _code_hash(), cards.fonts_hash(), source_hash, repr(spec),
                         repr(imaging.CARD_OPTS))
    # A card is one file: kept as a file, not a folder holding it (one inode, not two).
    card_entry = store.path(f"card-{card_key}.jpg")
    # A missing or damaged entry (store.ok removes it) is made again.
    job = media_jobs.Job(
        rel=p.photo, src=src, sizes=sizes,
        photo_dir=photo_entry if photo_entry and not store.ok(
            os.path.basename(photo_entry)) else None,
        card_file=card_entry if not store.ok(os.path.basename(card_entry)) else None,
        card=spec,
    )
    return Planned(p.slug, ps, photo_entry, card_entry), job


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The drawing and encoding code itself is an input of every cached file."""
    code = hashes.code_hash("showcase.publish.media.imaging", "showcase.publish.media.cards",
                           "showcase.publish.media.typeset", "showcase.publish.media.jobs")
    return cache.key(code, Image.__version__, version("regex"))  # regex: card text clusters
