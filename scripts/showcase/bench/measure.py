"""Time and peak memory of a command run in a child process."""

from __future__ import annotations

import resource
import subprocess
import time


def run_cmd(cmd: list[str], cwd: str) -> tuple[float, float, int]:
    """(seconds, peak MiB of the child, exit code) for one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False)
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the max over all children so far: run the
    # biggest corpus last, or in a fresh process, to read it per size.
    if proc.returncode:
        print(proc.stderr.decode(errors="replace")[-2000:])
    return secs, max(peak, before) / 1024, proc.returncode
