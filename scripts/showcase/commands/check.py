"""``showcase check``: validate everything, build nothing."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from showcase.content import corpus, diagnostics

NAME = "check"
HELP = "kiểm tra toàn bộ hồ sơ và danh sách đơn vị, không dựng trang"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="text: từng dòng tệp:dòng: trường: lỗi; github: chú thích GitHub Actions")


def load_and_report(ctx: Any, fmt: str = "text") -> corpus.Corpus:
    """Load the corpus and print its diagnostics (shared with ``build``)."""
    c = corpus.load(ctx.root, ctx.today, options=ctx.options)
    diags = c.diagnostics.sorted()
    if diags:
        print(diagnostics.render(diags, fmt))
    if fmt == "text":
        print(diagnostics.summary(diags) + f" ({len(c.profiles)} hồ sơ hợp lệ, "
              f"{len(c.units)} đơn vị)", file=sys.stderr)
    return c


def run(args: argparse.Namespace, ctx: Any) -> int:
    c = load_and_report(ctx, args.format)
    return 0 if c.ok else 1
