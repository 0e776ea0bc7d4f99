"""``showcase report``: the annual evaluation for the organising office."""

from __future__ import annotations

import argparse
import os
import sys

from showcase.commands.quotas import load, year_arg
from showcase.content import corpus
from showcase.content.text import vn_date
from showcase.context import Context
from showcase.plan import annual, quotas, reports
from showcase.plan.periods import report_year

NAME = "report"
HELP = ("báo cáo năm cho cơ quan thường trực thi đua: bảng tính (xlsx, CSV) "
        "và bản tóm tắt Markdown")
FORMATS = ("xlsx", "csv", "md", "json")


class ReportsDirError(Exception):
    """The reports folder would be published or cannot be written."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=year_arg, default=None,
                   help="năm báo cáo (mặc định: năm gần nhất có tính chỉ tiêu)")
    p.add_argument("--out", default=None, metavar="THƯ-MỤC",
                   help="thư mục ghi báo cáo (mặc định: reports_dir, tức reports/)")
    p.add_argument("--format", action="append", choices=FORMATS, default=None,
                   help="chỉ ghi định dạng này (dùng nhiều lần); mặc định ghi tất cả")
    p.add_argument("--sep", choices=(",", ";"), default=",",
                   help="dấu phân cách cột của CSV", metavar="KÝ-TỰ")


def reports_dir(ctx: Context, site_dir: str | None = None, override: str | None = None) -> str:
    """The absolute reports folder; refused when it lies inside the site or docs folder."""
    path = os.path.abspath(os.path.join(ctx.root, override or ctx.options.reports_dir))
    published = [site_dir or os.path.join(ctx.root, ctx.config.get("site_dir") or "site"),
                 os.path.join(ctx.root, ctx.config.get("docs_dir") or "docs")]
    for folder in published:
        folder = os.path.abspath(folder)
        if os.path.commonpath([path, folder]) == folder:
            raise ReportsDirError(
                f"Thư mục báo cáo '{os.path.relpath(path, ctx.root)}' nằm trong "
                f"'{os.path.relpath(folder, ctx.root)}', nên báo cáo sẽ bị công bố lên trang. "
                "Đặt 'reports_dir' của plugin showcase trong mkdocs.yml ra ngoài, "
                "ví dụ 'reports'.")
    return path


def files(ann: annual.Annual, q: quotas.Quotas, formats: tuple[str, ...] = FORMATS,
          sep: str = ",") -> dict[str, bytes]:
    """File name -> content: the annual report and the year's quota table."""
    y = ann.year
    out: dict[str, bytes] = {}
    if "xlsx" in formats:
        out[f"report-{y}.xlsx"] = annual.xlsx_bytes(ann)
    if "csv" in formats:
        out[f"report-{y}.csv"] = annual.csv_bytes(ann, sep)
        out[f"quotas-{y}.csv"] = reports.csv_bytes(q, sep)
    if "md" in formats:
        out[f"report-{y}.md"] = annual.markdown(ann).encode("utf-8")
        out[f"quotas-{y}.md"] = reports.markdown(q).encode("utf-8")
    if "json" in formats:
        out[f"quotas-{y}.json"] = reports.as_json(q).encode("utf-8")
    return out


def _write(folder: str, content: dict[str, bytes]) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    written = []
    for name, data in sorted(content.items()):
        path = os.path.join(folder, name)
        tmp = path + ".tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # an office member may have the old file open
        written.append(path)
    return written


def write_all(ctx: Context, c: corpus.Corpus, years: list[int], site_dir: str) -> list[str]:
    """Used by ``build``: every report for ``years``; a problem is a warning, not a failure."""
    try:
        folder = reports_dir(ctx, site_dir)
        written = []
        for y in years:
            ann = annual.build(c.units.values(), c.profiles, ctx.options.quota_periods,
                               ctx.today, y, ctx.options.department)
            written += _write(folder, files(ann, ann.quotas))
    except (ReportsDirError, OSError) as exc:
        print(f"Cảnh báo: không ghi được báo cáo chỉ tiêu: {exc}", file=sys.stderr)
        return []
    if written:
        print(f"Đã ghi báo cáo chỉ tiêu vào {os.path.relpath(folder, ctx.root)}/ "
              f"({len(written)} tệp, không công bố lên trang).", file=sys.stderr)
    return written


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        folder = reports_dir(ctx, None, args.out)
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
        written = _write(folder, files(ann, ann.quotas, tuple(args.format or FORMATS), args.sep))
    except OSError as exc:
        print(f"showcase: không ghi được báo cáo vào {folder}: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(os.path.relpath(path, ctx.root))
    return 0
