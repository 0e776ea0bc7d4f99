"""``showcase report``: the annual evaluation for the organising office."""

from __future__ import annotations

import argparse
import os
import sys

from showcase.commands.quotas import load, year_arg
from showcase.content.corpus import Corpus
from showcase.context import Context
from showcase.plan import annual, report_files, reports
from showcase.plan.documents import commendations, official, pdf
from showcase.plan.periods import report_year
from showcase.plan.report_files import DOCUMENTS, FORMATS, ReportsDirError
from showcase.publish import atomic

NAME = "report"
HELP = ("báo cáo năm: bảng tính (xlsx, CSV), bản tóm tắt Markdown, báo cáo gửi Sở Nội vụ "
        "và tờ trình đề nghị khen thưởng (Word, PDF)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=year_arg, default=None, metavar="NĂM",
                   help="năm báo cáo (mặc định: năm gần nhất có tính chỉ tiêu)")
    p.add_argument("--out", default=None, metavar="THƯ-MỤC",
                   help="thư mục ghi báo cáo (mặc định: reports_dir, tức reports/)")
    p.add_argument("--format", action="append", choices=FORMATS, default=None,
                   help="chỉ ghi định dạng này (dùng nhiều lần); mặc định ghi tất cả")
    p.add_argument("--sep", choices=(",", ";"), default=",",
                   help="dấu phân cách cột của CSV", metavar="KÝ-TỰ")
    p.add_argument("--unit", default=None, metavar="MÃ",
                   help="chỉ ghi báo cáo của đơn vị có mã này gửi Sở (Word, PDF)")


def build_annual(ctx: Context, c: Corpus, year: int) -> annual.Annual:
    """The year's figures as they stood on ``ctx.today``."""
    return report_files.annual_of(c.units.values(), c.profiles, ctx.options, ctx.today, year)


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
    atomic.folder_target(folder)
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
    refused = reports.no_report(periods, ctx.today, year)
    if refused:
        print(f"showcase: {refused}", file=sys.stderr)
        return 2
    ann = build_annual(ctx, c, year)
    publisher = ctx.options.publisher_on(ctx.today)
    formats = tuple(args.format or FORMATS)
    try:
        if args.unit is not None:
            if args.unit not in c.units:
                print(f"showcase: không có đơn vị mã '{args.unit}' trong profiles/units.yml.",
                      file=sys.stderr)
                return 2
            if not any(f in DOCUMENTS for f in formats):
                print("showcase: báo cáo của một đơn vị (--unit) chỉ có bản Word và PDF: "
                      "dùng --format docx, --format pdf hoặc bỏ --format.", file=sys.stderr)
                return 2
            inactive = official.unit_inactive(c.units[args.unit], year)
            if inactive:
                print(f"showcase: {inactive}", file=sys.stderr)
                return 2
            doc = official.unit_report(ann, c.units[args.unit], publisher)
            content = report_files.document_files(
                f"report-{year}-{args.unit}", doc, ctx.today,
                tuple(f for f in formats if f in DOCUMENTS))
        else:
            office = c.units.get(ctx.options.organising_office)
            if office is None:
                print(f"Cảnh báo: không có đơn vị '{ctx.options.organising_office}' "
                      "(organising_office) trong profiles/units.yml; không ghi tờ trình đề nghị "
                      "khen thưởng trình Giám đốc Sở.", file=sys.stderr)
            for note in commendations.set_aside_notes(ann):
                print("Lưu ý: " + note, file=sys.stderr)
            content = report_files.files(ann, ann.quotas, formats, args.sep, publisher, office)
    except pdf.PdfError as exc:
        print(f"showcase: {exc}", file=sys.stderr)
        return 2
    written = atomic.write_files(folder, content)
    for path in written:
        print(os.path.relpath(path, ctx.root))
    return 0
