"""``showcase book``: the honour book of the summary conference (PDF)."""

from __future__ import annotations

import argparse
import os
import sys

from showcase.commands.quotas import load, year_arg
from showcase.commands.report import ReportsDirError, reports_dir
from showcase.content.text import vn_date
from showcase.context import Context
from showcase.plan.documents import book, pdf
from showcase.publish import atomic

NAME = "book"
HELP = ("sách vinh danh gương điển hình tiên tiến cho hội nghị tổng kết (PDF in khổ A4): "
        "bìa, lời nói đầu, mục lục theo lĩnh vực, mỗi gương một trang, chỉ mục đơn vị")
EXTENSIONS = (".pdf",)  # the book is set for print: PDF only


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="first", type=year_arg, required=True, metavar="NĂM",
                   help="năm đầu (theo ngày công bố)")
    p.add_argument("--to", dest="last", type=year_arg, required=True, metavar="NĂM",
                   help="năm cuối (theo ngày công bố)")
    p.add_argument("-o", "--output", default=None, metavar="TỆP",
                   help="tệp PDF, đuôi .pdf (mặc định: reports/book-<từ>-<đến>.pdf)")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.last < args.first:
        print("showcase: năm cuối (--to) phải từ năm đầu (--from) trở đi.", file=sys.stderr)
        return 2
    if args.last > ctx.today.year:  # the book counts what has been published by today
        print(f"showcase: năm {args.last} chưa đến (hôm nay là {vn_date(ctx.today)}); "
              f"chọn --to từ năm {ctx.today.year} trở về trước.", file=sys.stderr)
        return 2
    try:
        folder = reports_dir(ctx)
    except ReportsDirError as exc:
        print(f"showcase: {exc}", file=sys.stderr)
        return 2
    output = args.output or os.path.join(folder, f"book-{args.first}-{args.last}.pdf")
    atomic.file_target(output, EXTENSIONS)  # refused before the pages are set, not after
    c = load(ctx)
    o = ctx.options
    b = book.select(c.profiles, c.units, args.first, args.last, ctx.today, o.column_name,
                    o.publisher_on(ctx.today))
    if not b.entries:
        print(f"showcase: không có gương điển hình nào được công bố từ năm {args.first} đến "
              f"năm {args.last} (tính đến ngày {vn_date(ctx.today)}).",
              file=sys.stderr)
        return 1
    try:
        data = book.write(b, ctx.root)
    except pdf.PdfError as exc:
        print(f"showcase: {exc}", file=sys.stderr)
        return 2
    atomic.write_file(output, data)
    print(f"Đã ghi {os.path.relpath(output, ctx.root)} ({len(b.entries)} gương điển hình).",
          file=sys.stderr)
    return 0
