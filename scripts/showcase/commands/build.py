"""``showcase build``: check, then build the site into ``site/`` atomically."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys

from showcase import pipeline, timing
from showcase.adapter.run import mkdocs_build
from showcase.commands.check import report_diagnostics
from showcase.commands.quotas import quota_gate
from showcase.context import Context
from showcase.plan.report_files import ReportsDirError
from showcase.publish.atomic import BuildFailed, BuildLocked, WriteFault, site_target

NAME = "build"
PREVIEW_DIR = "site-preview"  # never the production site/ folder
HELP = "kiểm tra rồi dựng trang vào thư mục site/ (giữ nguyên trang cũ nếu có lỗi)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-d", "--site-dir", default=None, metavar="THƯ-MỤC",
                   help="thư mục đích (mặc định: site_dir)")
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="text: từng dòng tệp:dòng: trường: lỗi; github: chú thích GitHub Actions")
    p.add_argument("--preview", action="store_true",
                   help="bản xem trước cho Ban biên tập: thêm hồ sơ nháp, chưa duyệt, hẹn ngày "
                        "công bố (có dòng cảnh báo, không vào RSS, sơ đồ trang); mặc định "
                        "dựng vào thư mục site-preview/")
    p.add_argument("--strict-quotas", action="store_true",
                   help="dừng (mã thoát 1) và không dựng trang nếu có đơn vị thiếu chỉ tiêu "
                        "trong kỳ vừa kết thúc hoặc kỳ hiện tại")


def run(args: argparse.Namespace, ctx: Context) -> int:
    options = dataclasses.replace(ctx.options, preview=True) if args.preview else ctx.options
    default = PREVIEW_DIR if args.preview else (ctx.config.get("site_dir") or "site")
    site_dir = args.site_dir or os.path.join(ctx.root, default)
    site_target(site_dir, ctx.root)  # before the long part, not after
    # A production build decodes each new photo once, while making its variants;
    # a preview shows the photos' errors on its pages, so it decodes them first.
    loaded = pipeline.load(ctx.root, options, ctx.today, ctx.horizon,
                           defer_photos=not args.preview)
    if not loaded.ok:
        loaded = pipeline.settled(loaded)  # the photos' errors too, all at once
    report_diagnostics(loaded, args.format)
    if not loaded.ok and args.preview:
        print("Bản xem trước bỏ qua các hồ sơ còn lỗi và liệt kê lỗi ở đầu mỗi trang.",
              file=sys.stderr)
    elif not loaded.ok:
        print("Không dựng trang vì nội dung còn lỗi; trang cũ được giữ nguyên.", file=sys.stderr)
        return 1
    if quota_gate(loaded, args.strict_quotas, args.format):
        # No site, but the office still gets the reports that show what is missing.
        _say_written(ctx, _reports(ctx, loaded, site_dir))
        return 1
    try:
        written = mkdocs_build(ctx.config_path, site_dir, loaded)
    except BuildLocked as exc:
        print(f"showcase: {exc}", file=sys.stderr)
        return 2
    except BuildFailed as exc:
        why = str(exc)
        if why.startswith("Aborted"):  # MkDocs' own English; the reason is logged above it
            why = "xem lỗi ở các dòng phía trên"
        print(f"showcase: dựng trang thất bại: {why}\nTrang cũ được giữ nguyên.", file=sys.stderr)
        return 1
    _say_written(ctx, written)
    print(f"Đã dựng trang vào {os.path.relpath(site_dir, ctx.root)}/.", file=sys.stderr)
    timing.dump()
    return 0


def _reports(ctx: Context, loaded: pipeline.Loaded, site_dir: str) -> list[str]:
    docs = os.path.join(ctx.root, ctx.config.get("docs_dir") or "docs")
    try:
        return pipeline.write_reports(loaded, [site_dir, docs])[1]
    except (ReportsDirError, WriteFault) as exc:
        print(f"Cảnh báo: không ghi được báo cáo chỉ tiêu: {exc}", file=sys.stderr)
        return []


def _say_written(ctx: Context, written: list[str]) -> None:
    if written:
        folder = os.path.dirname(written[0])
        print(f"Đã ghi báo cáo chỉ tiêu vào {os.path.relpath(folder, ctx.root)}/ "
              f"({len(written)} tệp, không công bố lên trang).", file=sys.stderr)
