"""Issue 2 goal: 10,000 profiles checked in under 3 s, under 500 MiB.

Issue 16 adds the photos: every photo is decoded by the check, and the verdict
cached by content. Measured on 10,000 profiles as the column has them (issue
14: stories of 400-1,200 words, a third with a 3000x2000 camera photo of its
own): a first (cold) check, then a second one that finds every verdict and
every unchanged profile in the cache, then one after every file was touched
(a fresh CI checkout: files are hashed again, not decoded).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench import measure, site, synth

SIZES = site.SIZES  # BENCH_SIZES, default 1,000 and 10,000
_CHILD = (
    "import resource,sys,time; from showcase.cli import main; t=time.perf_counter(); "
    "rc=main(['check','--today','2026-11-24']); "
    "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024, rc, "
    "file=sys.stderr)"
)


def _check(root: str) -> tuple[float, float, float, str]:
    t0 = time.perf_counter()
    p = subprocess.run(measure.fresh([sys.executable, "-c", _CHILD]), cwd=root,
                       capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    secs, mib, rc = p.stderr.strip().splitlines()[-1].split()
    return float(secs), wall, float(mib), rc


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows = []
    for n in SIZES:
        root = synth.generate(os.path.join(out, f"check-{n}"), n, repo=repo, photo_every=50)
        secs, wall, mib, rc = _check(root)
        rows.append((f"check {n:>6} profiles: time", f"{secs:.2f} s (exit {rc})"))
        rows.append((f"check {n:>6} profiles: whole command", f"{wall:.2f} s"))
        rows.append((f"check {n:>6} profiles: peak memory", f"{mib:.0f} MiB"))
    n = SIZES[-1]
    root = synth.generate(os.path.join(out, f"check-{n}-photos"), n, repo=repo, photo_every=3,
                          distinct_photos=True, camera=True, words=(400, 1200))
    for label in ("cold cache", "warm cache", "files touched"):
        if label == "files touched":
            for folder, _, names in os.walk(os.path.join(root, "profiles")):
                for name in names:
                    os.utime(os.path.join(folder, name))
        secs, wall, mib, rc = _check(root)
        rows.append((f"check {n:>6} profiles, 1/3 with photos, {label}",
                     f"{secs:.2f} s (exit {rc}), {mib:.0f} MiB"))
    return rows
