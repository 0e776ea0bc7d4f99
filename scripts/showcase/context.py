"""What every command works with: the repository, its configuration and "today"."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

import yaml

from showcase.content import conflicts, yamlsyntax
from showcase.content.yamltree import Problem
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
            text = fh.read()
    except UnicodeDecodeError:
        raise OptionsError(f"Tệp cấu hình '{path}' không phải mã hóa UTF-8: mở tệp và lưu "
                           "lại với mã hóa UTF-8.") from None
    lines = text.replace("\r\n", "\n").split("\n")
    for c in conflicts.find(lines):  # before YAML, which would report them a line off
        _, message, hint = conflicts.message(c)
        raise OptionsError(f"Tệp cấu hình '{path}', dòng {c.line}: {message} {hint}")
    try:
        config = yaml.load(text, Loader=_TolerantLoader) or {}  # noqa: S506 - safe subclass
    except yaml.MarkedYAMLError as exc:
        # What was typed, in Vietnamese; never the parser's English.
        mark, where = exc.problem_mark or exc.context_mark, exc.context_mark
        problem = Problem("syntax", (mark.line + 1) if mark else 1, exc.problem or "",
                          exc.context or "", mark.column if mark else 0,
                          (where.line + 1) if where else 0, where.column if where else 0)
        e = yamlsyntax.explain(problem, lines)
        raise OptionsError(f"Tệp cấu hình '{path}', dòng {e.line}: {e.message} {e.hint}"
                           ) from None
    except yaml.YAMLError:
        raise OptionsError(f"Tệp cấu hình '{path}' viết sai cú pháp YAML.") from None
    if not isinstance(config, dict):
        raise OptionsError(f"Tệp cấu hình '{path}' phải là một nhóm khóa.")
    for plugin in config.get("plugins") or []:
        if plugin == "showcase":
            return config, Options()
        if isinstance(plugin, dict) and "showcase" in plugin:
            return config, Options.from_mapping(plugin["showcase"])
    raise OptionsError(f"Tệp cấu hình '{path}' chưa bật plugin 'showcase' trong 'plugins:'.")
