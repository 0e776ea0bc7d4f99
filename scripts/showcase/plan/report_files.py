"""The report files of a year, as bytes, and where they may be written.

Used by ``showcase report`` and by every build (the pipeline writes the
reports of the years under review next to the site, never inside it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from showcase.plan import annual, reports
from showcase.plan.quotas import Quotas

FORMATS = ("xlsx", "csv", "md", "json")


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


def files(ann: annual.Annual, q: Quotas, formats: tuple[str, ...] = FORMATS,
          sep: str = ",") -> dict[str, bytes]:
    """File name -> content: the annual report and the year's quota table."""
    y = ann.year
    out: dict[str, bytes] = {}
    if "xlsx" in formats:
        out[f"report-{y}.xlsx"] = annual.xlsx_bytes(ann)
    if "csv" in formats:
        out[f"report-{y}.csv"] = annual.csv_bytes(ann, sep)
        out[f"quotas-{y}.csv"] = reports.csv_bytes(q, sep)
    if "md" in formats:
        out[f"report-{y}.md"] = annual.markdown(ann).encode("utf-8")
        out[f"quotas-{y}.md"] = reports.markdown(q).encode("utf-8")
    if "json" in formats:
        out[f"quotas-{y}.json"] = reports.as_json(q).encode("utf-8")
    return out


def write(folder: str, content: dict[str, bytes]) -> list[str]:
    """Write each file by an atomic replace; returns their paths."""
    os.makedirs(folder, exist_ok=True)
    written = []
    for name, data in sorted(content.items()):
        path = os.path.join(folder, name)
        tmp = path + ".tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # an office member may have the old file open
        written.append(path)
    return written
