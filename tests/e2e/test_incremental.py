"""`make serve` rebuilds in one long-lived process: each rebuild reuses what the
last one planned and wrote (memoised views, pages and media left in the folder).
After every kind of edit, the folder it keeps must hold exactly the bytes a
fresh build of the same content gives.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO, TODAY, copy_repo

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

SHOWCASE = str(REPO / ".venv" / "bin" / "showcase")

# Runs in its own process, as `mkdocs serve --dirty` does: one plugin instance,
# one build folder, a rebuild after each edit; snapshots the content and the
# folder after each rebuild. (No livereload script or serve address: the
# folder is compared with `showcase build`'s.)
DRIVER = textwrap.dedent("""
    import os, shutil, sys
    from PIL import Image
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root, out, snaps = sys.argv[1:4]
    os.chdir(root)
    config = load_config(config_file="mkdocs.yml", site_dir=out)
    config.plugins.on_startup(command="serve", dirty=True)

    def profile(name):
        return next(os.path.join(d, f) for d, _, fs in sorted(os.walk("profiles"))
                    for f in sorted(fs) if f.endswith(name))

    def append(path, text):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)

    def replace(path, old, new):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        assert old in text, (path, old)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace(old, new, 1))

    def add():
        src = profile("-vo-van-e.md")
        dest = os.path.join(os.path.dirname(src), "2024-vo-van-moi.md")
        shutil.copy(src, dest)
        replace(dest, "name: Võ Văn E", "name: Võ Văn Mới")

    def photo():
        path = profile("vo-van-e.jpg")
        Image.new("RGB", (900, 600), (30, 90, 160)).save(path, "JPEG", quality=80)

    edits = [
        ("start", lambda: None),
        ("story", lambda: append(profile("-huynh-thi-m.md"), "\\nMột câu mới khi duyệt.\\n")),
        ("name", lambda: replace(profile("-huynh-thi-m.md"), "name: Huỳnh Thị M",
                                 "name: Huỳnh Thị Mai")),
        ("added", add),
        ("photo", photo),
        ("deleted", lambda: os.remove(profile("-vo-van-e.md"))),
        ("unit", lambda: replace("profiles/units.yml", "Đoàn Nghệ thuật Khmer",
                                 "Đoàn Nghệ thuật Khmer tỉnh")),
    ]
    for name, edit in edits:
        edit()
        config = load_config(config_file="mkdocs.yml", site_dir=out)
        build(config, dirty=True)
        shutil.copytree("profiles", os.path.join(snaps, name, "profiles"))
        shutil.copytree(out, os.path.join(snaps, name, "site"), symlinks=False)
        print("built", name, flush=True)
    config.plugins.on_shutdown()
""")


def _tree(folder: pathlib.Path) -> dict[str, bytes]:
    return {f.relative_to(folder).as_posix(): f.read_bytes()
            for f in sorted(folder.rglob("*")) if f.is_file()}


def test_rebuilds_in_one_process_give_the_bytes_of_a_fresh_build(tmp_path: pathlib.Path) -> None:
    root = copy_repo(tmp_path / "repo", extra=True)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - showcase:\n", f"  - showcase:\n      today: {TODAY}\n", 1), "utf-8")
    snaps = tmp_path / "snaps"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(root), str(tmp_path / "out"),
                           str(snaps)], env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    # The reference: each step's content built by `showcase build` in a folder of its
    # own, with a cache of its own (a warm build gives a cold build's bytes:
    # test_build_cache.py), so that seven references cost about one cold build.
    ref = tmp_path / "ref"
    shutil.copytree(root, ref, ignore=shutil.ignore_patterns(".showcase-cache", "site*"))
    for step in ("start", "story", "name", "added", "photo", "deleted", "unit"):
        shutil.rmtree(ref / "profiles")
        shutil.copytree(snaps / step / "profiles", ref / "profiles")
        done = subprocess.run([SHOWCASE, "build", "--today", TODAY, "--site-dir",
                               str(ref / "site")], cwd=ref, env=env, capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        want, got = _tree(ref / "site"), _tree(snaps / step / "site")
        assert sorted(got) == sorted(want), (step, sorted(set(got) ^ set(want))[:10])
        assert [k for k in want if got[k] != want[k]] == [], step
