"""``showcase new``: write a new profile from the template, ready to fill in.

Asks for the unit, kind, name and field when they are not given as options
and the terminal is interactive; a script gives them as ``--unit``,
``--kind``, ``--name`` and ``--field``. Exit codes: 0 the file was created,
2 nothing was written (missing or wrong option, unknown or closed unit, a
file or a page address that already exists).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from showcase.content import frontmatter, photos
from showcase.content.diagnostics import Collector
from showcase.content.model import FILE_NAME
from showcase.content.units import Unit, read_units, units_path
from showcase.content.validate import read_profile
from showcase.content.vocab import FIELDS, KINDS
from showcase.context import Context
from showcase.workflow import answers, scaffold
from showcase.workflow.answers import Asker, Refused

NAME = "new"
HELP = "tạo tệp hồ sơ mới từ mẫu (hỏi đơn vị, loại, tên, lĩnh vực nếu chưa ghi)"

EXIT_OK, EXIT_USAGE = 0, 2
REQUIRED = ("unit", "kind", "name", "field")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", metavar="MÃ",
                   help="mã đơn vị trong profiles/units.yml, ví dụ vhtt-vinh-chau")
    p.add_argument("--kind", metavar="LOẠI", help="loại: " + ", ".join(KINDS))
    p.add_argument("--name", metavar="TÊN", help="tên người, tập thể hoặc hộ gia đình")
    p.add_argument("--field", metavar="LĨNH-VỰC", help="lĩnh vực: " + ", ".join(FIELDS))
    p.add_argument("--sectors", metavar="NGÀNH",
                   help="ngành, cách nhau bằng dấu phẩy, ví dụ culture,family "
                        "(không ghi thì điền sau trong tệp)")
    p.add_argument("--introduced", type=_iso_date, default=None, metavar="NGÀY",
                   help="ngày đơn vị giới thiệu YYYY-MM-DD (mặc định: hôm nay)")
    p.add_argument("--slug", metavar="TÊN-TỆP", help="tên tệp sau năm, không dấu, nối bằng '-' "
                                  "(mặc định: tên viết không dấu)")
    p.set_defaults(new_usage=p.format_usage())


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải ngày dạng YYYY-MM-DD") from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    interactive = _is_tty()
    missing = [k for k in REQUIRED if not getattr(args, k)]
    if missing and not interactive:
        sys.stderr.write(args.new_usage)
        print(
            "showcase new: thiếu " + ", ".join(f"--{k}" for k in missing) + ". Ghi đủ "
            "--unit, --kind, --name và --field, hoặc chạy lệnh trong cửa sổ dòng lệnh "
            "để được hỏi từng mục.", file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        path = create(args, ctx, Asker() if interactive else None)
    except Refused as exc:
        print(f"showcase new: {exc}\nChưa tạo tệp nào.", file=sys.stderr)
        return EXIT_USAGE
    _report(ctx, path)
    return EXIT_OK


def _is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        return False


def create(args: argparse.Namespace, ctx: Context, ask: Asker | None) -> str:
    """Resolve every answer, then write the file; returns its repository path."""
    pdir = ctx.options.profiles_dir
    introduced = args.introduced or ctx.today
    if introduced > ctx.today:
        raise Refused(f"Ngày giới thiệu {introduced.isoformat()} ở tương lai "
                      f"(hôm nay là {ctx.today.isoformat()}).")
    units, declared = _units(ctx.root, pdir, ctx.today)
    unit = answers.unit(args.unit, units, declared, introduced, ask, pdir)
    kind = answers.term(args.kind, "--kind", "Loại hồ sơ", KINDS, ask)
    name = answers.name(args.name, ask)
    fld = answers.term(args.field, "--field", "Lĩnh vực theo kế hoạch", FIELDS, ask)
    sectors = answers.sectors(args.sectors, ask)
    slug = answers.slug(args.slug, name)
    rel = f"{pdir}/{unit.id}/{scaffold.file_name(introduced, slug)}"
    full = os.path.join(ctx.root, rel)
    if os.path.lexists(full):
        raise Refused(f"Tệp {rel} đã có. Mở tệp đó để sửa, hoặc chọn tên khác bằng --slug.")
    clash = _same_slug(ctx.root, pdir, slug)
    if clash:
        raise Refused(
            f"Hồ sơ {clash} đã dùng địa chỉ trang ho-so/{slug}/ (địa chỉ chỉ lấy từ phần tên "
            f"sau năm, nên hai hồ sơ không được trùng tên tệp). Nếu là người khác, thêm tên "
            f"xã hoặc đơn vị, ví dụ --slug {slug}-vinh-hai."
        )
    text = scaffold.render(scaffold.Draft(
        unit_id=unit.id, unit_name=unit.name, name=name, kind=kind, field=fld,
        sectors=sectors, introduced=introduced, created=ctx.today,
    ))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    try:
        with open(full, "x", encoding="utf-8", newline="\n") as fh:  # never overwrite
            fh.write(text)
    except FileExistsError:
        raise Refused(f"Tệp {rel} vừa được tạo bởi người khác; mở tệp đó để sửa.") from None
    return rel


# -- the registry, and the profiles already there ----------------------------


def _units(root: str, pdir: str, today: dt.date) -> tuple[dict[str, Unit], set[str]]:
    rel = units_path(pdir)
    if not os.path.isfile(os.path.join(root, rel)):
        raise Refused(f"Không tìm thấy {rel}; hãy chạy lệnh ở thư mục gốc của kho.")
    units, declared = read_units(root, pdir, Collector(), today)
    if declared is None:
        raise Refused(f"Không đọc được danh sách đơn vị trong {rel}; "
                      "chạy 'showcase check' để xem và sửa.")
    return units, declared


def _same_slug(root: str, pdir: str, slug: str) -> str | None:
    """The path of an existing profile with the same page address, if any."""
    base = os.path.join(root, pdir)
    for folder in sorted(os.listdir(base)):
        sub = os.path.join(base, folder)
        if not os.path.isdir(sub):
            continue
        for entry in sorted(os.listdir(sub)):
            m = FILE_NAME.match(entry)
            if m and m.group(2) == slug:
                return f"{pdir}/{folder}/{entry}"
    return None


# -- after writing ------------------------------------------------------------


def _report(ctx: Context, rel: str) -> None:
    """Say where the file is and exactly what is left to write in it."""
    out = Collector()
    with open(os.path.join(ctx.root, rel), "rb") as fh:
        text = frontmatter.decode(fh.read(), rel, out)
    doc = frontmatter.split(text or "", rel, out)
    m = FILE_NAME.match(rel.rsplit("/", 1)[-1])
    if doc and m:
        unit = rel.rsplit("/", 2)[-2]
        read_profile(rel, unit, m.group(2), doc, out, ctx.today,
                     lambda r: photos.check_photo(ctx.root, r))
    print(f"Đã tạo {rel}")
    left = out.sorted()
    if left:
        print("Mở tệp, điền các chỗ sau rồi chạy 'make check' (hoặc 'showcase check'):")
        for d in left:
            print("  " + d.text())
