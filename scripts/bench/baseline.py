"""The baselines of the search benches, built by the bench itself from the same records.

stock   Material's search plugin with its defaults (lunr, language vi);
former  the column's earlier search: lunr with no stemmer, the column's separator
        and two diacritic-free fields, ``fold_title`` and ``fold_text``, added to
        Material's index after the build (lunr has no transliteration, so 'lam
        hong son' would never match 'Lâm Hồng Sơn').

A baseline is a plain MkDocs + Material site (the versions the project pins; no
showcase plugin, nothing of the column's code in its build): one page per search
record the real build plans (``pipeline.load`` + ``pipeline.plan``: each profile's
and listing's title, text and story, the fields the column's own index holds), at
the same URL as the column's page, plus the hand-written pages of ``content/`` as
they are. The judged queries' expected URLs hold for all three searches.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
from typing import Any

import yaml

from showcase import pipeline
from showcase.content.text import ascii_fold
from showcase.context import read_mkdocs_yml
from showcase.publish.search.records import SearchRecord

VARIANTS = ("stock", "former")
INDEX = os.path.join("search", "search_index.json")
FIELDS = ("fold_title", "fold_text")
_SEARCH_PLUGIN: dict[str, Any] = {
    "stock": "search",
    "former": {"search": {
        "lang": "en",
        "pipeline": [],
        "separator": "[\\s\\-,.:;!?()\\[\\]\"“”‘’/…–—]+",
        "fields": {"title": {"boost": 10}, "text": {"boost": 1},
                   "fold_title": {"boost": 8}, "fold_text": {"boost": 1}},
    }},
}
_TAG = re.compile(r"<[^>]+>")


def records(root: str, today: dt.date) -> tuple[SearchRecord, ...]:
    """The search records a build of ``root`` plans (the guides come from content/)."""
    config, options = read_mkdocs_yml(os.path.join(root, "mkdocs.yml"))
    loaded = pipeline.load(root, options, today)
    assert loaded.ok, [d.text() for d in loaded.diagnostics.errors][:5]
    plan = pipeline.plan(loaded, pipeline.site_of(config, options))
    plan.making.cancel()  # the media are not needed: no worker keeps running
    return plan.search.records


def page(rec: SearchRecord) -> str:
    """A record as a Markdown page: its title, then its paragraphs, every value escaped
    (raw HTML blocks: Markdown passes them through, nothing is read as markup)."""
    head = yaml.safe_dump({"title": rec.title}, allow_unicode=True, width=1000)
    parts = [f'<h1 id="noi_dung">{_esc(rec.title)}</h1>']
    parts += [f"<p>{_esc(t)}</p>" for t in (*rec.text, *rec.story) if t.strip()]
    return f"---\n{head}---\n\n" + "\n\n".join(parts) + "\n"


def _esc(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def write_project(root: str, project: str, variant: str, site_url: str,
                  today: dt.date) -> str:
    """The baseline MkDocs project of ``root``'s corpus in ``project`` (made afresh)."""
    config, _ = read_mkdocs_yml(os.path.join(root, "mkdocs.yml"))
    shutil.rmtree(project, ignore_errors=True)
    docs = os.path.join(project, "docs")
    os.makedirs(docs)
    taken = set()
    for rec in records(root, today):
        taken.add(rec.url)
        _write(os.path.join(docs, *rec.url.split("/"), "index.md"), page(rec))
    content = os.path.join(root, str(config.get("docs_dir") or "docs"))
    for folder, _, names in os.walk(content):
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(folder, name), content).replace(os.sep, "/")
            url = rel[:-3] + "/" if rel.endswith(".md") else ""
            if url and url not in taken and not rel.endswith("index.md"):
                shutil.copyfile(os.path.join(folder, name), os.path.join(docs, rel))
    name = str(config.get("site_name") or "")
    _write(os.path.join(docs, "index.md"), f"# {name}\n")
    mkdocs_yml = {
        "site_name": name,
        "site_url": site_url,
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "vi"},
        # The home page alone: a navigation of every profile would cost each page
        # the whole list; pages outside it are built and indexed all the same.
        "nav": ["index.md"],
        "plugins": [_SEARCH_PLUGIN[variant]],
        "markdown_extensions": ["toc", "admonition", "attr_list", "tables", "sane_lists"],
    }
    with open(os.path.join(project, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(mkdocs_yml, fh, allow_unicode=True, sort_keys=False)
    return project


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def build(root: str, out: str, variant: str, site_url: str | None, today: dt.date) -> str:
    """Build the ``variant`` baseline of ``root`` into ``out`` (the project beside it);
    ``site_url`` None keeps the repository's own. Returns ``out``."""
    if site_url is None:
        config, _ = read_mkdocs_yml(os.path.join(root, "mkdocs.yml"))
        site_url = str(config.get("site_url") or "")
    project = write_project(root, out.rstrip("/") + "-project", variant, site_url, today)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material 9.8's end-of-life banner
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                    os.path.join(project, "mkdocs.yml"), "-d", out], check=True, env=env)
    if variant == "former":
        fold_index(out)
    return out


def plain(text: str) -> str:
    """The words of an index field: markup removed, entities decoded, lower case."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).lower().split())


def fold_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """Add the folded fields to one index entry, only where folding changes something.

    Escaped as Material's own ``title`` and ``text`` are (``a &amp; b``), never a
    raw ``<`` that a theme reading them as HTML would turn into markup."""
    for src, dst in zip(("title", "text"), FIELDS, strict=True):
        words = plain(entry.get(src) or "")
        folded = ascii_fold(words)
        if folded != words:
            entry[dst] = html.escape(folded, quote=False)
    return entry


def fold_index(site_dir: str) -> int:
    """Rewrite a built site's lunr index with folded fields; returns its size in bytes."""
    path = os.path.join(site_dir, INDEX)
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for entry in data.get("docs", []):
        fold_entry(entry)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return len(text.encode("utf-8"))
