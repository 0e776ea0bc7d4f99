"""Live preview: `mkdocs serve` shows edits to profiles within seconds and survives errors.

One server for the module, started from a copy of the repository on a free
loopback port; each test puts back what it changed, so the tests do not depend
on each other's order.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from PIL import Image

from conftest import REPO, TODAY, copy_repo
from showcase.content import corpus
from showcase.content.model import Profile
from showcase.publish.urls import profile_url

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

MKDOCS = REPO / ".venv" / "bin" / "mkdocs"
UPDATE_WITHIN = 10.0  # seconds, from saving a file to the new page being served
FIRST_BUILD_WITHIN = 60.0


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    base: str  # http://127.0.0.1:PORT/<site_url path>
    log_path: pathlib.Path
    root: pathlib.Path

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, b""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, b""

    def text(self, path: str) -> str:
        status, body = self.get(path)
        return body.decode("utf-8", "replace") if status == 200 else ""

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait(self, ok: Callable[[], bool], what: str, within: float = UPDATE_WITHIN) -> float:
        """Seconds until ``ok()``; fails after ``within`` or if the server died."""
        start = time.monotonic()
        while True:
            assert self.proc.poll() is None, f"the server stopped:\n{self.log()[-3000:]}"
            if ok():
                return time.monotonic() - start
            if time.monotonic() - start > within:
                pytest.fail(f"{what}: not seen within {within:.0f} s\n{self.log()[-3000:]}")
            time.sleep(0.1)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = copy_repo(tmp_path_factory.mktemp("serve"))
    cfg = root / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    assert "  - showcase:\n" in text
    # A fixed today, so that which profiles are public does not depend on the clock.
    cfg.write_text(text.replace("  - showcase:\n", f'  - showcase:\n      today: "{TODAY}"\n'),
                   encoding="utf-8")
    port = _free_port()
    log_path = root / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            # As `make serve` runs it: --dirty, each rebuild writes only what changed.
            [str(MKDOCS), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
    # `mkdocs serve` serves the site under the path of site_url.
    srv = Server(proc, f"http://127.0.0.1:{port}/guong-dien-hinh/", log_path, root)
    try:
        srv.wait(lambda: srv.get("")[0] == 200, "the first build", FIRST_BUILD_WITHIN)
        yield srv
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # our own process group (start_new_session)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def _public(root: pathlib.Path, with_photo: bool = False) -> Profile:
    today = dt.date.fromisoformat(TODAY)
    c = corpus.load(str(root), today)
    assert c.ok, [d.text() for d in c.diagnostics.errors]
    found = [p for p in c.public(today) if bool(p.photo) == with_photo]
    assert found, "the sample content needs a public profile" + (" with a photo" * with_photo)
    return found[0]


def _tree(folder: pathlib.Path) -> dict[str, bytes]:
    return {f.relative_to(folder).as_posix(): f.read_bytes()
            for f in sorted(folder.rglob("*")) if f.is_file()}


def test_every_door_builds_the_same_site(server: Server, tmp_path: pathlib.Path) -> None:
    """`showcase build`, `mkdocs build` and `mkdocs serve` go through one pipeline."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    shown = tmp_path / "showcase-build"
    subprocess.run([str(REPO / ".venv/bin/showcase"), "build", "--today", TODAY,
                    "--site-dir", str(shown)], cwd=server.root, check=True, env=env,
                   capture_output=True)
    plain = tmp_path / "mkdocs-build"
    subprocess.run([str(MKDOCS), "build", "--quiet", "--site-dir", str(plain)],
                   cwd=server.root, check=True, env=env, capture_output=True)
    a, b = _tree(shown), _tree(plain)
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []
    assert len(a) > 100 and "feed.xml" in a and "sitemap-trang.xml" in a
    # The server's files are the same bytes, but for two things `mkdocs serve` itself
    # changes: the reload script it adds to pages, and site_url (the local address).
    config = (server.root / "mkdocs.yml").read_text("utf-8")
    real = re.search(r"^site_url: (https?://[^/\s]+)/", config, re.M)
    local = re.match(r"https?://[^/]+", server.base)
    assert real and local
    swaps = [(quote(local.group(0), safe="").encode(), quote(real.group(1), safe="").encode()),
             (local.group(0).encode(), real.group(1).encode())]
    for rel, data in a.items():
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        status, served = server.get(url)
        assert status == 200, rel
        if rel.endswith(".html"):
            served = re.sub(rb"<script>[^<]*livereload[^<]*</script>(?=</body>)", b"", served)
        if rel.endswith(".gz"):  # the compressed sitemap: compare what it holds
            served, data = gzip.decompress(served), gzip.decompress(data)
        for old, new in swaps:
            served = served.replace(old, new)
        assert served == data, rel


