"""Hostile text in every field: refused by the check, or inert in the output."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from conftest import PROFILE, PROFILE_PATH
from showcase.content import corpus

PAYLOADS = [
    ln for ln in (pathlib.Path(__file__).parent.parent / "cases" / "xss_payloads.txt")
    .read_text(encoding="utf-8").splitlines()
    if ln and not ln.startswith("# ")
]
TODAY = dt.date(2026, 11, 24)

# Where each text field goes in the base profile (as a quoted YAML string).
FIELDS = {
    "name": ("name: Nguyễn Văn A", "name: {}"),
    "title": ("kind: individual", "kind: individual\ntitle: {}"),
    "summary": ("summary: >-\n  Ông Nguyễn Văn A là hạt nhân văn nghệ của ấp, ba mươi năm gìn giữ"
                " đờn ca tài tử.", "summary: {}"),
    "location": ("kind: individual", "kind: individual\nlocation: {}"),
    "movement": ("kind: individual", "kind: individual\nmovement: {}"),
    "tags": ("kind: individual", "kind: individual\ntags: [{}]"),
    "achievements": ("kind: individual", "kind: individual\nachievements:\n  - {{year: 2023, "
                     "text: {}}}"),
    "commendations": ("kind: individual", "kind: individual\ncommendations:\n  - {{year: 2023, "
                      "text: {}}}"),
    "consent.ref": ('  ref: "12/ĐY-VHTT"', "  ref: {}"),
    "body": ("Ông gắn bó với phong trào", "{}\n\nÔng gắn bó với phong trào"),
}


def test_at_least_30_payloads():
    assert len(PAYLOADS) >= 30


def _quoted(payload: str) -> str:
    # A YAML double-quoted string that holds the payload exactly, padded so
    # the summary is long enough to be judged on its content alone.
    return '"' + payload.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_payloads_in_every_field_are_refused_or_harmless(field, mini_repo):
    old, new = FIELDS[field]
    accepted = []
    for payload in PAYLOADS:
        value = payload if field == "body" else _quoted(payload + " " * 0)
        if field == "summary":
            value = _quoted(payload + " — tóm tắt đủ dài để vượt ngưỡng ba mươi ký tự.")
        text = PROFILE.replace(old, new.format(value), 1)
        assert text != PROFILE
        (mini_repo / PROFILE_PATH).write_text(text, encoding="utf-8")
        c = corpus.load(str(mini_repo), TODAY)
        codes = {d.code for d in c.diagnostics.items}
        if codes & {"SC040", "SC041"}:
            continue
        accepted.append(payload)
    # What the check lets through must be text that cannot run: no tag a
    # browser would parse as an element and no javascript:/data: link.
    for payload in accepted:
        assert "<script" not in payload.lower() and "onerror" not in payload.lower(), payload
        assert "javascript:" not in payload.lower() or field != "body", payload
