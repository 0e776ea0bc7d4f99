"""The search index's format is written once (publish/search/layout.py) and both sides
read it: the encoder's constants come from it, search.js holds the same numbers, and
a layout changed without a new FORMAT fails here."""

from __future__ import annotations

import json
import re

from conftest import REPO
from showcase.publish.search import bundle, encode, layout, words

SEARCH_JS = REPO / "scripts" / "showcase" / "assets" / "search.js"


def _js() -> str:
    return SEARCH_JS.read_text("utf-8")


def test_search_js_holds_the_layout_line():
    line = layout.js_line()
    assert line in _js(), (
        "search.js decodes with other numbers than publish/search/layout.py; "
        f"its LAYOUT line must read:\n  {line}")


def test_a_changed_layout_needs_a_new_format():
    assert len(set(layout.DIGESTS.values())) == len(layout.DIGESTS), "a digest used twice"
    assert layout.DIGESTS.get(layout.FORMAT) == layout.digest(), (
        f"the layout changed: set FORMAT = {max(layout.DIGESTS) + 1} and add "
        f"{max(layout.DIGESTS) + 1}: {layout.digest()!r} to DIGESTS (never edit a past entry)")
    assert bundle.FORMAT == layout.FORMAT


def test_the_fields_of_a_packed_number_do_not_overlap_and_fit_31_bits():
    for group in (layout.INFO, layout.PLACE):
        used = 0
        for bits in vars(group).values():
            field = bits.limit << bits.shift
            assert not used & field, group
            used |= field
        assert used < 1 << 31, group  # JavaScript's >> works on signed 32-bit integers


def test_the_encoder_packs_with_the_layout():
    assert layout.INFO.own.unit == words.OWN and layout.INFO.quarter.unit == words.EARLY
    assert layout.INFO.forms.unit == encode.MASK and layout.PLACE.position.unit == encode.POSITION
    place = 7 * encode.POSITION + 3
    assert layout.PLACE.position.of(place) == 7 and layout.PLACE.form.of(place) == 3


def test_search_js_reads_only_what_the_layout_names():
    js = _js()
    entry_keys = set(re.findall(r"\b(?:entry|e)\.([a-z])\b", js))
    assert entry_keys and entry_keys <= set(layout.ENTRY), entry_keys
    folders = set(re.findall(r'(?:shardRange|get)\("([a-z])"', js))
    folders |= set(re.findall(r'get\("([a-z])/"', js))
    assert folders and folders <= set(layout.FOLDERS), folders
    # no bit arithmetic of its own beside the layout's: shifts and masks only in
    # bits()/top(), and the binary searches' halving
    shifts = re.findall(r"[^\n]*(?:>>|<<|&\s*\d)[^\n]*", js)
    own = [s for s in shifts if "(lo + hi) >> 1" not in s and "(a + b) >> 1" not in s
           and "function top" not in s and "function bits" not in s
           and "COUNT_CAP = 1 <<" not in s and "mask & (1 << m)" not in s]
    assert not own, own


def test_the_index_entry_has_exactly_the_layouts_keys(tmp_path):
    from showcase.publish.search.records import IndexPlan, RecordKind, SearchRecord
    rec = SearchRecord(url="a/", title="Đường làng", text=("Con đường mới",), lead="",
                       story=(), facets=None, kind=RecordKind.GUIDE)
    site = tmp_path / "site"
    bundle.forget()
    bundle.write(IndexPlan((rec,)), str(site))
    entry = json.loads((site / "tim-kiem" / "index.json").read_text("utf-8"))
    assert tuple(entry) == layout.ENTRY and entry["f"] == layout.FORMAT
    assert {p.name for p in (site / "tim-kiem").iterdir() if p.is_dir()} <= set(layout.FOLDERS)
