"""The side-by-side bench's converter (issue 14) and its process figures.

The peers themselves (MkDocs + Material, Hugo) are never installed or run
here: `make bench` does that. What is checked is that the posts they would
build say what our profiles say, read back with PyYAML.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys

import yaml

from bench import measure, peer_sites, synth
from conftest import REPO
from showcase.content.vocab import FIELDS, SECTORS


def _split(path: str) -> tuple[dict, str]:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert text.startswith("---\n")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def _profiles(root: str) -> dict[str, tuple[dict, str, str]]:
    """slug -> (front matter, story, folder) of every profile of the corpus."""
    out = {}
    for folder, _, names in os.walk(os.path.join(root, "profiles")):
        for name in names:
            if name.endswith(".md"):
                meta, story = _split(os.path.join(folder, name))
                out[name[:-3].split("-", 1)[1]] = (meta, story, folder)
    return out


def test_a_corpus_becomes_a_material_blog_and_a_hugo_site(tmp_path):
    root = synth.generate(str(tmp_path / "corpus"), 7, repo=str(REPO), photo_every=3,
                          distinct_photos=True, words=(400, 600))
    posts = peer_sites.read_corpus(root)
    blog = peer_sites.write_material(posts, str(tmp_path / "material"))
    hugo = peer_sites.write_hugo(posts, str(tmp_path / "hugo"))
    profiles = _profiles(root)
    assert sorted(p.slug for p in posts) == sorted(profiles) and len(profiles) == 7

    with open(os.path.join(blog, "mkdocs.yml"), encoding="utf-8") as fh:
        config = yaml.safe_load(fh)
    assert config["theme"]["name"] == "material" and config["site_url"].startswith("https://")
    assert config["plugins"][:2] == ["search", "blog"]
    rss = config["plugins"][2]["rss"]
    assert rss["use_git"] is False and rss["date_from_meta"]["as_creation"] == "date"
    assert os.path.isfile(os.path.join(blog, "docs", "blog", "index.md"))

    photos = 0
    for slug, (meta, story, folder) in profiles.items():
        labels = [FIELDS[meta["field"]].label] + [SECTORS[s].label for s in meta["sectors"]]
        post = os.path.join(blog, "docs", "blog", "posts", f"{slug}.md")
        assert re.fullmatch(rss["match_path"], f"blog/posts/{slug}.md")
        front, body = _split(post)
        assert front == {"title": meta["name"], "slug": slug, "date": meta["published"],
                         "categories": labels}
        assert isinstance(front["date"], dt.date)
        excerpt, rest = body.split("<!-- more -->")
        assert " ".join(meta["summary"].split()) in excerpt
        assert meta["achievements"][0]["text"] in rest
        assert story.strip().splitlines()[-1] in rest

        bundle = os.path.join(hugo, "content", "posts", slug)
        h_front, h_body = _split(os.path.join(bundle, "index.md"))
        assert h_front == {"title": meta["name"], "date": meta["published"].isoformat(),
                           "categories": labels}
        assert "<!--more-->" in h_body and story.strip().splitlines()[-1] in h_body

        if meta.get("photo"):
            photos += 1
            with open(os.path.join(folder, meta["photo"]), "rb") as fh:
                source = fh.read()
            for text, beside in ((rest, os.path.dirname(post)), (h_body, bundle)):
                assert f"![{meta['photo_alt']}]({meta['photo']})" in text
                with open(os.path.join(beside, meta["photo"]), "rb") as fh:
                    assert fh.read() == source
        else:
            assert "![" not in rest and os.listdir(bundle) == ["index.md"]
    assert photos == 3  # profiles 0, 3 and 6

    with open(os.path.join(hugo, "hugo.yaml"), encoding="utf-8") as fh:
        h_config = yaml.safe_load(fh)
    assert h_config["taxonomies"] == {"category": "categories"}
    assert "rss" in h_config["outputs"]["home"] and h_config["pagination"]["pagerSize"] > 0
    layouts = set(os.listdir(os.path.join(hugo, "layouts")))
    assert {"baseof.html", "list.html", "single.html", "taxonomy.html", "rss.xml"} <= layouts
    with open(os.path.join(hugo, "layouts", "list.html"), encoding="utf-8") as fh:
        assert ".Paginate" in fh.read()

    # The Hugo site that makes the photo variants as ours does, by its image processing.
    variants = peer_sites.write_hugo(posts, str(tmp_path / "hugo-variants"), variants=True)
    with open(os.path.join(variants, "layouts", "single.html"), encoding="utf-8") as fh:
        single = fh.read()
    assert "images.AutoOrient" in single and single.count(".Resize") == 4
    for w, fmt in (("480", "webp"), ("960", "webp"), ("480", "jpg"), ("960", "jpg")):
        assert f'Resize "{w}x {fmt}' in single
    for slug in profiles:
        _, body = _split(os.path.join(variants, "content", "posts", slug, "index.md"))
        assert "![" not in body  # the file itself is not published


def test_a_command_s_peak_memory_is_its_own_not_the_bench_process_s(tmp_path):
    # Linux starts a child's peak at its parent's: a bench that grew would floor
    # every build's figure at its own size without the launcher.
    ballast = bytearray(300 * 1024 * 1024)
    ballast[:: 4096] = b"\x01" * len(ballast[:: 4096])
    small = measure.timed([sys.executable, "-c", "pass"], str(tmp_path))
    big = measure.timed([sys.executable, "-c", "b = bytearray(200 << 20); b[::4096] = "
                         "b'1' * len(b[::4096])"], str(tmp_path))
    assert small.rc == 0 and small.mib < 100 and small.wall > 0 and small.cpu > 0
    assert 200 < big.mib < 300, big
    log = str(tmp_path / "log")
    failed = measure.timed([sys.executable, "-c", "import sys; print('hỏng'); sys.exit(3)"],
                           str(tmp_path), log)
    assert failed.rc == 3
    with open(log, encoding="utf-8") as fh:
        assert fh.read() == "hỏng\n"
    del ballast


def test_cold_builds_lose_the_caches_and_warm_builds_keep_them(tmp_path):
    from bench import peer

    script = (
        "import os\n"
        "seen = os.path.exists('.cache/kept')\n"
        "os.makedirs('site', exist_ok=True); os.makedirs('.cache', exist_ok=True)\n"
        "open('.cache/kept', 'w').close()\n"
        "open('site/seen', 'w').write(str(seen))\n"
        "open('site/index.html', 'w').write('<p>x</p>')\n"
        "open('site/feed.xml', 'w').write('<rss><channel><item/></channel></rss>')\n")
    tool = peer.Tool("fake", (sys.executable, "-c", script), str(tmp_path), ("site",),
                     (".cache",), ("index.html",), "feed.xml")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "stale.html").write_text("old")
    for phase, seen in (("cold", "False"), ("warm", "True"), ("cold", "False")):
        run = peer.build(tool, phase)
        assert run.error == "" and run.wall > 0 and run.load >= 0, run
        assert (tmp_path / "site" / "seen").read_text() == seen
        assert not (tmp_path / "site" / "stale.html").exists()  # the output always goes
    broken = peer.Tool("fake", (sys.executable, "-c", "pass"), str(tmp_path), ("site",),
                       (".cache",), ("index.html",), "feed.xml")
    assert "missing" in peer.build(broken, "warm").error
    # Every tool's caches: ours, Material's rss plugin, Hugo's resources and cache dir.
    assert peer.ours(str(tmp_path)).caches == (".showcase-cache",)
    assert peer.material("mkdocs", str(tmp_path), "x").caches == (".cache",)
    assert peer.hugo("hugo", str(tmp_path), "x").caches == ("resources", ".hugo-cache")
