"""Issue 2 goal: 10,000 profiles checked in under 3 s, under 500 MiB."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from showcase.bench import synth

SIZES = (1_000, 10_000)
_CHILD = (
    "import resource,sys,time; from showcase.cli import main; t=time.perf_counter(); "
    "rc=main(['check','--today','2026-11-24']); "
    "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024, rc, "
    "file=sys.stderr)"
)


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows = []
    for n in SIZES:
        root = synth.generate(os.path.join(out, f"check-{n}"), n, repo=repo, photo_every=50)
        t0 = time.perf_counter()
        p = subprocess.run([sys.executable, "-c", _CHILD], cwd=root, capture_output=True,
                           text=True, check=False)
        wall = time.perf_counter() - t0
        secs, mib, rc = p.stderr.strip().splitlines()[-1].split()
        rows.append((f"check {n:>6} profiles: time", f"{float(secs):.2f} s (exit {rc})"))
        rows.append((f"check {n:>6} profiles: whole command", f"{wall:.2f} s"))
        rows.append((f"check {n:>6} profiles: peak memory", f"{float(mib):.0f} MiB"))
    return rows
