"""Wall time per build phase, for ``make bench``.

The phases of one build add up here; with ``SHOWCASE_TIMINGS=<file>`` in its
environment, ``showcase build`` writes them there as JSON at the end. Nothing
else reads them: a build's output never depends on time.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator

ENV = "SHOWCASE_TIMINGS"
_spent: dict[str, float] = {}


@contextlib.contextmanager
def phase(name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - start)


def add(name: str, seconds: float) -> None:
    _spent[name] = _spent.get(name, 0.0) + seconds


def dump() -> None:
    path = os.environ.get(ENV)
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(_spent, fh, indent=1)
