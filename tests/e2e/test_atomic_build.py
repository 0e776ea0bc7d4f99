"""A failed, killed or concurrent build never damages the last good site."""

from __future__ import annotations

import hashlib
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

from conftest import TODAY

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
SHOWCASE = [sys.executable, "-m", "showcase"]


def _snapshot(site: pathlib.Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _build(repo: pathlib.Path, site: pathlib.Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SHOWCASE, "build", "--site-dir", str(site), "--today", TODAY],
                          cwd=repo, capture_output=True, text=True, check=False)


def _start(repo: pathlib.Path, site: pathlib.Path, pause: float = 30) -> subprocess.Popen[str]:
    env = {**os.environ, "SLOW_BUILD": str(pause)}
    return subprocess.Popen([*SHOWCASE, "build", "--site-dir", str(site), "--today", TODAY],
                            cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def _wait_for_tmp(parent: pathlib.Path, proc: subprocess.Popen[str], timeout: float = 120) -> None:
    """Wait until the build has written its pages into its temporary folder."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if list(parent.glob(".site-tmp-*/.pages-written")):
            return
        if proc.poll() is not None:
            pytest.fail(f"build ended before it started writing: {proc.communicate()}")
        time.sleep(0.02)
    pytest.fail("build never created its temporary folder")


def _strays(parent: pathlib.Path) -> list[str]:
    return [n for n in os.listdir(parent) if n.startswith((".site-tmp-", ".site-old-"))]


SLOW_HOOK = """\
import os, time
def on_post_build(config, **kw):
    if os.environ.get("SLOW_BUILD"):
        open(os.path.join(config.site_dir, ".pages-written"), "w").close()
        time.sleep(float(os.environ["SLOW_BUILD"]))
"""


@pytest.fixture
def built(repo_copy: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path, dict[str, str]]:
    # A test-only MkDocs hook pauses after every page is written, so a signal
    # lands half-way through a build, deterministically.
    (repo_copy / "slow_hook.py").write_text(SLOW_HOOK, encoding="utf-8")
    cfg = repo_copy / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "\nhooks:\n  - slow_hook.py\n",
                   encoding="utf-8")
    site = repo_copy / "site"
    r = _build(repo_copy, site)
    assert r.returncode == 0, r.stderr
    # A change, so that a new build would write something different.
    page = repo_copy / "content" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    return repo_copy, site, _snapshot(site)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_build_keeps_last_good_site(built, sig):
    repo, site, before = built
    proc = _start(repo, site)
    _wait_for_tmp(repo, proc)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert _snapshot(site) == before
    # The next build cleans what the killed one left and succeeds.
    r = _build(repo, site)
    assert r.returncode == 0, r.stderr
    assert _strays(repo) == []
    assert "Một đoạn mới" in (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")


def test_invalid_content_keeps_last_good_site(built):
    repo, site, before = built
    p = next((repo / "profiles").rglob("20*.md"))
    p.write_text(p.read_text(encoding="utf-8").replace("kind:", "kind: x\nkynd:", 1),
                 encoding="utf-8")
    r = _build(repo, site)
    assert r.returncode == 1 and "Traceback" not in r.stderr + r.stdout
    assert "giữ nguyên" in r.stderr
    assert _snapshot(site) == before and _strays(repo) == []


def test_failing_mkdocs_step_keeps_last_good_site(built):
    repo, site, before = built
    cfg = repo / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("name: material", "name: khong-co"),
                   encoding="utf-8")
    r = _build(repo, site)
    assert r.returncode in (1, 2) and "Traceback" not in r.stderr + r.stdout
    assert _snapshot(site) == before and _strays(repo) == []


def test_two_builds_at_once(built):
    repo, site, _ = built
    first = _start(repo, site, pause=10)
    _wait_for_tmp(repo, first)
    second = _build(repo, site)
    out, err = first.communicate(timeout=240)
    assert first.returncode == 0, err
    assert second.returncode == 2 and "đang chạy" in second.stderr
    assert (site / "gioi-thieu" / "index.html").is_file() and _strays(repo) == []
