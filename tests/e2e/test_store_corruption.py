"""A damaged build cache never gives a wrong site, nor a traceback: it is a miss.

The sample site is built once with an empty cache (the reference); then the
entries of every kind in ``.showcase-cache/`` are damaged in one way
(truncated, overwritten with random bytes, swapped with another entry, or
sealed by another release) and the site is built again: it must equal the
reference byte for byte. Each build repairs the cache, so the next way of
damaging it starts from a whole one.
"""

from __future__ import annotations

import os
import pathlib
import random
import subprocess

import pytest

from conftest import REPO, TODAY, copy_repo
from showcase.store import sealed

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

SHOWCASE = str(REPO / ".venv" / "bin" / "showcase")

# Every kind the cache keeps (see showcase/store/__init__.py), by its files.
KINDS = {
    "validated profiles": "profiles/*.pickle",
    "photo verdicts": "photo-checks.json",
    "photo hashes": "source-hashes.json",
    "stories": "stories/*.json",
    "feeds": "feeds/*/*",
    "reports": "reports/*/*",
    "template bytecode": "jinja/*",
    "pages": "pages/*/*",
    "photo variants": "media/photo-*/*",
    "share cards": "media/card-*.jpg",
    "search index": "search-index/**/*",
}
# Entries shared with sites: their version and checksum are their seals'.
LINKED = ("pages", "photo variants", "share cards", "search index")
SEALS = "seals/*"


def _build(root: pathlib.Path, site: pathlib.Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([SHOWCASE, "build", "--today", TODAY, "--site-dir", str(site)],
                          cwd=root, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def _tree(folder: pathlib.Path) -> dict[str, bytes]:
    return {f.relative_to(folder).as_posix(): f.read_bytes()
            for f in sorted(folder.rglob("*")) if f.is_file()}


def _files(cache: pathlib.Path, pattern: str) -> list[pathlib.Path]:
    found = sorted(p for p in cache.glob(pattern) if p.is_file())
    assert found, f"no cache entry matches {pattern}"
    return found


def _rewrite(path: pathlib.Path, data: bytes) -> None:
    os.chmod(path, 0o644)  # what root may do anyway
    with open(path, "r+b") as fh:  # in place: a linked site file shares the inode
        fh.truncate(0)
        fh.write(data)


def _truncate(files: list[pathlib.Path]) -> None:
    for f in files:
        _rewrite(f, f.read_bytes()[: f.stat().st_size // 2])


def _garble(files: list[pathlib.Path], rng: random.Random) -> None:
    for f in files:
        _rewrite(f, rng.randbytes(max(1, f.stat().st_size)))  # the same size


def _swap(a: pathlib.Path, b: pathlib.Path) -> None:
    tmp = a.with_name(a.name + ".swap")
    os.rename(a, tmp)
    os.rename(b, a)
    os.rename(tmp, b)


def _old_release(files: list[pathlib.Path]) -> None:
    """Each entry as an older release would have sealed it: the same payload."""
    for f in files:
        head, _, payload = f.read_bytes().partition(b"\n")
        assert head.startswith(b"showcase-cache "), f
        _rewrite(f, sealed.seal(payload, "0.0.1+older", f.name))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, dict[str, bytes]]:
    tmp = tmp_path_factory.mktemp("corrupt")
    root = copy_repo(tmp / "repo")
    _build(root, tmp / "fresh")
    return root, _tree(tmp / "fresh")


def _rebuilt(root: pathlib.Path, name: str) -> dict[str, bytes]:
    site = root.parent / name
    _build(root, site)
    return _tree(site)


def _same(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


@pytest.mark.parametrize("how", ["truncated", "random bytes", "swapped", "older release",
                                 "damaged seals"])
def test_a_damaged_cache_gives_the_fresh_site(
        built: tuple[pathlib.Path, dict[str, bytes]], how: str) -> None:
    root, fresh = built
    cache = root / ".showcase-cache"
    _same(_rebuilt(root, f"warm-{how}"), fresh)  # whole again (the last test repaired it)
    rng = random.Random(how)
    kinds = {kind: _files(cache, pattern) for kind, pattern in KINDS.items()}
    if how == "truncated":
        for files in kinds.values():
            _truncate(files)
    elif how == "random bytes":
        for files in kinds.values():
            _garble(files, rng)
    elif how == "swapped":
        # Two entries of each kind trade places; a kind with one entry, with another kind's.
        spare = kinds["feeds"][-1]
        for files in kinds.values():
            _swap(files[0], files[1] if len(files) > 1 and files[1] != spare else spare)
    elif how == "older release":
        for kind, files in kinds.items():
            if kind not in LINKED:
                _old_release(files)
        _old_release(_files(cache, SEALS))  # the linked entries' version is their seals'
    else:
        seals = _files(cache, SEALS)
        _truncate(seals[:1])
        _garble(seals[1:], rng)
    _same(_rebuilt(root, f"after-{how}"), fresh)


def test_writing_into_a_built_site_cannot_change_what_the_next_build_publishes(
        built: tuple[pathlib.Path, dict[str, bytes]]) -> None:
    """A warm site's files are hard links into the cache, read-only (0444), which
    root ignores (CI runs as root): a post-processing step that writes into one
    writes into the cache. The next build must still publish the right bytes."""
    root, fresh = built
    site = root.parent / "posted"
    _build(root, site)
    _same(_tree(site), fresh)
    targets = [sorted(site.glob("ho-so/*/index.html"))[0], sorted(site.glob("ho-so/*/*.webp"))[0],
               sorted(site.glob("ho-so/*/the-chia-se.jpg"))[0], site / "tim-kiem" / "index.json"]
    for path in targets:
        assert path.stat().st_nlink > 1, f"{path} is not shared with the cache"
        assert not path.stat().st_mode & 0o222
        if os.geteuid() != 0:
            os.chmod(path, 0o644)  # what root's write does without asking
        with open(path, "r+b") as fh:  # in place, the same length: as a minifier might
            data = fh.read()
            fh.seek(0)
            fh.write(data.replace(b"a", b"b", 1) if b"a" in data else data[::-1])
    assert _tree(site) != fresh
    _same(_rebuilt(root, "after-post-processing"), fresh)
