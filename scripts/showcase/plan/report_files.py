"""The report files of a year, as bytes, and where they may be written.

Used by ``showcase report`` and by every build (the pipeline writes the
reports of the years under review next to the site, never inside it).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence

from showcase.content.model import Profile
from showcase.content.units import Unit
from showcase.option_values import Publisher
from showcase.options import Options
from showcase.plan import annual, proposals, reports, sheets
from showcase.plan.documents import commendations, docx, official, pdf
from showcase.plan.documents.model import Document
from showcase.plan.quotas import Quotas

SHEETS = ("xlsx", "csv", "md", "json")  # what every build writes
DOCUMENTS = ("docx", "pdf")  # official documents: `showcase report` only
FORMATS = SHEETS + DOCUMENTS


class ReportsDirError(Exception):
    """The reports folder would be published or cannot be written."""


def reports_dir(root: str, folder: str, published: Iterable[str]) -> str:
    """The absolute reports folder; refused when it lies inside a published folder."""
    path = os.path.abspath(os.path.join(root, folder))
    for pub in published:
        pub = os.path.abspath(pub)
        if os.path.commonpath([path, pub]) == pub:
            raise ReportsDirError(
                f"Thư mục báo cáo '{os.path.relpath(path, root)}' nằm trong "
                f"'{os.path.relpath(pub, root)}', nên báo cáo sẽ bị công bố lên trang. "
                "Đặt 'reports_dir' của plugin showcase trong mkdocs.yml ra ngoài, "
                "ví dụ 'reports'.")
    return path


def annual_of(units: Iterable[Unit], profiles: Sequence[Profile], options: Options,
              today: dt.date, year: int) -> annual.Annual:
    """The year's figures as they stood on ``today``, headed by the publisher then; the
    plan cited under its issuer's name when issued."""
    return annual.build(units, profiles, options.quota_periods, today, year,
                        options.publisher_on(today).name, options.scoring,
                        options.plan_issuer(year))


def files(ann: annual.Annual, q: Quotas, formats: tuple[str, ...] = SHEETS,
          sep: str = ",", publisher: Publisher | None = None, office: Unit | None = None
          ) -> dict[str, bytes]:
    """File name -> content: the annual report and the year's quota table; with
    ``docx``/``pdf``, the report to the Department of Home Affairs (``publisher``'s)
    and the proposals of commendation, one per recipient: ``proposals-<year>``, the
    ``office``'s to the Director; ``proposals-<year>-so-noi-vu``, the Department's to
    the Department of Home Affairs (the Chairman's commendations).

    Raises :class:`pdf.PdfError` when a PDF is asked for and WeasyPrint cannot run.
    """
    y = ann.year
    out: dict[str, bytes] = {}
    docs = []
    if publisher is not None:
        docs.append((f"report-{y}", official.department_report(ann, publisher)))
        for grantor in commendations.recipients_of(ann):
            if grantor == proposals.CHAIRMAN:
                docs.append((f"proposals-{y}-so-noi-vu",
                             commendations.proposals_home_affairs(ann, publisher)))
            elif office is not None:
                docs.append((f"proposals-{y}", commendations.proposals(ann, office, publisher)))
    for stem, doc in docs:
        out.update(document_files(stem, doc, ann.today, formats))
    if "xlsx" in formats:
        out[f"report-{y}.xlsx"] = sheets.xlsx_bytes(ann)
    if "csv" in formats:
        out[f"report-{y}.csv"] = sheets.csv_bytes(ann, sep)
        out[f"quotas-{y}.csv"] = reports.csv_bytes(q, sep)
    if "md" in formats:
        out[f"report-{y}.md"] = annual.markdown(ann).encode("utf-8")
        out[f"quotas-{y}.md"] = reports.markdown(q).encode("utf-8")
    if "json" in formats:
        out[f"quotas-{y}.json"] = reports.as_json(q).encode("utf-8")
    return out


def document_files(stem: str, doc: Document, day: dt.date,
                   formats: tuple[str, ...] = DOCUMENTS) -> dict[str, bytes]:
    """``stem``.docx and ``stem``.pdf, as asked."""
    out = {}
    if "docx" in formats:
        out[f"{stem}.docx"] = docx.write(doc, day)
    if "pdf" in formats:
        out[f"{stem}.pdf"] = pdf.write(doc, day)
    return out
