"""The ``showcase`` plugin's options, read from ``mkdocs.yml``: declared once, here.

Each option is a field of :class:`Options` with its default and, under it, its
documentation. Both doors use this one declaration: the CLI reads
``mkdocs.yml`` directly (fast, no MkDocs import); the MkDocs adapter derives
its config class from :func:`option_names` and passes the mapping it read to
:func:`Options.from_mapping`, which validates with Vietnamese messages.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, fields
from typing import Any

import yaml


class OptionsError(Exception):
    """Configuration is wrong: exit code 2, message in Vietnamese."""


@dataclass(frozen=True)
class QuotaPeriod:
    """A plan's quota: from ``start`` to ``end``, so many per semester/year.

    ``start``/``end`` are the plan's own span, as its name says ("Kế hoạch
    2022-2025"); ``counts_from`` is the first day the quota is counted, when
    that is later (a plan issued in the middle of its span), with the reason
    shown in every report.
    """

    start: dt.date
    end: dt.date
    per_semester: int = 1
    published_per_year: int = 1
    name: str = ""
    counts_from: dt.date | None = None
    counts_from_reason: str = ""

    @property
    def counting_start(self) -> dt.date:
        """The first day the quota is counted."""
        return self.counts_from or self.start


@dataclass(frozen=True)
class Publisher:
    """Who issues the documents from ``valid_from`` to ``valid_to`` (names change)."""

    name: str  # "Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng"
    parent: str = ""  # the governing body, printed above the name
    place: str = ""  # the place in "Sóc Trăng, ngày ... tháng ... năm ..."
    symbol: str = ""  # the abbreviation after the document type: "BC-SVHTTDL"
    signer: str = "GIÁM ĐỐC"  # title of the head who signs
    home_affairs: str = "Sở Nội vụ"  # the body that receives the annual report
    address: str = ""  # printed at the foot of the documents when set
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Rubric:
    """Year-end scoring of the units: points per item (``scoring`` in mkdocs.yml)."""

    semester_met: float = 10  # each six-month period whose quota was met
    semester_missed: float = 10  # deducted for each six-month period missed
    published: float = 5  # each profile published in the year
    featured: float = 5  # each profile marked featured, introduced or published in the year


PUBLISHER_KEYS = {"name", "parent", "place", "symbol", "signer", "home_affairs", "address",
                  "from", "to"}

DEFAULT_PERIODS = (
    QuotaPeriod(dt.date(2022, 1, 1), dt.date(2025, 12, 31), 1, 1, "Kế hoạch 2022-2025"),
)


@dataclass(frozen=True)
class Options:
    profiles_dir: str = "profiles"
    """Folder of units.yml and the unit folders, relative to mkdocs.yml."""
    column_name: str = "Gương điển hình tiên tiến"
    """The column's name, shown in titles, feeds and share cards."""
    department: str = "Sở Văn hóa, Thể thao và Du lịch"
    """The publishing Department's name."""
    reports_dir: str = "reports"
    """Where quota reports are written (never inside the site)."""
    feed_items: int = 50
    """How many items each RSS feed carries."""
    page_size: int = 24
    """Cards per listing page before paginating."""
    sample_notice: bool = False
    """Mark every profile page as sample content."""
    quota_periods: tuple[QuotaPeriod, ...] = DEFAULT_PERIODS
    """Plans with their quotas: [{name, start, end, per_semester, published_per_year}]."""
    today: dt.date | None = None
    """Treat this YYYY-MM-DD as today (reproducible builds)."""
    cache_dir: str = ".showcase-cache"
    """Cache of image variants and share cards between builds."""
    preview: bool = False
    """Build a preview for the editorial board: drafts, profiles not yet approved and
    scheduled ones are shown too, each with a banner and 'noindex'; never in feeds or
    sitemaps. `make serve` turns it on (mkdocs.yml: !ENV SHOWCASE_PREVIEW)."""
    board_team: str | None = None
    """GitHub team of the editorial board, e.g. "@org/ban-bien-tap" (CODEOWNERS)."""
    publishers: tuple[Publisher, ...] = ()
    """Who issues the documents, by date: [{name, parent, place, symbol, signer,
    home_affairs, address, from, to}]; without it, ``department``."""
    scoring: Rubric = Rubric()
    """Year-end scoring rubric: {semester_met, semester_missed, published, featured}."""
    organising_office: str = "to-chuc-phap-che"
    """Unit id of the office that scores units and proposes commendations."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Options this version does not know (MkDocs warns about them)."""

    def publisher_on(self, day: dt.date) -> Publisher:
        """The publisher on ``day``; without ``publishers``, the ``department``."""
        for p in self.publishers:
            if p.covers(day):
                return p
        if self.publishers:  # before the first or after the last: the nearest one
            first, last = self.publishers[0], self.publishers[-1]
            return first if first.valid_from and day < first.valid_from else last
        return Publisher(self.department)

    @classmethod
    def from_mapping(cls, raw: dict[str, Any] | None) -> Options:
        raw = dict(raw or {})
        kw: dict[str, Any] = {}
        for name in ("profiles_dir", "column_name", "department", "reports_dir", "cache_dir",
                     "organising_office"):
            if name in raw and raw[name] is not None:
                kw[name] = _str(raw.pop(name), name)
            else:
                raw.pop(name, None)
        for name in ("feed_items", "page_size"):
            if name in raw and raw[name] is not None:
                kw[name] = _int(raw.pop(name), name)
            else:
                raw.pop(name, None)
        if raw.get("sample_notice") is None:
            raw.pop("sample_notice", None)
        else:
            v = raw.pop("sample_notice")
            if not isinstance(v, bool):
                raise OptionsError("Tùy chọn 'sample_notice' phải là true hoặc false.")
            kw["sample_notice"] = v
        if raw.get("preview") is None:
            raw.pop("preview", None)
        else:
            v = raw.pop("preview")
            if not isinstance(v, bool):
                raise OptionsError("Tùy chọn 'preview' phải là true hoặc false.")
            kw["preview"] = v
        if raw.get("today") is not None:
            kw["today"] = _date(raw.pop("today"), "today")
        raw.pop("today", None)
        if raw.get("board_team") is not None:
            # Checked by `showcase codeowners`, the only command that uses it.
            kw["board_team"] = str(raw.pop("board_team"))
        raw.pop("board_team", None)
        if raw.get("quota_periods") is not None:
            kw["quota_periods"] = _periods(raw.pop("quota_periods"))
        raw.pop("quota_periods", None)
        if raw.get("publishers") is not None:
            kw["publishers"] = _publishers(raw.pop("publishers"))
        raw.pop("publishers", None)
        if raw.get("scoring") is not None:
            kw["scoring"] = _rubric(raw.pop("scoring"))
        raw.pop("scoring", None)
        kw["extra"] = raw  # options owned by later features (validated there)
        return cls(**kw)


