"""The search index as files: deterministic, patched in place exactly as built afresh,
never written through a hard link, and holding what the browser's ranking reads."""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import random

import pytest

from showcase.publish.search import bundle as search_bundle
from showcase.publish.search import encode as search_encode
from showcase.publish.search.records import Facets, IndexPlan, RecordKind, SearchRecord

TEXT = ("đường dương đổi số chuyển đời sống sở văn hóa hòa ghe ngo oóc om bóc dù kê "
        "ngư dân hiếu học lâm hồng sơn thạch thị vĩnh châu phòng thông tin du lịch "
        "sinh thái bóng chuyền điền kinh ấp xã huyện gia đình")
WORDS = tuple(TEXT.split(" "))


def records(n: int, seed: int = 7) -> tuple[SearchRecord, ...]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        text = tuple(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 40)))
                     for _ in range(rnd.randint(1, 4)))
        story = tuple(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(10, 90)))
                      for _ in range(rnd.randint(0, 5)))
        year = str(2020 + i % 6)
        facets = Facets(field=rnd.choice(("Văn hóa", "Thể thao")),
                        sectors=tuple(sorted(set(rnd.sample(("Gia đình", "Du lịch", "Thể thao"),
                                                            rnd.randint(1, 2))))),
                        unit=f"Đơn vị {i % 5}", kind=rnd.choice(("Cá nhân", "Tập thể")),
                        year=year)
        out.append(SearchRecord(
            url=f"ho-so/p-{i:04d}/", kind=RecordKind.PROFILE,
            title=" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 5))) + f" {i}",
            lead=text[0][:80], text=text, story=story, facets=facets,
            date=f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"))
    out += [SearchRecord(url=f"linh-vuc/l-{i}/", kind=RecordKind.LISTING, title=f"Văn hóa {i}",
                         lead="Danh sách", text=("Danh sách gương văn hóa",)) for i in range(3)]
    out.append(SearchRecord(url="gioi-thieu/", kind=RecordKind.GUIDE, title="Giới thiệu",
                            lead="Chuyên mục", text=("Chuyên mục giới thiệu gương điển hình",)))
    return tuple(out)


def tree(folder: pathlib.Path) -> dict[str, bytes]:
    return {f.relative_to(folder).as_posix(): f.read_bytes()
            for f in sorted(folder.rglob("*")) if f.is_file()}


def fresh(plan: IndexPlan, site: pathlib.Path) -> dict[str, bytes]:
    search_bundle.forget()
    search_bundle.write(plan, str(site))
    return tree(site)


@pytest.fixture(autouse=True)
def _forget():
    yield
    search_bundle.forget()


def test_the_same_records_give_the_same_bytes(tmp_path):
    recs = records(300)
    a = fresh(IndexPlan(recs), tmp_path / "a")
    shuffled = list(recs)
    random.Random(1).shuffle(shuffled)
    b = fresh(IndexPlan(tuple(shuffled)), tmp_path / "b")
    assert sorted(a) == sorted(b) and len(a) > 20
    assert [k for k in a if a[k] != b[k]] == []


@pytest.mark.parametrize("change", ["story", "title", "facets", "added", "removed", "none"])
def test_a_patched_index_is_the_index_built_afresh(tmp_path, change):
    recs = list(records(300))
    site = tmp_path / "served"
    search_bundle.forget()
    search_bundle.write(IndexPlan(tuple(recs)), str(site), from_cache=False)  # a serve's first
    r = recs[120]
    if change == "story":
        recs[120] = dataclasses.replace(r, story=r.story + ("một câu mới về đường làng",))
    elif change == "title":
        recs[120] = dataclasses.replace(r, title="Dương Văn Mới")
    elif change == "facets":
        recs[120] = dataclasses.replace(r, facets=dataclasses.replace(r.facets, year="2019"))
    elif change == "added":
        recs.append(dataclasses.replace(r, url="ho-so/moi/", date="2030-01-01"))
    elif change == "removed":
        del recs[120]
    search_bundle.write(IndexPlan(tuple(recs)), str(site), from_cache=False)  # after the edit
    assert search_bundle._STATE.records  # the state was kept and patched, not rebuilt
    patched = tree(site)
    again = fresh(IndexPlan(tuple(recs)), tmp_path / "fresh")
    assert sorted(patched) == sorted(again)
    assert [k for k in patched if patched[k] != again[k]] == []


def test_files_are_never_written_through_a_hard_link(tmp_path):
    site = tmp_path / "site"
    search_bundle.write(IndexPlan(records(50)), str(site))
    kept = tmp_path / "cache-entry"
    os.link(site / "tim-kiem" / "index.json", kept)  # as a warm build links the cache
    before = kept.read_bytes()
    search_bundle.forget()
    search_bundle.write(IndexPlan(records(60, seed=3)), str(site))
    assert kept.read_bytes() == before
    assert (site / "tim-kiem" / "index.json").read_bytes() != before


def _posting(site: pathlib.Path, folder: str, key: str) -> list:
    entry = json.loads((site / "tim-kiem" / "index.json").read_text("utf-8"))
    firsts = entry[folder]
    n = max(i for i, k in enumerate(firsts) if search_encode.utf16(k) <= search_encode.utf16(key))
    shard = json.loads((site / "tim-kiem" / folder / f"{n}.json").read_text("utf-8"))
    return shard["p"][shard["k"].index(key)]


def _docs(deltas: list[int]) -> list[int]:
    out, d = [], 0
    for x in deltas:
        d += x
        out.append(d)
    return out


def test_postings_hold_exact_forms_pairs_and_title_places(tmp_path):
    plain = dict(lead="", story=(), facets=None, kind=RecordKind.GUIDE)
    recs = (SearchRecord(url="a/", title="Đường làng", text=("Con đường mới, đường đẹp",), **plain),
            SearchRecord(url="b/", title="Cô Dương", text=("Cô Dương dạy chữ",), **plain),
            SearchRecord(url="c/", title="Chuyển đổi số", text=("Đời sống. Sở mới",), **plain))
    site = tmp_path / "site"
    search_bundle.write(IndexPlan(recs), str(site))
    forms, deltas, infos = _posting(site, "w", "duong")
    assert forms == ["dương", "đường"]  # sorted; a bit of each in the info's mask
    docs = _docs(deltas)
    masks = {d: i >> 5 for d, i in zip(docs, infos, strict=True)}
    assert masks == {0: 2, 1: 1}  # a/ holds "đường", b/ "dương"
    counts = sorted((i & 3) + 1 for i in infos)
    assert counts == [2, 3]  # "Cô Dương" twice; "đường" three times (title and text)
    # pairs: "chuyen doi", "doi so" within a paragraph, never "so doi" across two
    assert _docs(_posting(site, "p", "doi so")) == _docs(_posting(site, "p", "chuyen doi"))
    with pytest.raises(ValueError):
        _posting(site, "p", "so so")
    # titles: the length and the position of each syllable, with its exact form
    t_forms, t_deltas, lengths, places = _posting(site, "t", "so")
    assert t_forms == ["số"] and lengths == [3] and places == [16 * 2 + 0]


def test_a_new_build_of_the_same_records_links_the_index_from_the_build_cache(tmp_path):
    cache_dir = tmp_path / "cache"
    first = tmp_path / "first" / "site"
    search_bundle.write(IndexPlan(records(80)), str(first), str(cache_dir))
    entries = list((cache_dir / search_bundle.CACHE).iterdir())
    assert len(entries) == 1
    second = tmp_path / "second" / "site"  # another process: nothing kept in memory
    search_bundle.forget()
    search_bundle.write(IndexPlan(records(80)), str(second), str(cache_dir))
    assert tree(second) == tree(first)
    index = second / "tim-kiem" / "index.json"
    assert os.path.samefile(index, entries[0] / "index.json")  # linked, not written again
    # Other records, another entry (the first one ages out of the cache on its own).
    search_bundle.forget()
    search_bundle.write(IndexPlan(records(81)), str(tmp_path / "third"), str(cache_dir))
    assert len(list((cache_dir / search_bundle.CACHE).iterdir())) == 2
    assert tree(tmp_path / "third") == fresh(IndexPlan(records(81)), tmp_path / "nocache")
