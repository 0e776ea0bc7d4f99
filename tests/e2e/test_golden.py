"""Golden files: the sample site's main RSS feed and one quota CSV, byte for byte.

Both come from the normal command line on a copy of the repository, with a
fixed "today". After a deliberate change of output, regenerate them with
``make golden`` (this module with ``UPDATE_GOLDEN=1``) and review the diff of
``tests/golden/`` before committing it.
"""

from __future__ import annotations

import difflib
import os
import pathlib

import pytest

from conftest import REPO, copy_repo
from showcase.cli import main

GOLDEN = REPO / "tests" / "golden"
TODAY = "2026-11-24"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

pytestmark = pytest.mark.slow


def _showcase(root: pathlib.Path, *args: str) -> None:
    old = os.getcwd()
    os.chdir(root)
    try:
        assert main(["--today", TODAY, *args]) == 0
    finally:
        os.chdir(old)


def check_golden(name: str, data: bytes) -> None:
    """``data`` must equal ``tests/golden/<name>`` (written instead when updating)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(data)
    assert path.is_file(), f"tests/golden/{name} is missing; run 'make golden'"
    want = path.read_bytes()
    if data == want:
        return
    diff = difflib.unified_diff(
        want.decode("utf-8", "replace").splitlines(), data.decode("utf-8", "replace").splitlines(),
        f"tests/golden/{name}", "this build", lineterm="", n=1,
    )
    pytest.fail(
        f"{name} differs from tests/golden/{name} ({len(data)} bytes, golden {len(want)}). "
        "If the change is intended, run 'make golden' and review the diff.\n"
        + "\n".join(list(diff)[:60]),
        pytrace=False,
    )


def test_main_feed_matches_golden(tmp_path: pathlib.Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    site = tmp_path / "site"
    _showcase(repo, "build", "--site-dir", str(site))
    check_golden("feed.xml", (site / "feed.xml").read_bytes())


def test_quota_csv_matches_golden(tmp_path: pathlib.Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    out = tmp_path / "quotas-2025.csv"
    _showcase(repo, "quotas", "--year", "2025", "--format", "csv", "--output", str(out))
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data  # Excel's form, kept as is
    check_golden("quotas-2025.csv", data)


def test_a_difference_is_reported_with_the_way_to_regenerate(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(f"{__name__}.GOLDEN", tmp_path)
    monkeypatch.setattr(f"{__name__}.UPDATE", False)
    (tmp_path / "x.txt").write_bytes(b"a\nb\n")
    check_golden("x.txt", b"a\nb\n")
    with pytest.raises(pytest.fail.Exception) as info:
        check_golden("x.txt", b"a\nc\n")
    assert "make golden" in str(info.value) and "-b\n+c" in str(info.value)
