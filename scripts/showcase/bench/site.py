"""Issue 4 figures: the whole ``showcase build`` at 1,000 and 10,000 profiles.

For each size, in a fresh synthetic repository (every 50th profile with a
photo): a cold build (empty media cache, no previous site: every share card
and photo variant is made), then a rebuild of the unchanged content (media
from the cache, the previous site replaced), each in its own process for
time and peak memory (the process and its image workers). Then the sizes
that must not grow with the corpus: the search bundle (``pagefind/``, per
profile; a query fetches only a few of its chunks) and the HTML of the same
profile page at both sizes.

Goals (2 cores): 1,000 profiles <= 12 s, 10,000 <= 120 s, < 1 GiB, the
profile page the same size at both sizes.
"""

from __future__ import annotations

import os
import subprocess
import sys

from showcase.bench import synth

SIZES = (1_000, 10_000)
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


def _build(root: str) -> tuple[float, float, int]:
    p = subprocess.run([sys.executable, "-c", _CHILD], cwd=root, capture_output=True, text=True,
                       check=False)
    line = [ln for ln in p.stderr.splitlines() if ln.startswith("BENCH ")]
    if not line:
        print(p.stderr[-3000:], file=sys.stderr)
        return float("nan"), float("nan"), -1
    _, secs, mib, rc = line[-1].split()
    return float(secs), float(mib), int(rc)


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows: list[tuple[str, str]] = []
    page_sizes = {}
    for n in SIZES:
        root = synth.generate(os.path.join(out, f"site-{n}"), n, repo=repo, photo_every=50)
        for label in ("cold build", "rebuild"):
            secs, mib, rc = _build(root)
            rows.append((f"build {n:>6} profiles: {label} time", f"{secs:.1f} s (exit {rc})"))
            rows.append((f"build {n:>6} profiles: {label} peak memory", f"{mib:.0f} MiB"))
        site = os.path.join(root, "site")
        bundle = os.path.join(site, "pagefind")
        index = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(bundle)
                    for f in fs)
        profiles = sum(1 for _ in os.scandir(os.path.join(site, "ho-so")))
        pages = sum(1 for _, _, files in os.walk(site) for f in files if f == "index.html")
        page_sizes[n] = os.path.getsize(os.path.join(site, PAGE))
        rows.append((f"build {n:>6} profiles: pages written", f"{pages}"))
        # Pagefind's bundle (chunks a query fetches a few of; see bench/search_scale.py)
        rows.append((f"build {n:>6} profiles: search bundle (pagefind/)",
                     f"{index / 1e6:.2f} MB ({index / profiles:.0f} B per public profile)"))
        rows.append((f"build {n:>6} profiles: profile page HTML", f"{page_sizes[n]} B ({PAGE})"))
    if len(page_sizes) == 2:
        a, b = (page_sizes[n] for n in SIZES)
        rows.append(("profile page HTML growth 1k -> 10k", f"{b - a:+d} B ({(b - a) / a:+.1%})"))
    return rows
