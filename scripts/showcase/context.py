"""What every command works with: the repository, its configuration and "today"."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

import yaml

from showcase.option_values import OptionsError
from showcase.options import Options
from showcase.plan import asof
from showcase.plan.semesters import today_in_province


@dataclass(frozen=True)
class Context:
    """Made once by ``cli.main`` from ``mkdocs.yml`` and ``--today``; read by commands."""

    root: str  # repository root (the folder of mkdocs.yml)
    config_path: str
    config: dict[str, Any]
    options: Options
    today: dt.date  # the day reports and builds look at (``--today``)
    horizon: dt.date  # the latest date a fact may carry (see plan/asof.py)


def make_context(config_file: str, today: dt.date | None) -> Context:
    config_path = os.path.abspath(config_file)
    config, options = read_mkdocs_yml(config_path)
    now = options.today or today_in_province()
    day = today or now
    return Context(
        root=os.path.dirname(config_path),
        config_path=config_path,
        config=config,
        options=options,
        today=day,
        horizon=asof.horizon(day, now),
    )


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags (!ENV, !!python/name:...)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def read_mkdocs_yml(path: str) -> tuple[dict[str, Any], Options]:
    """The whole mkdocs.yml mapping and the showcase plugin's options."""
    if not os.path.isfile(path):
        raise OptionsError(f"Không tìm thấy tệp cấu hình '{path}'. Hãy chạy lệnh ở thư mục gốc.")
    try:
        with open(path, encoding="utf-8") as fh:
            config = yaml.load(fh, Loader=_TolerantLoader) or {}  # noqa: S506 - safe subclass
    except UnicodeDecodeError:
        raise OptionsError(f"Tệp cấu hình '{path}' không phải văn bản UTF-8; lưu lại tệp "
                           "với bảng mã UTF-8.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark else ""
        raise OptionsError(f"Tệp cấu hình '{path}' không đúng cú pháp YAML{where}: kiểm tra "
                           "thụt đầu dòng, dấu hai chấm sau mỗi khóa và dấu ngoặc kép.") from None
    if not isinstance(config, dict):
        raise OptionsError(f"Tệp cấu hình '{path}' phải là một nhóm khóa.")
    for plugin in config.get("plugins") or []:
        if plugin == "showcase":
            return config, Options()
        if isinstance(plugin, dict) and "showcase" in plugin:
            return config, Options.from_mapping(plugin["showcase"])
    raise OptionsError(f"Tệp cấu hình '{path}' chưa bật plugin 'showcase' trong 'plugins:'.")
