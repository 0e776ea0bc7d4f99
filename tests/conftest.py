"""Shared fixtures: a minimal valid repository to break in each test."""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest
from hypothesis import HealthCheck, settings

# Property tests check behaviour, not speed (speed goals live in `make bench`):
# no per-example deadline, which a busy machine would turn into random failures.
settings.register_profile("showcase", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("showcase")

REPO = pathlib.Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"

UNITS_YML = """\
units:
  - id: vhtt-a
    name: Phòng Văn hóa và Thông tin huyện A
    group: district
  - id: trung-tam-b
    name: Trung tâm Văn hóa - Nghệ thuật tỉnh
    group: affiliated
"""

PROFILE = """\
---
name: Nguyễn Văn A
kind: individual
field: culture-arts-sports
sectors: [culture, family]
introduced: 2024-05-20
published: 2024-06-03
summary: >-
  Ông Nguyễn Văn A là hạt nhân văn nghệ của ấp, ba mươi năm gìn giữ đờn ca tài tử.
consent:
  date: 2024-05-15
  ref: "12/ĐY-VHTT"
---
## Hành trình

Ông gắn bó với phong trào văn nghệ ở ấp từ những năm đầu.
"""
PROFILE_PATH = "profiles/vhtt-a/2024-nguyen-van-a.md"

MKDOCS_YML = """\
site_name: Thử nghiệm
site_url: https://example.gov.vn/guong-dien-hinh/
docs_dir: content
theme:
  name: material
  language: vi
plugins:
  - showcase
"""


def write_repo(root: pathlib.Path, files: dict[str, str | bytes]) -> pathlib.Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def mini_repo(tmp_path: pathlib.Path) -> pathlib.Path:
    """A tiny valid repository: two units, one profile."""
    return write_repo(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS_YML,
            "content/gioi-thieu.md": "# Giới thiệu\n",
            "profiles/units.yml": UNITS_YML,
            PROFILE_PATH: PROFILE,
        },
    )


def run_cli(root: pathlib.Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``showcase`` in-process from ``root``; returns (exit code, stdout + stderr)."""
    from showcase.cli import main

    old = os.getcwd()
    os.chdir(root)
    try:
        try:
            code = main([*args, "--today", TODAY])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
    finally:
        os.chdir(old)
    out = capsys.readouterr()
    return code, out.out + out.err


EXTRA_PROFILES = REPO / "tests" / "browser" / "extra_profiles"


def copy_repo(dest: pathlib.Path, extra: bool = False) -> pathlib.Path:
    """Copy the repository's mkdocs.yml, content/ and profiles/ into ``dest``.

    ``extra`` adds tests/browser/extra_profiles (a "Lâm Hồng Sơn" profile and
    an "A & B <C>" name), which exist only in test copies.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "content", dest / "content")
    shutil.copytree(REPO / "profiles", dest / "profiles")
    if extra:
        for unit in EXTRA_PROFILES.iterdir():
            if unit.is_dir():
                shutil.copytree(unit, dest / "profiles" / unit.name, dirs_exist_ok=True)
    return dest


@pytest.fixture
def repo_copy(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the real repository's content (mkdocs.yml, content/, profiles/)."""
    return copy_repo(tmp_path / "repo")


def build_site(repo: pathlib.Path, out: pathlib.Path, today: str, corpus=None,
               overrides: dict | None = None) -> pathlib.Path:
    """Build ``repo`` into ``out`` the way ``showcase build`` does (same pipeline),
    optionally from a corpus made by the test."""
    import datetime as dt

    from showcase import pipeline
    from showcase.adapter.run import mkdocs_build
    from showcase.context import read_mkdocs_yml

    day = dt.date.fromisoformat(today)
    _, options = read_mkdocs_yml(str(repo / "mkdocs.yml"))
    loaded = (pipeline.load(str(repo), options, day) if corpus is None
              else pipeline.loaded_from(corpus, options, day))
    assert loaded.ok, [d.text() for d in loaded.diagnostics.errors]
    mkdocs_build(str(repo / "mkdocs.yml"), str(out), loaded, overrides)
    return out


def search_index(site: pathlib.Path) -> dict:
    """The site's search index read back as the browser reads it (JSON files):
    ``entry`` (index.json), ``rows`` ([url, title, lead, facts] by record
    number), ``keys`` (every single, pair and title key), ``forms`` (every
    exact form of a single) and ``menus`` (loc.json)."""
    import json

    folder = site / "tim-kiem"
    entry = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    rows = []
    for i in range((entry["n"] + entry["c"] - 1) // entry["c"]):
        rows += json.loads((folder / "d" / f"{i}.json").read_text(encoding="utf-8"))
    keys: set[str] = set()
    forms: set[str] = set()
    for kind in ("w", "p", "t"):
        for i in range(len(entry[kind])):
            shard = json.loads((folder / kind / f"{i}.json").read_text(encoding="utf-8"))
            assert shard["k"][0] == entry[kind][i]
            keys.update(shard["k"])
            if kind == "w":
                forms.update(f for p in shard["p"] for f in p[0])
    menus = json.loads((folder / "loc.json").read_text(encoding="utf-8"))
    return {"entry": entry, "rows": rows, "keys": keys, "forms": forms, "menus": menus}
