"""Two choices of the build cache, measured where they would matter: warm builds.

``store/`` links the site's pages, photo variants, cards and search index to
the cache (hard links checked by their seals) rather than copying them, and the
build no longer calls ``gc.freeze``. Each is measured against its alternative on
the realistic corpus (``site.corpus``, ``BENCH_CORPUS`` reused) at every size:

as shipped        ``showcase build``, as a user types it
copies            the same build in a process where every ``os.link`` fails,
                  so the code's own fallback copies each file into the site
gc disabled       the same build with Python's collector off altogether: the
                  most ``gc.freeze`` (or any collector tuning) could save

One priming build first (the corpus may come from another bench, with another
cache), then ``BENCH_RUNS`` rounds of the three, their order turning each
round; every build the whole process timed from outside (``measure.timed``).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys

from bench import measure, site

_RUN = ("sys.argv = ['showcase', 'build', '--today', %r]\n"
        "runpy.run_module('showcase', run_name='__main__', alter_sys=True)\n")
_NO_LINKS = ("import os, runpy, sys\n"
             "def _no_link(*args, **kwargs):\n"
             "    raise OSError(18, 'links refused by the bench')\n"
             "os.link = _no_link\n")
_NO_GC = "import gc, runpy, sys\ngc.disable()\n"
VARIANTS = (
    ("as shipped", list(site.COMMAND)),
    ("copies", [sys.executable, "-c", _NO_LINKS + _RUN % site.TODAY]),
    ("gc disabled", [sys.executable, "-c", _NO_GC + _RUN % site.TODAY]),
)


def _warm(cmd: list[str], root: str) -> tuple[measure.Usage, float]:
    shutil.rmtree(os.path.join(root, "site"), ignore_errors=True)
    load = measure.load()
    return measure.timed(cmd, root), load


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows = []
    for n in site.SIZES:
        root = site.corpus(out, n, repo)
        _warm(VARIANTS[0][1], root)  # priming: the cache this checkout makes
        got: dict[str, list[tuple[measure.Usage, float]]] = {}
        for _, name, _ in measure.interleave([v[0] for v in VARIANTS], site.RUNS, ("warm",)):
            got.setdefault(name, []).append(_warm(dict(VARIANTS)[name], root))
        for name, runs in got.items():
            codes = sorted({u.rc for u, _ in runs})
            rows.append((f"cache {n:>6}: warm, {name}",
                         f"{measure.spread([u.wall for u, _ in runs]).text(digits=2)} wall, "
                         f"{statistics.median(u.cpu for u, _ in runs):.2f} s CPU, "
                         f"{max(u.mib for u, _ in runs):.0f} MiB peak (exit {codes}, "
                         f"load {statistics.median(ld for _, ld in runs):.1f})"))
    return rows
