"""The photo variants' encoder settings, chosen on real photographs.

Photographs: those Debian ships in ``mate-backgrounds`` (``apt-get install
mate-backgrounds``: /usr/share/backgrounds/mate/nature/, twelve camera photos,
1280-2560 px wide: water, grass, flowers, an insect, a storm sky, a beach, wood
and fabric); ``BENCH_PHOTOS`` (a glob) names others. ``gnome-backgrounds`` 43
ships drawings and renderings, no photograph, and the sample profiles' pictures
are flat drawings: neither says how photographs compress.

Each photo goes through the build's own steps (``imaging.load`` then
``imaging.variants``: upright, sRGB, the 960- and 480-px variants); each
candidate setting encodes each variant; the figures are its bytes, its SSIM
(``imagequality``: Gaussian 11x11 window, as published) against the variant
before encoding (so they measure the encoder alone), and the CPU time of the
encoding on one core (the least of ``REPEAT`` passes, the candidates taking
turns in each pass).

The photos are split in two halves by name (sorted; even places choose, odd
places check), and the rule was written down before any was measured
(:func:`better`): a candidate replaces the production setting only if, on the
choosing half, at *each* width it takes no more bytes and gives no lower mean
SSIM, with a clear gain at one width at least (3 % fewer bytes, or 0.002 more
SSIM), for at most 1.5x the encoding CPU; among several, the fewest bytes. The
winner must then pass the same rule on the checking half, or the production
setting stays.
"""

from __future__ import annotations

import glob
import os
import statistics
import time
from dataclasses import dataclass
from typing import Any

from PIL import Image

from bench.imagequality import ssim
from showcase.publish.media import imaging

PHOTOS = os.environ.get("BENCH_PHOTOS", "/usr/share/backgrounds/mate/nature/*.jpg")
REPEAT = int(os.environ.get("BENCH_PHOTO_REPEAT", "3"))
BYTES_GAIN, SSIM_GAIN, CPU_COST = 0.03, 0.002, 1.5


@dataclass(frozen=True)
class Setting:
    fmt: str  # "WEBP" or "JPEG"
    opts: tuple[tuple[str, Any], ...]

    @property
    def name(self) -> str:
        o = dict(self.opts)
        if self.fmt == "WEBP":
            return f"webp q{o['quality']} m{o['method']}"
        prog = " progressive" if o.get("progressive") else ""
        return f"jpeg q{o['quality']} {o['subsampling']}{prog}"


def setting(fmt: str, opts: dict[str, Any]) -> Setting:
    return Setting(fmt, tuple(sorted(opts.items())))


WEBP_NOW = setting("WEBP", imaging.WEBP_OPTS)
JPEG_NOW = setting("JPEG", imaging.JPEG_OPTS)
WEBP = [setting("WEBP", {**imaging.WEBP_OPTS, "quality": q, "method": m})
        for q in (70, 75, 78, 80, 85) for m in (0, 2, 4)]
JPEG = [setting("JPEG", {**imaging.JPEG_OPTS, "quality": q, "subsampling": s})
        for q in (75, 80, 82, 85, 90) for s in ("4:2:0", "4:4:4")]
JPEG.append(setting("JPEG", {**imaging.JPEG_OPTS, "progressive": True}))


@dataclass(frozen=True)
class Score:
    """A setting on a set of photos: per width, mean bytes and mean (and least) SSIM;
    the median CPU milliseconds to encode a photo's variants."""

    bytes: dict[int, float]
    ssim: dict[int, float]
    ssim_min: dict[int, float]
    cpu_ms: float


def better(cand: Score, now: Score) -> bool:
    """The rule written before measuring: never worse at any width, clearly better at
    one, and at most ``CPU_COST`` times the encoding time."""
    widths = sorted(now.bytes)
    if any(cand.bytes[w] > now.bytes[w] or cand.ssim[w] < now.ssim[w] for w in widths):
        return False
    gain = any(cand.bytes[w] <= (1 - BYTES_GAIN) * now.bytes[w]
               or cand.ssim[w] >= now.ssim[w] + SSIM_GAIN for w in widths)
    return gain and cand.cpu_ms <= CPU_COST * now.cpu_ms


