"""The bench's corpus reused through BENCH_CORPUS: hard links that no bench writes through."""

from __future__ import annotations

import os

from bench import site, synth
from conftest import REPO


def _texts(root: str) -> dict[str, str]:
    out = {}
    for folder, _, names in os.walk(os.path.join(root, "profiles")):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as fh:
                out[os.path.relpath(path, root)] = fh.read()
    return out


def test_a_reused_corpus_is_linked_and_an_edit_leaves_the_source_alone(tmp_path, monkeypatch):
    source = tmp_path / "kept"
    synth.generate(str(source / "site-6"), 6, n_units=3, repo=str(REPO))
    before = _texts(str(source / "site-6"))
    monkeypatch.setenv("BENCH_CORPUS", str(source))

    root = site.corpus(str(tmp_path / "out"), 6, str(REPO))

    assert _texts(root) == before
    first = next(iter(sorted(before)))
    assert os.stat(os.path.join(root, first)).st_ino == os.stat(source / "site-6" / first).st_ino
    assert os.path.isfile(os.path.join(root, "mkdocs.yml"))
    site._edit(root)
    assert _texts(str(source / "site-6")) == before  # the source corpus is untouched
    edited = {k for k, v in _texts(root).items() if before.get(k) != v}
    assert len(edited) == 1 and "don-vi-01" in next(iter(edited))
