"""Fuzz targets: each takes bytes/text and must never raise.

Shared by `make fuzz` (long budget) and the test suite (a few hundred examples).
"""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from hypothesis import strategies as st

from showcase.content import frontmatter
from showcase.content.diagnostics import Collector
from showcase.content.model import PROFILE_KEYS
from showcase.content.units import load_units
from showcase.content.validate import read_profile
from showcase.publish import markup

TODAY = dt.date(2026, 11, 24)
PATH = "profiles/u/2024-x.md"

_TOKENS = [
    "---", "\n", " ", "  ", ":", ": ", "- ", "[", "]", "{", "}", ",", "'", '"', "#", "&a", "*a",
    "!!python/object:os.system", "!t", "|", ">-", "~", "null", "yes", "no", "010", "2024-02-29",
    "2024-13-01", "20/05/2024", "\t", "\r\n", "\ufeff", "Ư\u0303", "đ", "<script>", "<b>",
    "javascript:", "](data:", "0912 345 678", "079123456789", "(VIẾT VÀO ĐÂY)", "```", "`",
    *PROFILE_KEYS, "consent", "date", "ref", "scope", "withdrawn", "year", "text", "web",
    "social", "individual", "collective", "household", "culture", "sports", "\x00", "\x85",
]
profile_text = st.lists(st.sampled_from(_TOKENS) | st.text(max_size=8), max_size=80).map("".join)
raw_bytes = st.binary(max_size=600)


def load_profile(data: bytes) -> None:
    out = Collector()
    text = frontmatter.decode(data, PATH, out)
    if text is None:
        return
    doc = frontmatter.split(text, PATH, out)
    if doc is not None:
        read_profile(PATH, "u", "x", doc, out, TODAY, lambda rel: None)
    for d in out.items:
        assert d.line >= 1 and d.code.startswith("SC") and "\n" not in d.text()


def load_units_file(data: bytes) -> None:
    out = Collector()
    load_units("profiles/units.yml", data, out, TODAY)
    for d in out.items:
        assert d.line >= 1


_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def render_story(text: str) -> None:
    html = markup.story_html(text)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(["script", "iframe", "object", "embed", "style", "img"]) is None
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), html
            if attr in ("href", "src"):
                v = "".join(str(value).split()).lower()
                assert not v.startswith(_DANGEROUS_SCHEMES), html


TARGETS = {
    "profile-text": (load_profile, profile_text.map(lambda s: s.encode("utf-8", "replace"))),
    "profile-bytes": (load_profile, raw_bytes),
    "units": (load_units_file, profile_text.map(lambda s: ("units:\n" + s).encode("utf-8",
                                                                                   "replace"))),
    "story": (render_story, profile_text),
}
