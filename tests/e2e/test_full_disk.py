"""A full disk and a read-only one, for real: ``build``, ``report`` and ``book`` write
into a small tmpfs, then run again when it is nearly full, then when it is mounted
read-only. Each time: exit code 1, one Vietnamese sentence, no traceback, the
previous output byte for byte, no temporary file or ``.site.lock`` left.

Mounting needs root (CI runs as root); elsewhere the test is skipped, saying why.
The unit tests of :mod:`showcase.publish.atomic` inject the same faults in-process.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import subprocess
from collections.abc import Iterator

import pytest

from conftest import REPO, TODAY

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
SHOWCASE = str(REPO / ".venv" / "bin" / "showcase")
SIZE = 32 * 1024 * 1024  # the sample site is about 10 MB, the documents under 2 MB
ROOM = 64 * 1024  # "nearly full": a few small files still fit, a site or a PDF does not


@pytest.fixture
def disk(tmp_path: pathlib.Path) -> Iterator[pathlib.Path]:
    """A tmpfs of SIZE bytes, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(mnt)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


COMMANDS = {
    "build": ["build", "-d", "{disk}/site"],
    "report": ["report", "--year", "2025", "--out", "{disk}/bao-cao"],
    "book": ["book", "--from", "2024", "--to", "2025", "-o", "{disk}/sach/sach-vinh-danh.pdf"],
}


def showcase(repo: pathlib.Path, disk: pathlib.Path, name: str) -> subprocess.CompletedProcess[str]:
    args = [a.format(disk=disk) for a in COMMANDS[name]]
    return subprocess.run([SHOWCASE, "--today", TODAY, *args], cwd=repo, capture_output=True,
                          text=True, check=False, timeout=300)


def snapshot(folder: pathlib.Path) -> dict[str, str]:
    """Every file and folder under ``folder``: its hash (files) or '/' (folders)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = "/" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def fill(disk: pathlib.Path, room: int) -> None:
    """Leave only ``room`` bytes free on ``disk``."""
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    with open(disk / "autre-chose.bin", "wb") as fh:
        os.posix_fallocate(fh.fileno(), 0, max(free - room, 1))


def assert_refused(done: subprocess.CompletedProcess[str], words: str) -> None:
    err = done.stderr
    assert done.returncode == 1, err
    assert "Traceback" not in err and "Error" not in err and "Errno" not in err, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("showcase: Không ghi được '") and words in last, err
    assert last.endswith("vẫn được giữ nguyên)."), last


def assert_clean(disk: pathlib.Path) -> None:
    left = [p.name for p in disk.rglob("*") if p.name.startswith(".")]
    assert left == [], f"left behind: {left}"


def test_a_full_then_read_only_disk_keeps_every_last_output(
        repo_copy: pathlib.Path, disk: pathlib.Path) -> None:
    for name in COMMANDS:
        done = showcase(repo_copy, disk, name)
        assert done.returncode == 0, done.stderr
    before = snapshot(disk)
    assert "site/index.html" in before and "bao-cao/report-2025.pdf" in before
    assert "sach/sach-vinh-danh.pdf" in before
    assert_clean(disk)

    fill(disk, ROOM)
    full = snapshot(disk)
    for name in COMMANDS:
        assert_refused(showcase(repo_copy, disk, name), "ổ đĩa đã hết chỗ trống")
        assert snapshot(disk) == full, name
        assert_clean(disk)

    os.remove(disk / "autre-chose.bin")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    for name in COMMANDS:
        assert_refused(showcase(repo_copy, disk, name), "chỉ cho đọc")
    assert snapshot(disk) == before
