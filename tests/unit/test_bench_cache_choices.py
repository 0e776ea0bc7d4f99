"""The cache bench's alternatives are what they claim: copies hold no link, same site."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess

from bench import cache_choices, synth
from conftest import REPO


def _files(site: str) -> dict[str, os.stat_result]:
    return {os.path.relpath(os.path.join(d, n), site): os.stat(os.path.join(d, n))
            for d, _, names in os.walk(site) for n in names}


def test_the_copies_variant_publishes_the_same_site_without_hard_links(tmp_path):
    root = synth.generate(str(tmp_path / "corpus"), 6, n_units=3, repo=str(REPO), photo_every=3)
    commands = dict(cache_choices.VARIANTS)
    subprocess.run(commands["as shipped"], cwd=root, check=True, capture_output=True)  # the cache
    shutil.rmtree(os.path.join(root, "site"))
    subprocess.run(commands["as shipped"], cwd=root, check=True, capture_output=True)
    linked = _files(os.path.join(root, "site"))
    assert any(st.st_nlink > 1 for st in linked.values())  # warm: pages linked to the cache
    os.rename(os.path.join(root, "site"), tmp_path / "linked")

    for name in ("copies", "gc disabled"):
        subprocess.run(commands[name], cwd=root, check=True, capture_output=True)
        built = _files(os.path.join(root, "site"))
        assert built.keys() == linked.keys()
        if name == "copies":
            assert all(st.st_nlink == 1 for st in built.values())
        _, mismatch, errors = filecmp.cmpfiles(tmp_path / "linked", os.path.join(root, "site"),
                                               sorted(built), shallow=False)
        assert mismatch == [] and errors == []
        shutil.rmtree(os.path.join(root, "site"))
