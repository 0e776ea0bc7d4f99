"""Issue 13 figures: the search at 1,000 and 10,000 profiles, on a phone profile.

The realistic corpus (``bench/site.py``: stories of 400-1,200 words, a third
of the profiles with camera photos), or the one named by
``BENCH_SEARCH_ROOT`` (a copy of a corpus already built, with its build cache:
``cp -al`` of ``$BENCH_DIR/site-10000``), built with the site's search, and
with lunr as the column had it (a baseline site of the same records,
bench/baseline.py) when ``BENCH_SEARCH_VARIANTS`` says ``site,former``. For
each, in Debian's chromium with the CPU slowed 4x (DevTools throttling): open
the search box on the home page, type each query like a person, and report

- the bytes transferred from opening the search box to the first result
  (every response, compressed as sent: the server gzips text as production
  hosts do), then those of each query typed;
- the seconds from the last key press to the results shown (median, max).

Goal: <= 300 KB to the first result (aim 150 KB), results within 1 s.
"""

from __future__ import annotations

import gzip
import os
import statistics
import sys
import time
from typing import Any

from bench import searching, site

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SEARCH_PROFILES", "1000,10000").split(","))
TOPICS = ("chuyen doi so", "Oóc Om Bóc", "ngư dân hiếu học", "du lich sinh thai",
          "đường làng", "van hoa")


def _queries(root: str) -> tuple[str, ...]:
    """A profile's name typed without diacritics, its partial form, then topics."""
    from showcase.content.text import ascii_fold

    for folder, _, names in sorted(os.walk(os.path.join(root, "profiles"))):
        for name in names:
            if name.endswith("-ho-so-000042.md"):
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    line = next(ln for ln in fh if ln.startswith("name: "))
                full = ascii_fold(line[6:].strip()).lower()
                return (full, " ".join(full.split()[:2]), *TOPICS)
    return TOPICS


def _gzip_site(folder: str) -> None:
    """Pre-compress text files as a production host would send them (served below).

    A new file each time (unlinked first): the site's files may be hard links."""
    for parent, _, names in os.walk(folder):
        for name in names:
            if name.endswith((".html", ".js", ".json", ".css", ".xml", ".svg")):
                path = os.path.join(parent, name)
                with open(path, "rb") as fh:
                    data = fh.read()
                if os.path.exists(path + ".gz"):
                    os.unlink(path + ".gz")
                with open(path + ".gz", "wb") as fh:
                    fh.write(gzip.compress(data, 6, mtime=0))


SENT = [0]  # bytes of response bodies the server sent


def _measure(page: Any, base: str, variant: str, queries: tuple[str, ...]
             ) -> dict[str, Any]:
    page.goto(base)
    page.wait_for_load_state("networkidle")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    SENT[0] = 0
    t = time.perf_counter()
    searching.open_search(page, variant)
    first = searching.type_query(page, base, variant, queries[0])
    per_query = [SENT[0]]
    open_secs = time.perf_counter() - t
    times = [first.seconds]
    for q in queries[1:]:
        before = SENT[0]
        times.append(searching.type_query(page, base, variant, q).seconds)
        per_query.append(SENT[0] - before)
    return {"to_first": per_query[0], "per_query": per_query, "all": SENT[0],
            "median": statistics.median(times), "max": max(times),
            "open_to_first": open_secs, "times": times}


def _corpus(out: str, n: int, repo: str) -> str:
    given = os.environ.get("BENCH_SEARCH_ROOT")
    if given and len(SIZES) == 1:
        return given
    return site.corpus(out, n, repo)


def run(out: str) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    repo = os.getcwd()
    rows: list[tuple[str, str]] = []
    for n in SIZES:
        root = _corpus(out, n, repo)
        queries = _queries(root)
        for variant in os.environ.get("BENCH_SEARCH_VARIANTS", "site").split(","):
            www = os.path.join(root, f"www-{variant}")
            t = time.perf_counter()
            # The corpus's own site_url: its build cache serves the pages again.
            built = searching.build_variant(root, www, variant, None)
            build_secs = time.perf_counter() - t
            _gzip_site(built)
            port = searching.free_port()
            with _gzip_served(www, port) as base, sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=searching.CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 390, "height": 844})
                page.set_default_timeout(180_000)
                m = _measure(page, base, variant, queries)
                if variant == "former":  # lunr's whole index, fetched with every page
                    m["to_first"] = _lunr_bytes(built)
                browser.close()
            label = f"search {n} profiles, {searching.LABELS[variant]}"
            each = ", ".join(f"{q!r} {b / 1024:.0f}" for q, b in
                             zip(queries, m["per_query"], strict=True))
            rows += [
                (f"{label}: build", f"{build_secs:.0f} s"),
                (f"{label}: bytes to first result", f"{m['to_first'] / 1024:.0f} KiB"),
                (f"{label}: bytes per query (KiB)", each),
                (f"{label}: bytes for {len(queries)} queries", f"{m['all'] / 1024:.0f} KiB"),
                (f"{label}: open box to first result", f"{m['open_to_first']:.1f} s (4x CPU)"),
                (f"{label}: last key to results", f"median {m['median']:.2f} s, "
                                                   f"max {m['max']:.2f} s (4x CPU)"),
            ]
    rows.append(("load average (1 min) at the end", f"{os.getloadavg()[0]:.1f}"))
    return rows


def _lunr_bytes(built: str) -> int:
    """The index and worker lunr needs before answering, as gzip sends them."""
    total = os.path.getsize(os.path.join(built, "search", "search_index.json.gz"))
    workers = os.path.join(built, "assets", "javascripts", "workers")
    for name in os.listdir(workers):
        if name.endswith(".js.gz"):
            total += os.path.getsize(os.path.join(workers, name))
    return total


def _gzip_served(www: str, port: int) -> Any:
    """Serve ``www`` sending the .gz twin of a file when the browser accepts gzip."""
    import contextlib
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send_head(self) -> Any:
            f: Any
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            gz = path + ".gz"
            if "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(gz):
                f = open(gz, "rb")  # noqa: SIM115 - closed by the base class
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", "gzip")
                size = os.fstat(f.fileno()).st_size
                self.send_header("Content-Length", str(size))
                self.end_headers()
                SENT[0] += size
                if os.environ.get("BENCH_SEARCH_LOG"):
                    print(f"    {size:>8} {self.path}", file=sys.stderr)
                return f
            f = super().send_head()
            if f is not None and hasattr(f, "fileno"):
                size = os.fstat(f.fileno()).st_size
                SENT[0] += size
                if os.environ.get("BENCH_SEARCH_LOG"):
                    print(f"    {size:>8} {self.path}", file=sys.stderr)
            return f

    @contextlib.contextmanager
    def served() -> Any:
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(Handler, directory=www))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{port}{searching.SUB_PATH}"
        finally:
            server.shutdown()
            server.server_close()

    return served()
