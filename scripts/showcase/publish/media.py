"""Photos for the web and share cards: planned once, as a manifest.

:func:`prepare` makes every public profile's photo variants (WebP and JPEG at
``imaging.WIDTHS``, see :mod:`imaging`) and its 1200x630 share card
(:mod:`cards`) into the build cache, and returns a :data:`Manifest`: for each
slug, every file's URL, pixel size and byte size. Pages, feeds and cards read
the manifest; nothing reads the site folder back. :func:`write` copies the
files into the site.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image

from showcase.content.hashing import hash_once
from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.publish import cache, cards, imaging, urls
from showcase.publish.imaging import MediaError

# Cache misses above this many go to a process pool (both cores); below it the
# start-up of worker processes costs more than it saves.
POOL_THRESHOLD = 20

__all__ = ["Manifest", "Media", "MediaError", "PhotoSet", "Variant", "photo_set", "prepare",
           "write"]


@dataclass(frozen=True)
class Variant:
    url: str  # site-relative, e.g. 'ho-so/<slug>/anh-480.webp'
    width: int
    height: int
    mime: str
    length: int = 0  # bytes; 0 until the file is made (see prepare)


@hash_once
@dataclass(frozen=True)
class PhotoSet:
    webp: tuple[Variant, ...]
    jpeg: tuple[Variant, ...]
    width: int  # of the largest variant
    height: int


@hash_once
@dataclass(frozen=True)
class Media:
    """Everything published for one profile's picture."""

    photo: PhotoSet | None
    card: Variant
    entries: tuple[str, ...]  # cache folders copied into the profile's page folder

    @property
    def picture(self) -> Variant:
        """The item picture of feeds: the largest JPEG of the photo, else the card."""
        return self.photo.jpeg[-1] if self.photo else self.card

    @property
    def thumbnail(self) -> Variant:
        return self.photo.jpeg[0] if self.photo else self.card


Manifest = Mapping[str, Media]  # by slug


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


@dataclass(frozen=True)
class _Job:
    """One profile's media work; picklable for the process pool."""

    rel: str | None  # repo-relative photo path, for messages
    src: str | None  # absolute photo path
    sizes: tuple[tuple[int, int], ...]
    photo_dir: str | None  # cache entry to fill with variants, None = cached
    card_dir: str | None  # cache entry to fill with the card, None = cached
    card: cards.CardSpec


@dataclass(frozen=True)
class _Planned:
    slug: str
    photo: PhotoSet | None
    photo_entry: str | None
    card_entry: str


def prepare(
    root: str, cache_dir: str, profiles: Iterable[Profile], units: Mapping[str, Unit],
    column: str, department: str,
) -> dict[str, Media]:
    """Make (or find in the cache) every profile's media; return the manifest.

    Raises :class:`MediaError` (Vietnamese message) for a photo that cannot be
    decoded; the original file is never published.
    """
    cache_root = os.path.join(root, cache_dir, "media")
    os.makedirs(cache_root, exist_ok=True)
    planned: list[_Planned] = []
    jobs: list[_Job] = []
    hashes = cache.HashMemo(os.path.join(root, cache_dir, "source-hashes.json"))
    for p in sorted(profiles, key=lambda p: p.path):
        spec = _card_spec(p, units, column, department)
        item, job = _plan(root, cache_root, p, spec, hashes)
        planned.append(item)
        if job.photo_dir or job.card_dir:
            jobs.append(job)
    _run(jobs)
    manifest: dict[str, Media] = {}
    used: set[str] = set()
    for item in planned:
        entries = tuple(e for e in (item.photo_entry, item.card_entry) if e)
        for entry in entries:
            used.add(os.path.basename(entry))
            cache.touch(entry)  # "last used", for pruning
        manifest[item.slug] = Media(
            photo=_measured_photo(item.photo, item.photo_entry),
            card=_measured_card(item.slug, item.card_entry),
            entries=entries,
        )
    cache.prune(cache_root, keep=used)
    hashes.save()
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
          hashes: cache.HashMemo) -> tuple[_Planned, _Job]:
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
    job = _Job(
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


def _run(jobs: list[_Job]) -> None:
    workers = min(2, os.cpu_count() or 1)
    if len(jobs) <= POOL_THRESHOLD or workers < 2:
        for job in jobs:
            _make(job)
        return
    # 'spawn': forking a process that may hold threads (mkdocs serve) can deadlock.
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        # list() re-raises the first worker error (a MediaError) here.
        list(pool.map(_make, jobs, chunksize=4))


def _make(job: _Job) -> None:
    photo = imaging.load(job.src, job.rel, job.sizes) if job.src else None
    if job.photo_dir and photo is not None:
        files = {}
        small = photo  # already the largest variant
        # Largest first, each from the one before: a quarter of the work for the
        # smaller one, and Lanczos from 2x loses nothing visible.
        for w, h in reversed(job.sizes):
            small = imaging.resized(small, w, h)
            files[urls.photo_name(w, "webp")] = imaging.encode(small, "WEBP", imaging.WEBP_OPTS)
            files[urls.photo_name(w, "jpg")] = imaging.encode(small, "JPEG", imaging.JPEG_OPTS)
        cache.store(job.photo_dir, files)
    if job.card_dir:
        card = cards.draw_card(job.card, photo)
        cache.store(job.card_dir, {urls.CARD_NAME: imaging.encode(card, "JPEG",
                                                                 imaging.CARD_OPTS)})


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The drawing and encoding code itself is an input of every cached file."""
    here = os.path.dirname(os.path.abspath(__file__))
    return cache.key(*(cache.file_hash(os.path.join(here, n))
                       for n in ("imaging.py", "cards.py", "typeset.py")), Image.__version__)
