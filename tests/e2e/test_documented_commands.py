"""Every command the README and the editors' guide show, run exactly as written.

The shell blocks of both documents are read, each command is run in a copy of
the repository (sharing this checkout's .venv), and its result is checked. A
command the documents show that this test does not know how to try fails the
test: the documents may only show commands that are tried here.
"""

from __future__ import annotations

import os
import pathlib
import pty
import re
import select
import shlex
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest

from conftest import REPO

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
DOCS = ("README.md", "HUONG-DAN-BIEN-TAP.md")
SERVE_URL = "http://127.0.0.1:8000/guong-dien-hinh/"


# Long engineering runs: the test checks what they would do (make -n), since each is
# run for real elsewhere (make test is this suite; bench, fuzz, audit take minutes).
DRY_RUN = {"test", "bench", "fuzz", "audit"}  # make targets


def documented() -> list[tuple[str, str]]:
    """(document, command): every line of every ```sh block (continuations joined), and
    every inline `make ...` or `showcase ...` command; each command once (the first
    document that shows it), so that `make serve` never runs twice at once on its port."""
    found: dict[tuple[str, str], None] = {}
    for doc in DOCS:
        text = (REPO / doc).read_text(encoding="utf-8")
        for block in re.findall(r"```(?:sh|bash|console)\n(.*?)```", text, re.S):
            for line in block.replace("\\\n", " ").splitlines():
                words = shlex.split(line, comments=True)
                if words:
                    found[(doc, shlex.join(words))] = None
        for inline in re.findall(r"`((?:make|\.venv/bin/showcase|showcase) [^`]+)`", text):
            command = inline if not inline.startswith("showcase ") else ".venv/bin/" + inline
            found[(doc, shlex.join(shlex.split(command)))] = None
    first: dict[str, str] = {}
    for doc, command in found:
        first.setdefault(command, doc)
    return [(doc, command) for command, doc in first.items()]


@pytest.fixture
def repo(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the committed files, sharing .venv and editor/node_modules (mtimes
    kept: nothing reinstalls)."""
    dest = tmp_path / "repo"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for rel in filter(None, files):
        if (REPO / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, dest / rel)
    os.symlink(REPO / ".venv", dest / ".venv")
    if (REPO / "editor" / "node_modules").is_dir():  # Decap CMS, as `make editor-deps` left it
        os.symlink(REPO / "editor" / "node_modules", dest / "editor" / "node_modules")
    for name in ("pyproject.toml", "constraints.txt"):  # older than .venv/.installed
        os.utime(dest / name, (1, 1))
    # A clone of itself, so that `showcase review` finds origin/main as in a real clone.
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "sao chép"],
                 ["remote", "add", "origin", str(dest)], ["fetch", "-q", "origin"]):
        subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
                       cwd=dest, check=True, capture_output=True)
    return dest


def _run(repo: pathlib.Path, command: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def _interactive(repo: pathlib.Path, command: str, answers: list[str]) -> tuple[int, str]:
    """Run in a terminal (a pty), answering each question as an editor would."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, in the copy
        os.chdir(repo)
        os.execvp("sh", ["sh", "-c", command])
    out = b""
    pending = list(answers)
    end = time.monotonic() + 120
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if pending and out.rstrip().endswith(b":"):
                os.write(fd, (pending.pop(0) + "\n").encode())
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


def _serve(repo: pathlib.Path, command: str) -> None:
    proc = subprocess.Popen(command, shell=True, cwd=repo, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        end = time.monotonic() + 120
        while time.monotonic() < end:
            assert proc.poll() is None, "make serve stopped"
            try:
                with urllib.request.urlopen(SERVE_URL, timeout=5) as resp:
                    assert resp.status == 200
                    return
            except OSError:
                time.sleep(0.5)
        pytest.fail("make serve served nothing within 120 s")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def check(repo: pathlib.Path, command: str) -> None:
    """Run one documented command the way its reader would, and judge the result."""
    words = command.split()
    if words[0] == "make" and DRY_RUN & set(words[1:]):
        done = _run(repo, command.replace("make ", "make -n ", 1))
        assert done.returncode == 0 and done.stdout.strip(), done.stderr
    elif command == "make serve":
        _serve(repo, command)
    elif command == ".venv/bin/showcase new":
        code, out = _interactive(repo, command, [
            "trung-tam-van-hoa-nghe-thuat", "individual", "Nguyễn Văn Thử", "b", "culture"])
        assert code == 0, out
        assert "Đã tạo" in out or "profiles/trung-tam-van-hoa-nghe-thuat/" in out, out
    elif command.startswith((".venv/bin/showcase ", "make ")):
        done = _run(repo, command)
        assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
        assert "Traceback" not in done.stderr
    else:
        pytest.fail(f"a documented command this test cannot try: {command}")


def test_documents_show_commands() -> None:
    commands = [c for _, c in documented()]
    assert "make site" in commands and "make test" in commands
    assert any(c.startswith(".venv/bin/showcase new --unit") for c in commands)


@pytest.mark.parametrize("doc,command", documented())
def test_documented_command_works_as_written(repo: pathlib.Path, doc: str, command: str) -> None:
    check(repo, command)