def choose(now: Setting, choosing: dict[Setting, Score], checking: dict[Setting, Score]
           ) -> tuple[Setting, str]:
    """The setting to use and why: the best candidate that beats ``now`` on the
    choosing half and again on the checking half, else ``now``."""
    winners = [s for s, sc in choosing.items() if s != now and better(sc, choosing[now])]
    if not winners:
        return now, "no candidate beats it on the choosing half"
    best = min(winners, key=lambda s: sum(choosing[s].bytes.values()))
    if not better(checking[best], checking[now]):
        return now, f"{best.name} wins on the choosing half, not on the checking half"
    return best, "better on both halves"


@dataclass(frozen=True)
class Measured:
    bytes: int
    ssim: float
    cpu: float  # seconds


def measure_photo(path: str, settings: list[Setting]) -> dict[Setting, dict[int, Measured]]:
    """Every setting on each variant of one photo, as the build makes them."""
    with Image.open(path) as src:
        w, h = src.size
    sizes = imaging.variant_sizes(w, h)
    variants = imaging.variants(imaging.load(path, None, sizes), sizes)
    cpu: dict[tuple[Setting, int], float] = {}
    data: dict[tuple[Setting, int], bytes] = {}
    for _ in range(REPEAT):
        for s in settings:
            for im in variants:
                t = time.process_time()
                data[s, im.width] = imaging.encode(im, s.fmt, dict(s.opts))
                spent = time.process_time() - t
                cpu[s, im.width] = min(spent, cpu.get((s, im.width), spent))
    out: dict[Setting, dict[int, Measured]] = {}
    for s in settings:
        for im in variants:
            with Image.open(_bytes_io(data[s, im.width])) as back:
                back.load()
                q = ssim(back, im)
            out.setdefault(s, {})[im.width] = Measured(len(data[s, im.width]), q,
                                                      cpu[s, im.width])
    return out


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def score(per_photo: list[dict[Setting, dict[int, Measured]]], s: Setting) -> Score:
    widths = sorted(per_photo[0][s])
    got = [p[s] for p in per_photo]
    return Score(
        bytes={w: statistics.mean(m[w].bytes for m in got) for w in widths},
        ssim={w: statistics.mean(m[w].ssim for m in got) for w in widths},
        ssim_min={w: min(m[w].ssim for m in got) for w in widths},
        cpu_ms=statistics.median(sum(x.cpu for x in m.values()) for m in got) * 1000)


def halves(paths: list[str]) -> tuple[list[str], list[str]]:
    """(choosing, checking): the photos sorted by name, even places then odd ones."""
    ordered = sorted(paths)
    return ordered[0::2], ordered[1::2]


def _text(sc: Score) -> str:
    parts = [f"{w}: {sc.bytes[w] / 1024:.1f} KiB, SSIM {sc.ssim[w]:.4f} "
             f"(least {sc.ssim_min[w]:.4f})" for w in sorted(sc.bytes)]
    return "; ".join(parts) + f"; CPU {sc.cpu_ms:.1f} ms a photo"


def run(out: str) -> list[tuple[str, str]]:
    paths = glob.glob(PHOTOS)
    if len(paths) < 4:
        return [("photos", f"skipped: fewer than 4 photographs match {PHOTOS} "
                           "(apt-get install mate-backgrounds, or set BENCH_PHOTOS)")]
    choosing, checking = halves(paths)
    rows = [("photos: choosing half", ", ".join(os.path.basename(p) for p in choosing)),
            ("photos: checking half", ", ".join(os.path.basename(p) for p in checking))]
    for now, cands in ((WEBP_NOW, WEBP), (JPEG_NOW, JPEG)):
        settings = list(dict.fromkeys([now, *cands]))
        scores = []
        for half in (choosing, checking):
            measured = [measure_photo(p, settings) for p in half]
            scores.append({s: score(measured, s) for s in settings})
        for label, sc in zip(("choosing", "checking"), scores, strict=True):
            for s in settings:
                mark = " (production)" if s == now else ""
                rows.append((f"photos {label}: {s.name}{mark}", _text(sc[s])))
        chosen, why = choose(now, scores[0], scores[1])
        rows.append((f"photos: {now.fmt.lower()} setting",
                     f"{chosen.name} ({'kept' if chosen == now else 'instead of ' + now.name}:"
                     f" {why})"))
    return rows
