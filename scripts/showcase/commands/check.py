"""``showcase check``: validate everything, build nothing."""

from __future__ import annotations

import argparse
import sys

from showcase import pipeline
from showcase.content import diagnostics
from showcase.context import Context
from showcase.pipeline import Loaded

NAME = "check"
HELP = "kiểm tra toàn bộ hồ sơ và danh sách đơn vị, không dựng trang"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="text: từng dòng tệp:dòng: trường: lỗi; github: chú thích GitHub Actions")


def report_diagnostics(loaded: Loaded, fmt: str = "text") -> None:
    """Print every problem found, and a summary line (shared with ``build``)."""
    c = loaded.corpus
    diags = c.diagnostics.sorted()
    if diags:
        print(diagnostics.render(diags, fmt))
    if fmt == "text":
        print(diagnostics.summary(diags) + f" ({len(c.profiles)} hồ sơ hợp lệ, "
              f"{len(c.units)} đơn vị)", file=sys.stderr)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loaded = pipeline.load(ctx.root, ctx.options, ctx.today, ctx.horizon)
    report_diagnostics(loaded, args.format)
    return 0 if loaded.ok else 1
