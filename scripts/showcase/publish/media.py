"""Photos for the web and share cards, written into the site at build time.

A profile's photo is never published as uploaded: it is decoded, turned
upright (EXIF orientation), converted to sRGB, resized to ``WIDTHS`` and
re-encoded as WebP and JPEG *without any metadata* (phone photos carry the
GPS position of the subject's home). Each public profile also gets a
1200x630 share card (``cards.py``) for ``og:image`` and feeds.

Encoding is deterministic (fixed settings, no timestamps), and results are
cached under ``options.cache_dir`` keyed by a hash of everything that goes
into them, so a rebuild copies unchanged files instead of re-encoding.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import io
import math
import multiprocessing
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageCms, ImageOps

from showcase.content import photos
from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS, KINDS, SECTORS
from showcase.options import Options
from showcase.publish import cards
from showcase.publish.urls import profile_url

WIDTHS = (480, 960)
CARD_NAME = "the-chia-se.jpg"
JPEG_OPTS = {"quality": 82, "optimize": True, "progressive": False, "subsampling": "4:2:0"}
WEBP_OPTS = {"quality": 80, "method": 4, "exact": False}
CARD_OPTS = {"quality": 86, "optimize": True, "progressive": False, "subsampling": "4:2:0"}
# Cache misses above this many go to a process pool (both cores); below it the
# start-up of worker processes costs more than it saves.
POOL_THRESHOLD = 20
PRUNE_DAYS = 30  # cache entries unused this long are removed
_FORMATS = ("JPEG", "PNG", "WEBP")
_ORIENTATION = 0x0112
_SWAPS_AXES = {5, 6, 7, 8}


class MediaError(Exception):
    """A photo cannot be published; the message (Vietnamese) names the file."""


@dataclass(frozen=True)
class Variant:
    url: str  # site-relative, e.g. 'ho-so/<slug>/anh-480.webp'
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class PhotoSet:
    webp: tuple[Variant, ...]
    jpeg: tuple[Variant, ...]
    width: int  # of the largest variant
    height: int


def variant_sizes(width: int, height: int) -> tuple[tuple[int, int], ...]:
    """(w, h) of each variant of an upright ``width`` x ``height`` photo.

    Never upscales; a photo narrower than the smallest width keeps its own.
    """
    widths = [w for w in WIDTHS if w <= width] or [width]
    return tuple((w, max(1, round(height * w / width))) for w in widths)


def _dir_url(profile: Profile) -> str:
    return profile_url(profile.slug)


def card_url(profile: Profile) -> str:
    """Site-relative URL of the profile's 1200x630 share card."""
    return _dir_url(profile) + CARD_NAME


def photo_set(root: str, profile: Profile) -> PhotoSet | None:
    """The web variants a profile's photo will have, from its header only."""
    if not profile.photo:
        return None
    full = os.path.join(root, profile.photo)
    try:
        st = os.stat(full)
    except OSError:
        raise MediaError(_message(profile.photo, "không tìm thấy tệp ảnh")) from None
    width, height = _upright_size(full, st.st_mtime_ns, st.st_size, profile.photo)
    base = _dir_url(profile)
    sizes = variant_sizes(width, height)
    webp = tuple(Variant(f"{base}anh-{w}.webp", w, h, "image/webp") for w, h in sizes)
    jpeg = tuple(Variant(f"{base}anh-{w}.jpg", w, h, "image/jpeg") for w, h in sizes)
    return PhotoSet(webp, jpeg, sizes[-1][0], sizes[-1][1])


@lru_cache(maxsize=4096)
def _upright_size(full: str, mtime_ns: int, size: int, rel: str) -> tuple[int, int]:
    # mtime and size are part of the cache key so an edited photo is re-read.
    try:
        with Image.open(full, formats=_FORMATS) as im:
            width, height = im.size
            orientation = im.getexif().get(_ORIENTATION, 1)
    except Image.DecompressionBombError:
        raise MediaError(_message(rel, "ảnh quá nhiều điểm ảnh")) from None
    except Exception:  # Pillow raises many types for broken files
        raise MediaError(_message(rel, "ảnh bị hỏng hoặc không phải JPEG, PNG, WebP")) from None
    return (height, width) if orientation in _SWAPS_AXES else (width, height)


def _message(rel: str, why: str) -> str:
    return (f"Không xử lý được ảnh '{rel}': {why}. "
            "Chạy 'showcase check' để xem hướng dẫn, lưu lại ảnh thành JPEG rồi tải lên lại.")


