"""Issue 3 goal: the quota computation for 10,000 profiles and 30 units in under 1 s.

Profiles and units are built in memory (no files): only the computation is
timed, then the renderers separately for information.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.content.vocab import FIELDS
from showcase.option_values import QuotaPeriod
from showcase.plan import quotas, reports

N_PROFILES, N_UNITS, REPEAT = 10_000, 30, 5
TODAY = dt.date(2026, 11, 24)
# The ended plan and a follow-on one, so that both kinds of semester are computed.
PERIODS = (
    QuotaPeriod(dt.date(2022, 1, 1), dt.date(2025, 12, 31), 1, 1, "Kế hoạch 2022-2025"),
    QuotaPeriod(dt.date(2026, 1, 1), dt.date(2030, 12, 31), 2, 1, "Kế hoạch 2026-2030"),
)


def corpus(seed: int = 7) -> tuple[list[Unit], list[Profile]]:
    rng = random.Random(seed)
    units = [
        Unit(f"don-vi-{i:02d}", f"Đơn vị thử nghiệm số {i}",
             ("district", "affiliated", "department-office")[i % 3], i % 3 != 2,
             dt.date(2023, 7, 1) if i % 10 == 4 else None,
             dt.date(2025, 6, 30) if i % 10 == 9 else None, (), i + 1)
        for i in range(N_UNITS)
    ]
    start, span = dt.date(2022, 1, 1), (dt.date(2026, 11, 20) - dt.date(2022, 1, 1)).days
    fields = list(FIELDS)
    profiles = []
    for i in range(N_PROFILES):
        u = units[i % N_UNITS]
        intro = start + dt.timedelta(days=rng.randrange(span))
        pub = intro + dt.timedelta(days=rng.randrange(5, 60)) if i % 7 else None
        profiles.append(Profile(
            path=f"profiles/{u.id}/{intro.year}-ho-so-{i:06d}.md", unit=u.id,
            slug=f"ho-so-{i:06d}", name=f"Hồ sơ {i}", kind="collective",
            field=fields[i % len(fields)], sectors=("culture",), introduced=intro,
            summary="Tóm tắt " * 5, body="", body_line=20, title=f"Hồ sơ {i}",
            published=pub, draft=i % 31 == 0, featured=i % 97 == 0,
        ))
    return units, profiles


def _best(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(out: str) -> list[tuple[str, str]]:
    units, profiles = corpus()
    q = quotas.compute(units, profiles, PERIODS, TODAY)
    cells = len(q.cells) + len(q.year_cells)
    secs = _best(lambda: quotas.compute(units, profiles, PERIODS, TODAY))
    label = f"quotas {N_PROFILES} profiles x {N_UNITS} units"
    verdict = "ok" if secs < 1.0 else "TOO SLOW (goal < 1 s)"
    y = quotas.for_year(units, profiles, PERIODS, TODAY, 2025)
    render = _best(lambda: (reports.table(y), reports.csv_bytes(y), reports.as_json(y)))
    return [
        (f"{label}: compute ({cells} cells, best of {REPEAT})", f"{secs:.3f} s, {verdict}"),
        (f"{label}: table + CSV + JSON for one year", f"{render:.3f} s"),
    ]
