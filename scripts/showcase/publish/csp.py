"""The Content-Security-Policy of the public site.

The site runs only its own scripts and styles: Material's bundle, the search
(Pagefind's script, worker and WebAssembly module) and our small assets. No
inline script runs (the JSON blocks Material and JSON-LD use are data, which
CSP does not govern), no inline style is emitted, nothing is loaded from
another origin. A profile that somehow got markup through would therefore
still not run.

The same policy is put in every page as ``<meta http-equiv>`` (effective on
any host) and documented as a header for the web server, which can also
send the directives a meta element cannot carry (``frame-ancestors``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Directives valid in a <meta http-equiv="Content-Security-Policy"> element.
META_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    # 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly
    # module, fetched from the site itself. It allows WebAssembly compilation
    # only: no eval(), no new Function(), no inline script; a script must
    # still come from the site to use it.
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    # Material draws some icons from data: SVG in its CSS; an image cannot run.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
)
# Only honoured when sent as an HTTP header.
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'self'"),)


def _join(directives: tuple[tuple[str, str], ...], origin: str) -> str:
    # Material fetches sitemap.xml at the absolute site_url; naming that origin
    # keeps search and navigation working on a preview copy of the site too.
    return "; ".join(
        f"{name} {value} {origin}" if name == "connect-src" and origin else f"{name} {value}"
        for name, value in directives
    )


def origin_of(site_url: str) -> str:
    """'https://example.gov.vn/guong-dien-hinh/' -> 'https://example.gov.vn'."""
    parts = urlsplit(site_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def meta_policy(site_url: str = "") -> str:
    return _join(META_DIRECTIVES, origin_of(site_url))


def header_policy(site_url: str = "") -> str:
    return _join(META_DIRECTIVES + HEADER_ONLY, origin_of(site_url))


def server_headers(site_url: str = "") -> dict[str, str]:
    """Headers we recommend the web server sends for the column's path."""
    return {
        "Content-Security-Policy": header_policy(site_url),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


EXAMPLE_SITE = "https://example.gov.vn/guong-dien-hinh/"


def nginx_snippet(site_url: str = EXAMPLE_SITE) -> str:
    lines = [f"location {urlsplit(site_url).path or '/'} {{"]
    lines += [f'    add_header {k} "{v}" always;' for k, v in server_headers(site_url).items()]
    lines.append("}")
    return "\n".join(lines)


def apache_snippet(site_url: str = EXAMPLE_SITE) -> str:
    return "\n".join(
        f'Header always set {k} "{v}"' for k, v in server_headers(site_url).items()
    )
