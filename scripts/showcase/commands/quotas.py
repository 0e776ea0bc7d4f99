"""``showcase quotas``: who has introduced what, semester by semester."""

from __future__ import annotations

import argparse
import os
import sys

from showcase.content import corpus
from showcase.content.text import vn_date
from showcase.content.units import Unit
from showcase.context import Context
from showcase.pipeline import Loaded
from showcase.plan import asof, notices, quotas, report_files, reports, scoring
from showcase.plan.periods import current_semester, report_year, years_in_scope
from showcase.plan.semesters import Year
from showcase.publish import atomic

NAME = "quotas"
HELP = "tình hình thực hiện chỉ tiêu giới thiệu gương điển hình (mỗi 6 tháng, mỗi năm)"
FORMATS = ("table", "csv", "json", "md")
# An output file's extension -> the format written into it.
EXTENSIONS = {".txt": "table", ".csv": "csv", ".json": "json", ".md": "md"}


def year_arg(text: str) -> int:
    """A four-digit year, with a Vietnamese usage error otherwise."""
    if not (text.isdigit() and len(text) == 4 and text >= "2000"):
        raise argparse.ArgumentTypeError(f"'{text}' không phải năm dạng YYYY (từ 2000)")
    return int(text)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=year_arg, default=None, metavar="NĂM",
                   help="năm cần xem (mặc định: năm gần nhất có tính chỉ tiêu)")
    p.add_argument("--unit", action="append", default=None, metavar="MÃ",
                   help="chỉ xem đơn vị có mã này (dùng nhiều lần để xem nhiều đơn vị)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="table: bảng trên màn hình; csv: mở bằng Excel; json; md: Markdown "
                        "(mặc định: theo đuôi tệp của -o, không thì table)")
    p.add_argument("--due", action="store_true",
                   help="nhắc việc: các đơn vị chưa giới thiệu ai trong kỳ hiện tại, "
                        "viết sẵn để dán vào tin nhắn hoặc issue (không dùng --format)")
    p.add_argument("--score", action="store_true",
                   help="chấm điểm thi đua cuối năm của các đơn vị theo thang điểm 'scoring' "
                        "trong mkdocs.yml (bảng, csv hoặc json)")
    p.add_argument("-o", "--output", default=None, metavar="TỆP",
                   help="ghi ra tệp thay vì in ra màn hình; đuôi tệp chọn định dạng: "
                        ".txt (bảng), .csv, .json, .md")
    p.add_argument("--sep", choices=(",", ";"), default=",",
                   help="dấu phân cách cột của CSV (';' nếu Excel của máy dùng dấu phẩy "
                        "thập phân)", metavar="KÝ-TỰ")


def load(ctx: Context) -> corpus.Corpus:
    """The corpus, warning (not failing) when some files are invalid and left out."""
    c = corpus.load(ctx.root, ctx.horizon, options=ctx.options)
    bad = {d.path for d in c.diagnostics.errors}
    if bad:
        print(f"Cảnh báo: {len(bad)} tệp có lỗi nên không được tính vào chỉ tiêu; "
              "chạy 'showcase check' để xem chi tiết.", file=sys.stderr)
    return asof.corpus_on(c, ctx.today)


def select_units(c: corpus.Corpus, ids: list[str] | None) -> list[Unit] | None:
    """The units asked for, or None after saying which id is unknown."""
    if not ids:
        return list(c.units.values())
    unknown = [i for i in ids if i not in c.units]
    if unknown:
        print(f"showcase: không có đơn vị mã '{unknown[0]}' trong "
              f"{os.path.join('profiles', 'units.yml')}. Các mã hợp lệ: "
              + ", ".join(sorted(c.units)), file=sys.stderr)
        return None
    return [c.units[i] for i in ids]


def output_format(fmt: str | None, output: str | None, due: bool = False) -> str:
    """The format to write: ``--format``, else the extension of ``-o``, else a table.

    :class:`~showcase.publish.atomic.OutputRefused` for an output that cannot be
    (a folder, an unknown extension, an extension that says another format).
    """
    if not output:
        return fmt or "table"
    allowed = (".txt", ".md") if due else tuple(EXTENSIONS)
    atomic.file_target(output, allowed)
    ext = os.path.splitext(output)[1].lower()
    if due:
        return "table"
    if fmt is not None and fmt != EXTENSIONS[ext]:
        wanted = next(e for e, f in EXTENSIONS.items() if f == fmt)
        raise atomic.OutputRefused(
            f"--format {fmt} không khớp với đuôi '{ext}' của tệp '{output}': bỏ --format "
            f"(định dạng theo đuôi tệp) hoặc đổi đuôi tệp thành {wanted}.")
    return EXTENSIONS[ext]


