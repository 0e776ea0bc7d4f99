"""The Pagefind bundle (``site/pagefind/``) from the plan's search records.

Pagefind indexes one small HTML document per record (see
:func:`search_index.record_html`). The bundle is kept in the build cache by a
hash of every document and of Pagefind's version: a build whose records did
not change links the same files again instead of running Pagefind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib.metadata import version

from showcase.publish import cache
from showcase.publish.search_index import OUTPUT_DIR, UNUSED, IndexPlan, record_html

FOLDER = "search"
ENTRY = "pagefind-entry.json"  # Pagefind's index of the bundle: other bundle, other bytes


@dataclass(frozen=True)
class Written:
    pages: int
    files: int
    bytes: int


class SearchIndexError(Exception):
    """Pagefind could not be run or failed."""


def pagefind_binary() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # pragma: no cover - a dependency
        raise SearchIndexError("Thiếu gói pagefind-bin: chạy lại 'make site'.") from exc
    return str(get_executable())


def write(plan: IndexPlan, site_dir: str, cache_dir: str | None = None) -> Written:
    """Write the Pagefind bundle into ``site_dir``/pagefind (from ``cache_dir`` if made before)."""
    out = os.path.join(site_dir, OUTPUT_DIR)
    docs = sorted((rec.url, record_html(rec)) for rec in plan.records)
    h = hashlib.sha256(f"{version('pagefind-bin')}\0{plan.language}\0{UNUSED}".encode())
    for url, doc in docs:
        h.update(f"{url}\0{doc}\0".encode())
    key = h.hexdigest()[:40]
    entry = os.path.join(cache_dir, FOLDER, key) if cache_dir else None
    if entry and _same(entry, out):
        pass  # a folder built into again (``--dirty``) already has this bundle
    elif entry and os.path.isdir(entry):
        shutil.rmtree(out, ignore_errors=True)
        _link_tree(entry, out)
    else:
        shutil.rmtree(out, ignore_errors=True)
        _run(docs, out, plan.language)
        if entry:
            _store_tree(out, entry)
    if cache_dir:
        cache.prune(os.path.join(cache_dir, FOLDER), keep={key})
    sizes = [os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs]
    return Written(len(plan.records), len(sizes), sum(sizes))


def _same(entry: str, out: str) -> bool:
    """Whether ``out`` holds the links to this very cache entry (its entry file is one)."""
    try:
        return os.path.samefile(os.path.join(entry, ENTRY), os.path.join(out, ENTRY))
    except OSError:
        return False


def _run(docs: list[tuple[str, str]], out: str, language: str) -> None:
    with tempfile.TemporaryDirectory(prefix="showcase-search-") as tmp:
        for url, doc in docs:
            path = os.path.join(tmp, *[p for p in url.split("/") if p], "index.html")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(doc)
        cmd = [pagefind_binary(), "--site", tmp, "--output-path", out, "--silent",
               "--force-language", language]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SearchIndexError(f"Pagefind lỗi khi tạo chỉ mục tìm kiếm: {done.stderr[-2000:]}")
    # Pagefind's ready-made UIs: the site has its own (assets/showcase/search.js).
    for name in os.listdir(out):
        if name.startswith(UNUSED):
            path = os.path.join(out, name)
            (shutil.rmtree if os.path.isdir(path) else os.remove)(path)


def _store_tree(src: str, entry: str) -> None:
    """A copy of the bundle as a cache entry, filled under a temporary name."""
    os.makedirs(os.path.dirname(entry), exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".tmp-", dir=os.path.dirname(entry))
    shutil.rmtree(tmp)
    shutil.copytree(src, tmp)
    for folder, _, names in os.walk(tmp):
        for name in names:
            os.chmod(os.path.join(folder, name), 0o444)  # shared with sites: see cache.place
    try:
        os.rename(tmp, entry)
    except OSError:  # another build stored the same bundle meanwhile
        shutil.rmtree(tmp, ignore_errors=True)


def _link_tree(entry: str, out: str) -> None:
    for folder, dirs, names in os.walk(entry):
        dirs.sort()
        target = os.path.join(out, os.path.relpath(folder, entry))
        os.makedirs(target, exist_ok=True)
        for name in sorted(names):
            cache.place(os.path.join(folder, name), os.path.join(target, name))
