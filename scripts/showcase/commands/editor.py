"""``showcase editor``: the units' form's configuration (Decap CMS's ``config.yml``).

Every build writes it into ``quan-tri/`` of the site; this prints it (or writes
it with ``--output``) to read what the form offers, or to try the form on this
computer with Decap's local proxy: ``--local-backend`` names the proxy's address
(``npx decap-server``, by default http://localhost:8081/api/v1).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from showcase.content import diagnostics
from showcase.content.diagnostics import Collector
from showcase.content.units import read_units, units_path
from showcase.context import Context
from showcase.option_values import OptionsError, editor
from showcase.publish import atomic
from showcase.workflow.editor_config import config_yaml
from showcase.workflow.editor_site import site_config

NAME = "editor"
HELP = "in cấu hình biểu mẫu nhập hồ sơ (trang quan-tri/) tạo từ danh sách đơn vị"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="TỆP",
                   help="ghi ra tệp .yml (mặc định: in ra màn hình)")
    p.add_argument("--local-backend", metavar="ĐỊA-CHỈ",
                   help="dùng máy chủ thử của Decap trên máy này, ví dụ "
                        "http://localhost:8081/api/v1")


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.output:
        atomic.file_target(args.output, (".yml", ".yaml"))
    settings = ctx.options.editor
    if args.local_backend:
        checked = editor({"local_backend": args.local_backend})
        settings = dataclasses.replace(settings, local_backend=checked.local_backend)
    if not settings.enabled:
        raise OptionsError("Biểu mẫu nhập hồ sơ đang tắt ('editor: false' trong mkdocs.yml).")
    out = Collector()
    units, _ = read_units(ctx.root, ctx.options.profiles_dir, out, ctx.today)
    if out.errors:
        print(diagnostics.render(out.sorted(), "text"))
        print(f"Không tạo cấu hình vì {units_path(ctx.options.profiles_dir)} còn lỗi.",
              file=sys.stderr)
        return 1
    site_url = str(ctx.config.get("site_url") or "")
    config = site_config(units.values(), ctx.options.profiles_dir, ctx.today, settings,
                         site_url if site_url.endswith("/") else site_url + "/")
    text = config_yaml(config, ctx.today)
    if args.output:
        atomic.write_file(args.output, text.encode("utf-8"))
        print(f"Đã ghi cấu hình biểu mẫu vào {args.output}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
