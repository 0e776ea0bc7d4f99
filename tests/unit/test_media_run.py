"""The asynchronous media API: plan from headers, start in workers, wait or cancel.

Real photos, real worker processes: an error in a worker, a worker killed
(as the OOM killer would), Ctrl-C while waiting and a cancelled build must
each leave no worker process behind and no half-written cache entry, and a
later build must make the same bytes as a fresh one.
"""

from __future__ import annotations

import dataclasses
import glob
import io
import multiprocessing
import os
import pathlib
import signal
import time
from collections.abc import Iterator

import pytest
from PIL import Image
from test_images import UNITS, _noise, gps_exif, options, profile, save

from showcase.content import photos
from showcase.publish.media import imaging
from showcase.publish.media import jobs as media_jobs
from showcase.publish.media import plan as media

N = media.POOL_THRESHOLD + 5  # enough cache misses for the process pool


def _photos(root: pathlib.Path, n: int = N, size: tuple[int, int] = (1200, 900)) -> list:
    found = [profile(f"p{i:02d}", save(root, f"p{i:02d}.jpg", _noise(*size, seed=i),
                                       exif=gps_exif(), quality=90))
             for i in range(n)]
    return found + [profile("khong-anh")]


def _plan(root: pathlib.Path, profiles: list, cache: str = ".showcase-cache") -> media.MediaPlan:
    o = options(cache)
    return media.plan_media(str(root), o.cache_dir, profiles, UNITS, o.column_name, o.department)


def _all_children() -> set[int]:
    pids: set[int] = set()
    for path in glob.glob(f"/proc/{os.getpid()}/task/*/children"):
        with open(path) as fh:
            pids.update(int(p) for p in fh.read().split())
    return pids


@pytest.fixture(autouse=True)
def _earlier_children() -> Iterator[None]:
    """Children this process had before the test (other tests' servers): not ours."""
    _BEFORE.clear()
    _BEFORE.update(_all_children())
    yield


_BEFORE: set[int] = set()


def _children() -> list[tuple[int, str]]:
    """(pid, state) of the children this test started, zombies included (from /proc);
    not multiprocessing's resource tracker, which lives as long as this process."""
    states = []
    for pid in sorted(_all_children() - _BEFORE):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if b"resource_tracker" in fh.read():
                    continue
            with open(f"/proc/{pid}/stat") as fh:
                states.append((pid, fh.read().rsplit(")", 1)[1].split()[0]))
        except OSError:
            continue  # ended meanwhile
    return states


def _entries_complete(cache: pathlib.Path) -> None:
    """Every entry a build could read holds all its files, each a whole image."""
    for entry in (cache / "media").iterdir():
        if entry.name.startswith(".tmp-"):
            continue  # never read: not an entry
        if entry.name.startswith("photo-"):
            names = sorted(p.name for p in entry.iterdir())
            assert names == ["anh-480.jpg", "anh-480.webp", "anh-960.jpg", "anh-960.webp"]
            files = list(entry.iterdir())
        else:  # a card: one file
            assert entry.name.startswith("card-") and entry.suffix == ".jpg" and entry.is_file()
            files = [entry]
        for f in files:
            with Image.open(f) as im:
                im.load()


def _site_bytes(manifest: media.Manifest, site: pathlib.Path) -> dict[str, bytes]:
    media.write(manifest, str(site))
    return {str(f.relative_to(site)): f.read_bytes() for f in sorted(site.rglob("*.*"))}


