"""`make audit [PROFILES=n] [RUNS=r]`: Lighthouse scores on a phone.

Builds the sample content (plus tests/browser/extra_profiles), or with
PROFILES=n a synthetic corpus of n profiles (bench.synth, a third
with camera-sized photos), with site_url set to a local server; serves it
under /guong-dien-hinh/ with gzip (as any production server would); runs the
npm ``lighthouse`` from tests/browser/node_modules with its default phone
emulation and throttling in Debian's chromium (CHROME_PATH). Prints the four
category scores for the home page, a listing and a profile (the median of
RUNS runs, default 1), the main metrics and the bytes transferred; exits 1
when a score is under the bar (performance 95, the others 100). Lighthouse's
figures depend on a quiet machine: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))  # tests/: its conftest gives copy_repo
sys.path.insert(0, str(REPO / "scripts"))  # the bench's corpus (scripts/bench/, not installed)

from browser.conftest import build_sample  # noqa: E402
from browser.sitehttp import SUB_PATH, serve  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "listing": "linh-vuc/van-hoa-nghe-thuat-the-thao/",
         "profile": "ho-so/thach-thi-f/"}
SYNTH_PAGES = {"home": "", "listing": "linh-vuc/van-hoa-nghe-thuat-the-thao/",
               "profile": "ho-so/ho-so-000042/"}
METRICS = (("first-contentful-paint", "FCP", "ms"), ("largest-contentful-paint", "LCP", "ms"),
           ("total-blocking-time", "TBT", "ms"), ("cumulative-layout-shift", "CLS", ""),
           ("speed-index", "SI", "ms"), ("total-byte-weight", "bytes", "B"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TODAY = dt.date(2026, 11, 24)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_lighthouse(url: str, out: pathlib.Path) -> tuple[dict[str, int], dict[str, float]]:
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
            "--disable-component-update --disable-sync --no-first-run"
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    for audit in report["audits"].values():  # say why a score is not perfect
        if audit.get("score") is not None and audit["score"] < 1 and \
                audit.get("scoreDisplayMode") in ("binary", "numeric") and \
                audit["id"] not in ("first-contentful-paint", "largest-contentful-paint",
                                    "speed-index", "interactive", "total-blocking-time",
                                    "cumulative-layout-shift", "max-potential-fid"):
            print(f"    {audit['id']}: {audit['title']}", file=sys.stderr)
    metrics = {label: float(report["audits"][a].get("numericValue") or 0)
               for a, label, _ in METRICS}
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}, metrics


def _median(values: list[float]) -> float:
    v = sorted(values)
    return v[len(v) // 2]


def build_synthetic(root: pathlib.Path, n: int, site_url: str) -> pathlib.Path:
    """A synthetic repository of ``n`` profiles as `make bench` makes them (long
    stories, a third with camera photos), built; an existing one is reused with
    its build cache."""
    from bench import site as bench_site
    from conftest import build_site  # tests/conftest.py
    from showcase.content import corpus as corpus_mod
    from showcase.options import Options

    if not (root / "profiles").is_dir():
        bench_site.corpus(str(root.parent), n, str(REPO))
        os.rename(root.parent / f"site-{n}", root)
    c = corpus_mod.load(str(root), TODAY, options=Options())
    assert c.ok, [d.text() for d in c.diagnostics.errors][:5]
    out = root / "site"
    build_site(root, out, TODAY.isoformat(), c, {"site_url": site_url})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profiles", type=int, default=0, help="synthetic corpus size (0: sample)")
    ap.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    ap.add_argument("--keep", help="folder to keep the Lighthouse reports in")
    ap.add_argument("--root", help="the synthetic repository (made if missing, else reused "
                                   "with its build cache), e.g. one `make bench` left")
    args = ap.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("audit: lighthouse is not installed; run `make browser-deps`.", file=sys.stderr)
        return 2
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="showcase-audit-") as tmp:
        root = pathlib.Path(tmp)
        url = f"http://127.0.0.1:{port}{SUB_PATH}"
        if args.profiles:
            repo = pathlib.Path(args.root) if args.root else root / "repo"
            site_dir = build_synthetic(repo, args.profiles, url)
            pages = dict(SYNTH_PAGES)
            if not (site_dir / pages["profile"]).is_dir():  # a small corpus
                first = sorted(p.name for p in (site_dir / "ho-so").iterdir() if p.is_dir())[0]
                pages["profile"] = f"ho-so/{first}/"
        else:
            site_dir = build_sample(root, {"site_url": url})
            pages = PAGES
        keep = pathlib.Path(args.keep) if args.keep else root
        keep.mkdir(parents=True, exist_ok=True)
        ok = True
        size = args.profiles or "sample"
        with serve(str(site_dir), compress=True, port=port) as base:
            print(f"profiles: {size}; load average before: {os.getloadavg()[0]:.1f}")
            print(f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES)
                  + "".join(f"{label:>9}" for _, label, _ in METRICS))
            for name, path in pages.items():
                runs = [run_lighthouse(base + path, keep / f"{size}-{name}-{i}.json")
                        for i in range(args.runs)]
                scores = {c: int(_median([r[0][c] for r in runs])) for c in CATEGORIES}
                metrics = {m: _median([r[1][m] for r in runs]) for _, m, _ in METRICS}
                print(f"{name:<10}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES)
                      + "".join(f"{metrics[m]:>9.3f}" if m == "CLS" else f"{metrics[m]:>9.0f}"
                                for _, m, _ in METRICS), flush=True)
                ok &= all(scores[c] >= BARS[c] for c in CATEGORIES)
            print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
