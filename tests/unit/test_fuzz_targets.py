"""A short run of the `make fuzz` targets inside the test suite."""

from __future__ import annotations

import os
import sys
import time

import pytest
from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "fuzz"))
from targets import (  # noqa: E402
    TARGETS,
    SlowInput,
    budgeted,
    check_then_render,
    load_profile,
    render_story,
)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_target_short_run(name):
    fn, strategy = TARGETS[name]

    # No explain phase: its line tracing makes Python code several times slower,
    # and the CPU budget per input is meant for the code, not for the tracer.
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck),
              phases=[p for p in Phase if p is not Phase.explain])
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


def test_a_slow_input_fails_like_a_crash():
    def busy(_):
        end = time.monotonic() + 30
        while time.monotonic() < end:  # pure Python, like python-markdown
            pass

    start = time.monotonic()
    with pytest.raises(SlowInput):
        budgeted(busy, 0.3)(None)
    assert time.monotonic() - start < 5  # interrupted, not waited out


def test_a_slow_call_is_caught_even_when_it_cannot_be_interrupted():
    # One long call into C: the timer's exception can only land after it.
    with pytest.raises(SlowInput):
        budgeted(lambda _: sum(range(30_000_000)), 0.05)(None)


def test_waiting_is_not_work():
    budgeted(lambda _: time.sleep(0.3), 0.1)(None)  # a loaded machine is not a slow input


def test_the_budget_leaves_no_timer_behind():
    import signal

    budgeted(lambda _: None, 0.5)(None)
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)


# Inputs that stalled the build once (issue 16): refused by the check, in budget.
@pytest.mark.parametrize(
    "story",
    ["[" * 20_000, "![" * 10_000, "[a](" * 3_000, "".join("    " * i + "- x\n" for i in range(300)),
     "a*" * 20_000, "\\*" * 20_000, "## x\n" * 5_000, "&#x202E;" * 100],
)
def test_story_stall_regressions(story):
    budgeted(check_then_render)(story)