def test_plan_reads_headers_only_and_has_every_url_and_size(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    profiles = _photos(tmp_path, 3)

    def no_decoding(*args: object, **kw: object) -> None:
        raise AssertionError("plan_media decoded a photo")

    monkeypatch.setattr(photos, "decode", no_decoding)
    monkeypatch.setattr(imaging, "load", no_decoding)
    plan = _plan(tmp_path, profiles)
    assert sorted(plan.manifest) == sorted(p.slug for p in profiles)
    assert len(plan.jobs) == 4  # three photos and their cards, one card alone
    first = plan.manifest["p00"]
    assert first.photo is not None
    assert [(v.url, v.width, v.height) for v in first.photo.webp] == [
        ("ho-so/p00/anh-480.webp", 480, 360), ("ho-so/p00/anh-960.webp", 960, 720)]
    everything = [v for m in plan.manifest.values()
                  for v in (m.card, *(m.photo.webp + m.photo.jpeg if m.photo else ()))]
    assert {v.length for v in everything} == {0}
    monkeypatch.undo()

    measured = media.start(plan).wait()
    for slug, planned in plan.manifest.items():  # the same, but with byte lengths
        got = measured[slug]
        assert got.entries == planned.entries
        assert dataclasses.replace(got.card, length=0) == planned.card
        assert got.card.length == os.path.getsize(got.entries[-1])
        if planned.photo and got.photo:
            assert [dataclasses.replace(v, length=0) for v in got.photo.webp] == \
                list(planned.photo.webp)
            assert all(v.length > 0 for v in got.photo.webp + got.photo.jpeg)


def test_plan_refuses_a_missing_or_headerless_photo(tmp_path: pathlib.Path) -> None:
    with pytest.raises(media.MediaError, match="khong-co.jpg.*không tìm thấy"):
        _plan(tmp_path, [profile("a", "khong-co.jpg")])
    bad = tmp_path / "profiles/vhtt-a/rac.jpg"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"\xff\xd8\xff not really a JPEG")
    with pytest.raises(media.MediaError, match="rac.jpg"):
        _plan(tmp_path, [profile("b", "rac.jpg")])


def test_start_returns_at_once_and_the_pool_gives_the_in_process_bytes(
    tmp_path: pathlib.Path,
) -> None:
    profiles = _photos(tmp_path)
    plan = _plan(tmp_path, profiles, "cache-pool")
    t0 = time.perf_counter()
    run = media.start(plan)
    started = time.perf_counter() - t0
    assert [pid for pid, _ in _children()]  # the workers are there, making the files
    pooled = _site_bytes(run.wait(), tmp_path / "pool")
    assert started < 2.0  # submitting, not making: the making takes several seconds
    assert run.wait() is run.wait()  # waited once, kept
    assert not _children()

    serial = {}
    for i in range(0, len(profiles), 5):  # at most 5 misses a run: in-process
        serial.update(_site_bytes(media.prepare(str(tmp_path), "cache-serial", profiles[i:i + 5],
                                                UNITS, "c", "d"), tmp_path / "serial"))
    assert len(pooled) == 5 * N + 1
    # Cards show the column and Department, given differently here: compare photos.
    assert {k: v for k, v in pooled.items() if "anh-" in k} == \
        {k: v for k, v in serial.items() if "anh-" in k}


def test_a_worker_error_is_raised_in_profile_order_and_the_rest_is_made(
    tmp_path: pathlib.Path,
) -> None:
    profiles = _photos(tmp_path)
    for i in (7, 3):  # two truncated uploads: the first in profile order is reported
        path = tmp_path / "profiles/vhtt-a" / f"p{i:02d}.jpg"
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 2 // 3])
    run = media.start(_plan(tmp_path, profiles))
    with pytest.raises(media.MediaError, match=r"p03\.jpg.*cắt cụt") as caught:
        run.wait()
    assert "Traceback" not in str(caught.value)
    assert not _children()
    _entries_complete(tmp_path / ".showcase-cache")
    # Every other photo was made: fixing the two leaves only them to make.
    for i in (3, 7):
        save(tmp_path, f"p{i:02d}.jpg", _noise(1200, 900, seed=i), exif=gps_exif(), quality=90)
    assert len(_plan(tmp_path, profiles).jobs) == 2


