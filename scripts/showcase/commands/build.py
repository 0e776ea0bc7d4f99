"""``showcase build``: check, then build the site into ``site/`` atomically."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from showcase.commands.check import load_and_report
from showcase.commands.quotas import build_step
from showcase.publish import atomic as site

NAME = "build"
HELP = "kiểm tra rồi dựng trang vào thư mục site/ (giữ nguyên trang cũ nếu có lỗi)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-d", "--site-dir", default=None, help="thư mục đích (mặc định: site_dir)")
    p.add_argument("--format", choices=("text", "github"), default="text")
    p.add_argument("--strict-quotas", action="store_true",
                   help="dừng (mã thoát 1) và không dựng trang nếu có đơn vị thiếu chỉ tiêu "
                        "trong kỳ vừa kết thúc hoặc kỳ hiện tại")


def run(args: argparse.Namespace, ctx: Any) -> int:
    corpus = load_and_report(ctx, args.format)
    if not corpus.ok:
        print("Không dựng trang vì nội dung còn lỗi; trang cũ được giữ nguyên.", file=sys.stderr)
        return 1
    site_dir = args.site_dir or os.path.join(ctx.root, ctx.config.get("site_dir") or "site")
    if build_step(ctx, corpus, args.strict_quotas, site_dir, args.format):
        return 1
    try:
        site.mkdocs_build(
            ctx.config_path, site_dir,
            preload={"corpus": corpus, "today": ctx.today},
        )
    except site.BuildLocked as exc:
        print(f"showcase: {exc}", file=sys.stderr)
        return 2
    except site.BuildFailed as exc:
        why = str(exc)
        if why.startswith("Aborted"):  # MkDocs' own English; the reason is logged above it
            why = "xem lỗi ở các dòng phía trên"
        print(f"showcase: dựng trang thất bại: {why}\nTrang cũ được giữ nguyên.", file=sys.stderr)
        return 1
    print(f"Đã dựng trang vào {os.path.relpath(site_dir, ctx.root)}/.", file=sys.stderr)
    return 0
