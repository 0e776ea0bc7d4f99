"""What a page tells search engines and share previews: Open Graph and JSON-LD."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from showcase.content.model import Profile
from showcase.publish import urls
from showcase.publish.pages.views import FeedLink, ShareLinks, Site, Social

IMAGE_W, IMAGE_H = 1200, 630  # every share image: the cards and the default one
OG_LOCALE = "vi_VN"


def jsonld(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json">: no '<', '>' or '&' can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def share_links(abs_url: str) -> ShareLinks:
    u = quote(abs_url, safe="")
    return ShareLinks(
        facebook=f"https://www.facebook.com/sharer/sharer.php?u={u}",
        zalo=f"https://sp.zalo.me/share?url={u}",
        url=abs_url,
    )


def profile_social(p: Profile, site: Site, unit_name: str) -> Social:
    """An article: the profile's headline, its share card, and who it is about."""
    abs_url = site.abs(urls.profile_url(p.slug))
    day = p.published or p.introduced
    about: dict[str, Any] = {
        "@type": "Person" if p.kind == "individual" else "Organization", "name": p.name}
    if p.location:
        about["address"] = p.location
    image = site.abs(urls.card_url(p.slug))
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": p.title,
        "description": " ".join(p.summary.split()),
        "url": abs_url,
        "mainEntityOfPage": abs_url,
        "datePublished": day.isoformat(),
        "inLanguage": "vi",
        "image": image,
        "about": about,
        "author": {"@type": "Organization", "name": unit_name},
        "publisher": {"@type": "GovernmentOrganization", "name": site.department},
        "isPartOf": {"@type": "WebSite", "name": site.name, "url": site.url},
    }
    if p.tags:
        ld["keywords"] = ", ".join(p.tags)
    return Social(
        og_type="article", image=image, image_alt=f"{p.name} – {site.column}",
        jsonld=jsonld(ld), published=day.isoformat(), og_title=p.title,
    )


def page_social(site: Site, url: str, title: str, desc: str, kind: str = "WebPage",
                feeds: tuple[FeedLink, ...] = ()) -> Social:
    """A page that is not a profile: the column's default share image."""
    ld = jsonld({
        "@context": "https://schema.org",
        "@type": kind,
        "name": title,
        "description": desc,
        "url": site.abs(url),
        "inLanguage": "vi",
        "isPartOf": {"@type": "WebSite", "name": site.name, "url": site.url},
        "publisher": {"@type": "GovernmentOrganization", "name": site.department},
    })
    return Social(og_type="website", image=site.abs(urls.DEFAULT_IMAGE),
                  image_alt=site.column, jsonld=ld, feeds=feeds)
