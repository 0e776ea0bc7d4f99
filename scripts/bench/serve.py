"""Issue 14 goal: one edit under ``make serve`` visible in <= 2 s at 1,000, <= 5 s at 10,000.

On the corpus of :mod:`bench.site` (made if missing, reused with its
build cache otherwise), ``mkdocs serve --dirty`` as ``make serve`` runs it;
after the first build, a sentence is added to one profile's story and the
time is taken from the save to the first response that has it (polled every
50 ms), three times. The server's own reload check runs every 0.5 s or so.
"""

from __future__ import annotations

import functools
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable

from bench import site

SIZES = site.SIZES
FIRST_BUILD = 3600.0  # seconds: a cold first build at 10,000 makes every photo
EDIT_WITHIN = 120.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _has(url: str, text: str) -> bool:
    return text in _get(url)


def _wait(ok: Callable[[], bool], within: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < within:
        if ok():
            return time.monotonic() - start
        time.sleep(0.05)
    return float("nan")


def run(out: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    mkdocs = os.path.join(os.path.dirname(sys.executable), "mkdocs")
    for n in SIZES:
        root = os.path.join(out, f"site-{n}")
        if not os.path.isdir(os.path.join(root, "profiles")):
            site.corpus(out, n, os.getcwd())
        folder = os.path.join(root, "profiles", "don-vi-02")
        name = sorted(f for f in os.listdir(folder) if f.endswith(".md"))[0]  # published
        slug = name[5:-3]
        port = _port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        proc = subprocess.Popen([mkdocs, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=root, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        page = f"http://127.0.0.1:{port}/guong-dien-hinh/ho-so/{slug}/"
        try:
            first = _wait(functools.partial(_has, page, "</html>"), FIRST_BUILD)
            rows.append((f"serve {n:>6}: first build", f"{first:.1f} s"))
            for i in range(3):
                mark = f"Câu sửa thử {time.time_ns()} của Ban biên tập."  # new every run
                time.sleep(2)  # let the watcher settle after the last rebuild
                with open(os.path.join(folder, name), "a", encoding="utf-8") as fh:
                    fh.write(f"\n{mark}\n")
                secs = _wait(functools.partial(_has, page, mark), EDIT_WITHIN)
                rows.append((f"serve {n:>6}: edit {i + 1} visible after", f"{secs:.2f} s"))
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
    return rows
