"""The values of the ``showcase`` plugin's options: their types, and how a raw
value read from ``mkdocs.yml`` becomes one (or an :class:`OptionsError` whose
message, in Vietnamese, says what to write instead).

The options themselves are declared in :mod:`showcase.options`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any


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
    plan_number: str = ""  # "45/KH-SVHTTDL": cited in the documents, a blank while unset
    plan_date: dt.date | None = None  # the day the plan was signed
    issued_by: str = ""  # the plan's issuer under its name on the day it was issued

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
    # The office that drafts the report and the proposals, abbreviated as in
    # "Lưu: VT, TCPC." and "Số: .../TTr-TCPC" (Tổ chức - Pháp chế).
    drafting_office: str = "TCPC"
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
                  "drafting_office", "from", "to"}

DEFAULT_PERIODS = (
    QuotaPeriod(dt.date(2022, 1, 1), dt.date(2025, 12, 31), 1, 1, "Kế hoạch 2022-2025"),
)


def text(v: Any, name: str) -> str:
    """A non-empty string."""
    if not isinstance(v, str) or not v.strip():
        raise OptionsError(f"Tùy chọn '{name}' phải là một chuỗi không rỗng.")
    return v


def positive(v: Any, name: str) -> int:
    """An integer from 1."""
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise OptionsError(f"Tùy chọn '{name}' phải là số nguyên dương.")
    return v


def day(v: Any, name: str) -> dt.date:
    """A date, as YAML read it or as YYYY-MM-DD text."""
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise OptionsError(f"Tùy chọn '{name}' phải là ngày dạng YYYY-MM-DD.") from None


def periods(v: Any) -> tuple[QuotaPeriod, ...]:
    """``quota_periods``: in order of start, not overlapping."""
    if not isinstance(v, list) or not v:
        raise OptionsError("Tùy chọn 'quota_periods' phải là danh sách các giai đoạn.")
    out = []
    for i, item in enumerate(v):
        where = f"quota_periods[{i}]"
        if not isinstance(item, dict):
            raise OptionsError(f"'{where}' phải có start, end, per_semester, published_per_year.")
        unknown = set(item) - {"start", "end", "per_semester", "published_per_year", "name",
                               "counts_from", "counts_from_reason", "plan_number", "plan_date",
                               "issued_by"}
        if unknown:
            raise OptionsError(f"'{where}' có khóa không hợp lệ: {', '.join(sorted(unknown))}.")
        if "start" not in item or "end" not in item:
            raise OptionsError(f"'{where}' cần có 'start' và 'end'.")
        p = QuotaPeriod(
            day(item["start"], where + ".start"),
            day(item["end"], where + ".end"),
            count(item.get("per_semester", 1), where + ".per_semester"),
            count(item.get("published_per_year", 1), where + ".published_per_year"),
            str(item.get("name", "")),
            day(item["counts_from"], where + ".counts_from") if item.get("counts_from")
            else None,
            " ".join(str(item.get("counts_from_reason") or "").split()),
            text(item["plan_number"], where + ".plan_number").strip()
            if item.get("plan_number") is not None else "",
            day(item["plan_date"], where + ".plan_date") if item.get("plan_date") else None,
            " ".join(text(item["issued_by"], where + ".issued_by").split())
            if item.get("issued_by") is not None else "",
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


def publishers(v: Any) -> tuple[Publisher, ...]:
    """``publishers``: in order of date, one after the other."""
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
        texts = {k: " ".join(text(item[k], f"{where}.{k}").split())
                 for k in PUBLISHER_KEYS - {"from", "to"} if item.get(k) is not None}
        p = Publisher(
            **texts,
            valid_from=day(item["from"], where + ".from") if item.get("from") else None,
            valid_to=day(item["to"], where + ".to") if item.get("to") else None,
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


def rubric(v: Any) -> Rubric:
    """``scoring``: non-negative points per item."""
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


def count(v: Any, name: str) -> int:
    """An integer from 0."""
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise OptionsError(f"Tùy chọn '{name}' phải là số nguyên không âm.")
    return v


_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_DOMAIN = re.compile(rf"^(\*\.)?{_LABEL}(?:\.{_LABEL})+$")


def domains(v: Any, name: str) -> tuple[str, ...]:
    """A list of e-mail domains: 'soctrang.gov.vn' or '*.gov.vn' (any sub-domain)."""
    if not isinstance(v, list) or not all(isinstance(d, str) for d in v):
        raise OptionsError(f"Tùy chọn '{name}' phải là danh sách tên miền, ví dụ [\"*.gov.vn\"].")
    out = []
    for d in v:
        d = d.strip().lower()
        if not _DOMAIN.match(d):
            raise OptionsError(f"Tên miền '{d}' trong '{name}' không hợp lệ: viết dạng "
                               "'soctrang.gov.vn' hoặc '*.gov.vn'.")
        out.append(d)
    return tuple(out)


@dataclass(frozen=True)
class EditorSettings:
    """The units' form at ``quan-tri/`` (Decap CMS): where it saves, and how people sign in.

    ``repo`` and ``auth_url`` are the Department's GitHub repository and its small
    authentication endpoint (README: the one-time set-up); ``local_backend`` makes the
    page use Decap's local proxy (``decap-server``) when opened on this computer.
    """

    enabled: bool = True
    repo: str = ""  # "owner/name" on GitHub
    branch: str = "main"
    auth_url: str = ""  # the OAuth endpoint's address (Decap's base_url)
    auth_endpoint: str = "auth"
    # What a signed-in person's token may do: a public repository needs only
    # public_repo; a private one needs repo (and open authoring then needs read access).
    auth_scope: str = "public_repo"
    bundle: str = "editor/node_modules/decap-cms/dist"  # relative to mkdocs.yml
    local_backend: str = ""  # e.g. http://127.0.0.1:8081/api/v1


EDITOR_KEYS = ("repo", "branch", "auth_url", "auth_endpoint", "auth_scope", "bundle",
               "local_backend")
_REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$")
_HTTP = re.compile(r"^https?://[^\s/]+(?:/\S*)?$")


def editor(v: Any) -> EditorSettings:
    """``editor: false`` (no form), or ``{repo, branch, auth_url, auth_endpoint, ...}``."""
    if v is False:
        return EditorSettings(enabled=False)
    if v is True:
        return EditorSettings()
    if not isinstance(v, dict):
        raise OptionsError("Tùy chọn 'editor' phải là false hoặc một nhóm khóa: repo, branch, "
                           "auth_url, auth_endpoint.")
    unknown = sorted(set(v) - set(EDITOR_KEYS))
    if unknown:
        raise OptionsError(f"Tùy chọn 'editor' không có khóa {', '.join(unknown)}; các khóa hợp "
                           "lệ: " + ", ".join(EDITOR_KEYS) + ".")
    kw: dict[str, str] = {k: text(v[k], f"editor.{k}").strip()
                          for k in EDITOR_KEYS if v.get(k) is not None}
    if kw.get("repo") and not _REPO.match(kw["repo"]):
        raise OptionsError(f"'editor.repo' ('{kw['repo']}') phải có dạng 'to-chuc/ten-kho', "
                           "ví dụ 'so-vhttdl/guong-dien-hinh'.")
    if kw.get("auth_scope") not in (None, "public_repo", "repo"):
        raise OptionsError(f"'editor.auth_scope' ('{kw['auth_scope']}') chỉ nhận public_repo "
                           "(kho công khai) hoặc repo (kho riêng).")
    for key in ("auth_url", "local_backend"):
        if kw.get(key) and not _HTTP.match(kw[key]):
            raise OptionsError(f"'editor.{key}' ('{kw[key]}') phải là một địa chỉ https://...")
    return EditorSettings(True, **kw)
