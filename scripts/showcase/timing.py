"""Wall time, CPU time and memory per build phase, for ``make bench``.

The phases of one build add up here; with ``SHOWCASE_TIMINGS=<file>`` in its
environment, ``showcase build`` writes them there as JSON at the end:
``seconds`` (wall) and ``cpu`` (this process) by phase, ``peak_mib`` (this
process's peak resident memory once the phase ended, so the phase where it
grows shows) and ``workers_peak_mib`` (the largest peak among the processes it
started: the media workers). Nothing else reads them: a build's output never
depends on time.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import time
from collections.abc import Iterator

ENV = "SHOWCASE_TIMINGS"
_spent: dict[str, float] = {}
_cpu: dict[str, float] = {}
_peak: dict[str, float] = {}


@contextlib.contextmanager
def phase(name: str) -> Iterator[None]:
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        add(name, time.perf_counter() - start, time.process_time() - cpu)


def add(name: str, seconds: float, cpu: float | None = None) -> None:
    _spent[name] = _spent.get(name, 0.0) + seconds
    if cpu is not None:
        _cpu[name] = _cpu.get(name, 0.0) + cpu
    _peak[name] = _mib(resource.RUSAGE_SELF)


def _mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def dump() -> None:
    path = os.environ.get(ENV)
    if path:
        data = {"seconds": _spent, "cpu": _cpu, "peak_mib": _peak,
                "workers_peak_mib": _mib(resource.RUSAGE_CHILDREN)}
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
