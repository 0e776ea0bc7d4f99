"""The ``showcase`` plugin's options, read from ``mkdocs.yml``: declared once, here.

Each option is a field of :class:`Options` with its default and, under it, its
documentation. Both doors use this one declaration: the CLI reads
``mkdocs.yml`` directly (fast, no MkDocs import); the MkDocs adapter derives
its config class from :func:`option_names` and passes the mapping it read to
:func:`Options.from_mapping`, which validates with Vietnamese messages.
The values' types and parsers are in :mod:`showcase.option_values`; the CLI's
reading of ``mkdocs.yml`` is :func:`showcase.context.read_mkdocs_yml`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from showcase import option_values as values
from showcase.option_values import (
    DEFAULT_PERIODS,
    EditorSettings,
    OptionsError,
    Publisher,
    QuotaPeriod,
    Rubric,
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
    """Plans with their quotas: [{name, start, end, per_semester, published_per_year,
    counts_from, counts_from_reason, plan_number, plan_date, issued_by}]; the documents
    cite the plan by ``plan_number`` and ``plan_date`` (a highlighted blank while unset)
    and its issuer ``issued_by`` as named when it was issued."""
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
    home_affairs, address, drafting_office, from, to}]; without it, ``department``."""
    scoring: Rubric = Rubric()
    """Year-end scoring rubric: {semester_met, semester_missed, published, featured}."""
    organising_office: str = "to-chuc-phap-che"
    """Unit id of the office that scores units and proposes commendations."""
    official_email_domains: tuple[str, ...] = ()
    """E-mail domains of official addresses (a unit's mailbox, not a person's) that a
    profile may show: "soctrang.gov.vn" exactly, "*.gov.vn" any sub-domain. Every
    other address is personal data (Decree 13/2023/NĐ-CP) and refused by the check."""
    editor: EditorSettings = EditorSettings()
    """The units' form at quan-tri/ (Decap CMS): {repo, branch, auth_url, auth_endpoint,
    bundle, local_backend}, or false for none. See README, "Biểu mẫu nhập hồ sơ"."""
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

    def plan_issuer(self, year: int) -> str:
        """Who issued the plan in force in ``year``, named as on the day it was issued:
        its ``issued_by``, else the publisher on its first day."""
        for p in self.quota_periods:
            if p.start.year <= year <= p.end.year:
                return p.issued_by or self.publisher_on(p.start).name
        return self.publisher_on(dt.date(year, 1, 1)).name

    @classmethod
    def from_mapping(cls, raw: dict[str, Any] | None) -> Options:
        raw = dict(raw or {})
        kw: dict[str, Any] = {}
        for name in ("profiles_dir", "column_name", "department", "reports_dir", "cache_dir",
                     "organising_office"):
            if name in raw and raw[name] is not None:
                kw[name] = values.text(raw.pop(name), name)
            else:
                raw.pop(name, None)
        for name in ("feed_items", "page_size"):
            if name in raw and raw[name] is not None:
                kw[name] = values.positive(raw.pop(name), name)
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
            kw["today"] = values.day(raw.pop("today"), "today")
        raw.pop("today", None)
        if raw.get("board_team") is not None:
            # Checked by `showcase codeowners`, the only command that uses it.
            kw["board_team"] = str(raw.pop("board_team"))
        raw.pop("board_team", None)
        if raw.get("quota_periods") is not None:
            kw["quota_periods"] = values.periods(raw.pop("quota_periods"))
        raw.pop("quota_periods", None)
        if raw.get("publishers") is not None:
            kw["publishers"] = values.publishers(raw.pop("publishers"))
        raw.pop("publishers", None)
        if raw.get("official_email_domains") is not None:
            kw["official_email_domains"] = values.domains(raw.pop("official_email_domains"),
                                                          "official_email_domains")
        raw.pop("official_email_domains", None)
        if raw.get("scoring") is not None:
            kw["scoring"] = values.rubric(raw.pop("scoring"))
        raw.pop("scoring", None)
        if raw.get("editor") is not None:
            kw["editor"] = values.editor(raw.pop("editor"))
        raw.pop("editor", None)
        kw["extra"] = raw  # options owned by later features (validated there)
        return cls(**kw)


def option_names() -> tuple[str, ...]:
    """The option keys of ``mkdocs.yml``'s ``showcase`` plugin, in declaration order."""
    return tuple(f.name for f in fields(Options) if f.name != "extra")
