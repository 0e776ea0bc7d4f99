"""Issue 14 figures: cold, warm and one-edit builds of a corpus that looks like the column.

For each size (``BENCH_SIZES``, default 1,000 and 10,000), a synthetic
repository: stories of 400-1,200 words with headings, lists and links, a
third of the profiles with a camera photo of its own (3000x2000 JPEG, stored
sideways with EXIF orientation 6). Each build runs ``showcase build`` in its
own process (time, peak memory of the process and its image workers, and
the phases the build reports through ``SHOWCASE_TIMINGS``):

cold      no site, no ``.showcase-cache/``: every variant, card, story, page
warm      the cache kept, the site removed (a CI deploy with the cache restored)
one edit  one profile's story changed, then built with the cache

Goals (2 cores; peer = Material blog + rss plugin on the same corpus):
cold <= 0.5x the peer, warm <= 0.15x the peer at 1,000, <= 1 GiB at 10,000.
Then the sizes that must not grow with the corpus: the search bundle and
the HTML of the same profile page at both sizes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from typing import Any

from bench import measure, synth

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
TODAY = "2026-11-24"
PAGE = os.path.join("ho-so", "ho-so-000042", "index.html")  # public at both sizes
_CHILD = (
    "import resource,sys,time\n"
    "from showcase.cli import main\n"
    "t=time.perf_counter()\n"
    "rc=main(['build','--today','" + TODAY + "'])\n"
    "secs=time.perf_counter()-t\n"
    "peak=max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "print('BENCH', secs, peak/1024, rc, file=sys.stderr)\n"
)


def corpus(out: str, n: int, repo: str) -> str:
    """The realistic corpus of ``n`` profiles (also used by the check bench).

    Stories of 400-1,200 words, a third of the profiles with a 3000x2000
    camera photo stored sideways. ``BENCH_PHOTO_SIZE`` (e.g. ``800x600``) and
    ``BENCH_WORDS`` (e.g. ``200-500``) make another corpus, such as the one
    issue 14 first measured.
    """
    size = os.environ.get("BENCH_PHOTO_SIZE")
    low, high = os.environ.get("BENCH_WORDS", "400-1200").split("-")
    photo_size = None
    if size:
        w, h = size.lower().split("x")
        photo_size = (int(w), int(h))
    return synth.generate(os.path.join(out, f"site-{n}"), n, repo=repo, photo_every=3,
                          distinct_photos=True, camera=True, words=(int(low), int(high)),
                          photo_size=photo_size)


def _build(root: str) -> tuple[float, float, int, dict[str, Any]]:
    fd, timings = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    env = {**os.environ, "SHOWCASE_TIMINGS": timings}
    p = subprocess.run(measure.fresh([sys.executable, "-c", _CHILD]), cwd=root,
                       capture_output=True, text=True, check=False, env=env)
    line = [ln for ln in p.stderr.splitlines() if ln.startswith("BENCH ")]
    with open(timings, encoding="utf-8") as fh:
        text = fh.read()
    os.remove(timings)
    phases: dict[str, Any] = json.loads(text) if text else {}
    if not line:
        print(p.stderr[-3000:], file=sys.stderr)
        return float("nan"), float("nan"), -1, phases
    _, secs, mib, rc = line[-1].split()
    return float(secs), float(mib), int(rc), phases


def _memory(label: str, mib: float, timings: dict[str, Any]) -> list[tuple[str, str]]:
    """The largest process's peak, the build process's and the phase it was reached
    in, the media workers' (each), and the most all of them can hold at once."""
    peaks: dict[str, float] = timings.get("peak_mib", {})
    main = max(peaks.values(), default=0.0)
    where = next((name for name, p in peaks.items() if p >= main), "?")
    workers = float(timings.get("workers_peak_mib", 0.0))
    return [(f"{label} peak memory", f"{mib:.0f} MiB (the largest process)"),
            (f"{label} peak memory, build process", f"{main:.0f} MiB (reached in: {where})"),
            (f"{label} peak memory, each media worker", f"{workers:.0f} MiB"),
            (f"{label} peak memory, all processes", f"at most {main + 2 * workers:.0f} MiB")]


def _edit(root: str) -> None:
    folder = os.path.join(root, "profiles", "don-vi-01")
    path = os.path.join(folder, sorted(os.listdir(folder))[0])
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\nMột câu mới do Ban biên tập thêm vào khi duyệt hồ sơ.\n")


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows: list[tuple[str, str]] = []
    page_sizes = {}
    for n in SIZES:
        root = corpus(out, n, repo)
        for label in ("cold", "warm", "one edit"):
            if label == "cold":
                shutil.rmtree(os.path.join(root, ".showcase-cache"), ignore_errors=True)
            if label == "one edit":
                _edit(root)
            shutil.rmtree(os.path.join(root, "site"), ignore_errors=True)
            secs, mib, rc, timings = _build(root)
            rows.append((f"build {n:>6}: {label} time", f"{secs:.1f} s (exit {rc})"))
            rows += _memory(f"build {n:>6}: {label}", mib, timings)
            cpu = timings.get("cpu", {})
            rows += [(f"build {n:>6}: {label} phase {name}",
                      f"{t:.2f} s" + (f" ({cpu[name]:.2f} s CPU)" if name in cpu else ""))
                     for name, t in sorted(timings.get("seconds", {}).items(),
                                           key=lambda kv: -kv[1])]
        site = os.path.join(root, "site")
        bundle = os.path.join(site, "tim-kiem")
        index = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(bundle)
                    for f in fs)
        profiles = sum(1 for _ in os.scandir(os.path.join(site, "ho-so")))
        pages = sum(1 for _, _, files in os.walk(site) for f in files if f == "index.html")
        page_sizes[n] = os.path.getsize(os.path.join(site, PAGE))
        rows.append((f"build {n:>6}: pages written", f"{pages}"))
        rows.append((f"build {n:>6}: search index (tim-kiem/)",
                     f"{index / 1e6:.2f} MB ({index / profiles:.0f} B per public profile)"))
        rows.append((f"build {n:>6}: profile page HTML", f"{page_sizes[n]} B ({PAGE})"))
    if len(page_sizes) == 2:
        a, b = (page_sizes[n] for n in SIZES)
        rows.append(("profile page HTML growth", f"{b - a:+d} B ({(b - a) / a:+.1%})"))
    return rows
