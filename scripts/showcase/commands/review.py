"""``showcase review``: what a pull request changes, as a summary for the board.

Compares the working tree with the merge base of ``--base`` (a pull request's
target branch), then writes a Vietnamese summary: to ``$GITHUB_STEP_SUMMARY``
in GitHub Actions, to ``--output`` or to the screen otherwise. With
``--screenshots`` it also saves a phone-width picture of each changed profile's
preview page and its share card (Debian's chromium, headless, on localhost).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading

from showcase import pipeline
from showcase.commands.build import PREVIEW_DIR
from showcase.content.model import FILE_NAME
from showcase.context import Context
from showcase.plan import quotas
from showcase.plan.semesters import Semester
from showcase.publish import atomic, urls
from showcase.workflow import review

NAME = "review"
HELP = ("tóm tắt các hồ sơ mà yêu cầu hợp nhất thêm, sửa, xóa (cho Ban biên tập): "
        "tình trạng, ngày công bố, bản tin RSS, chỉ tiêu, trang xem trước")
PHONE = (390, 1400)  # CSS pixels of a common phone, and enough height for the first screens
CHROMIUM = "/usr/bin/chromium"


class ReviewError(Exception):
    """git or the browser could not do what was asked (message in Vietnamese)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--base", default="origin/main", metavar="NHÁNH",
                   help="nhánh đích của yêu cầu hợp nhất (mặc định: origin/main)")
    p.add_argument("--preview-dir", default=PREVIEW_DIR, metavar="THƯ-MỤC",
                   help="thư mục bản dựng xem trước (mặc định: site-preview)")
    p.add_argument("--screenshots", default=None, metavar="THƯ-MỤC",
                   help="lưu ảnh chụp trang (khổ điện thoại) và ảnh chia sẻ của từng hồ sơ "
                        "thay đổi vào thư mục này")
    p.add_argument("-o", "--output", default=None, metavar="TỆP",
                   help="ghi bản tóm tắt ra tệp .md (mặc định: thêm vào $GITHUB_STEP_SUMMARY "
                        "nếu có, không thì in ra màn hình)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.output:
        atomic.file_target(args.output, (".md", ".txt"))
    if args.screenshots:
        atomic.folder_target(args.screenshots)
    try:
        changes = changed_profiles(ctx.root, args.base, ctx.options.profiles_dir)
    except ReviewError as exc:
        print(f"showcase: {exc}", file=sys.stderr)
        return 2
    options = dataclasses.replace(ctx.options, preview=True)
    loaded = pipeline.load(ctx.root, options, ctx.today, ctx.horizon)
    by_path = {p.path: p for p in loaded.corpus.profiles}
    touched = {c.path for c in changes}
    sems = sorted({Semester.of(by_path[c.path].introduced) for c in changes if c.path in by_path})
    units = loaded.units.values()
    periods = options.quota_periods
    before = quotas.compute(units, [p for p in by_path.values() if p.path not in touched],
                            periods, ctx.today, sems, [])
    after = quotas.compute(units, list(by_path.values()), periods, ctx.today, sems, [])
    found = review.items(changes, by_path, loaded.units, loaded.diagnostics.items, ctx.today,
                         before, after, {p.slug for p in loaded.shown})
    text = review.markdown(found, os.path.basename(args.preview_dir.rstrip("/")), _artifacts())
    _emit(text, args.output)
    if args.screenshots:
        try:
            shots = screenshots(os.path.join(ctx.root, args.preview_dir), found,
                                args.screenshots)
        except ReviewError as exc:
            print(f"showcase: {exc}", file=sys.stderr)
            return 2
        print(f"Đã lưu {len(shots)} ảnh vào {args.screenshots}.", file=sys.stderr)
    return 1 if any(i.problems for i in found) else 0


def changed_profiles(root: str, base: str, profiles_dir: str) -> list[review.Change]:
    """Profile files added, changed or removed since the merge base of ``base``,
    including uncommitted and untracked files; a changed photo counts for its profile."""
    _known(root, base)
    mb = _git(root, "merge-base", base, "HEAD").strip()
    out: dict[str, str] = {}
    photos: set[str] = set()
    for line in _git(root, "diff", "--name-status", "-M", mb, "--", profiles_dir).splitlines():
        status, *paths = line.split("\t")
        kind = status[0]
        if kind == "R":
            _note(out, photos, paths[0], review.REMOVED)
            _note(out, photos, paths[1], review.ADDED)
        else:
            what = {"A": review.ADDED, "D": review.REMOVED}.get(kind, review.CHANGED)
            _note(out, photos, paths[-1], what)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", profiles_dir)
    for path in untracked.splitlines():
        _note(out, photos, path, review.ADDED)
    if photos:  # a profile whose photo changed is a changed profile
        for path in _profile_files(root, profiles_dir):
            if path not in out and _uses_photo(root, path, photos):
                out[path] = review.CHANGED
    return [review.Change(p, w) for p, w in sorted(out.items())]


def _note(out: dict[str, str], photos: set[str], path: str, what: str) -> None:
    parts = path.split("/")
    if len(parts) == 3 and FILE_NAME.match(parts[2]) is not None:
        out[path] = what
    elif len(parts) == 3 and not parts[2].endswith((".md", ".yml")):
        photos.add(path)


def _profile_files(root: str, profiles_dir: str) -> list[str]:
    found = []
    base = os.path.join(root, profiles_dir)
    for unit in sorted(os.listdir(base)):
        folder = os.path.join(base, unit)
        if os.path.isdir(folder):
            found += [f"{profiles_dir}/{unit}/{n}" for n in sorted(os.listdir(folder))
                      if FILE_NAME.match(n)]
    return found


def _uses_photo(root: str, path: str, photos: set[str]) -> bool:
    folder = path.rsplit("/", 1)[0]
    try:
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as fh:
            text = fh.read(64 * 1024)
    except OSError:
        return False
    return any(f"{folder}/{name}" in photos for name in
               (ln.split(":", 1)[1].strip().strip("'\"") for ln in text.splitlines()
                if ln.startswith("photo:")))


def _known(root: str, base: str) -> None:
    """A Vietnamese refusal, rather than git's English, for the usual mistakes."""
    if _run(root, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise ReviewError(f"thư mục '{root}' không phải một kho git; chạy lệnh trong bản sao "
                          "của kho (git clone).")
    if _run(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").returncode != 0:
        raise ReviewError(f"không có nhánh đích '{base}' trong kho này; ghi đúng tên nhánh "
                          "bằng --base (ví dụ origin/main) và lấy đủ lịch sử (git fetch).")


def _run(root: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              check=False)
    except FileNotFoundError:
        raise ReviewError("không tìm thấy lệnh git.") from None


def _git(root: str, *args: str) -> str:
    done = _run(root, *args)
    if done.returncode != 0:
        raise ReviewError(
            f"git {' '.join(args[:2])} thất bại: {done.stderr.strip()[:300]}. "
            "Kiểm tra tên nhánh đích (--base) và lấy đủ lịch sử (git fetch).")
    return done.stdout


def _artifacts() -> str:
    server, repo, run_id = (os.environ.get(k, "") for k in
                            ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    return f"{server}/{repo}/actions/runs/{run_id}" if server and repo and run_id else ""


def _emit(text: str, output: str | None) -> None:
    """To ``output`` (replaced whole), else appended to the job's summary, else stdout."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if output:
        atomic.write_file(output, text.encode("utf-8"))
    elif summary:  # GitHub Actions' own file: each step adds its part
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
        return
    print(f"Đã ghi bản tóm tắt vào {output or summary}.", file=sys.stderr)


def screenshots(site: str, found: list[review.Item], dest: str) -> list[str]:
    """A phone-width picture of each changed page, and each share card, into ``dest``."""
    pages = [i for i in found if i.page]
    if not pages:
        return []
    if not os.path.isfile(os.path.join(site, "index.html")):
        raise ReviewError(f"chưa có bản xem trước trong '{site}'; chạy 'make preview' trước.")
    if not os.path.exists(CHROMIUM):
        raise ReviewError(f"không tìm thấy {CHROMIUM}; cài bằng 'make browser-deps'.")
    os.makedirs(dest, exist_ok=True)
    handler = functools.partial(_Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    written = []
    try:
        for item in pages:
            slug = item.page.rstrip("/").rsplit("/", 1)[-1]
            shot = os.path.join(dest, f"{slug}-dien-thoai.png")
            url = f"http://127.0.0.1:{server.server_port}/{item.page}"
            _chromium(url, shot)
            written.append(shot)
            card = os.path.join(site, *item.page.rstrip("/").split("/"), urls.CARD_NAME)
            if os.path.isfile(card):
                shutil.copyfile(card, os.path.join(dest, f"{slug}-{urls.CARD_NAME}"))
                written.append(os.path.join(dest, f"{slug}-{urls.CARD_NAME}"))
    finally:
        server.shutdown()
    return written


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        return


def _chromium(url: str, out: str) -> None:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", f"--window-size={PHONE[0]},{PHONE[1]}", f"--screenshot={out}", url]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=90, check=False)
    except subprocess.TimeoutExpired:
        raise ReviewError(f"chromium không chụp được {url} trong 90 giây.") from None
    if done.returncode != 0 or not os.path.isfile(out):
        raise ReviewError(f"chromium không chụp được {url}.")