def option_names() -> tuple[str, ...]:
    """The option keys of ``mkdocs.yml``'s ``showcase`` plugin, in declaration order."""
    return tuple(f.name for f in fields(Options) if f.name != "extra")


def _str(v: Any, name: str) -> str:
    if not isinstance(v, str) or not v.strip():
        raise OptionsError(f"Tùy chọn '{name}' phải là một chuỗi không rỗng.")
    return v


def _int(v: Any, name: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise OptionsError(f"Tùy chọn '{name}' phải là số nguyên dương.")
    return v


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
        unknown = set(item) - {"start", "end", "per_semester", "published_per_year", "name",
                               "counts_from", "counts_from_reason"}
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
            _date(item["counts_from"], where + ".counts_from") if item.get("counts_from")
            else None,
            " ".join(str(item.get("counts_from_reason") or "").split()),
        )
        if p.end < p.start:
            raise OptionsError(f"'{where}': ngày kết thúc trước ngày bắt đầu.")
        _check_counts_from(p, where)
        out.append(p)
    out.sort(key=lambda p: p.start)
    for a, b in zip(out, out[1:], strict=False):
        if b.start <= a.end:
            raise OptionsError("Các giai đoạn trong 'quota_periods' bị chồng lên nhau.")
    return tuple(out)


