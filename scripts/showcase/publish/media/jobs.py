"""The media work of a build: one job per profile, run in worker processes.

A :class:`Job` makes one profile's photo variants and share card into their
cache entries (written atomically: :func:`cache.store`, :func:`cache.store_file`), so whatever
happens to a worker (an error, a crash, Ctrl-C, a killed build) no later build
can read a half-written entry. :class:`JobPool` runs the jobs, in large chunks
balanced by cost so that the camera photos are spread evenly over both cores,
and reports each job's :class:`Outcome`; few jobs run in-process, where a
worker's start-up would cost more than it saves. The same job gives the same
bytes in a worker and in-process.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import heapq
import multiprocessing
import os
import signal
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from showcase.content import photos
from showcase.publish import urls
from showcase.publish.media import cards, imaging
from showcase.publish.media.imaging import MediaError
from showcase.store import cache

# Cache misses above this many go to a process pool (both cores); below it the
# start-up of worker processes costs more than it saves.
POOL_THRESHOLD = 20
WORKERS = 2
CHUNKS_PER_WORKER = 8  # balance at the end of the run against the cost of a round trip
# Workers yield to the build's own process: while photos encode it renders pages,
# which the build waits for at least as long; the work done is the same.
WORKER_NICE = 5


@dataclass(frozen=True)
class Job:
    """One profile's media work; picklable for the process pool."""

    rel: str | None  # repo-relative photo path, for messages
    src: str | None  # absolute photo path
    sizes: tuple[tuple[int, int], ...]
    photo_dir: str | None  # cache entry to fill with variants, None = cached
    card_file: str | None  # cache file to write the card to, None = cached
    card: cards.CardSpec | None  # None: no card (a verdict-only job)
    verify: bool = False  # the photo's verdict is wanted, even if nothing is to be made

    @property
    def cost(self) -> int:
        """Relative CPU time (measured: ~50 ms variants, ~20 ms a decode, ~5 ms a card)."""
        decode = 10 if self.photo_dir else 4 if self.card_file and self.src else 0
        return decode + (1 if self.card_file else 0) + (1 if self.verify and not decode else 0)


@dataclass(frozen=True)
class Outcome:
    index: int  # of the job in the list given to the pool
    error: str | None = None  # the MediaError's message (Vietnamese), if it failed
    verdict: photos.Verdict | None = None  # the photo's, if it was decoded
    made: tuple[Made, ...] = ()  # the entries written, with their files' hashes


# What a job wrote: (entry name, ((file name or "" for a one-file entry, SHA-256), ...)),
# for the build's seals (see store/linked.py), hashed here from the bytes in memory.
Made = tuple[str, tuple[tuple[str, str], ...]]


def make(job: Job, made: list[Made] | None = None) -> photos.Verdict | None:
    """Make the job's missing cache entries; the photo's verdict if it was decoded.
    ``made``: what was written is appended to it.

    Raises :class:`MediaError` (a :class:`imaging.PhotoRefused` for a photo the
    check refuses, with its verdict).
    """
    if not (job.photo_dir or job.card_file):
        return photos.verdict(job.src) if job.verify and job.src else None
    verdict, photo = imaging.decode(job.src, job.sizes) if job.src else (None, None)
    if verdict is not None and photo is None:
        raise imaging.PhotoRefused(job.rel or job.src or "", verdict)
    images = imaging.variants(photo, job.sizes) if photo is not None else []
    if job.photo_dir and images:
        files = {}
        for im, (w, _) in zip(images, job.sizes, strict=True):
            files[urls.photo_name(w, "webp")] = imaging.encode(im, "WEBP", imaging.WEBP_OPTS)
            files[urls.photo_name(w, "jpg")] = imaging.encode(im, "JPEG", imaging.JPEG_OPTS)
        cache.store(job.photo_dir, files)
        if made is not None:
            made.append((os.path.basename(job.photo_dir), tuple(
                (name, hashlib.sha256(data).hexdigest()) for name, data in sorted(files.items()))))
    if job.card_file and job.card:
        card = cards.draw_card(job.card, cards.panel_source(images) if images else None)
        data = imaging.encode(card, "JPEG", imaging.CARD_OPTS)
        cache.store_file(job.card_file, data)
        if made is not None:
            made.append((os.path.basename(job.card_file),
                         (("", hashlib.sha256(data).hexdigest()),)))
    return verdict


