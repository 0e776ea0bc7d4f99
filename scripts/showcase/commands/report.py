"""``showcase report``: the annual evaluation for the organising office."""

from __future__ import annotations

import argparse
import os
import sys

from showcase.commands.quotas import load, year_arg
from showcase.content.text import vn_date
from showcase.context import Context
from showcase.plan import annual, report_files, reports
from showcase.plan.periods import report_year
from showcase.plan.report_files import FORMATS, ReportsDirError

NAME = "report"
HELP = ("báo cáo năm cho cơ quan thường trực thi đua: bảng tính (xlsx, CSV) "
        "và bản tóm tắt Markdown")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=year_arg, default=None,
                   help="năm báo cáo (mặc định: năm gần nhất có tính chỉ tiêu)")
    p.add_argument("--out", default=None, metavar="THƯ-MỤC",
                   help="thư mục ghi báo cáo (mặc định: reports_dir, tức reports/)")
    p.add_argument("--format", action="append", choices=FORMATS, default=None,
                   help="chỉ ghi định dạng này (dùng nhiều lần); mặc định ghi tất cả")
    p.add_argument("--sep", choices=(",", ";"), default=",",
                   help="dấu phân cách cột của CSV", metavar="KÝ-TỰ")


def reports_dir(ctx: Context, override: str | None = None) -> str:
    """The absolute reports folder; refused when it lies inside the site or docs folder."""
    published = [os.path.join(ctx.root, ctx.config.get("site_dir") or "site"),
                 os.path.join(ctx.root, ctx.config.get("docs_dir") or "docs")]
    return report_files.reports_dir(ctx.root, override or ctx.options.reports_dir, published)


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        folder = reports_dir(ctx, args.out)
    except ReportsDirError as exc:
        print(f"showcase: {exc}", file=sys.stderr)
        return 2
    c = load(ctx)
    if not c.units:
        print("showcase: không đọc được danh sách đơn vị (profiles/units.yml); "
              "chạy 'showcase check' để xem lỗi.", file=sys.stderr)
        return 1
    periods = ctx.options.quota_periods
    year = args.year if args.year is not None else report_year(periods, ctx.today)
    if year is None:
        print("showcase: " + reports.nothing_owed(periods, ctx.today)
              + " Dùng --year để chọn năm báo cáo.", file=sys.stderr)
        return 2
    if year > ctx.today.year:
        print(f"showcase: năm {year} chưa đến (hôm nay là {vn_date(ctx.today)}).",
              file=sys.stderr)
        return 2
    ann = annual.build(c.units.values(), c.profiles, periods, ctx.today, year,
                       ctx.options.department)
    if not ann.quotas.semesters and not ann.quotas.years:
        print("Lưu ý: " + reports.nothing_owed(periods, ctx.today, year), file=sys.stderr)
    try:
        written = report_files.write(
            folder, report_files.files(ann, ann.quotas, tuple(args.format or FORMATS), args.sep))
    except OSError as exc:
        print(f"showcase: không ghi được báo cáo vào {folder}: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(os.path.relpath(path, ctx.root))
    return 0
