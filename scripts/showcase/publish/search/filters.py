"""What a search result shows, and the filters (field, sector, unit, kind, year).

A result's row is ``[url, title, lead, facts]``, plain text (``search.js``
inserts it with ``textContent``); ``facts`` is "kind · unit · year" for a
profile, empty for a page (the script names its kind).

``loc.json`` holds, for each filter, its values with their counts and the
number of the file that lists their profiles: ``{"nam": [["2025", 12, 40],
...]}``; ``f/N.json`` is that list (delta-coded record numbers). The menus
need only the first file, a chosen value only its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from showcase.publish.search import encode as enc
from showcase.publish.search.records import Filter, SearchRecord


def row(rec: SearchRecord) -> str:
    facts = ""
    if rec.facets is not None:
        facts = " · ".join(x for x in (rec.facets.kind, rec.facets.unit, rec.facets.year) if x)
    return enc.text([rec.url, rec.title, rec.lead, facts])


def filter_files(records: Sequence[SearchRecord]) -> dict[str, str]:
    """``loc.json`` and ``f/N.json``: site-relative path under the index -> text."""
    docs: dict[Filter, dict[str, list[int]]] = {f: {} for f in Filter}
    for doc, rec in enumerate(records):
        if rec.facets is None:
            continue
        for key, value in rec.facets.pairs():
            if value:
                lists = docs[key].setdefault(value, [])
                if not lists or lists[-1] != doc:  # a value given twice counts once
                    lists.append(doc)
    out: dict[str, str] = {}
    menus: dict[str, list[list[object]]] = {}
    n = 0
    for key in Filter:
        menus[key.value] = []
        for value in sorted(docs[key]):
            menus[key.value].append([value, len(docs[key][value]), n])
            out[f"f/{n}.json"] = enc.deltas(docs[key][value])
            n += 1
    out["loc.json"] = enc.text(menus)
    return out
