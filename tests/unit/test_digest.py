"""The build cache's keys: the digest of a value depends on the value only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import subprocess
import sys
from typing import NamedTuple

import pytest

from showcase.store.digest import digest


@dataclasses.dataclass(frozen=True)
class Leaf:
    text: str
    n: int = 0


@dataclasses.dataclass(frozen=True)
class Node:
    leaves: tuple[Leaf, ...]
    when: dt.date | None = None


class Pair(NamedTuple):
    a: str
    b: str


def test_equal_values_have_equal_digests_whatever_is_shared():
    shared = Leaf("đường làng", 2)
    assert digest(Node((shared, shared))) == digest(Node((Leaf("đường làng", 2),) * 2))
    assert digest(Node((shared,), dt.date(2025, 1, 2))) == digest(
        pickle.loads(pickle.dumps(Node((shared,), dt.date(2025, 1, 2)))))


@pytest.mark.parametrize(("a", "b"), [
    ("1", 1), (1, True), (0, None), ("", None), (("a", "b"), Pair("a", "b")),
    (("ab",), ("a", "b")), ({"a": "b"}, {"b": "a"}), (Leaf("x"), Leaf("x", 1)),
    (dt.date(2025, 1, 2), "2025-01-02"), (frozenset({"a"}), ("a",)),
    (Node((Leaf("a"), Leaf("b"))), Node((Leaf("b"), Leaf("a")))),
])
def test_different_values_have_different_digests(a, b):
    assert digest(a) != digest(b)


def test_a_digest_is_the_same_in_another_process():
    code = ("from showcase.store.digest import digest; import datetime as dt; "
            "print(digest(('Lâm Hồng Sơn', 3, None, dt.date(2024, 5, 20))).hex())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == digest(("Lâm Hồng Sơn", 3, None, dt.date(2024, 5, 20))).hex()


def test_a_value_it_cannot_read_is_refused():
    with pytest.raises(TypeError):
        digest(object())
