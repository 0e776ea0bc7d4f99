"""The quota reports a build writes, kept in the build cache by their figures.

Every production build writes the year's reports beside the site (xlsx, CSV,
Markdown): at 10,000 profiles the spreadsheet alone takes a second of
openpyxl. The files are a function of the year's figures (``Annual``, with
its quota table) and of the code that lays them out, so a build whose
figures did not change takes the same bytes from ``.showcase-cache/reports``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.metadata import version

from showcase.plan import annual, report_files
from showcase.store import cache, hashes, sealed
from showcase.store.digest import digest

FOLDER = "reports"


def files(ann: annual.Annual, cache_dir: str | None) -> dict[str, bytes]:
    """``report_files.files(ann, ann.quotas)``, from the cache when made before."""
    if not cache_dir:
        return report_files.files(ann, ann.quotas)
    values = sealed.Values(os.path.join(cache_dir, FOLDER))
    key = cache.key("reports", _code(), digest((ann, ann.quotas)).hex())
    kept: dict[str, bytes] | None = values.get_object(key, dict)  # damaged, older: None
    if kept is not None and all(isinstance(k, str) and isinstance(v, bytes)
                                for k, v in kept.items()):
        return kept
    made = report_files.files(ann, ann.quotas)
    values.put_object(key, made)
    return made


@lru_cache(maxsize=1)
def _code() -> str:
    """The code that lays the reports out (all of plan/) and the spreadsheet library."""
    return cache.key(hashes.code_hash("showcase.plan"), version("openpyxl"))
