"""What every generated page shares, as the page cache's site-wide key.

A page outside the navigation is rendered from its own view plus these:
mkdocs.yml, the hand-written pages (the navigation's titles), a custom
theme folder, the options, the site, the navigation's generated pages,
the tools' versions and the plugin's own state (style, errors, mode).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from showcase import pipeline
from showcase.options import Options
from showcase.publish import urls
from showcase.store import hashes

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def shared_inputs(config: MkDocsConfig, options: Options, plan: pipeline.Plan,
                  in_nav: set[str], state: Iterable[str]) -> list[str]:
    custom = config.theme.custom_dir
    return [
        hashes.file_hash(config.config_file_path) if config.config_file_path else "",
        hashes.tree_hash(config.docs_dir),
        hashes.tree_hash(custom) if custom else "",
        repr(options), repr(plan.site), config.site_url or "",
        repr([(p.url, p.title) for p in plan.pages if urls.src_uri(p.url) in in_nav]),
        " ".join(f"{d}={version(d)}" for d in ("mkdocs", "mkdocs-material", "jinja2")),
        *state,
    ]


def nav_uris(nav: Any) -> set[str]:
    """The source files named in mkdocs.yml's nav (rendered with the nav's state)."""
    found: set[str] = set()
    items = nav if isinstance(nav, list) else [nav] if nav else []
    for item in items:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= nav_uris(value)
    return found
