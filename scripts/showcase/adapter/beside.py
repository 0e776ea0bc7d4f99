"""What a production build writes beside the pages: the quota reports and the
units' form (``quan-tri/``). Neither is a page: no sitemap, search or feed lists them."""

from __future__ import annotations

import logging

from showcase import pipeline
from showcase.plan.report_files import ReportsDirError
from showcase.publish.atomic import WriteFault
from showcase.publish.pages.styles import InlineStyle
from showcase.workflow import editor_site

log = logging.getLogger("mkdocs.plugins.showcase")


def reports(loaded: pipeline.Loaded, folders: list[str], serving: bool) -> list[str]:
    """The office's reports, from production builds only (not serve, not a preview)."""
    if serving or loaded.options.preview:
        return []
    try:
        _, written = pipeline.write_reports(loaded, folders)
    except (ReportsDirError, WriteFault) as exc:
        log.warning(f"Không ghi được báo cáo chỉ tiêu: {exc}")
        return []
    return written


def editor(loaded: pipeline.Loaded, plan: pipeline.Plan, root: str, style: InlineStyle | None,
           site_dir: str, serving: bool) -> None:
    """The units' form, unless it is turned off (``editor: false``), or this is a
    preview or ``mkdocs serve``; without Decap's bundle, a warning and no form."""
    o = loaded.options
    if not o.editor.enabled or o.preview or serving:
        return
    try:
        site = editor_site.plan_editor(
            loaded.units.values(), o.profiles_dir, loaded.today, o.editor, plan.site.url,
            o.column_name, root, style.css if style else "")
    except editor_site.BundleMissing as exc:
        log.warning(str(exc))
        return
    editor_site.write_site(site, site_dir)
