"""Every diagnostic code the tools can print is explained in the editors' guide."""

from __future__ import annotations

import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[2]


def _emitted() -> set[str]:
    codes: set[str] = set()
    for path in (REPO / "scripts" / "showcase").rglob("*.py"):
        codes |= set(re.findall(r'"(SC\d{3})"', path.read_text(encoding="utf-8")))
    return codes


def test_every_code_has_a_row_in_the_guide():
    guide = (REPO / "HUONG-DAN-BIEN-TAP.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (SC\d{3}) \|", guide, re.MULTILINE))
    emitted = _emitted()
    assert len(emitted) > 60
    assert emitted <= documented, sorted(emitted - documented)
