"""The ``showcase`` command line: parses arguments, builds a context, runs a sub-command."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Callable
from types import ModuleType
from typing import NoReturn

from showcase import commands
from showcase.argparse_vi import vietnamese
from showcase.context import Context, make_context
from showcase.option_values import OptionsError
from showcase.publish.atomic import OutputRefused, WriteFault, fault_text

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

# A sub-command's ``run(args, ctx)``: the exit code.
Runner = Callable[[argparse.Namespace, Context], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"showcase: lỗi cách dùng: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải ngày dạng YYYY-MM-DD") from None


def _modules() -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(commands.__path__))
    return [importlib.import_module(f"{commands.__name__}.{n}") for n in names]


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Runner]]:
    parser = _Parser(prog="showcase", description="Công cụ của chuyên mục gương điển hình.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="TỆP",
                        help="tệp cấu hình MkDocs (mặc định: mkdocs.yml)")
    parser.add_argument("--today", type=_date, default=None, metavar="NGÀY",
                        help="xem như hôm nay là ngày YYYY-MM-DD: báo cáo, chỉ tiêu và trang "
                             "đúng như vào ngày đó (việc xảy ra sau ngày đó chưa tính)")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    runners: dict[str, Runner] = {}
    for mod in _modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        p.add_argument("--today", type=_date, default=argparse.SUPPRESS, metavar="NGÀY",
                       help="coi hôm nay là ngày YYYY-MM-DD")
        mod.add_arguments(p)
        runners[mod.NAME] = mod.run
    return parser, runners


def main(argv: list[str] | None = None) -> int:
    with vietnamese():
        parser, runners = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return EXIT_USAGE
    try:
        ctx = make_context(args.config_file, args.today)
        return int(runners[args.command](args, ctx))
    except OptionsError as exc:
        print(f"showcase: lỗi cấu hình: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputRefused as exc:  # an output path that cannot be (a folder, a wrong extension)
        print(f"showcase: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WriteFault as exc:  # the machine refused a write: what happened, what to do
        print(f"showcase: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # `showcase quotas | head`: the reader has gone
        return EXIT_INVALID
    except OSError as exc:  # any other fault of the machine, reading or writing
        shown = exc.filename if isinstance(exc.filename, str) else ""
        print("showcase: " + fault_text(shown, exc, "", "Không đọc hoặc ghi được"),
              file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("showcase: đã dừng.", file=sys.stderr)
        return 130


def entry() -> NoReturn:
    """The ``showcase`` command: :func:`main`, then an exit that skips the teardown.

    A build of 10,000 profiles leaves millions of objects that Python would free
    one by one at exit (a warm build at 1,000 profiles: 2.32 s of CPU with this
    exit, 2.68 s with the normal one, whole process, median of 3) for nothing:
    every file is written and closed by now, the media workers have ended. What
    is still buffered (output, log handlers) is flushed first.
    """
    try:
        code = main()
    except SystemExit as exc:  # argparse's --help and usage errors
        code = exc.code if isinstance(exc.code, int) else EXIT_USAGE if exc.code else EXIT_OK
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`... | head`)
            stream.flush()
    os._exit(code)
