"""Every URL and file-name rule of the published site, in one place.

Site-relative directory URLs (trailing slash, no leading slash); the site's
absolute URL is prefixed by :class:`~showcase.publish.pages.views.Site`.
"""

from __future__ import annotations

from showcase.content.text import slugify
from showcase.content.vocab import FIELDS, KINDS, SECTORS

PROFILES_SECTION = "ho-so"
PAGE_PREFIX = "trang-"

# Listing sections: kind of grouping -> (URL segment, Vietnamese section title).
SECTIONS: dict[str, tuple[str, str]] = {
    "field": ("linh-vuc", "Lĩnh vực"),
    "sector": ("nganh", "Ngành"),
    "unit": ("don-vi", "Đơn vị giới thiệu"),
    "kind": ("loai", "Loại gương điển hình"),
    "movement": ("phong-trao", "Phong trào thi đua"),
    "year": ("luu-tru", "Lưu trữ theo năm"),
}

FEED_NAME = "feed.xml"  # RSS of the column, and of each field and sector listing
ATOM_NAME = "atom.xml"
SITEMAP_NAME = "sitemap.xml"
FOLLOW_URL = "theo-doi/"  # the public list of every feed ("Theo dõi chuyên mục")
CARD_NAME = "the-chia-se.jpg"  # a profile's 1200x630 share card, beside its page
ASSETS_URL = "assets/showcase/"
DEFAULT_IMAGE = ASSETS_URL + "the-chia-se.jpg"  # share image of pages without a profile
CSS_URL = ASSETS_URL + "showcase.css"
# The units' form (workflow/editor_site.py): beside the pages, linked from none.
EDITOR_FOLDER = "quan-tri"


def site_path(site_url: str) -> str:
    """'https://example.gov.vn/guong-dien-hinh/' -> '/guong-dien-hinh/'."""
    from urllib.parse import urlsplit

    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def profile_url(slug: str) -> str:
    """Site-relative URL of a profile page (directory URL, trailing slash)."""
    return f"{PROFILES_SECTION}/{slug}/"


def section_url(kind: str) -> str:
    """The index page of a listing section, e.g. 'linh-vuc/'."""
    return SECTIONS[kind][0] + "/"


def field_url(field_id: str) -> str:
    return f"{SECTIONS['field'][0]}/{FIELDS[field_id].slug}/"


def sector_url(sector_id: str) -> str:
    return f"{SECTIONS['sector'][0]}/{SECTORS[sector_id].slug}/"


def unit_url(unit_id: str) -> str:
    return f"{SECTIONS['unit'][0]}/{unit_id}/"


def kind_url(kind_id: str) -> str:
    return f"{SECTIONS['kind'][0]}/{KINDS[kind_id].slug}/"


def movement_url(movement: str) -> str:
    return f"{SECTIONS['movement'][0]}/{slugify(movement)}/"


def year_url(year: int) -> str:
    return f"{SECTIONS['year'][0]}/{year}/"


def page_url(base: str, number: int) -> str:
    """URL of page ``number`` (1-based) of a paginated listing at ``base``."""
    return base if number == 1 else f"{base}{PAGE_PREFIX}{number}/"


def src_uri(url: str) -> str:
    """The virtual source file of a generated page: 'a/b/' -> 'a/b/index.md'."""
    return f"{url}index.md"


def depth(url: str) -> int:
    """How many folders deep a directory URL is ('' -> 0, 'a/b/' -> 2)."""
    return url.count("/")


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs (works under any sub-path)."""
    return "../" * depth(from_url) + to_url if (from_url or to_url) else "./"



def card_url(slug: str) -> str:
    """Site-relative URL of a profile's share card."""
    return profile_url(slug) + CARD_NAME


def photo_name(width: int, ext: str) -> str:
    """File name of a photo variant, e.g. 'anh-480.webp'."""
    return f"anh-{width}.{ext}"


def photo_url(slug: str, width: int, ext: str) -> str:
    return profile_url(slug) + photo_name(width, ext)


def listing_feed_url(listing_url: str) -> str:
    """The feed of a field or sector listing, inside its folder."""
    return listing_url + FEED_NAME


def folder_of(url: str) -> str:
    """'linh-vuc/a/feed.xml' -> 'linh-vuc/a/'."""
    return url[: url.rindex("/") + 1] if "/" in url else ""
