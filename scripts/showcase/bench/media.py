"""Issue 5 figures: share cards and photo variants per profile, and the cached rebuild.

Every synthetic profile gets its own phone-sized photo (2000x1500 JPEG with
EXIF), so the cold run really decodes and encodes each one (identical bytes
would be served from the cache after the first).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time

from showcase.bench import synth
from showcase.bench.measure import run_cmd
from showcase.content import corpus
from showcase.options import Options
from showcase.publish import cards, imaging, markup
from showcase.publish import feeds as feed
from showcase.publish import media as images

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

    # One core, one step at a time: the cost of each kind of work, through the
    # same functions a build uses (cache entries in a scratch folder).
    sample = [p for p in public if p.photo][:10]
    units = c.units
    scratch = os.path.join(out, "media-scratch")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    t_photo = t_card = 0.0
    for i, p in enumerate(sample):
        ps = images.photo_set(root, p)
        assert ps is not None and p.photo
        sizes = tuple((v.width, v.height) for v in ps.jpeg)
        spec = cards.CardSpec(p.name, units[p.unit].name, options.column_name,
                              options.department, "Cá nhân", p.field, p.field, p.sectors)
        src = os.path.join(root, p.photo)
        t0 = time.perf_counter()
        images._make(images._Job(p.photo, src, sizes, os.path.join(scratch, f"p{i}"), None,
                                 spec))
        t1 = time.perf_counter()
        photo = imaging.load(src, p.photo, sizes)
        t2 = time.perf_counter()
        imaging.encode(cards.draw_card(spec, photo), "JPEG", imaging.CARD_OPTS)
        t_card += time.perf_counter() - t2
        t_photo += t1 - t0
    rows.append(("media: photo variants per profile, 1 core (decode 2000x1500, "
                 "2 widths x WebP+JPEG)", f"{t_photo / len(sample) * 1000:.0f} ms"))
    rows.append(("media: share card per profile, 1 core (draw + encode)",
                 f"{t_card / len(sample) * 1000:.0f} ms"))

    # The whole step as a build runs it (process pool on both cores), cold then cached.
    site = os.path.join(out, "media-site")
    shutil.rmtree(site, ignore_errors=True)

    def publish() -> images.Manifest:
        manifest = images.prepare(root, options.cache_dir, public, units,
                                  options.column_name, options.department)
        images.write(manifest, site)
        return manifest

    t0 = time.perf_counter()
    publish()
    cold = time.perf_counter() - t0
    rows.append((f"media: cold publish, {len(public)} profiles with photos",
                 f"{cold:.2f} s ({cold / len(public) * 1000:.0f} ms per profile)"))
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


def _phone_photo(path: str, seed: int) -> None:
    """A 2000x1500 JPEG with texture (noise) and GPS EXIF, like a phone's."""
    from PIL import Image, ImageDraw

    im = Image.linear_gradient("L").resize((2000, 1500))
    noise = Image.effect_noise((2000, 1500), 40 + seed % 20)
    im = Image.merge("RGB", (im, noise, Image.radial_gradient("L").resize((2000, 1500))))
    d = ImageDraw.Draw(im)
    d.ellipse((200 + seed * 10, 300, 900 + seed * 10, 1000), fill=(240, 200, 80))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (9.0, 36.0, float(seed))
    im.save(path, "JPEG", quality=90, exif=exif)
