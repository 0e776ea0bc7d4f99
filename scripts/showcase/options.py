"""The ``showcase`` plugin's options, read from ``mkdocs.yml``.

Both adapters use this one definition: the CLI reads ``mkdocs.yml``
directly (fast, no MkDocs import), the MkDocs plugin passes its validated
config mapping to :func:`Options.from_mapping`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml


class OptionsError(Exception):
    """Configuration is wrong: exit code 2, message in Vietnamese."""


@dataclass(frozen=True)
class QuotaPeriod:
    """A plan's quota: from ``start`` to ``end``, so many per semester/year."""

    start: dt.date
    end: dt.date
    per_semester: int = 1
    published_per_year: int = 1
    name: str = ""


DEFAULT_PERIODS = (
    QuotaPeriod(dt.date(2022, 1, 1), dt.date(2025, 12, 31), 1, 1, "Kế hoạch 2022-2025"),
)


@dataclass(frozen=True)
class Options:
    profiles_dir: str = "profiles"
    column_name: str = "Gương điển hình tiên tiến"
    department: str = "Sở Văn hóa, Thể thao và Du lịch"
    reports_dir: str = "reports"
    feed_items: int = 50
    page_size: int = 24
    sample_notice: bool = False
    quota_periods: tuple[QuotaPeriod, ...] = DEFAULT_PERIODS
    today: dt.date | None = None  # fixed "today" for reproducible builds
    cache_dir: str = ".showcase-cache"
    #: E-mail domains of official addresses (a unit's, not a person's), which a
    #: profile may show: ``soctrang.gov.vn`` exactly, ``*.gov.vn`` any sub-domain.
    #: Every other address is personal data (Decree 13/2023/NĐ-CP) and refused.
    official_email_domains: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_mapping(cls, raw: dict[str, Any] | None) -> Options:
        raw = dict(raw or {})
        kw: dict[str, Any] = {}
        for name in ("profiles_dir", "column_name", "department", "reports_dir", "cache_dir"):
            if name in raw and raw[name] is not None:
                kw[name] = _str(raw.pop(name), name)
            else:
                raw.pop(name, None)
        for name in ("feed_items", "page_size"):
            if name in raw and raw[name] is not None:
                kw[name] = _int(raw.pop(name), name)
            else:
                raw.pop(name, None)
        if "sample_notice" in raw:
            v = raw.pop("sample_notice")
            if not isinstance(v, bool):
                raise OptionsError("Tùy chọn 'sample_notice' phải là true hoặc false.")
            kw["sample_notice"] = v
        if raw.get("today") is not None:
            kw["today"] = _date(raw.pop("today"), "today")
        raw.pop("today", None)
        if raw.get("official_email_domains") is not None:
            kw["official_email_domains"] = _domains(raw.pop("official_email_domains"))
        raw.pop("official_email_domains", None)
        if raw.get("quota_periods") is not None:
            kw["quota_periods"] = _periods(raw.pop("quota_periods"))
        raw.pop("quota_periods", None)
        kw["extra"] = raw  # options owned by later features (validated there)
        return cls(**kw)


def _str(v: Any, name: str) -> str:
    if not isinstance(v, str) or not v.strip():
        raise OptionsError(f"Tùy chọn '{name}' phải là một chuỗi không rỗng.")
    return v


def _int(v: Any, name: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise OptionsError(f"Tùy chọn '{name}' phải là số nguyên dương.")
    return v


_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_DOMAIN = re.compile(rf"^(\*\.)?{_LABEL}(?:\.{_LABEL})+$")


def _domains(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(d, str) for d in v):
        raise OptionsError("Tùy chọn 'official_email_domains' phải là danh sách tên miền, "
                           'ví dụ ["*.gov.vn"].')
    out = []
    for d in v:
        d = d.strip().lower()
        if not _DOMAIN.match(d):
            raise OptionsError(f"Tên miền '{d}' trong 'official_email_domains' không hợp lệ: "
                               "viết dạng 'soctrang.gov.vn' hoặc '*.gov.vn'.")
        out.append(d)
    return tuple(out)


def _date(v: Any, name: str) -> dt.date:
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise OptionsError(f"Tùy chọn '{name}' phải là ngày dạng YYYY-MM-DD.") from None


def _periods(v: Any) -> tuple[QuotaPeriod, ...]:
    if not isinstance(v, list) or not v:
        raise OptionsError("Tùy chọn 'quota_periods' phải là danh sách các giai đoạn.")
    out = []
    for i, item in enumerate(v):
        where = f"quota_periods[{i}]"
        if not isinstance(item, dict):
            raise OptionsError(f"'{where}' phải có start, end, per_semester, published_per_year.")
        unknown = set(item) - {"start", "end", "per_semester", "published_per_year", "name"}
        if unknown:
            raise OptionsError(f"'{where}' có khóa không hợp lệ: {', '.join(sorted(unknown))}.")
        if "start" not in item or "end" not in item:
            raise OptionsError(f"'{where}' cần có 'start' và 'end'.")
        p = QuotaPeriod(
            _date(item["start"], where + ".start"),
            _date(item["end"], where + ".end"),
            _count(item.get("per_semester", 1), where + ".per_semester"),
            _count(item.get("published_per_year", 1), where + ".published_per_year"),
            str(item.get("name", "")),
        )
        if p.end < p.start:
            raise OptionsError(f"'{where}': ngày kết thúc trước ngày bắt đầu.")
        out.append(p)
    out.sort(key=lambda p: p.start)
    for a, b in zip(out, out[1:], strict=False):
        if b.start <= a.end:
            raise OptionsError("Các giai đoạn trong 'quota_periods' bị chồng lên nhau.")
    return tuple(out)


def _count(v: Any, name: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise OptionsError(f"Tùy chọn '{name}' phải là số nguyên không âm.")
    return v


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
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise OptionsError(f"Tệp cấu hình '{path}' có lỗi: {exc}") from None
    if not isinstance(config, dict):
        raise OptionsError(f"Tệp cấu hình '{path}' phải là một nhóm khóa.")
    for plugin in config.get("plugins") or []:
        if plugin == "showcase":
            return config, Options()
        if isinstance(plugin, dict) and "showcase" in plugin:
            return config, Options.from_mapping(plugin["showcase"])
    raise OptionsError(f"Tệp cấu hình '{path}' chưa bật plugin 'showcase' trong 'plugins:'.")
