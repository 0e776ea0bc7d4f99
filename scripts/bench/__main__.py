"""Run the benchmarks: ``make bench [BENCHES="name ..."]`` (``python -m bench [name ...]``
with ``scripts/`` on the path)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile

from bench import __path__ as _path

SKIP = {"synth", "measure", "searching", "baseline", "peer_sites", "imagequality", "__main__"}


def main(argv: list[str]) -> int:
    # `make bench` finds this package through PYTHONPATH=scripts; the commands it
    # times (ours through the installed package, the peers in their own venv) must
    # not inherit it: scripts/ would put this checkout's metadata in the peers' venv.
    os.environ.pop("PYTHONPATH", None)
    names = argv or sorted(m.name for m in pkgutil.iter_modules(_path) if m.name not in SKIP)
    out = os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="showcase-bench-")
    rows = []
    for name in names:
        mod = importlib.import_module(f"{__package__}.{name}")
        print(f"== {name}", file=sys.stderr, flush=True)
        rows.extend(mod.run(out))
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"\n{'measure'.ljust(width)}  value")
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
