"""The Content-Security-Policy of the public site.

The site runs only its own scripts and styles: Material's bundle, the search
worker and our small assets. No inline script runs (the JSON blocks Material
and JSON-LD use are data, which CSP does not govern), no inline style is
emitted, nothing is loaded from another origin. A profile that somehow got
markup through would therefore still not run.

The same policy is put in every page as ``<meta http-equiv>`` (effective on
any host) and documented as a header for the web server, which can also
send the directives a meta element cannot carry (``frame-ancestors``).
"""

from __future__ import annotations

# Directives valid in a <meta http-equiv="Content-Security-Policy"> element.
META_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self'"),
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


def _join(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


def meta_policy() -> str:
    return _join(META_DIRECTIVES)


def header_policy() -> str:
    return _join(META_DIRECTIVES + HEADER_ONLY)


def server_headers() -> dict[str, str]:
    """Headers we recommend the web server sends for the column's path."""
    return {
        "Content-Security-Policy": header_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def nginx_snippet(path: str = "/guong-dien-hinh/") -> str:
    lines = [f"location {path} {{"]
    lines += [f'    add_header {k} "{v}" always;' for k, v in server_headers().items()]
    lines.append("}")
    return "\n".join(lines)


def apache_snippet() -> str:
    return "\n".join(f'Header always set {k} "{v}"' for k, v in server_headers().items())