def emit(data: str | bytes, output: str | None) -> None:
    """Write to ``output`` (a file) or stdout; bytes go out unchanged (the CSV's BOM)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output:
        atomic.write_file(output, raw)
        print(f"Đã ghi {output}.", file=sys.stderr)
        return
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(raw)
        buffer.flush()
    else:
        sys.stdout.write(raw.decode("utf-8"))


def render(q: quotas.Quotas, fmt: str, sep: str = ",") -> str | bytes:
    if fmt == "csv":
        return reports.csv_bytes(q, sep)
    if fmt == "json":
        return reports.as_json(q)
    if fmt == "md":
        return reports.markdown(q)
    return reports.table(q)


def run(args: argparse.Namespace, ctx: Context) -> int:
    args.format = output_format(args.format, args.output, args.due)
    c = load(ctx)
    if not c.units:
        print("showcase: không đọc được danh sách đơn vị (profiles/units.yml); "
              "chạy 'showcase check' để xem lỗi.", file=sys.stderr)
        return 1
    units = select_units(c, args.unit)
    if units is None:
        return 2
    periods, today = ctx.options.quota_periods, ctx.today
    if args.due:
        sem = current_semester(periods, today)
        years = [y for y in years_in_scope(periods, today) if y == Year.of(today)]
        q = quotas.compute(units, c.profiles, periods, today, [sem] if sem else [], years)
        emit(notices.due_text(q, sem, periods), args.output)
        return 0
    year = args.year if args.year is not None else report_year(periods, today)
    if year is None:
        year = today.year
    if args.score:
        refused = reports.no_report(periods, today, year)  # scoring is the year's report
        if refused:
            print(f"showcase: {refused}", file=sys.stderr)
            return 2
        emit(_scores(ctx, c, units, year, args.format, args.sep), args.output)
        return 0
    q = quotas.for_year(units, c.profiles, periods, today, year)
    if not q.semesters and not q.years:
        message = reports.nothing_owed(periods, today, year)
        if args.format in ("table", "md"):
            emit(message + "\n", args.output)
            return 0
        print(message, file=sys.stderr)
    emit(render(q, args.format, args.sep), args.output)
    return 0


def _scores(ctx: Context, c: corpus.Corpus, units: list[Unit], year: int, fmt: str, sep: str
            ) -> str | bytes:
    """The year-end score of ``units`` (ranked among all the units), in ``fmt``."""
    ann = report_files.annual_of(c.units.values(), c.profiles, ctx.options, ctx.today, year)
    wanted = {u.id for u in units}
    found = tuple(r.score for r in ann.rows if r.unit.id in wanted)
    if fmt == "csv":
        return scoring.csv_bytes(found, sep)
    if fmt == "json":
        return scoring.as_json(found, year, ctx.today)
    heading = (f"Chấm điểm thi đua năm {year} về giới thiệu gương điển hình "
               f"(tính đến ngày {vn_date(ctx.today)})")
    return scoring.table(found, [reports.short_name(s.unit.name) for s in found], heading)


def quota_gate(loaded: Loaded, strict: bool, fmt: str = "text") -> int:
    """What ``showcase build`` does about quotas: a summary, and the strict gate.

    Checks the semester just ended and the current one (older misses can no
    longer be fixed). Returns 1 when ``strict`` and a unit is missing something.
    """
    q = loaded.review
    for line in notices.summary_lines(q, loaded.options.quota_periods):
        print(line, file=sys.stderr)
    missing = reports.missing_items(q)
    if not (strict and missing):
        return 0
    if fmt == "github":
        for item in missing:
            print("::error title=Thiếu chỉ tiêu::" + item.replace("%", "%25"))
    print("Thiếu chỉ tiêu (--strict-quotas), không dựng trang:", file=sys.stderr)
    for item in missing:
        print(f"- {item}", file=sys.stderr)
    return 1
