"""`make fuzz`: run every fuzz target for a fixed time budget (not in CI).

FUZZ_SECONDS (default 300) is split between the targets. Hypothesis shrinks
any failure to a minimal example and prints it; turn it into a regression
test under tests/unit/ or tests/cases/.
"""

from __future__ import annotations

import os
import sys
import time

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, os.path.dirname(__file__))
from targets import TARGETS  # noqa: E402


def _property(fn, strategy, counter):  # type: ignore[no-untyped-def]
    """A fresh randomised Hypothesis property per round (no example database)."""

    @settings(max_examples=500, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def prop(x):  # type: ignore[no-untyped-def]
        counter[0] += 1
        fn(x)

    return prop


def main() -> int:
    budget = float(os.environ.get("FUZZ_SECONDS", "300"))
    per_target = budget / len(TARGETS)
    failures = 0
    for name, (fn, strategy) in TARGETS.items():
        counter = [0]
        deadline = time.monotonic() + per_target
        prop = _property(fn, strategy, counter)
        t0 = time.monotonic()
        try:
            while time.monotonic() < deadline:
                prop()
        except Exception as exc:  # report and go on with the next target
            failures += 1
            print(f"[{name}] FAILURE after {counter[0]} inputs: {exc!r}", flush=True)
        secs = time.monotonic() - t0
        print(f"[{name}] {counter[0]} inputs in {secs:.0f} s, {counter[0] / secs:.0f}/s",
              flush=True)
    print(f"fuzz: {failures} failing target(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