def _killed_or_interrupted(tmp_path: pathlib.Path, how: str) -> None:
    profiles = _photos(tmp_path, N, (1600, 1200))
    run = media.start(_plan(tmp_path, profiles))
    if how == "kill":
        deadline = time.monotonic() + 30
        while not (workers := [p for p in multiprocessing.active_children()
                               if p.is_alive() and p.pid not in _BEFORE]):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(0.3)  # at work by now
        os.kill(workers[0].pid or 0, signal.SIGKILL)
        with pytest.raises(media.MediaError, match="dừng đột ngột"):
            run.wait()
    elif how == "ctrl-c":
        def interrupt(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGALRM, interrupt)
        try:
            # Soon after the start: the whole run takes well under a second
            # on a fast machine, and the interrupt must find it still waiting.
            signal.setitimer(signal.ITIMER_REAL, 0.15)
            with pytest.raises(KeyboardInterrupt):
                run.wait()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    else:
        with run:  # a failed build leaves the block without waiting
            time.sleep(0.8)
    assert not _children(), "a worker (or a zombie) outlived the run"
    cache = tmp_path / ".showcase-cache"
    _entries_complete(cache)
    # The next build finishes the job; its files are those of a build from scratch.
    again = _site_bytes(media.prepare(str(tmp_path), ".showcase-cache", profiles, UNITS, "c", "d"),
                        tmp_path / "again")
    fresh = _site_bytes(media.prepare(str(tmp_path), "fresh-cache", profiles, UNITS, "c", "d"),
                        tmp_path / "fresh")
    assert again == fresh and len(again) == 5 * N + 1


@pytest.mark.parametrize("how", ["kill", "ctrl-c", "cancel"])
def test_a_stopped_run_leaves_no_process_and_no_half_entry(tmp_path: pathlib.Path,
                                                          how: str) -> None:
    _killed_or_interrupted(tmp_path, how)


def test_chunks_spread_the_camera_photos_evenly() -> None:
    spec = profile("x")
    jobs = [media_jobs.Job(f"{i}.jpg" if i % 3 == 0 else None, f"/{i}.jpg" if i % 3 == 0 else None,
                           ((480, 320),), f"/p{i}" if i % 3 == 0 else None, f"/c{i}",
                           media._card_spec(spec, UNITS, "c", "d"))
            for i in range(300)]
    dealt = media_jobs.chunks(jobs, 16)
    assert len(dealt) == 16
    assert sorted(i for c in dealt for i, _ in c) == list(range(300))  # each job once
    photos_per_chunk = [sum(1 for _, j in c if j.photo_dir) for c in dealt]
    assert max(photos_per_chunk) - min(photos_per_chunk) <= 1
    costs = [sum(j.cost for _, j in c) for c in dealt]
    assert max(costs) - min(costs) <= 11  # at most one photo's worth apart
    assert all([i for i, _ in c] == sorted(i for i, _ in c) for c in dealt)


def test_few_misses_are_made_in_process_when_waited_for(tmp_path: pathlib.Path) -> None:
    run = media.start(_plan(tmp_path, _photos(tmp_path, 2)))
    assert not _children()
    manifest = run.wait()
    assert all(m.card.length > 0 for m in manifest.values())
    with Image.open(io.BytesIO(pathlib.Path(manifest["p00"].entries[0],
                                            "anh-960.webp").read_bytes())) as im:
        assert im.size == (960, 720) and not im.getexif()


def test_unchecked_photos_are_decoded_once_and_refused_even_without_a_page(
    tmp_path: pathlib.Path,
) -> None:
    """What the loader deferred (``Corpus.unchecked``): the run's decoding gives the
    check's verdict, kept for the next check; a photo of a profile without a page
    (a draft) is decoded too, since the check refuses it."""
    from showcase.content import photo_verdicts

    good = _photos(tmp_path, 2)
    draft = save(tmp_path, "nhap.jpg", _noise(800, 600), quality=90)
    path = tmp_path / "profiles/vhtt-a" / draft
    path.write_bytes(path.read_bytes()[:3000])
    verify = ["profiles/vhtt-a/p00.jpg", "profiles/vhtt-a/p01.jpg", f"profiles/vhtt-a/{draft}"]
    o = options()
    run = media.start(media.plan_media(str(tmp_path), o.cache_dir, good, UNITS, "c", "d", verify))
    with pytest.raises(media.PhotosRefused, match=r"nhap\.jpg.*cắt cụt.*\[SC084\]") as caught:
        run.wait()
    assert caught.value.verdicts == {f"profiles/vhtt-a/{draft}": ("JPEG", "truncated", "")}
    kept = photo_verdicts.Verdicts.load(str(tmp_path / o.cache_dir))
    for rel in verify:  # all three kept: the next check decodes none of them
        assert kept.get(str(tmp_path / rel), rel) == photos.verdict(str(tmp_path / rel))
