"""Entries shared with sites: linked, never written through, reused only while intact."""

from __future__ import annotations

import os
import pathlib

from showcase.store import cache, linked


def _store(tmp_path: pathlib.Path) -> linked.Linked:
    return linked.Linked(str(tmp_path / "c"), str(tmp_path / "seals" / "c"))


def _page(tmp_path: pathlib.Path, name: str, data: bytes) -> pathlib.Path:
    page = tmp_path / "site" / name / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes(data)
    return page


def test_a_page_written_into_a_site_is_kept_as_the_same_file(tmp_path, monkeypatch):
    """No copy, read-only; where links fail, a copy; sealed either way."""
    store = _store(tmp_path)
    page = _page(tmp_path, "a", b"<html>trang</html>")
    assert not store.ok("ab/ab01")
    store.adopt("ab/ab01", str(page))
    assert os.path.samefile(store.path("ab/ab01"), page)
    assert not os.stat(page).st_mode & 0o222
    assert store.ok("ab/ab01")
    store.adopt("ab/ab01", str(page))  # again (another build had it): the same
    assert store.ok("ab/ab01")

    other = _page(tmp_path, "b", b"<html>khac</html>")

    def no_links(src, dst):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    store.adopt("ab/ab02", str(other))
    assert pathlib.Path(store.path("ab/ab02")).read_bytes() == b"<html>khac</html>"
    assert not os.path.samefile(store.path("ab/ab02"), other)
    store.save()
    assert _store(tmp_path).ok("ab/ab01") and _store(tmp_path).ok("ab/ab02")


def test_placing_never_writes_through_a_shared_file(tmp_path):
    """A site file linked to one entry, replaced by another, leaves the first intact."""
    store = _store(tmp_path)
    for name, data in (("aa/aa01", b"old page"), ("aa/aa02", b"new page")):
        store.adopt(name, str(_page(tmp_path, name[-2:], data)))
    dest = tmp_path / "out" / "index.html"
    dest.parent.mkdir()
    store.place("aa/aa01", str(dest))
    store.place("aa/aa01", str(dest))  # again, as a dirty rebuild does
    store.place("aa/aa02", str(dest))
    assert dest.read_bytes() == b"new page"
    assert pathlib.Path(store.path("aa/aa01")).read_bytes() == b"old page"
    assert store.ok("aa/aa01")


def test_writing_into_a_linked_site_file_makes_the_entry_a_miss(tmp_path):
    """As root does, whatever the mode: the cache's file changes with the site's."""
    store = _store(tmp_path)
    page = _page(tmp_path, "a", b"<html>trang</html>")
    store.adopt("ab/ab01", str(page))
    store.save()
    os.chmod(page, 0o644)
    with open(page, "r+b") as fh:  # the same length, other bytes
        fh.write(b"<html>TRANG</html>")
    later = _store(tmp_path)
    assert not later.ok("ab/ab01")
    assert not os.path.exists(later.path("ab/ab01"))  # removed: made again
    assert page.read_bytes() == b"<html>TRANG</html>"  # the old site's file is the user's


def test_moved_but_intact_files_are_rehashed_and_kept(tmp_path):
    """A cache restored elsewhere (new inodes and times): read again once, still used."""
    store = _store(tmp_path)
    store.adopt("ab/ab01", str(_page(tmp_path, "a", b"<html>trang</html>")))
    store.save()
    path = pathlib.Path(store.path("ab/ab01"))
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)  # a new inode, a new mtime
    later = _store(tmp_path)
    assert later.ok("ab/ab01")
    later.save()
    assert _store(tmp_path).seals == later.seals


def test_folder_entries_need_every_file_and_no_other(tmp_path):
    store = _store(tmp_path)
    cache.store(store.path("photo-1"), {"a.webp": b"aaa", "b.jpg": b"bbb"})
    store.seal("photo-1", {"a.webp": b"aaa", "b.jpg": b"bbb"})
    assert store.ok("photo-1")
    os.unlink(os.path.join(store.path("photo-1"), "b.jpg"))
    assert not store.ok("photo-1") and not os.path.exists(store.path("photo-1"))
    cache.store(store.path("photo-2"), {"a.webp": b"aaa"})
    store.seal("photo-2")
    (pathlib.Path(store.path("photo-2")) / "extra").write_bytes(b"x")
    assert not store.ok("photo-2")


def test_without_seals_or_with_damaged_ones_nothing_is_reused(tmp_path):
    store = _store(tmp_path)
    store.adopt("ab/ab01", str(_page(tmp_path, "a", b"<html>trang</html>")))
    store.save()
    seals = tmp_path / "seals" / "c"
    data = seals.read_bytes()
    os.chmod(seals, 0o644)
    seals.write_bytes(data[:-5])
    assert not _store(tmp_path).ok("ab/ab01")


def test_unused_entries_are_pruned_only_when_old(tmp_path):
    store = _store(tmp_path)
    for name in ("aa/aa01", "aa/aa02", "aa/aa03"):
        store.adopt(name, str(_page(tmp_path, name[-2:], b"x")))
    month_ago = os.path.getmtime(store.path("aa/aa01")) - 40 * 86400
    for name in ("aa/aa01", "aa/aa02"):
        os.utime(store.path(name), (month_ago, month_ago))
    cache.Blobs(store.folder).prune({"aa02"})
    store.save(pruned=True)
    assert sorted(store.seals) == ["aa/aa02", "aa/aa03"]


def test_marking_an_entry_used_keeps_its_seal_whole(tmp_path, monkeypatch):
    """The daily "last used" mark changes a card's mtime: its seal follows, so the
    next build does not read and hash every card again."""
    store = _store(tmp_path)
    cache.store_file(store.path("card-1.jpg"), b"\xff\xd8card")
    store.seal("card-1.jpg", b"\xff\xd8card")
    two_days_ago = os.path.getmtime(store.path("card-1.jpg")) - 2 * 86400
    os.utime(store.path("card-1.jpg"), (two_days_ago, two_days_ago))
    assert store.ok("card-1.jpg")  # the bytes are the sealed ones: kept, seal updated
    store.touch("card-1.jpg")
    assert os.path.getmtime(store.path("card-1.jpg")) > two_days_ago + 86400
    store.save()

    def no_hashing(path):
        raise AssertionError(f"{path} hashed again")

    monkeypatch.setattr(linked, "file_hash", no_hashing)
    assert _store(tmp_path).ok("card-1.jpg")
