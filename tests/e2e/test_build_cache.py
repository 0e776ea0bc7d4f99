"""The build cache never changes what is built: cold, warm and one-edit builds agree.

Stories, pages and media are kept in ``.showcase-cache/`` by a hash of all
their inputs. Each test compares, byte for byte, a site built with the cache
against the same content built cold (no cache at all).
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import REPO, TODAY, copy_repo

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

SHOWCASE = str(REPO / ".venv" / "bin" / "showcase")


def _build(root: pathlib.Path, site: pathlib.Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([SHOWCASE, "build", "--today", TODAY, "--site-dir", str(site)],
                          cwd=root, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _tree(folder: pathlib.Path) -> dict[str, bytes]:
    """Every file of a site (the search index included: its bytes are deterministic)."""
    return {f.relative_to(folder).as_posix(): f.read_bytes()
            for f in sorted(folder.rglob("*")) if f.is_file()}


def _same(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def _cold(tmp_path: pathlib.Path, source: pathlib.Path, name: str) -> dict[str, bytes]:
    """The site of ``source``'s content built with no cache at all."""
    root = tmp_path / name
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(".showcase-cache", "site*"))
    _build(root, root / "site")
    return _tree(root / "site")


def _profile_page(site: pathlib.Path) -> pathlib.Path:
    return sorted(site.glob("ho-so/*/index.html"))[0]


def test_warm_build_is_the_cold_build_from_the_cache(tmp_path: pathlib.Path) -> None:
    root = copy_repo(tmp_path / "repo")
    _build(root, tmp_path / "cold")
    cache = root / ".showcase-cache"
    pages = sorted((cache / "pages").rglob("*"))
    stories = [p for p in (cache / "stories").rglob("*") if p.is_file()]
    assert len([p for p in pages if p.is_file()]) > 30 and len(stories) > 10
    _build(root, tmp_path / "warm")
    _same(_tree(tmp_path / "cold"), _tree(tmp_path / "warm"))
    # The warm build's profile pages are the cache's files, not rendered again.
    page = _profile_page(tmp_path / "warm")
    assert any(os.path.samefile(page, p) for p in pages if p.is_file())


def test_one_edit_rebuilds_what_it_changes_and_nothing_stale(tmp_path: pathlib.Path) -> None:
    root = copy_repo(tmp_path / "repo")
    _build(root, tmp_path / "before")
    edited = sorted((root / "profiles").rglob("*.md"))[0]
    text = edited.read_text("utf-8")
    edited.write_text(text.rstrip("\n") + "\n\nMột câu mới thêm vào câu chuyện.\n", "utf-8")
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text("utf-8").replace(
            "site_name: Gương điển hình tiên tiến", "site_name: Gương điển hình (đã sửa)"),
        "utf-8")
    _build(root, tmp_path / "after")
    after = _tree(tmp_path / "after")
    _same(after, _cold(tmp_path, root, "cold"))
    assert any(b"M\xe1\xbb\x99t c\xc3\xa2u m\xe1\xbb\x9bi" in v for v in after.values())
    assert all("(đã sửa)".encode() in v for k, v in after.items()
               if k.startswith("ho-so/") and k.endswith("index.html"))


def test_a_killed_build_leaves_nothing_that_a_later_build_would_use(
        tmp_path: pathlib.Path) -> None:
    """A build killed while writing leaves only temporary files, which no key names."""
    root = copy_repo(tmp_path / "repo")
    _build(root, tmp_path / "first")
    cache = root / ".showcase-cache"
    sub = next(p for p in (cache / "pages").iterdir() if p.is_dir())
    (sub / ".tmp-half-written").write_bytes(b"<html>half")
    (cache / "stories" / ".tmp-half-written").write_bytes(b'{"ab')  # a shard being written
    shutil.rmtree(cache / "media")  # as if the build died while making its first card
    (cache / "media").mkdir()
    (cache / "media" / ".tmp-card").write_bytes(b"\xff\xd8half")
    _build(root, tmp_path / "second")
    _same(_tree(tmp_path / "second"), _tree(tmp_path / "first"))


def test_building_again_into_the_same_folder_leaves_the_cache_intact(
        tmp_path: pathlib.Path) -> None:
    """`--dirty` builds write into the last build's folder, where pages are links
    to the cache: a page rendered again must replace its link, not write through it."""
    root = copy_repo(tmp_path / "repo")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = str(REPO / ".venv" / "bin" / "mkdocs")

    def dirty_build() -> None:
        proc = subprocess.run([mkdocs, "build", "--dirty", "--quiet", "--site-dir", "out"],
                              cwd=root, env=env, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr

    dirty_build()
    dirty_build()  # now every generated page in out/ is a link into the cache
    edited = sorted((root / "profiles").rglob("*.md"))[0]
    edited.write_text(edited.read_text("utf-8").rstrip("\n") + "\n\nCâu thêm khi sửa.\n",
                      "utf-8")
    dirty_build()
    assert _tree(root / "out") == _cold(tmp_path, root, "cold")
    # And the cache still gives the cold build's bytes.
    _build(root, tmp_path / "warm")
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold" / "site")
