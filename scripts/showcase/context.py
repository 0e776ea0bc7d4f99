"""What every command works with: the repository, its configuration and "today"."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from showcase.options import Options, read_mkdocs_yml
from showcase.plan import asof
from showcase.plan.semesters import today_in_province


@dataclass(frozen=True)
class Context:
    root: str  # repository root (the folder of mkdocs.yml)
    config_path: str
    config: dict[str, Any]
    options: Options
    today: dt.date  # the day reports and builds look at (``--today``)
    horizon: dt.date  # the latest date a fact may carry (see plan/asof.py)


def make_context(config_file: str, today: dt.date | None) -> Context:
    config_path = os.path.abspath(config_file)
    config, options = read_mkdocs_yml(config_path)
    now = options.today or today_in_province()
    day = today or now
    return Context(
        root=os.path.dirname(config_path),
        config_path=config_path,
        config=config,
        options=options,
        today=day,
        horizon=asof.horizon(day, now),
    )
