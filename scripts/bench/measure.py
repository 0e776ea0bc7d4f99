"""Time, CPU time and peak memory of a command run in a child process, and how a
bench orders its runs and sums them up.

Every build of every tool, ours and the peers', is timed alike: the whole
process from the outside (wall clock around the child, from its spawn to its
exit; CPU and peak memory from ``wait4``), never a clock inside the child.

Linux carries a process's peak resident memory (ru_maxrss) across fork and
exec: a child's peak is at least its parent's high-water mark. A bench process
that grew (a corpus in memory, an earlier benchmark of ``make bench``) would
floor every build's peak at its own, so commands are started from a small
launcher process (``fresh``), whose mark is a few MiB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_LAUNCH = (
    "import os,sys,time\n"
    "t=time.perf_counter()\n"
    "pid=os.posix_spawnp(sys.argv[2],sys.argv[2:],os.environ)\n"
    "_,st,ru=os.wait4(pid,0)\n"
    "rc=os.waitstatus_to_exitcode(st)\n"
    "if sys.argv[1]:\n"
    "    with open(sys.argv[1],'w') as fh:\n"
    "        fh.write(f'{time.perf_counter()-t} {ru.ru_utime+ru.ru_stime} {ru.ru_maxrss} {rc}')\n"
    "sys.exit(rc if rc>=0 else 1)\n"
)


@dataclass(frozen=True)
class Usage:
    wall: float  # seconds
    cpu: float  # user + sys seconds of the command and the children it waited for
    mib: float  # peak resident memory of the command (its largest process)
    rc: int  # exit code, negative for a signal


def fresh(cmd: list[str], report: str = "") -> list[str]:
    """``cmd`` started from the small launcher; ``report`` receives its figures."""
    return [sys.executable, "-c", _LAUNCH, report, *cmd]


def timed(cmd: list[str], cwd: str, log: str | None = None,
          env: dict[str, str] | None = None) -> Usage:
    """Run ``cmd`` (output to ``log``, or discarded) and read its own figures."""
    fd, report = tempfile.mkstemp(suffix=".rusage")
    os.close(fd)
    try:
        with open(log or os.devnull, "wb") as out:
            proc = subprocess.run(fresh(cmd, report), cwd=cwd, stdout=out,
                                  stderr=subprocess.STDOUT, env=env, check=False)
        with open(report, encoding="utf-8") as fh:
            fields = fh.read().split()
    finally:
        os.remove(report)
    if len(fields) != 4:  # the launcher itself failed (command not found...)
        return Usage(float("nan"), float("nan"), float("nan"), proc.returncode or 127)
    wall, cpu, kib, rc = fields
    return Usage(float(wall), float(cpu), float(kib) / 1024, int(rc))


def run_cmd(cmd: list[str], cwd: str) -> tuple[float, float, int]:
    """(seconds, peak MiB of the child, exit code) for one run of ``cmd``."""
    fd, log = tempfile.mkstemp(suffix=".log")
    os.close(fd)
    try:
        use = timed(cmd, cwd, log)
        if use.rc:
            with open(log, encoding="utf-8", errors="replace") as fh:
                print(fh.read()[-2000:])
    finally:
        os.remove(log)
    return use.wall, use.mib, use.rc


@dataclass(frozen=True)
class Spread:
    """The median of a figure over runs, with its range."""

    median: float
    low: float
    high: float
    n: int

    def text(self, unit: str = " s", digits: int = 1) -> str:
        """``12.3 s (11.9-12.8, 3 runs)``; one run: ``12.3 s (1 run)``."""
        def f(v: float) -> str:
            return f"{v:.{digits}f}"
        if self.n == 1:
            return f"{f(self.median)}{unit} (1 run)"
        return f"{f(self.median)}{unit} ({f(self.low)}-{f(self.high)}, {self.n} runs)"


def spread(values: Sequence[float]) -> Spread:
    """Median and range of ``values`` (at least one)."""
    if not values:
        raise ValueError("no value to summarise")
    return Spread(statistics.median(values), min(values), max(values), len(values))


def interleave(tools: Sequence[str], runs: int, phases: Sequence[str] = ("cold", "warm"),
               limit: Mapping[str, int] | None = None) -> list[tuple[int, str, str]]:
    """The order of a bench's builds: ``(round, tool, phase)``.

    Every round builds each tool once in each phase, in ``phases``' order (a warm
    build right after the same tool's cold one, so it finds that build's cache);
    the tools' order turns by one each round, so that no tool always comes first
    (after the corpus was written, with the page cache of a fresh file tree) or
    always last. All of one round ends before the next starts: a slow spell of the
    machine falls on every tool, not on one tool's runs. ``limit`` gives a tool
    fewer rounds (the first ones): a slow peer run once at 10,000 profiles.
    """
    order = list(tools)
    out = []
    for r in range(runs):
        k = r % len(order) if order else 0
        for tool in order[k:] + order[:k]:
            if limit is None or r < limit.get(tool, runs):
                out += [(r, tool, phase) for phase in phases]
    return out


def load() -> float:
    """The 1-minute load average, reported beside each figure (a shared machine)."""
    return os.getloadavg()[0]