def make_chunk(chunk: Sequence[tuple[int, Job]]) -> list[Outcome]:
    """Run jobs one after the other; a photo that fails does not stop the others."""
    out = []
    for index, job in chunk:
        made: list[Made] = []
        try:
            verdict = make(job, made)
        except imaging.PhotoRefused as exc:
            out.append(Outcome(index, str(exc), exc.verdict, tuple(made)))
        except MediaError as exc:
            out.append(Outcome(index, str(exc), None, tuple(made)))
        else:
            out.append(Outcome(index, None, verdict, tuple(made)))
    return out


def chunks(jobs: Sequence[Job], n: int) -> list[list[tuple[int, Job]]]:
    """``jobs`` (with their indexes) dealt into at most ``n`` chunks of even cost,
    each in the jobs' own order; the costliest chunk first."""
    heap = [(0, i) for i in range(max(1, min(n, len(jobs))))]
    dealt: list[list[tuple[int, Job]]] = [[] for _ in heap]
    for index in sorted(range(len(jobs)), key=lambda i: (-jobs[i].cost, i)):
        total, k = heapq.heappop(heap)
        dealt[k].append((index, jobs[index]))
        heapq.heappush(heap, (total + max(1, jobs[index].cost), k))
    costs = [sum(max(1, j.cost) for _, j in c) for c in dealt]
    return [sorted(c, key=lambda ij: ij[0])
            for _, c in sorted(zip(costs, dealt, strict=True), key=lambda cc: -cc[0]) if c]


class JobPool:
    """Jobs running in the background (worker processes), or in-process at :meth:`wait`."""

    def __init__(self, jobs: Sequence[Job], workers: int | None = None) -> None:
        self.jobs = list(jobs)
        n = workers if workers is not None else min(WORKERS, os.cpu_count() or 1)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._futures: list[concurrent.futures.Future[list[Outcome]]] = []
        self._done: list[Outcome] | None = None
        if len(self.jobs) > POOL_THRESHOLD and n >= 2:
            # 'spawn': forking a process that may hold threads (mkdocs serve) can deadlock.
            self._pool = concurrent.futures.ProcessPoolExecutor(
                n, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_init)
            try:
                for chunk in chunks(self.jobs, n * CHUNKS_PER_WORKER):
                    self._futures.append(self._pool.submit(make_chunk, chunk))
            except BaseException:
                self.cancel()
                raise

    def wait(self) -> list[Outcome]:
        """Every job's outcome, in the jobs' order. Raises :class:`MediaError` if a
        worker died; on any exception (Ctrl-C too) the workers are stopped first."""
        if self._done is not None:
            return self._done
        try:
            if self._pool is None:
                found = make_chunk(list(enumerate(self.jobs)))
            else:
                found = [o for f in self._futures for o in f.result()]
                self._pool.shutdown(wait=True)
                self._pool = None
        except concurrent.futures.process.BrokenProcessPool:
            self.cancel()
            raise MediaError(
                "Một tiến trình xử lý ảnh đã dừng đột ngột (có thể do hết bộ nhớ). "
                "Chạy lại lệnh dựng trang; nếu lỗi lặp lại, báo cho người quản trị."
            ) from None
        except BaseException:
            self.cancel()
            raise
        self._done = sorted(found, key=lambda o: o.index)
        return self._done

    def cancel(self) -> None:
        """Stop: drop the jobs not started, end the workers, reap them. Entries
        being written are left as temporary folders, which no build reads."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for f in self._futures:
            f.cancel()
        # Python 3.14 has pool.terminate_workers(); before it, the same by hand.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for p in processes:
            if p.is_alive():
                p.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        for p in processes:
            p.join()


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: a worker ends at once, quietly (no
    # traceback of its own), whatever the build's process is doing meanwhile; an
    # entry it was writing stays a temporary folder, which no build reads.
    signal.signal(signal.SIGINT, _quit)
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICE)
    Image.preinit()


def _quit(signum: int, frame: object) -> None:
    os._exit(128 + signum)
