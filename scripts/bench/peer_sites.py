"""The peers' sites made from one of our corpora (issue 14's side-by-side bench).

A corpus of ``bench.site.corpus`` (profiles/<unit>/<year>-<slug>.md,
a third with a photo beside them) becomes:

* a Material blog (MkDocs + Material's blog plugin + mkdocs-rss-plugin):
  ``docs/blog/posts/<slug>.md`` with the blog plugin's front matter, the photo
  beside the post, and an ``mkdocs.yml`` with the search, blog and rss plugins;
* a Hugo site of the same posts: ``content/posts/<slug>/index.md`` page bundles
  with the photo as a resource, and a minimal theme written here (a paginated
  list, a single page, an RSS feed, category taxonomy pages).

Each post holds the summary (the excerpt, before ``<!-- more -->``), the photo,
the achievements and the story: what a visitor reads on our profile page.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from typing import Any

import yaml

from showcase.content.vocab import FIELDS, SECTORS

SITE_URL = "https://peer.example.org/"
SITE_NAME = "Gương điển hình tiên tiến"
MORE = "<!-- more -->"


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    date: dt.date
    categories: tuple[str, ...]
    summary: str
    body: str  # Markdown after the excerpt: photo, achievements, story
    photo: str | None  # path of the source photo


def read_corpus(root: str) -> list[Post]:
    """Every profile of ``root``/profiles as a post, sorted by slug."""
    posts = []
    base = os.path.join(root, "profiles")
    for unit in sorted(os.listdir(base)):
        folder = os.path.join(base, unit)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                posts.append(_post(folder, name))
    return sorted(posts, key=lambda p: p.slug)


def _post(folder: str, name: str) -> Post:
    with open(os.path.join(folder, name), encoding="utf-8") as fh:
        text = fh.read()
    _, head, story = text.split("---\n", 2)
    meta: dict[str, Any] = yaml.safe_load(head)
    photo = os.path.join(folder, meta["photo"]) if meta.get("photo") else None
    parts = []
    if photo:
        parts.append(f"![{meta['photo_alt']}]({os.path.basename(photo)})")
    wins = meta.get("achievements") or []
    if wins:
        parts.append("## Thành tích\n\n" + "\n".join(f"- {w['year']}: {w['text']}" for w in wins))
    parts.append(story.strip())
    date = meta.get("published") or meta["introduced"]
    labels = [FIELDS[meta["field"]].label] + [SECTORS[s].label for s in meta["sectors"]]
    return Post(slug=name[:-3].split("-", 1)[1], title=str(meta["name"]), date=date,
                categories=tuple(labels), summary=" ".join(str(meta["summary"]).split()),
                body="\n\n".join(parts), photo=photo)


def _front(meta: dict[str, Any], text: str) -> str:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{text}\n"


def _place_photo(src: str, dest: str) -> None:
    """A hard link where the file system allows it: the build copies it, not us."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def write_material(posts: list[Post], root: str) -> str:
    """The Material blog of ``posts`` in ``root`` (made afresh); returns ``root``."""
    shutil.rmtree(root, ignore_errors=True)
    posts_dir = os.path.join(root, "docs", "blog", "posts")
    os.makedirs(posts_dir)
    with open(os.path.join(root, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(MATERIAL_CONFIG, fh, allow_unicode=True, sort_keys=False)
    with open(os.path.join(root, "docs", "index.md"), "w", encoding="utf-8") as fh:
        fh.write(f"# {SITE_NAME}\n\nNhững tấm gương tiêu biểu: xem [chuyên mục](blog/index.md).\n")
    with open(os.path.join(root, "docs", "blog", "index.md"), "w", encoding="utf-8") as fh:
        fh.write("# Chuyên mục\n")
    for p in posts:
        meta = {"title": p.title, "slug": p.slug, "date": p.date, "categories": list(p.categories)}
        text = _front(meta, f"{p.summary}\n\n{MORE}\n\n{p.body}")
        _write_post(p, posts_dir, f"{p.slug}.md", text)
    return root


def _write_post(p: Post, folder: str, name: str, text: str) -> None:
    """A post's file ``name`` in ``folder``, its photo beside it."""
    with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
        fh.write(text)
    if p.photo:
        _place_photo(p.photo, os.path.join(folder, os.path.basename(p.photo)))


MATERIAL_CONFIG: dict[str, Any] = {
    "site_name": SITE_NAME,
    "site_url": SITE_URL,
    "theme": {"name": "material", "language": "vi"},
    "plugins": [
        "search",
        "blog",
        {"rss": {
            "match_path": "blog/posts/.*",
            "use_git": False,
            "date_from_meta": {"as_creation": "date", "as_update": "date",
                               "datetime_format": "%Y-%m-%d"},
            "categories": ["categories"],
        }},
    ],
}


def write_hugo(posts: list[Post], root: str, variants: bool = False) -> str:
    """The Hugo site of ``posts`` in ``root`` (made afresh); returns ``root``.

    ``variants``: each post's photo is published as ours are (turned upright,
    480 and 960 px wide, WebP and JPEG, in a <picture>) by Hugo's own image
    processing, instead of being copied as it is.
    """
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "content", "posts"))
    with open(os.path.join(root, "hugo.yaml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(HUGO_CONFIG, fh, allow_unicode=True, sort_keys=False)
    layouts = {**HUGO_LAYOUTS, **(HUGO_VARIANTS if variants else {})}
    for name, text in layouts.items():
        path = os.path.join(root, "layouts", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    with open(os.path.join(root, "content", "posts", "_index.md"), "w", encoding="utf-8") as fh:
        fh.write(_front({"title": "Chuyên mục"}, ""))
    for p in posts:
        bundle = os.path.join(root, "content", "posts", p.slug)
        os.makedirs(bundle)
        meta = {"title": p.title, "date": p.date.isoformat(), "categories": list(p.categories)}
        body = p.body
        if variants:  # the template shows the photo's variants instead of the file itself
            body = "\n".join(ln for ln in body.split("\n") if not ln.startswith("!["))
        _write_post(p, bundle, "index.md", _front(meta, f"{p.summary}\n\n<!--more-->\n\n{body}"))
    return root


HUGO_CONFIG: dict[str, Any] = {
    "baseURL": SITE_URL,
    "title": SITE_NAME,
    "locale": "vi",
    "titleCaseStyle": "none",  # category names as written, not Title Cased
    "buildFuture": True,  # as the blog plugin: every post, whatever its date
    "pagination": {"pagerSize": 10},
    "taxonomies": {"category": "categories"},
    "outputs": {"home": ["html", "rss"], "section": ["html", "rss"],
                "taxonomy": ["html"], "term": ["html", "rss"]},
    "services": {"rss": {"limit": 20}},
}

_PAGER = """<nav class="pager">{{ with $pager.Prev }}<a href="{{ .URL }}">Trước</a>{{ end }}
Trang {{ $pager.PageNumber }}/{{ $pager.TotalPages }}
{{ with $pager.Next }}<a href="{{ .URL }}">Sau</a>{{ end }}</nav>
"""

HUGO_LAYOUTS: dict[str, str] = {
    "baseof.html": """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" \
href="{{ .Permalink }}">{{ end }}
{{ block "head" . }}{{ end }}
</head><body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<a href="{{ "/categories/" | relURL }}">Danh mục</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body></html>
""".replace("\\\n", ""),
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := cond .IsHome site.RegularPages .RegularPagesRecursive }}
{{ $pager := .Paginate $pages.ByDate.Reverse }}
{{ range $pager.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>
{{ .Summary }}</article>
{{ end }}""" + _PAGER + "{{ end }}\n",
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">\
{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>{{ end }}
""".replace("\\\n", ""),
    "single.html": """{{ define "head" }}{{ with .Resources.GetMatch "*.jpg" }}\
<meta property="og:image" content="{{ .Permalink }}">{{ end }}{{ end }}
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>
<p>{{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> \
{{ end }}</p>
{{ .Content }}</article>{{ end }}
""".replace("\\\n", ""),
    "rss.xml": """{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel><title>{{ .Title }} – {{ site.Title }}</title>
<link>{{ .Permalink }}</link><description>{{ site.Title }}</description>
<generator>showcase bench peer</generator>
{{- $pages := cond .IsHome site.RegularPages .RegularPagesRecursive }}
{{- range first site.Config.Services.RSS.Limit $pages.ByDate.Reverse }}
<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
{{ range .GetTerms "categories" }}<category>{{ .LinkTitle }}</category>{{ end }}
<description>{{ .Summary | transform.XMLEscape | safeHTML }}</description></item>
{{- end }}
</channel></rss>
""",
}

# The photo as our build publishes it: upright, 480 and 960 wide, WebP (q80) and
# JPEG (q82), offered by a <picture>; the feed's item links the 960 JPEG.
HUGO_VARIANTS: dict[str, str] = {
    "single.html": HUGO_LAYOUTS["single.html"].replace(
        "{{ .Content }}</article>{{ end }}",
        """{{ with .Resources.GetMatch "*.jpg" }}{{ $o := .Filter images.AutoOrient }}\
{{ $w4 := $o.Resize "480x webp q80" }}{{ $w9 := $o.Resize "960x webp q80" }}\
{{ $j4 := $o.Resize "480x jpg q82" }}{{ $j9 := $o.Resize "960x jpg q82" }}\
<picture><source type="image/webp" srcset="{{ $w4.RelPermalink }} 480w, \
{{ $w9.RelPermalink }} 960w"><img src="{{ $j4.RelPermalink }}" srcset="\
{{ $j4.RelPermalink }} 480w, {{ $j9.RelPermalink }} 960w" width="{{ $j9.Width }}" \
height="{{ $j9.Height }}" alt="{{ $.Title }}"></picture>{{ end }}
{{ .Content }}</article>{{ end }}""".replace("\\\n", "")),
}
