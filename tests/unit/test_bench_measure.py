"""How the benches sum up runs (median and range) and order them (interleaved rounds)."""

from __future__ import annotations

import math
import sys

import pytest

from bench import measure


def test_median_and_range():
    s = measure.spread([12.8, 11.9, 12.3])
    assert (s.median, s.low, s.high, s.n) == (12.3, 11.9, 12.8, 3)
    assert s.text() == "12.3 s (11.9-12.8, 3 runs)"
    even = measure.spread([4.0, 1.0, 3.0, 2.0])
    assert even.median == 2.5 and (even.low, even.high) == (1.0, 4.0)
    assert measure.spread([0.5]).text(" ms", 2) == "0.50 ms (1 run)"
    with pytest.raises(ValueError):
        measure.spread([])


def test_rounds_interleave_the_tools_and_turn_their_order():
    order = measure.interleave(["ours", "material", "hugo"], 3)
    assert len(order) == 3 * 3 * 2
    # Each round builds every tool cold then warm, before the next round starts.
    for r in range(3):
        got = order[r * 6:(r + 1) * 6]
        assert {x[0] for x in got} == {r}
        tools = [t for _, t, _ in got]
        assert tools[::2] == tools[1::2]
        assert [p for _, _, p in got] == ["cold", "warm"] * 3
    # The order turns: each tool goes first once in three rounds.
    firsts = [order[r * 6][1] for r in range(3)]
    assert firsts == ["ours", "material", "hugo"]
    lasts = [order[r * 6 + 5][1] for r in range(3)]
    assert sorted(lasts) == ["hugo", "material", "ours"]
    # A warm build always follows the same tool's cold build in the same round.
    for i, (r, tool, phase) in enumerate(order):
        if phase == "warm":
            assert order[i - 1] == (r, tool, "cold")


def test_one_tool_keeps_its_phases_in_order():
    order = measure.interleave(["ours"], 2, ("cold", "warm", "one edit"))
    assert order == [(0, "ours", "cold"), (0, "ours", "warm"), (0, "ours", "one edit"),
                     (1, "ours", "cold"), (1, "ours", "warm"), (1, "ours", "one edit")]
    assert measure.interleave(["a", "b"], 0) == []


def test_the_wall_time_covers_the_whole_child(tmp_path):
    # Taken by the launcher around the child's spawn and exit, never by the child.
    use = measure.timed([sys.executable, "-c", "import time; time.sleep(0.3)"], str(tmp_path))
    assert use.rc == 0 and use.wall >= 0.3
    missing = measure.timed(["/nonexistent/command"], str(tmp_path))
    assert missing.rc != 0 and math.isnan(missing.wall)


def test_a_slow_peer_can_take_part_in_the_first_rounds_only():
    order = measure.interleave(["ours", "material"], 3, limit={"material": 1})
    assert [(r, t) for r, t, p in order if p == "cold"] == [
        (0, "ours"), (0, "material"), (1, "ours"), (2, "ours")]
