"""A short run of the `make fuzz` targets inside the test suite."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "fuzz"))
from targets import TARGETS, load_profile, render_story  # noqa: E402


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_target_short_run(name):
    fn, strategy = TARGETS[name]

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def prop(x):
        fn(x)

    prop()


# Regressions found by `make fuzz` (each was a crash or an unsafe output once).
@pytest.mark.parametrize(
    "data",
    [
        b"---\n? [a]\n: b\n---\n",  # complex key
        b"---\n---\n---\n",  # empty front matter then a stray fence
        b"---\nname: \x85\n---\n",  # NEL control character
        b"---\nname: a\n...\n",  # YAML document end marker as fence
    ],
)
def test_loader_regressions(data):
    load_profile(data)


@pytest.mark.parametrize(
    "story",
    ["[x](java\tscript:alert(1))", "<a href='javascript:1'>x</a>", "![x](data:image/png,1)",
     "[x](&#106;avascript:alert(1))", "<svg onload=alert(1)>"],
)
def test_story_regressions(story):
    render_story(story)
