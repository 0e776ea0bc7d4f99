"""The Pagefind variant of the search benches (the column's search before its own).

From the same search records as the other baselines (bench/baseline.py: each
profile's and listing's title, text and story, at the column's URLs), one
plain HTML page a record: the title in ``<title>`` and ``<h1>`` (Pagefind
weighs headings), the text and story as paragraphs, all inside
``data-pagefind-body``; Pagefind (npm ``pagefind``, pinned in
``pagefind/package-lock.json`` beside this file, installed by ``npm ci`` in
the bench's folder, never in the site) indexes them with its defaults. The
bench asks Pagefind's own JavaScript API for each query, in Debian's chromium.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import html
import os
import shutil
import subprocess

from bench import baseline

HERE = os.path.join(os.path.dirname(__file__), "pagefind")
LOCK = ("package.json", "package-lock.json")


def install(folder: str) -> str:
    """The pinned Pagefind in ``folder`` (``npm ci`` when the pins changed); its binary."""
    binary = os.path.join(folder, "node_modules", ".bin", "pagefind")
    same = all(os.path.exists(os.path.join(folder, n))
               and filecmp.cmp(os.path.join(HERE, n), os.path.join(folder, n), shallow=False)
               for n in LOCK)
    if not (same and os.path.exists(binary)):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for n in LOCK:
            shutil.copy(os.path.join(HERE, n), folder)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=folder, check=True)
    return binary


def page(title: str, paragraphs: tuple[str, ...]) -> str:
    t = html.escape(" ".join(title.split()), quote=True)
    body = "".join(f"<p>{html.escape(' '.join(p.split()), quote=True)}</p>"
                   for p in paragraphs if p.strip())
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{t}</title>'
            f"</head><body><main data-pagefind-body><h1>{t}</h1>{body}</main></body></html>\n")


def build(root: str, out: str, npm_dir: str, today: dt.date) -> str:
    """The Pagefind site of ``root``'s records in ``out`` (made afresh); returns ``out``."""
    binary = install(npm_dir)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for rec in baseline.records(root, today):
        path = os.path.join(out, *rec.url.split("/"), "index.html")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(page(rec.title, (*rec.text, *rec.story)))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as fh:
        fh.write('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
                 "<title>Tìm kiếm</title></head><body></body></html>\n")
    subprocess.run([binary, "--site", out, "--quiet"], check=True)
    return out


# Pagefind's API in the page: the first 20 results' URLs, best first.
QUERY_JS = """async ([base, q]) => {
  const pf = await import(base + 'pagefind/pagefind.js');
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 20).map(x => x.data()));
  return data.map(d => d.url);
}"""
