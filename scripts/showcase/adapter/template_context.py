"""What our templates read besides a page's meta: the site, the inline style and its
policy, the errors shown while serving, and the fragment cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from showcase.publish import urls
from showcase.publish.pages import csp
from showcase.publish.pages.styles import InlineStyle
from showcase.publish.pages.views import Site

if TYPE_CHECKING:
    from mkdocs.utils.templates import TemplateContext


def add(context: TemplateContext, site: Site | None, style: InlineStyle | None,
        errors: list[str], fragments: dict[str, str]) -> TemplateContext:
    ours = cast(dict[str, Any], context)  # keys of our own, read by our templates
    ours["showcase_fragment"] = _fragment(fragments)
    sources = (style.csp_source,) if style else ()
    ours["showcase_csp"] = csp.meta_policy(site.url if site else "", sources)
    ours["showcase_style"] = style.css if style else ""
    ours["showcase_site"] = site
    ours["showcase_errors"] = errors
    ours["showcase_search"] = site is not None
    ours["showcase_feed"] = site.abs(urls.FEED_NAME) if site else ""
    ours["showcase_default_image"] = site.abs(urls.DEFAULT_IMAGE) if site else ""
    return context


def _fragment(fragments: dict[str, str]) -> Callable[[str, Any], str]:
    """Render a template part once per key (``{% call showcase_fragment(key) %}``)."""

    def fragment(key: str, caller: Any) -> str:
        html = fragments.get(key)
        if html is None:
            html = fragments[key] = caller()
        return html

    return fragment
