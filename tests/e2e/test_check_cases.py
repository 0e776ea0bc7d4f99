"""The bad-input catalogue (tests/cases/*.yml), run through `showcase check`."""

from __future__ import annotations

import io
import pathlib
import re

import pytest
import yaml
from PIL import Image

from conftest import PROFILE, PROFILE_PATH, run_cli
from showcase.content import chars

CASES_DIR = pathlib.Path(__file__).resolve().parent.parent / "cases"


def _cases() -> list[dict]:
    out = []
    for f in sorted(CASES_DIR.glob("*.yml")):
        out.extend(yaml.safe_load(f.read_text(encoding="utf-8")))
    return out


CASES = _cases()


def _image(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(buf, fmt)
    return buf.getvalue()


_REPEAT = re.compile(r"\{\{(.+?)\*(\d+)\}\}", re.DOTALL)


def _expand(text: str) -> str:
    """'{{[*20000}}' in a case stands for 20,000 '[': long inputs stay readable data."""
    return _REPEAT.sub(lambda m: m.group(1) * int(m.group(2)), text)


def _apply(root: pathlib.Path, case: dict) -> None:
    profile = PROFILE
    for old, new in case.get("edit", []):
        assert old in profile, f"case {case['name']}: edit does not match: {old!r}"
        profile = profile.replace(old, _expand(new), 1)
    (root / PROFILE_PATH).write_text(profile, encoding="utf-8")
    for rel, text in (case.get("files") or {}).items():
        path = root / (PROFILE_PATH if rel == "P" else rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PROFILE if text == "COPY_OF_P" else _expand(text), encoding="utf-8")
    if "image" in case:
        (root / case["image"]["path"]).write_bytes(_image(case["image"]["format"]))


# One rendered diagnostic: ``path:line: field: message hint [SC0xx]`` (Diagnostic.text).
_DIAGNOSTIC = re.compile(
    r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<field>\S+): .* \[(?P<code>SC\d{3})\]$"
)


def emitted(out: str) -> list[tuple[str, int, str, str]]:
    """Every diagnostic in the output as (path, line, field, code), sorted, duplicates kept."""
    found = [(m["path"], int(m["line"]), m["field"], m["code"])
             for m in map(_DIAGNOSTIC.match, out.splitlines()) if m]
    return sorted(found)


def expected(case: dict) -> list[tuple[str, int, str, str]]:
    return sorted(
        (PROFILE_PATH if path == "P" else path, int(line), str(field), code)
        for path, line, field, code in case["expect"].get("diagnostics", [])
    )


def test_emitted_parses_rendered_diagnostics() -> None:
    out = (
        "profiles/u/2024-a.md:7: consent.date: Ngày ký [x] sai. Sửa lại. [SC025]\n"
        "profiles/units.yml:4: units[0].group: cảnh báo: Nhóm 'x' lạ. [SC030]\n"
        "Tìm thấy 2 lỗi trong 1 tệp. (0 hồ sơ hợp lệ, 2 đơn vị)\n"
    )
    assert emitted(out) == [
        ("profiles/u/2024-a.md", 7, "consent.date", "SC025"),
        ("profiles/units.yml", 4, "units[0].group", "SC030"),
    ]


# What the parser (PyYAML, libyaml) says, and English words that only its text would
# bring: never in what a writer reads (issue 22).
_PARSER_PHRASES = ("mapping values", "not allowed", "could not find", "did not find",
                   "while scanning", "while parsing", "found character", "cannot start",
                   "unexpected end", "expected <", "in this context", "line ", "column ")
_ENGLISH = frozenset({
    "the", "and", "not", "is", "are", "of", "this", "that", "while", "found", "expected",
    "could", "find", "allowed", "mapping", "values", "context", "scanning", "parsing", "token",
    "stream", "character", "cannot", "start", "any", "did", "block", "scalar", "flow",
    "sequence", "entries", "alias", "anchor", "unexpected", "end", "indentation", "violates",
    "where", "escape", "unknown", "simple", "document", "directive", "with", "without", "must",
    "should", "please", "error", "invalid", "missing"})
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|“[^”]*”|\([A-Z][A-Z0-9 -]*\)")


def english_in(out: str) -> list[str]:
    """English words or parser phrases in the messages and hints of ``out`` (quoted
    values, which echo what the writer typed, set aside)."""
    found: list[str] = []
    for line in out.splitlines():
        m = _DIAGNOSTIC.match(line)
        if not m:
            continue
        said = _QUOTED.sub(" ", line.split(": ", 2)[-1].rsplit(" [SC", 1)[0])
        found += [p for p in _PARSER_PHRASES if p in said.lower()]
        words = re.findall(r"[A-Za-z]+", said)
        found += [w for w in words if w.lower() in _ENGLISH]
    return found


def test_english_in_finds_parser_text() -> None:
    out = ("profiles/u/2024-a.md:7: -: Lỗi cú pháp YAML (mapping values are not allowed in "
           "this context). Sửa lại. [SC007]\n")
    assert "mapping values" in english_in(out)
    assert english_in("profiles/u/2024-a.md:7: name: Giá trị 'the end' sai. [SC007]") == []


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict, mini_repo: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    _apply(mini_repo, case)
    code, out = run_cli(mini_repo, "check", capsys=capsys)
    expect = case["expect"]
    assert "Traceback" not in out
    assert chars.FORBIDDEN.search(out) is None, "a control character reached the terminal"
    assert code == expect["exit"], out
    # Exactly the expected problems: an extra one is as wrong as a missing one.
    assert emitted(out) == expected(case), out
    assert english_in(out) == [], out
    for fragment in expect.get("says", []):
        assert fragment in out, f"expected {fragment!r} in:\n{out}"
    if expect["exit"] == 0:  # warnings only, or nothing to say
        assert ("Không có lỗi" in out) if not expected(case) else ("cảnh báo" in out)
