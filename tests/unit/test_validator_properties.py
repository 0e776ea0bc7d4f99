"""Property-based tests: no input crashes the loader or the validator."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.content import frontmatter
from showcase.content.diagnostics import Collector
from showcase.content.model import PROFILE_KEYS
from showcase.content.validate import read_profile

TODAY = dt.date(2026, 11, 24)
KEYS = [*PROFILE_KEYS, "consent", "nam", "summary ", "ảnh", "- x", "? k"]
SCALARS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "~", "null", "yes", "no", "010", "0x1F", "1e3", ".inf", "2024-02-30", "2024-05-20",
         "20/05/2024", "&a x", "*a", "!!python/object:os.system", "!tag x", "[a, b", "{a: 1}",
         "|", ">-", "'quoted'", '"x\\u0000"', "<script>alert(1)</script>", "0912 345 678",
         "079123456789", "[culture, family]", "{date: 2024-05-15, ref: x}", "individual",
         "- {year: 2024, text: x}", "\t", "---", "..."]
    ),
)


def _value(draw_scalar: str, nested: list[tuple[str, str]]) -> str:
    if nested:
        return "\n" + "\n".join(f"  {k}: {v}" for k, v in nested)
    return " " + draw_scalar


ENTRY = st.tuples(
    st.sampled_from(KEYS),
    SCALARS,
    st.lists(st.tuples(st.sampled_from(["date", "ref", "scope", "withdrawn", "year", "text"]),
                       SCALARS), max_size=3),
)


def _validate(data: bytes) -> Collector:
    out = Collector()
    text = frontmatter.decode(data, "profiles/u/2024-x.md", out)
    if text is None:
        return out
    doc = frontmatter.split(text, "profiles/u/2024-x.md", out)
    if doc is not None:
        read_profile("profiles/u/2024-x.md", "u", "x", doc, out, TODAY, lambda rel: None)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, max_size=12), st.text(max_size=200))
def test_random_front_matter_never_crashes(entries, body):
    lines = ["---", *(f"{k}:{_value(v, nested)}" for k, v, nested in entries), "---", body]
    out = _validate("\n".join(lines).encode("utf-8", "replace"))
    for d in out.items:
        assert d.line >= 1 and d.code.startswith("SC") and d.message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data):
    _validate(b"---\n" + data)
    _validate(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes(text):
    _validate(text.encode("utf-8", "replace"))
