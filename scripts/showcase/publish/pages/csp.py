"""The Content-Security-Policy of the public site.

The site runs only its own scripts and styles: our small assets, of which the
search (``assets/search.js``, plain JavaScript reading JSON files from the
site: no WebAssembly, no worker, no eval) is one. No inline script runs
(the JSON blocks Material and JSON-LD use are data, which CSP does not
govern), no inline style is emitted, nothing is loaded from another origin.
A profile that somehow got markup through would therefore still not run.

The same policy is put in every page as ``<meta http-equiv>`` (effective on
any host) and documented as a header for the web server, which can also
send the directives a meta element cannot carry (``frame-ancestors``).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

# Directives valid in a <meta http-equiv="Content-Security-Policy"> element.
META_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    # Scripts from the site only. The search needs nothing more: the former
    # Pagefind search needed 'wasm-unsafe-eval' for its WebAssembly module,
    # and a worker; the site's own search (assets/search.js) needs neither,
    # so both are gone.
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    # Material draws some icons from data: SVG in its CSS; an image cannot run.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
)
# Only honoured when sent as an HTTP header.
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'self'"),)


def _join(directives: tuple[tuple[str, str], ...], origin: str,
          styles: Sequence[str] = ()) -> str:
    # Material fetches sitemap.xml at the absolute site_url; naming that origin
    # keeps search and navigation working on a preview copy of the site too.
    # ``styles``: the CSP sources ('sha256-…') of the one inline stylesheet
    # every page carries (publish/pages/styles.py); no other inline style is allowed.
    def value_of(name: str, value: str) -> str:
        if name == "connect-src" and origin:
            return f"{value} {origin}"
        if name == "style-src" and styles:
            return " ".join((value, *styles))
        return value

    return "; ".join(f"{name} {value_of(name, value)}" for name, value in directives)


def origin_of(site_url: str) -> str:
    """'https://example.gov.vn/guong-dien-hinh/' -> 'https://example.gov.vn'."""
    parts = urlsplit(site_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def meta_policy(site_url: str = "", styles: Sequence[str] = ()) -> str:
    return _join(META_DIRECTIVES, origin_of(site_url), styles)


def header_policy(site_url: str = "", styles: Sequence[str] = ()) -> str:
    return _join(META_DIRECTIVES + HEADER_ONLY, origin_of(site_url), styles)


# Shown in the README: the real hash is in every built page's <meta http-equiv>;
# it changes only when the stylesheets do (a new version of the package or of
# Material, or another site path), never with content.
STYLE_PLACEHOLDER = "'sha256-HASH-OF-THE-SITE-STYLESHEET'"


def server_headers(site_url: str = "", styles: Sequence[str] = (STYLE_PLACEHOLDER,)
                   ) -> dict[str, str]:
    """Headers we recommend the web server sends for the column's path."""
    return {
        "Content-Security-Policy": header_policy(site_url, styles),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


EXAMPLE_SITE = "https://example.gov.vn/guong-dien-hinh/"


def nginx_snippet(site_url: str = EXAMPLE_SITE,
                  styles: Sequence[str] = (STYLE_PLACEHOLDER,)) -> str:
    lines = [f"location {urlsplit(site_url).path or '/'} {{"]
    lines += [f'    add_header {k} "{v}" always;'
              for k, v in server_headers(site_url, styles).items()]
    lines.append("}")
    return "\n".join(lines)


def apache_snippet(site_url: str = EXAMPLE_SITE,
                   styles: Sequence[str] = (STYLE_PLACEHOLDER,)) -> str:
    return "\n".join(
        f'Header always set {k} "{v}"' for k, v in server_headers(site_url, styles).items()
    )
