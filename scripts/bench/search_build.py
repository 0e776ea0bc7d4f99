"""Issue 13/14 figures: writing the search index at 1,000 and 10,000 profiles.

The realistic corpus (``bench/site.py``; ``BENCH_SEARCH_ROOT`` names a copy of
one already built, for a single size in ``BENCH_SEARCH_PROFILES``) is loaded
and planned once; its search records (the guides' too, from ``content/``)
are handed to a child process that reports, for ``search_bundle.write``:

- a fresh write (a cold build): CPU time of one core, peak memory of the
  process during the write (the records themselves included: the peak is
  reset once they are loaded, Linux's ``clear_refs``), files, bytes, gzip;
- a second write in the same process after one profile's story changed
  (what ``mkdocs serve`` does after an edit): CPU time.

Goals at 10,000: <= 5 s of one core and <= 300 MB for the fresh write,
<= 0.5 s for the second.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
import tempfile

from bench import site

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SEARCH_PROFILES", "1000,10000").split(","))
TODAY = dt.date(2026, 11, 24)
_CHILD = r"""
import dataclasses, gc, gzip, os, pickle, sys, time
from showcase.publish.search import bundle as search_bundle
with open(sys.argv[1], "rb") as fh:
    plan = pickle.load(fh)
gc.collect()
site = sys.argv[2]
def status(key):
    with open("/proc/self/status") as fh:
        return int(fh.read().split(key + ":")[1].split()[0])
base = status("VmRSS")
with open("/proc/self/clear_refs", "w") as fh:
    fh.write("5")  # the peak so far (unpickling, inherited) no longer counts
cpu = time.process_time()
w = search_bundle.write(plan, site, None)
fresh = time.process_time() - cpu
peak = status("VmHWM")
recs = list(plan.records)
i = next(i for i, r in enumerate(recs) if r.kind.value == "profile")
recs[i] = dataclasses.replace(recs[i], story=recs[i].story + ("Một câu mới do Ban biên tập thêm.",))
cpu = time.process_time()
search_bundle.write(dataclasses.replace(plan, records=tuple(recs)), site, None)
again = time.process_time() - cpu
packed = 0
for folder, _, names in os.walk(site):
    for name in names:
        with open(os.path.join(folder, name), "rb") as fh:
            packed += len(gzip.compress(fh.read(), 6))
print("BENCH", w.pages, w.files, w.bytes, packed, fresh, again, peak / 1024, base / 1024)
"""


def records(root: str) -> object:
    """The IndexPlan a build of ``root`` writes (guides rendered from content/ too)."""
    import markdown

    from showcase import pipeline
    from showcase.context import read_mkdocs_yml
    from showcase.publish.search import records as search_index

    config, options = read_mkdocs_yml(os.path.join(root, "mkdocs.yml"))
    loaded = pipeline.load(root, options, TODAY)
    plan = pipeline.plan(loaded, pipeline.site_of(config, options))
    guides = []
    content = os.path.join(root, "content")
    for name in sorted(os.listdir(content)):
        if name.endswith(".md") and name != "index.md":
            with open(os.path.join(content, name), encoding="utf-8") as fh:
                text = fh.read()
            title = next((ln[2:].strip() for ln in text.splitlines() if ln.startswith("# ")), name)
            guides.append(search_index.guide_record(
                name[:-3] + "/", title, markdown.markdown(text)))
    return search_index.IndexPlan(plan.search.records + tuple(guides))


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    rows: list[tuple[str, str]] = []
    for n in SIZES:
        given = os.environ.get("BENCH_SEARCH_ROOT")
        root = given if given and len(SIZES) == 1 else site.corpus(out, n, repo)
        with tempfile.TemporaryDirectory(prefix="search-build-") as tmp:
            path = os.path.join(tmp, "plan.pickle")
            with open(path, "wb") as fh:
                pickle.dump(records(root), fh)
            done = subprocess.run([sys.executable, "-c", _CHILD, path, os.path.join(tmp, "site")],
                                  capture_output=True, text=True, check=False)
        line = [ln for ln in done.stdout.splitlines() if ln.startswith("BENCH ")]
        if not line:
            print(done.stderr[-3000:], file=sys.stderr)
            rows.append((f"search index {n}", "failed"))
            continue
        _, docs, files, size, packed, fresh, again, peak, base = line[-1].split()
        label = f"search index {n:>6}"
        rows += [
            (f"{label}: records, files", f"{docs}, {files}"),
            (f"{label}: size on disk",
             f"{int(size) / 1e6:.2f} MB ({int(packed) / 1e6:.2f} MB gzip)"),
            (f"{label}: fresh write, CPU", f"{float(fresh):.2f} s (goal at 10,000: 5 s)"),
            (f"{label}: fresh write, peak memory",
             f"{float(peak):.0f} MiB ({float(base):.0f} MiB with the records alone; "
             "goal 300 MB)"),
            (f"{label}: second write after one edit, CPU",
             f"{float(again):.2f} s (goal at 10,000: 0.5 s)"),
        ]
    return rows