def _publishers(v: Any) -> tuple[Publisher, ...]:
    if not isinstance(v, list) or not v:
        raise OptionsError("Tùy chọn 'publishers' phải là danh sách cơ quan ban hành theo "
                           "thời gian.")
    out = []
    for i, item in enumerate(v):
        where = f"publishers[{i}]"
        if not isinstance(item, dict) or not item.get("name"):
            raise OptionsError(f"'{where}' cần có 'name' (tên cơ quan ban hành).")
        unknown = set(item) - PUBLISHER_KEYS
        if unknown:
            raise OptionsError(f"'{where}' có khóa không hợp lệ: {', '.join(sorted(unknown))}.")
        texts = {k: " ".join(_str(item[k], f"{where}.{k}").split())
                 for k in PUBLISHER_KEYS - {"from", "to"} if item.get(k) is not None}
        p = Publisher(
            **texts,
            valid_from=_date(item["from"], where + ".from") if item.get("from") else None,
            valid_to=_date(item["to"], where + ".to") if item.get("to") else None,
        )
        if p.valid_from and p.valid_to and p.valid_to < p.valid_from:
            raise OptionsError(f"'{where}': ngày 'to' trước ngày 'from'.")
        out.append(p)
    out.sort(key=lambda p: p.valid_from or dt.date.min)
    for a, b in zip(out, out[1:], strict=False):
        if a.valid_to is None or b.valid_from is None or b.valid_from <= a.valid_to:
            raise OptionsError("Các cơ quan trong 'publishers' bị chồng thời gian: cơ quan "
                               "trước cần 'to', cơ quan sau cần 'from' sau ngày đó.")
    return tuple(out)


def _rubric(v: Any) -> Rubric:
    if not isinstance(v, dict):
        raise OptionsError("Tùy chọn 'scoring' phải là nhóm khóa: semester_met, "
                           "semester_missed, published, featured.")
    unknown = set(v) - set(Rubric.__dataclass_fields__)
    if unknown:
        raise OptionsError(f"'scoring' có khóa không hợp lệ: {', '.join(sorted(unknown))}.")
    values: dict[str, float] = {}
    for k, x in v.items():
        if isinstance(x, bool) or not isinstance(x, int | float) or x < 0:
            raise OptionsError(f"'scoring.{k}' phải là số không âm (điểm trừ cũng ghi số "
                               "dương).")
        values[k] = x
    return Rubric(**values)


def _check_counts_from(p: QuotaPeriod, where: str) -> None:
    c = p.counts_from
    if c is None:
        if p.counts_from_reason:
            raise OptionsError(f"'{where}.counts_from_reason' chỉ dùng cùng 'counts_from'.")
        return
    if not p.start <= c <= p.end:
        raise OptionsError(f"'{where}.counts_from' phải nằm trong giai đoạn, từ "
                           f"{p.start.isoformat()} đến {p.end.isoformat()}.")
    if (c.month, c.day) not in ((1, 1), (7, 1)):
        raise OptionsError(f"'{where}.counts_from' phải là ngày đầu của một kỳ 6 tháng "
                           f"(01-01 hoặc 07-01), ví dụ {c.year + (c.month > 7)}-"
                           f"{'07' if 1 < c.month <= 7 else '01'}-01.")
    if c != p.start and not p.counts_from_reason:
        raise OptionsError(f"'{where}': ghi lý do tính chỉ tiêu từ ngày {c.isoformat()} "
                           "vào 'counts_from_reason' (lý do này in trong báo cáo).")


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
