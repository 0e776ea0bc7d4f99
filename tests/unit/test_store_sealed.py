"""Sealed cache entries: a value is read back only whole, under its own key, by its release."""

from __future__ import annotations

import os
import pathlib

import pytest

from showcase.store import sealed


@pytest.fixture()
def values(tmp_path):
    return sealed.Values(str(tmp_path / "v"))


def test_a_value_is_read_back(values):
    values.put("ab01", b"gia tri")
    assert values.get("ab01") == b"gia tri"
    assert values.get("ab02") is None


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "flipped"])
def test_a_damaged_value_is_a_miss(values, damage):
    values.put("ab01", b"gia tri " * 20)
    path = values.path("ab01")
    data = pathlib.Path(path).read_bytes()
    os.chmod(path, 0o644)
    damaged = {"truncated": data[:-3], "garbage": os.urandom(len(data)), "empty": b"",
               "flipped": data[:-1] + bytes([data[-1] ^ 1])}[damage]
    with open(path, "wb") as fh:
        fh.write(damaged)
    assert values.get("ab01") is None


def test_an_entry_under_another_key_is_a_miss(values):
    values.put("ab01", b"one")
    values.put("ab02", b"two")
    a, b = values.path("ab01"), values.path("ab02")
    os.rename(a, a + ".x")
    os.rename(b, a)
    os.rename(a + ".x", b)
    assert values.get("ab01") is None and values.get("ab02") is None


def test_another_release_is_a_miss(values, tmp_path):
    sealed.write(values.path("ab01"), b"old", mark="0.0.1")
    assert values.get("ab01") is None
    values.put_object("ab02", {"a": 1})
    assert values.get_object("ab02", dict) == {"a": 1}
    # A pickle of the same release but other code is not unpickled.
    pickled = pathlib.Path(values.path("ab02")).read_bytes().partition(b"\n")[2]
    sealed.write(values.path("ab03"), pickled, mark=sealed.stamp())
    assert values.get_object("ab03", dict) is None


def test_a_pickle_of_the_wrong_kind_or_broken_is_a_miss(values):
    values.put_object("ab01", ["not", "a", "dict"])
    assert values.get_object("ab01", dict) is None
    sealed.write(values.path("ab02"), b"\x80\x05garbage", mark=sealed.stamp(objects=True))
    assert values.get_object("ab02", dict) is None
