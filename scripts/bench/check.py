"""Issue 2 goal: 10,000 profiles checked in under 3 s, under 500 MiB.

Issue 16 adds the photos: every photo is decoded by the check, and the verdict
cached by content. Measured on 10,000 profiles as the column has them (issue
14: stories of 400-1,200 words, a third with a 3000x2000 camera photo of its
own): a first (cold) check, then a second one that finds every verdict and
every unchanged profile in the cache, then one after every file was touched
(a fresh CI checkout: files are hashed again, not decoded). Each check is
the whole command timed from the outside, ``BENCH_RUNS`` times (median, range).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys

from bench import measure, site, synth

SIZES = site.SIZES  # BENCH_SIZES, default 1,000 and 10,000
COMMAND = [sys.executable, "-m", "showcase", "check", "--today", site.TODAY]
CACHE = ".showcase-cache"


def _check(root: str) -> tuple[measure.Usage, float]:
    """One ``showcase check``, timed from the outside, and the load at its start."""
    load = measure.load()
    use = measure.timed(COMMAND, root)
    return use, load


def _row(runs: list[tuple[measure.Usage, float]]) -> str:
    codes = sorted({u.rc for u, _ in runs})
    return (f"{measure.spread([u.wall for u, _ in runs]).text(digits=2)}, "
            f"{max(u.mib for u, _ in runs):.0f} MiB peak (exit {codes}, "
            f"load {statistics.median(ld for _, ld in runs):.1f})")


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows = []
    for n in SIZES:
        root = synth.generate(os.path.join(out, f"check-{n}"), n, repo=repo, photo_every=50)
        runs = []
        for _ in range(site.RUNS):
            shutil.rmtree(os.path.join(root, CACHE), ignore_errors=True)
            runs.append(_check(root))
        rows.append((f"check {n:>6} profiles, no cache: whole command", _row(runs)))
    n = SIZES[-1]
    root = site.corpus(out, n, repo)  # the build bench's corpus (BENCH_CORPUS reused)
    phases = ("cold cache", "warm cache", "files touched")
    got: dict[str, list[tuple[measure.Usage, float]]] = {}
    for _, _, label in measure.interleave(["check"], site.RUNS, phases):
        if label == "cold cache":
            shutil.rmtree(os.path.join(root, CACHE), ignore_errors=True)
        if label == "files touched":
            for folder, _, names in os.walk(os.path.join(root, "profiles")):
                for name in names:
                    os.utime(os.path.join(folder, name))
        got.setdefault(label, []).append(_check(root))
    rows += [(f"check {n:>6} profiles, 1/3 with photos, {label}", _row(got[label]))
             for label in phases]
    return rows
