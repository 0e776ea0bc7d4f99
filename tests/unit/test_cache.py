"""The build cache's pieces: values by key, linking into a site, stories, validated profiles."""

from __future__ import annotations

import datetime as dt
import os
import shutil

from PIL import Image

from conftest import PROFILE, PROFILE_PATH, UNITS_YML
from showcase.content import corpus
from showcase.options import Options
from showcase.publish import markup
from showcase.store import hashes, sealed


def test_cached_story_is_the_story(tmp_path):
    body = "## Hành trình\n\nÔng gắn bó với [phong trào](https://a.gov.vn/).\n\n- một\n- hai\n"
    first = markup.stories({"a": body}, sealed.Shelf(str(tmp_path / "stories")))
    markup._MEMO.clear()  # a new process: read back from the shelf
    again = markup.stories({"a": body}, sealed.Shelf(str(tmp_path / "stories")))
    assert first == again == {"a": markup.story(body)}
    assert len([f for _, _, fs in os.walk(tmp_path / "stories") for f in fs]) == 1


def test_a_shelf_keeps_what_a_build_used_and_drops_the_rest(tmp_path):
    folder = tmp_path / "s"
    (folder / "ab").mkdir(parents=True)  # the layout before shelves: dropped
    (folder / "ab" / "ab12").write_text("x")
    shelf = sealed.Shelf(str(folder))
    for key in ("ab01", "ab02", "cd01"):
        shelf.put(key, [key])
    shelf.save()
    assert sorted(os.listdir(folder)) == ["ab", "ab.json", "cd.json"]
    later = sealed.Shelf(str(folder))
    assert later.get("ab02") == ["ab02"] and later.get("ef01") is None
    later.save({"ab02": ["ab02"]})  # this build used one value
    assert sorted(os.listdir(folder)) == ["ab.json"]
    again = sealed.Shelf(str(folder))
    assert again.get("ab01") is None and again.get("ab02") == ["ab02"]
    # A serve rebuild (no pruning) only adds.
    again.put("ab03", ["ab03"])
    again.save()
    assert sealed.Shelf(str(folder)).get("ab02") == ["ab02"]
    # A broken or half-written shard reads as empty; no temporary file is a shard.
    (folder / "ab.json").write_text("{not json")
    (folder / ".tmp-x").write_text("{}")
    assert sealed.Shelf(str(folder)).get("ab02") is None


def _repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(os.path.join(os.path.dirname(__file__), "..", "..", "profiles"),
                    root / "profiles", dirs_exist_ok=True)
    return root


def test_an_unchanged_profile_is_not_validated_again_but_gives_the_same_result(tmp_path):
    root = _repo(tmp_path)
    today = dt.date(2026, 11, 24)
    opts = Options()
    cold = corpus.load(str(root), today, options=opts)
    shards = sorted(p.name for p in (root / ".showcase-cache" / "profiles").iterdir())
    assert shards and all(name.endswith(".pickle") for name in shards)
    warm = corpus.load(str(root), today, options=opts)
    assert warm.profiles == cold.profiles
    assert warm.diagnostics.sorted() == cold.diagnostics.sorted()
    # Another date checked against is another context: nothing is reused wrongly.
    later = corpus.load(str(root), dt.date(2030, 1, 1), options=opts)
    assert later.profiles == corpus.load(str(root), dt.date(2030, 1, 1)).profiles


def test_a_photo_broken_after_the_profile_was_cached_is_still_refused(tmp_path):
    root = tmp_path / "repo"
    (root / "profiles" / "vhtt-a").mkdir(parents=True)
    (root / "profiles" / "units.yml").write_text(UNITS_YML, "utf-8")
    photo = root / "profiles" / "vhtt-a" / "anh.jpg"
    Image.new("RGB", (800, 600), (20, 120, 60)).save(photo, "JPEG")
    text = PROFILE.replace("consent:", "photo: anh.jpg\nphoto_alt: Ông A dạy đờn cho các em\n"
                                       "consent:")
    (root / PROFILE_PATH).write_text(text, "utf-8")
    today = dt.date(2026, 11, 24)
    opts = Options()
    assert corpus.load(str(root), today, options=opts).ok
    photo.write_bytes(photo.read_bytes()[:500])  # the profile's bytes did not change
    again = corpus.load(str(root), today, options=opts)
    assert not again.ok
    assert [d.code for d in again.diagnostics.errors] == ["SC084"]


def test_code_is_hashed_by_module_name_wherever_the_module_lives(tmp_path, monkeypatch):
    """A cached value's code part names modules, never paths: moving a module can
    never leave a key hashing a file that no longer exists, or no file at all."""
    assert hashes.source_path("showcase.store.hashes") == hashes.__file__
    assert hashes.source_path("showcase.store") == os.path.dirname(hashes.__file__)
    pkg = tmp_path / "probe_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("X = 1\n")
    (pkg / "data.txt").write_text("một\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    whole, one = hashes.code_hash("probe_pkg"), hashes.code_hash("probe_pkg.a")
    assert whole != one and hashes.code_hash("probe_pkg") == whole
    (pkg / "data.txt").write_text("hai\n")  # a package's files are all its code
    assert hashes.code_hash("probe_pkg") != whole and hashes.code_hash("probe_pkg.a") == one
    try:
        hashes.code_hash("probe_pkg.missing")
    except ModuleNotFoundError:
        pass
    else:
        raise AssertionError("a module that does not exist must not hash to a key")
