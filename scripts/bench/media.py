"""Media figures: CPU per photo and per card, bytes and quality, the cold and cached step.

The micro-benchmark (:func:`per_photo`) times, in CPU seconds on one core,
the same work a build's worker does for the bench corpus's camera photo
(3000x2000 JPEG stored sideways with EXIF orientation 6): every variant and
the share card, with the cost of each step, and a card without a photo. The
variants' bytes and quality are measured on real photographs by
bench/photos.py, never on this generated one.

Then the whole step as a build runs it: every synthetic profile gets its own
phone-sized photo (2000x1500 JPEG with EXIF), so the cold run really decodes
and encodes each one (identical bytes would be served from the cache).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from PIL import Image

from bench import synth
from bench.measure import run_cmd
from showcase.content import corpus
from showcase.options import Options
from showcase.publish import markup
from showcase.publish.feeds import plan as feed
from showcase.publish.media import cards, imaging
from showcase.publish.media import jobs as media_jobs
from showcase.publish.media import plan as images

N = 50
TODAY = dt.date(2026, 11, 24)
SITE_URL = "https://example.gov.vn/guong-dien-hinh/"


def run(out: str) -> list[tuple[str, str]]:
    root = synth.generate(os.path.join(out, "media"), N, repo=os.getcwd(), photo_every=1)
    c = corpus.load(root, TODAY)
    public = c.public(TODAY)
    for i, p in enumerate(public):
        if p.photo:
            _phone_photo(os.path.join(root, p.photo), seed=i)
    options = Options()
    shutil.rmtree(os.path.join(root, options.cache_dir), ignore_errors=True)
    rows = []

    rows += per_photo(out)
    units = c.units

    # The whole step as a build runs it (process pool on both cores), cold then cached.
    site = os.path.join(out, "media-site")
    shutil.rmtree(site, ignore_errors=True)

    def publish() -> images.Manifest:
        manifest = images.prepare(root, options.cache_dir, public, units,
                                  options.column_name, options.department)
        images.write(manifest, site)
        return manifest

    t0, cpu0 = time.perf_counter(), _cpu()
    plan = images.plan_media(root, options.cache_dir, public, units, options.column_name,
                             options.department)
    t1 = time.perf_counter()
    with images.start(plan) as running:
        t2 = time.perf_counter()
        images.write(running.wait(), site)
    cold, cpu = time.perf_counter() - t0, _cpu() - cpu0
    rows.append(("media: plan_media (headers, keys) / start (returns)",
                 f"{(t1 - t0) * 1000:.0f} ms / {(t2 - t1) * 1000:.0f} ms"))
    rows.append((f"media: cold publish, {len(public)} profiles with photos",
                 f"{cold:.2f} s wall, {cpu:.2f} s CPU with the workers "
                 f"({cold / len(public) * 1000:.0f} ms per profile)"))
    shutil.rmtree(site)
    t0 = time.perf_counter()
    manifest = publish()
    warm = time.perf_counter() - t0
    rows.append((f"media: cached rebuild, {len(public)} profiles",
                 f"{warm * 1000:.0f} ms ({warm / len(public) * 1000:.1f} ms per profile)"))
    t0 = time.perf_counter()
    stories = {p.slug: markup.story(p.body) for p in public}
    column = feed.Column(options.column_name, options.department, options.feed_items)
    feed.plan_feeds(SITE_URL, public, units, column, TODAY, manifest, stories)
    rows.append((f"feeds: all 11 feeds, {len(public)} profiles",
                 f"{(time.perf_counter() - t0) * 1000:.0f} ms"))

    # The whole `showcase build` of that repository, cold cache then warm.
    shutil.rmtree(os.path.join(root, options.cache_dir), ignore_errors=True)
    cmd = [sys.executable, "-m", "showcase", "build", "--today", TODAY.isoformat()]
    for label in ("cold cache", "cached rebuild"):
        secs, mib, rc = run_cmd(cmd, root)
        rows.append((f"site build, {len(public)} profiles with photos: {label}",
                     f"{secs:.2f} s (exit {rc})"))
    return rows


SPEC = cards.CardSpec(
    name="Nguyễn Thị Ngọc Ánh", unit="Phòng Văn hóa và Thông tin thị xã Vĩnh Châu",
    column="Gương điển hình tiên tiến",
    department="Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng", kind="Cá nhân",
    field="social-life", field_label="Đời sống xã hội", sectors=("culture", "family"))
REPEAT = 12


def per_photo(out: str) -> list[tuple[str, str]]:
    """CPU per camera photo and per card, with the breakdown; bytes and SSIM per variant."""
    scratch = os.path.join(out, "media-micro")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    src = os.path.join(scratch, "camera.jpg")
    with open(src, "wb") as fh:  # the bench corpus's photo (bench.site)
        fh.write(synth._photo_bytes(size=(3000, 2000), rotated=True))
    sizes = _sizes(src)
    steps: dict[str, list[float]] = {}

    def step(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        t0 = time.process_time()
        value = fn(*args)
        steps.setdefault(name, []).append(time.process_time() - t0)
        return value

    whole, card_only = [], []
    for i in range(REPEAT + 2):  # the first two warm the caches a worker keeps
        spec = dataclasses.replace(SPEC, name=f"{SPEC.name} {i}")  # each card its own name
        t0 = time.process_time()
        media_jobs.make(media_jobs.Job("anh.jpg", src, sizes, os.path.join(scratch, f"p{i}"),
                                       os.path.join(scratch, f"c{i}"), spec))
        whole.append(time.process_time() - t0)
        t0 = time.process_time()
        media_jobs.make(media_jobs.Job(None, None, (), None, os.path.join(scratch, f"n{i}"), spec))
        card_only.append(time.process_time() - t0)
        photo = step("decode+resize", imaging.load, src, "anh.jpg", sizes)
        variants = step("480 from 960", imaging.variants, photo, sizes)
        for im, (w, _) in zip(variants, sizes, strict=True):
            step(f"webp {w}", imaging.encode, im, "WEBP", imaging.WEBP_OPTS)
            step(f"jpeg {w}", imaging.encode, im, "JPEG", imaging.JPEG_OPTS)
        card = step("card draw", cards.draw_card, spec, cards.panel_source(variants))
        step("card jpeg", imaging.encode, card, "JPEG", imaging.CARD_OPTS)
        bare = step("card draw (no photo)", cards.draw_card, spec, None)
        step("card jpeg (no photo)", imaging.encode, bare, "JPEG", imaging.CARD_OPTS)

    def ms(values: list[float]) -> float:
        return statistics.median(values[2:]) * 1000

    rows = [
        ("media: CPU per camera photo, all variants + card (1 core; goal <= 60 ms)",
         f"{ms(whole):.1f} ms"),
        ("media: CPU per photo-less card, draw + encode + store (goal <= 6 ms)",
         f"{ms(card_only):.2f} ms"),
        ("media: camera photo by step (ms)",
         ", ".join(f"{k} {ms(v):.1f}" for k, v in steps.items() if "no photo" not in k)),
        ("media: photo-less card by step (ms)",
         ", ".join(f"{k} {ms(v):.1f}" for k, v in steps.items() if "no photo" in k)),
    ]
    return rows


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _sizes(src: str) -> tuple[tuple[int, int], ...]:
    st = os.stat(src)
    return imaging.variant_sizes(*imaging.upright_size(src, st.st_mtime_ns, st.st_size, src))


def _phone_photo(path: str, seed: int) -> None:
    """A 2000x1500 JPEG with texture (noise) and GPS EXIF, like a phone's."""
    from PIL import ImageDraw

    im = Image.linear_gradient("L").resize((2000, 1500))
    noise = Image.effect_noise((2000, 1500), 40 + seed % 20)
    im = Image.merge("RGB", (im, noise, Image.radial_gradient("L").resize((2000, 1500))))
    d = ImageDraw.Draw(im)
    d.ellipse((200 + seed * 10, 300, 900 + seed * 10, 1000), fill=(240, 200, 80))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (9.0, 36.0, float(seed))
    im.save(path, "JPEG", quality=90, exif=exif)
