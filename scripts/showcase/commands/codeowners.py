"""``showcase codeowners``: write ``.github/CODEOWNERS`` from the units' reviewers.

``--check`` writes nothing and exits 1 when the file is missing or out of
date (used by the tests and by CI). The editorial board's GitHub team comes
from the plugin option ``board_team`` in ``mkdocs.yml``, e.g.
``board_team: "@so-vhttdl/ban-bien-tap"``.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys

from showcase.content import diagnostics
from showcase.content.diagnostics import Collector, Diagnostic
from showcase.content.units import read_units, units_path
from showcase.context import Context
from showcase.option_values import OptionsError
from showcase.options import Options
from showcase.publish import atomic
from showcase.workflow import codeowners

NAME = "codeowners"
HELP = "tạo tệp .github/CODEOWNERS từ người duyệt (reviewers) trong profiles/units.yml"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--check", action="store_true",
                   help="không ghi gì; thoát với mã 1 nếu tệp chưa khớp danh sách đơn vị")
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="github: báo lỗi dạng chú thích GitHub Actions")


def board_team(options: Options) -> str | None:
    """The board's handle from the plugin options, validated (OptionsError -> exit 2)."""
    value = options.board_team
    if value is None:
        return None
    if not codeowners.HANDLE.match(value.strip()):
        raise OptionsError(
            f"Tùy chọn 'board_team' ('{value}') phải là tài khoản hoặc nhóm GitHub, "
            "dạng \"@to-chuc/ban-bien-tap\" (trong ngoặc kép)."
        )
    return value.strip()


def run(args: argparse.Namespace, ctx: Context) -> int:
    board = board_team(ctx.options)
    pdir = ctx.options.profiles_dir
    units_rel = units_path(pdir)
    out = Collector()
    units, _ = read_units(ctx.root, pdir, out, ctx.today)
    if out.errors:
        print(diagnostics.render(out.sorted(), args.format))
        print(f"Không tạo {codeowners.PATH} vì {units_rel} còn lỗi.", file=sys.stderr)
        return 1
    text = codeowners.render(units.values(), pdir, board)
    path = os.path.join(ctx.root, codeowners.PATH)
    current = _read(path)
    if current == text:
        print(f"{codeowners.PATH} đã khớp với {units_rel}.", file=sys.stderr)
        return 0
    if args.check:
        why = "chưa có" if current is None else "chưa khớp với " + units_rel
        fix = "Chạy 'showcase codeowners' rồi đưa tệp vào yêu cầu hợp nhất."
        if args.format == "github":
            print(Diagnostic(codeowners.PATH, 1, "-", "SC090",
                             f"Tệp {codeowners.PATH} {why}.", fix).github())
        else:
            sys.stdout.writelines(difflib.unified_diff(
                (current or "").splitlines(keepends=True), text.splitlines(keepends=True),
                f"a/{codeowners.PATH}", f"b/{codeowners.PATH}",
            ))
        print(f"{codeowners.PATH} {why}. {fix}", file=sys.stderr)
        return 1
    atomic.write_file(path, text.encode("utf-8"))
    print(f"Đã cập nhật {codeowners.PATH}.", file=sys.stderr)
    return 0


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
