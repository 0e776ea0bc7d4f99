"""Fuzz targets: each takes bytes/text and must never raise, nor stall.

Shared by `make fuzz` (long budget) and the test suite (a few hundred examples).
Every target runs under a per-input time budget (FUZZ_INPUT_SECONDS, default
2 s): an input that takes longer fails with :class:`SlowInput`, exactly as a
crash does, and Hypothesis shrinks it to a minimal slow example.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from bs4 import BeautifulSoup
from hypothesis import strategies as st

from showcase.content import chars, frontmatter, safety, storylimits
from showcase.content.diagnostics import Collector
from showcase.content.model import PROFILE_KEYS
from showcase.content.units import load_units
from showcase.content.validate import read_profile
from showcase.publish import markup

INPUT_SECONDS = float(os.environ.get("FUZZ_INPUT_SECONDS", "2"))


class SlowInput(AssertionError):
    """One input took longer than the per-input budget: a stall is a failure."""


def budgeted(fn: Callable[[Any], None], seconds: float = INPUT_SECONDS) -> Callable[[Any], None]:
    """``fn`` under a budget of CPU time per call.

    CPU time, not the wall clock: the machine is shared, and an input must
    not fail because another job ran meanwhile. In the main thread a virtual
    timer interrupts the call as soon as the budget is spent (python-markdown
    is pure Python, so the interruption lands within milliseconds); the time
    is checked again when the call returns, for work done in one C call.
    """

    @functools.wraps(fn)
    def run(x: Any) -> None:
        alarm = threading.current_thread() is threading.main_thread() and hasattr(
            signal, "setitimer")
        if alarm:
            def on_alarm(signum: int, frame: Any) -> None:
                raise SlowInput(f"{fn.__name__}: one input took over {seconds} s of CPU")

            old_handler = signal.signal(signal.SIGVTALRM, on_alarm)
            signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
        start = time.process_time()
        try:
            fn(x)
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
                signal.signal(signal.SIGVTALRM, old_handler)
        elapsed = time.process_time() - start
        if elapsed > seconds:
            raise SlowInput(f"{fn.__name__}: one input took {elapsed:.1f} s of CPU "
                            f"(budget {seconds} s)")

    return run


TODAY = dt.date(2026, 11, 24)
PATH = "profiles/u/2024-x.md"

_TOKENS = [
    "---", "\n", " ", "  ", ":", ": ", "- ", "[", "]", "{", "}", ",", "'", '"', "#", "&a", "*a",
    "!!python/object:os.system", "!t", "|", ">-", "~", "null", "yes", "no", "010", "2024-02-29",
    "2024-13-01", "20/05/2024", "\t", "\r\n", "\ufeff", "Ư\u0303", "đ", "<script>", "<b>",
    "javascript:", "](data:", "0912 345 678", "079123456789", "(VIẾT VÀO ĐÂY)", "```", "`",
    *PROFILE_KEYS, "consent", "date", "ref", "scope", "withdrawn", "year", "text", "web",
    "social", "individual", "collective", "household", "culture", "sports", "\x00", "\x85",
    "\x1b", "\u202e", "\u200b", "\\e", "\\u202E", "０９１２３４５６７８", "a@b.com", "mailto:",
    "[[[[", "{{{{",
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
        assert not chars.FORBIDDEN.search(d.text() + d.github()), d


def load_units_file(data: bytes) -> None:
    out = Collector()
    load_units("profiles/units.yml", data, out, TODAY)
    for d in out.items:
        assert d.line >= 1
        assert not chars.FORBIDDEN.search(d.text()), d


_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def render_story(text: str) -> str:
    html = markup.story_html(text)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(["script", "iframe", "object", "embed", "style", "img"]) is None
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), html
            if attr in ("href", "src"):
                v = "".join(str(value).split()).lower()
                assert not v.startswith(_DANGEROUS_SCHEMES), html
    return html


# Long runs of the characters python-markdown pays most for: the check must
# either refuse the story or let it render within the budget.
_MD_TOKENS = [
    "[", "]", "(", ")", "](", "![", "*", "**", "_", "`", "\\", "<", "&", "|", "#", "## ", ">",
    "> ", "- ", "1. ", "    ", "  ", "\n", "\n\n", "---\n", "=\n", "a", "chữ ", "[a](/b)",
    "<https://a.vn>", "&amp;", "|a|b|\n|-|-|\n", "\t", "[x]: /y\n", "a  \n", "&#x202E;",
    "&#27;", "&rlm;", "\x00", "\x1b",
]
story_runs = st.lists(
    st.tuples(st.sampled_from(_MD_TOKENS), st.integers(1, 4000)), min_size=1, max_size=12,
).map(lambda runs: "".join(tok * n for tok, n in runs))


def check_then_render(text: str) -> None:
    """What the pipeline does: a story the check accepts must render in time, and
    carry no control or direction character into the page."""
    if list(storylimits.check(text)):
        return
    html = render_story(text)
    if not any(f.kind == "char" for f in safety.scan(text, markdown=True)):
        assert chars.FORBIDDEN.search(html) is None, html[:200]


TARGETS = {
    "profile-text": (budgeted(load_profile),
                     profile_text.map(lambda s: s.encode("utf-8", "replace"))),
    "profile-bytes": (budgeted(load_profile), raw_bytes),
    "units": (budgeted(load_units_file),
              profile_text.map(lambda s: ("units:\n" + s).encode("utf-8", "replace"))),
    "story": (budgeted(render_story), profile_text),
    "story-runs": (budgeted(check_then_render), story_runs),
}