# --- Publishing -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    """One profile's media work; picklable for the process pool."""

    rel: str | None  # repo-relative photo path, for messages
    src: str | None  # absolute photo path
    sizes: tuple[tuple[int, int], ...]
    photo_dir: str | None  # cache entry to fill with variants, None = cached
    card_dir: str | None  # cache entry to fill with the card, None = cached
    card: cards.CardSpec


def publish_media(
    root: str, site_dir: str, profiles: list[Profile], options: Options,
    units: dict[str, Unit] | None = None,
) -> None:
    """Write each profile's photo variants and share card into ``site_dir``.

    ``units`` gives the unit names drawn on cards; when omitted they are read
    from ``units.yml``. Raises :class:`MediaError` (Vietnamese message) for a
    photo that cannot be decoded; never writes the original file.
    """
    if units is None:
        units = _load_units(root, options)
    cache = os.path.join(root, options.cache_dir, "media")
    os.makedirs(cache, exist_ok=True)
    plan: list[tuple[Profile, str | None, str]] = []
    jobs: list[_Job] = []
    for p in sorted(profiles, key=lambda p: p.path):
        job, photo_entry, card_entry = _plan(root, cache, p, options, units)
        plan.append((p, photo_entry, card_entry))
        if job.photo_dir or job.card_dir:
            jobs.append(job)
    _run(jobs)
    used = set()
    for p, photo_entry, card_entry in plan:
        out = os.path.join(site_dir, *_dir_url(p).rstrip("/").split("/"))
        os.makedirs(out, exist_ok=True)
        for entry in (photo_entry, card_entry):
            if entry is None:
                continue
            used.add(os.path.basename(entry))
            # Copies, not hard links: nothing written into the site later can
            # then alter the cache through a shared inode.
            for name in sorted(os.listdir(entry)):
                shutil.copyfile(os.path.join(entry, name), os.path.join(out, name))
            os.utime(entry)  # "last used", for pruning
    prune(cache, keep=used)


def prune(cache: str, keep: set[str], max_age_days: float = PRUNE_DAYS) -> None:
    """Drop cache entries unused for ``max_age_days`` (the clock only ages the
    cache; it never changes what a build writes)."""
    limit = time.time() - max_age_days * 86400
    for entry in os.scandir(cache):
        if entry.name in keep or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            old = entry.stat(follow_symlinks=False).st_mtime < limit
        except OSError:
            continue
        if old:
            shutil.rmtree(entry.path, ignore_errors=True)


def _plan(
    root: str, cache: str, p: Profile, options: Options, units: dict[str, Unit],
) -> tuple[_Job, str | None, str]:
    src = os.path.join(root, p.photo) if p.photo else None
    source_hash = ""
    sizes: tuple[tuple[int, int], ...] = ()
    if src:
        ps = photo_set(root, p)
        assert ps is not None
        sizes = tuple((v.width, v.height) for v in ps.jpeg)
        st = os.stat(src)
        source_hash = _source_hash(src, st.st_mtime_ns, st.st_size)
    unit = units.get(p.unit)
    spec = cards.CardSpec(
        name=p.name,
        unit=unit.name if unit else p.unit,
        column=options.column_name,
        department=options.department,
        kind=KINDS[p.kind].label,
        field=p.field,
        field_label=FIELDS[p.field].label,
        sectors=tuple(s for s in SECTORS if s in p.sectors),
    )
    photo_entry = None
    if src:
        key = _key("photo", _code_hash(), source_hash, repr(sizes), repr(JPEG_OPTS),
                   repr(WEBP_OPTS))
        photo_entry = os.path.join(cache, f"photo-{key}")
    card_key = _key("card", _code_hash(), cards.fonts_hash(), source_hash, repr(spec),
                    repr(CARD_OPTS))
    card_entry = os.path.join(cache, f"card-{card_key}")
    job = _Job(
        rel=p.photo, src=src, sizes=sizes,
        photo_dir=photo_entry if photo_entry and not os.path.isdir(photo_entry) else None,
        card_dir=card_entry if not os.path.isdir(card_entry) else None,
        card=spec,
    )
    return job, photo_entry, card_entry


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
    photo = _load(job.src, job.rel, job.sizes) if job.src else None
    if job.photo_dir and photo is not None:
        files = {}
        small = photo
        # Largest first, each from the one before: a quarter of the work for the
        # smaller one, and Lanczos from 2x loses nothing visible.
        for w, h in reversed(job.sizes):
            small = _resized(small, w, h)
            files[f"anh-{w}.webp"] = _encode(small, "WEBP", WEBP_OPTS)
            files[f"anh-{w}.jpg"] = _encode(small, "JPEG", JPEG_OPTS)
        _store(job.photo_dir, files)
    if job.card_dir:
        card = cards.draw_card(job.card, photo)
        _store(job.card_dir, {CARD_NAME: _encode(card, "JPEG", CARD_OPTS)})


