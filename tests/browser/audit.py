"""`make audit`: Lighthouse scores of the sample site on a phone.

Builds the sample content (plus tests/browser/extra_profiles) with site_url
set to a local server, serves it under /guong-dien-hinh/ with gzip (as any
production server would), and runs the npm ``lighthouse`` from
tests/browser/node_modules with its default phone emulation and throttling,
in Debian's chromium (CHROME_PATH). Prints the four category scores for the
home page, a listing and a profile; exits 1 when a score is under the bar
(performance 95, the others 100).
"""

from __future__ import annotations

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

from browser.conftest import build_sample  # noqa: E402
from browser.sitehttp import SUB_PATH, serve  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "listing": "linh-vuc/van-hoa-nghe-thuat-the-thao/",
         "profile": "ho-so/thach-thi-f/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TODAY = dt.date(2026, 11, 24)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_lighthouse(url: str, out: pathlib.Path) -> dict[str, int]:
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
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("audit: lighthouse is not installed; run `make browser-deps`.", file=sys.stderr)
        return 2
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="showcase-audit-") as tmp:
        root = pathlib.Path(tmp)
        site_dir = build_sample(root, {"site_url": f"http://127.0.0.1:{port}{SUB_PATH}"})
        ok = True
        with serve(str(site_dir), compress=True, port=port) as base:
            print(f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES))
            for name, path in PAGES.items():
                scores = run_lighthouse(base + path, root / f"{name}.json")
                print(f"{name:<10}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES),
                      flush=True)
                ok &= all(scores[c] >= BARS[c] for c in CATEGORIES)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
