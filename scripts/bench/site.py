"""Issue 14 figures: cold, warm and one-edit builds of a corpus that looks like the column.

For each size (``BENCH_SIZES``, default 1,000 and 10,000), a synthetic
repository: stories of 400-1,200 words with headings, lists and links, a
third of the profiles with a camera photo of its own (3000x2000 JPEG, stored
sideways with EXIF orientation 6). Each build is the command ``showcase
build`` in its own process, timed from the outside as the peers' are
(``measure.timed``: wall clock around the whole process, CPU and peak memory
from ``wait4``), ``BENCH_RUNS`` rounds (default 3) of the three builds below,
reported as median and range; the phases the build reports itself through
``SHOWCASE_TIMINGS`` (and the peaks of the build process and of its image
workers) are details beside them, never the headline figure:

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
import statistics
import subprocess
import sys
import tempfile
from typing import Any

from bench import measure, synth

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PHASES = ("cold", "warm", "one edit")

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
TODAY = "2026-11-24"
PAGE = os.path.join("ho-so", "ho-so-000042", "index.html")  # public at both sizes
COMMAND = (sys.executable, "-m", "showcase", "build", "--today", TODAY)


def corpus(out: str, n: int, repo: str) -> str:
    """The realistic corpus of ``n`` profiles (also used by the peer and check benches).

    Stories of 400-1,200 words, a third of the profiles with a 3000x2000
    camera photo stored sideways. ``BENCH_PHOTO_SIZE`` (e.g. ``800x600``) and
    ``BENCH_WORDS`` (e.g. ``200-500``) make another corpus, such as the one
    issue 14 first measured. ``BENCH_CORPUS``: a folder holding ``site-<n>``
    corpora (e.g. an earlier ``BENCH_DIR``) whose profiles are hard-linked
    instead of generated again (about ten minutes at 10,000).
    """
    source = os.environ.get("BENCH_CORPUS")
    if source:
        return _linked(source, out, n, repo)
    size = os.environ.get("BENCH_PHOTO_SIZE")
    low, high = os.environ.get("BENCH_WORDS", "400-1200").split("-")
    photo_size = None
    if size:
        w, h = size.lower().split("x")
        photo_size = (int(w), int(h))
    return synth.generate(os.path.join(out, f"site-{n}"), n, repo=repo, photo_every=3,
                          distinct_photos=True, camera=True, words=(int(low), int(high)),
                          photo_size=photo_size)


def _linked(source: str, out: str, n: int, repo: str) -> str:
    root = os.path.join(out, f"site-{n}")
    if os.path.abspath(os.path.join(source, f"site-{n}")) == os.path.abspath(root):
        return root  # the corpus is already here (BENCH_CORPUS is BENCH_DIR)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    # Profiles linked, never written in place (``_edit`` replaces the file it
    # edits); the configuration and pages come from this checkout.
    subprocess.run(["cp", "-al", os.path.join(source, f"site-{n}", "profiles"), root], check=True)
    shutil.copy(os.path.join(repo, "mkdocs.yml"), root)
    shutil.copytree(os.path.join(repo, "content"), os.path.join(root, "content"))
    return root


def _build(root: str) -> tuple[measure.Usage, float, dict[str, Any]]:
    """One ``showcase build`` of ``root``, timed from the outside (``measure.timed``);
    the load average at its start and the phases it reported (``SHOWCASE_TIMINGS``)."""
    fd, timings = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    fd, log = tempfile.mkstemp(suffix=".log")
    os.close(fd)
    env = {**os.environ, "SHOWCASE_TIMINGS": timings}
    load = measure.load()
    try:
        use = measure.timed(list(COMMAND), root, log, env)
        with open(timings, encoding="utf-8") as fh:
            text = fh.read()
        if use.rc:
            with open(log, encoding="utf-8", errors="replace") as fh:
                print(fh.read()[-3000:], file=sys.stderr)
    finally:
        os.remove(timings)
        os.remove(log)
    return use, load, json.loads(text) if text else {}


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


def _rows(label: str, runs: list[tuple[measure.Usage, float, dict[str, Any]]]
          ) -> list[tuple[str, str]]:
    """Time (median and range), memory (the largest of the runs) and phases (medians)."""
    codes = sorted({u.rc for u, _, _ in runs})
    load = statistics.median(ld for _, ld, _ in runs)
    wall = measure.spread([u.wall for u, _, _ in runs])
    cpu = statistics.median(u.cpu for u, _, _ in runs)
    rows = [(f"{label} time", f"{wall.text()}, {cpu:.1f} s CPU (exit {codes}, "
                              f"load {load:.1f})")]
    worst = max(runs, key=lambda r: r[0].mib)
    rows += _memory(label, worst[0].mib, worst[2])
    seconds: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    for _, _, t in runs:
        for name, v in t.get("seconds", {}).items():
            seconds.setdefault(name, []).append(v)
        for name, v in t.get("cpu", {}).items():
            cpus.setdefault(name, []).append(v)
    med = {name: statistics.median(v) for name, v in seconds.items()}
    rows += [(f"{label} phase {name}", f"{t:.2f} s"
              + (f" ({statistics.median(cpus[name]):.2f} s CPU)" if name in cpus else ""))
             for name, t in sorted(med.items(), key=lambda kv: -kv[1])]
    return rows


def _edit(root: str) -> None:
    folder = os.path.join(root, "profiles", "don-vi-01")
    path = os.path.join(folder, sorted(os.listdir(folder))[0])
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    # A new file, not an append: the profile may be a hard link into BENCH_CORPUS.
    os.remove(path)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text + "\nMột câu mới do Ban biên tập thêm vào khi duyệt hồ sơ.\n")


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows: list[tuple[str, str]] = []
    page_sizes = {}
    for n in SIZES:
        root = corpus(out, n, repo)
        got: dict[str, list[tuple[measure.Usage, float, dict[str, Any]]]] = {}
        for _, _, label in measure.interleave(["ours"], RUNS, PHASES):
            if label == "cold":
                shutil.rmtree(os.path.join(root, ".showcase-cache"), ignore_errors=True)
            if label == "one edit":
                _edit(root)
            shutil.rmtree(os.path.join(root, "site"), ignore_errors=True)
            got.setdefault(label, []).append(_build(root))
        for label in PHASES:
            rows += _rows(f"build {n:>6}: {label}", got[label])
        site = os.path.join(root, "site")
        bundle = os.path.join(site, "tim-kiem")
        index = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(bundle)
                    for f in fs)
        profiles = sum(1 for _ in os.scandir(os.path.join(site, "ho-so")))
        pages = sum(1 for _, _, files in os.walk(site) for f in files if f == "index.html")
        rows.append((f"build {n:>6}: pages written", f"{pages}"))
        rows.append((f"build {n:>6}: search index (tim-kiem/)",
                     f"{index / 1e6:.2f} MB ({index / profiles:.0f} B per public profile)"))
        if os.path.exists(os.path.join(site, PAGE)):  # a corpus of 43 profiles or more
            page_sizes[n] = os.path.getsize(os.path.join(site, PAGE))
            rows.append((f"build {n:>6}: profile page HTML", f"{page_sizes[n]} B ({PAGE})"))
    if len(page_sizes) == 2:
        a, b = (page_sizes[n] for n in SIZES)
        rows.append(("profile page HTML growth", f"{b - a:+d} B ({(b - a) / a:+.1%})"))
    return rows