def _load(src: str, rel: str | None, sizes: tuple[tuple[int, int], ...]) -> Image.Image:
    """Decode, turn upright, convert to 8-bit sRGB RGB; no metadata survives."""
    name = rel or src
    try:
        with Image.open(src, formats=_FORMATS) as im:
            if im.width * im.height > photos.MAX_PIXELS:
                raise MediaError(_message(name, "ảnh quá nhiều điểm ảnh"))
            # JPEG can decode at 1/2, 1/4, 1/8 scale: keep twice the largest
            # variant so the final Lanczos pass still has detail to work with.
            upright_w = im.height if im.getexif().get(_ORIENTATION, 1) in _SWAPS_AXES else im.width
            need = max(w for w, _ in sizes) * 2
            if upright_w > need:
                f = need / upright_w
                im.draft(None, (math.ceil(im.width * f), math.ceil(im.height * f)))
            im.load()
            icc = im.info.get("icc_profile")
            upright = ImageOps.exif_transpose(im)
    except MediaError:
        raise
    except Image.DecompressionBombError:
        raise MediaError(_message(name, "ảnh quá nhiều điểm ảnh")) from None
    except Exception:
        raise MediaError(_message(name, "ảnh bị hỏng hoặc không đọc được")) from None
    rgb = _to_srgb(upright, icc)
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)  # a fresh image: no info dict, no EXIF/XMP/ICC carried along
    return clean


def _to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-bit grey: scale to 8 bits (a plain convert would clip at 255).
        im = im.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    elif im.mode == "F":
        im = im.point(lambda v: v * 255).convert("L")
    if im.mode in ("P", "PA"):
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "La", "RGBa"):
        im = im.convert("RGBA")
        flat = Image.new("RGBA", im.size, (255, 255, 255, 255))
        flat.alpha_composite(im)
        im = flat.convert("RGB")
    if icc and im.mode in ("RGB", "CMYK", "L"):
        try:
            src_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(
                im, src_profile, _srgb(), renderingIntent=ImageCms.Intent.PERCEPTUAL,
                outputMode="RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to the plain conversion below
    # CMYK without a profile: Pillow's plain conversion (it already undoes the
    # inverted CMYK that Adobe software writes in JPEGs).
    return im.convert("RGB")


@lru_cache(maxsize=1)
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _resized(im: Image.Image, w: int, h: int) -> Image.Image:
    if im.size == (w, h):
        return im
    return im.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode(im: Image.Image, fmt: str, opts: dict) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **opts)
    return buf.getvalue()


def _store(entry: str, files: dict[str, bytes]) -> None:
    """Fill a cache entry atomically: a half-written entry is never seen."""
    parent = os.path.dirname(entry)
    tmp = tempfile.mkdtemp(prefix=".tmp-", dir=parent)
    for name, data in files.items():
        with open(os.path.join(tmp, name), "wb") as fh:
            fh.write(data)
    try:
        os.rename(tmp, entry)
    except OSError:  # another build filled it meanwhile: same inputs, same bytes
        shutil.rmtree(tmp, ignore_errors=True)


def _key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:40]


@lru_cache(maxsize=4096)
def _source_hash(path: str, mtime_ns: int, size: int) -> str:
    # Keyed on mtime and size too: `mkdocs serve` rebuilds hash only edited photos.
    return _file_hash(path)


def _file_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The drawing and encoding code itself is an input of every cached file."""
    here = os.path.dirname(os.path.abspath(__file__))
    return _key(*(_file_hash(os.path.join(here, n)) for n in ("media.py", "cards.py")),
                Image.__version__)


def _load_units(root: str, options: Options) -> dict[str, Unit]:
    from showcase.content.diagnostics import Collector
    from showcase.content.units import load_units

    rel = f"{options.profiles_dir}/units.yml"
    try:
        with open(os.path.join(root, rel), "rb") as fh:
            data = fh.read()
    except OSError:
        return {}
    # Only names are needed here: the check already reported any problem.
    units, _ = load_units(rel, data, Collector(), options.today or dt.date.max)
    return units
