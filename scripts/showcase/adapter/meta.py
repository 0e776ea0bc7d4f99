"""A planned page as MkDocs and Material read it: its meta and its outline."""

from __future__ import annotations

from typing import Any

from showcase.publish.pages.views import Page, TocEntry


def page_meta(page: Page) -> dict[str, Any]:
    """A planned page as MkDocs and Material read their meta."""
    meta: dict[str, Any] = {
        "template": page.template,
        "title": page.title,
        "description": page.description,
        "showcase": page.view,
        "social": page.social,
    }
    if page.hide_toc:
        meta["hide"] = ["toc"]
    if not page.in_search:
        meta["search"] = {"exclude": True}
    return meta


def toc_token(entry: TocEntry) -> dict[str, Any]:
    return {"level": entry.level, "id": entry.id, "name": entry.name,
            "children": [toc_token(c) for c in entry.children]}