def test_edit_shows_within_seconds_and_errors_keep_the_server_alive(server: Server) -> None:
    p = _public(server.root)
    url = profile_url(p.slug)
    path = server.root / p.path
    original = path.read_text(encoding="utf-8")
    assert server.get(url)[0] == 200, f"the profile page {url} is not served"
    try:
        edited = original.rstrip("\n") + "\n\nĐoạn văn thêm khi kiểm thử xem trước số 4821.\n"
        path.write_text(edited, encoding="utf-8")
        took = server.wait(lambda: "kiểm thử xem trước số 4821" in server.text(url),
                           "the edited story")
        print(f"\nedit served after {took:.2f} s")

        # Break it: remove a required key. The server stays up and says what is wrong.
        lines = edited.split("\n")
        kind = next(i for i, ln in enumerate(lines) if ln.startswith("kind:"))
        path.write_text("\n".join(lines[:kind] + lines[kind + 1:]), encoding="utf-8")
        expected = f"{p.path}:1: kind: Thiếu trường bắt buộc 'kind'"
        took = server.wait(lambda: expected in server.log(), "the error in the terminal")
        print(f"error shown after {took:.2f} s")
        assert "[SC020]" in server.log().split(expected, 1)[1].split("\n", 1)[0]
        time.sleep(1)  # let the rebuild finish: the server must still be alive and serving
        assert server.proc.poll() is None
        assert server.get("")[0] == 200

        # Fix it: the page comes back, with the newest text.
        path.write_text(edited.replace("số 4821", "số 4822"), encoding="utf-8")
        took = server.wait(lambda: "kiểm thử xem trước số 4822" in server.text(url),
                           "the page after fixing the error")
        print(f"fixed page served after {took:.2f} s")
    finally:
        path.write_text(original, encoding="utf-8")
    server.wait(lambda: "kiểm thử xem trước" not in server.text(url) and
                server.get(url)[0] == 200, "the original page")


def test_added_and_deleted_profiles_and_changed_photos_show(server: Server) -> None:
    p = _public(server.root)
    folder = (server.root / p.path).parent
    copy = folder / f"{p.introduced.year}-{p.slug}-ban-sao.md"
    copy_url = profile_url(f"{p.slug}-ban-sao")
    assert server.get(copy_url)[0] == 404
    try:
        shutil.copy(server.root / p.path, copy)
        took = server.wait(lambda: server.get(copy_url)[0] == 200, "the added profile")
        print(f"\nadded profile served after {took:.2f} s")
    finally:
        copy.unlink()
    took = server.wait(lambda: server.get(copy_url)[0] == 404, "the deleted profile's removal")
    print(f"deleted profile gone after {took:.2f} s")

    q = _public(server.root, with_photo=True)
    assert q.photo
    photo = server.root / q.photo
    variant = profile_url(q.slug) + "anh-480.jpg"
    status, before = server.get(variant)
    assert status == 200, f"no photo variant at {variant}"
    original = photo.read_bytes()
    try:
        with Image.open(io.BytesIO(original)) as im:
            size = im.size
        buf = io.BytesIO()
        Image.new("RGB", size, (20, 160, 90)).save(buf, "JPEG", quality=90)
        photo.write_bytes(buf.getvalue())
        took = server.wait(lambda: server.get(variant)[1] not in (b"", before),
                           "the replaced photo")
        print(f"replaced photo served after {took:.2f} s")
    finally:
        photo.write_bytes(original)
    server.wait(lambda: server.get(variant)[1] == before, "the original photo")
