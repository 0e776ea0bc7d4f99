"""Issue 13 figures: success@1 and MRR of three searches on the judged query set.

Builds the sample site (profiles/ + tests/browser/extra_profiles) three times
(bench/searching.py: stock Material search and the former folded lunr search on
baselines made from the same search records, bench/baseline.py; the site's search
by the real build), types every query of bench/queries.tsv in Debian's
chromium at phone width, and ranks the expected page among the results
(MRR counts the first 20; a page not found counts 0). Goal for the site's
search: success@1 >= 0.9, MRR >= 0.95.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from bench import searching

QUERIES = os.path.join(os.path.dirname(__file__), "queries.tsv")


@dataclass(frozen=True)
class Judged:
    query: str
    expected: str  # site-relative URL
    kind: str


def judged() -> list[Judged]:
    out = []
    with open(QUERIES, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                q, url, kind = line.rstrip("\n").split("\t")
                out.append(Judged(q, url, kind))
    return out


def scores(ranks: list[int | None]) -> tuple[float, float]:
    """(success@1, MRR) from the 1-based rank of each expected page (None: not found)."""
    if not ranks:
        return 0.0, 0.0
    s1 = sum(1 for r in ranks if r == 1) / len(ranks)
    mrr = sum(1 / r for r in ranks if r and r <= 20) / len(ranks)
    return s1, mrr


def run_variant(repo: str, out: str, variant: str, queries: list[Judged],
                verbose: bool = False) -> list[int | None]:
    from playwright.sync_api import sync_playwright

    root = searching.sample_repo(repo, os.path.join(out, f"relevance-{variant}"))
    www = os.path.join(root, "www")
    port = searching.free_port()
    searching.build_variant(root, www, variant, f"http://127.0.0.1:{port}{searching.SUB_PATH}")
    ranks: list[int | None] = []
    with searching.serve(www, port) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=searching.CHROMIUM,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.set_default_timeout(60_000)
        page.goto(base)
        searching.open_search(page, variant)
        for j in queries:
            links = searching.type_query(page, base, variant, j.query).links
            rank = links.index(j.expected) + 1 if j.expected in links else None
            ranks.append(rank)
            if verbose and rank != 1:
                print(f"  {variant}: {j.query!r} -> {j.expected} at {rank}; first {links[:2]}",
                      file=sys.stderr)
        browser.close()
    return ranks


def run(out: str) -> list[tuple[str, str]]:
    repo = os.getcwd()
    queries = judged()
    rows = [("relevance: judged queries", str(len(queries)))]
    only = os.environ.get("BENCH_SEARCHES", ",".join(searching.VARIANTS)).split(",")
    for variant in [v for v in searching.VARIANTS if v in only]:
        ranks = run_variant(repo, out, variant, queries, verbose=True)
        s1, mrr = scores(ranks)
        rows.append((f"relevance: {searching.LABELS[variant]}",
                     f"success@1 {s1:.2f}, MRR {mrr:.2f}"))
    return rows
