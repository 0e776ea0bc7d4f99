"""The units' form, as a unit editor meets it: a temporary clone of the repository
in git, Decap's own local proxy (decap-server, MODE=git) saving into it, the site
built from it with the form at quan-tri/, served on 127.0.0.1.

Everything here is started and stopped by the tests (free ports, loopback only).
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from conftest import REPO, build_site, copy_repo

HERE = pathlib.Path(__file__).resolve().parent
DECAP_SERVER = HERE / "node_modules" / "decap-server" / "dist" / "index.js"
BUNDLE = REPO / "editor" / "node_modules" / "decap-cms" / "dist"
SHOWCASE = REPO / ".venv" / "bin" / "showcase"
BUILD_DAY = "2026-11-24"


@dataclass(frozen=True)
class Editor:
    url: str  # the form: http://127.0.0.1:<port>/guong-dien-hinh/quan-tri/
    repo: pathlib.Path  # the clone decap-server writes into
    site: pathlib.Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def git(root: pathlib.Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                          text=True).stdout


def skip_without_tools() -> None:
    if not shutil.which("node"):
        pytest.skip("node is not installed: run `make browser-deps` (as root)")
    if not DECAP_SERVER.is_file():
        pytest.skip(f"{DECAP_SERVER} is missing: run `make browser-deps` (npm ci)")
    if not (BUNDLE / "decap-cms.js").is_file():
        pytest.skip(f"{BUNDLE} is missing: run `make editor-deps` (npm ci)")


def _wait_for(api: str, server: subprocess.Popen[bytes], log: pathlib.Path) -> None:
    request = urllib.request.Request(api, data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("decap-server stopped:\n" + log.read_text())
        try:
            with urllib.request.urlopen(request, timeout=2) as r:  # noqa: S310 - loopback
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("decap-server did not answer:\n" + log.read_text())


@contextlib.contextmanager
def editor(tmp: pathlib.Path) -> Iterator[Editor]:
    """The clone, the proxy and the served site; all stopped on exit."""
    from .sitehttp import serve

    skip_without_tools()
    repo = copy_repo(tmp / "repo")
    shutil.copy(REPO / ".gitignore", repo / ".gitignore")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api/v1"
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    config, n = re.subn(r"(\n      editor:\n)", rf"\1        local_backend: {api}\n"
                                                rf"        bundle: {BUNDLE}\n", config)
    assert n == 1, "mkdocs.yml has no editor: options"
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Biên tập viên thử")
    git(repo, "config", "user.email", "thu@example.org")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Kho thử")
    site = build_site(repo, tmp / "site", BUILD_DAY)
    log = tmp / "decap-server.log"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp), "MODE": "git",
           "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "LOG_LEVEL": "warn"}
    with open(log, "wb") as out:
        server = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=tmp, env=env, stdout=out,
                                  stderr=subprocess.STDOUT)
    try:
        _wait_for(api, server, log)
        with serve(str(site)) as url:
            yield Editor(url + "quan-tri/", repo, site)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def branches(repo: pathlib.Path) -> dict[str, str]:
    """Decap's branches (cms/<unit>/<file>) and their workflow status."""
    out = {}
    for name in git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms").split():
        try:
            status = git(repo, "config", f"branch.{name}.description").strip()
        except subprocess.CalledProcessError:
            status = ""
        out[name] = status
    return out


def showcase(root: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SHOWCASE), *args], cwd=root, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(root)})
