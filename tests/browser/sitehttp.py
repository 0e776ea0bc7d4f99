"""Serve a built site on 127.0.0.1 under a sub-path, as the Department's portal would.

Requests outside the sub-path get 404; missing files get the site's own
404.html with status 404; ``gzip=True`` compresses text responses (what any
production web server does; Lighthouse measures transfer sizes).
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import os
import posixpath
import sys
import threading
import urllib.parse
from collections.abc import Iterator

SUB_PATH = "/guong-dien-hinh/"
_TEXT = ("text/", "application/javascript", "application/json", "application/xml",
         "image/svg+xml", "application/rss+xml")


def _handler(site: str, sub_path: str, compress: bool) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
            self._serve(body=False)

        def do_GET(self) -> None:  # noqa: N802
            self._serve(body=True)

        def _serve(self, body: bool) -> None:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if path + "/" == sub_path:
                self._send(301, b"", "text/plain", body, {"Location": sub_path})
                return
            file = None
            if path.startswith(sub_path):
                rel = posixpath.normpath(path[len(sub_path):]).lstrip("/")
                if rel in (".", ""):
                    rel = ""
                if not rel.startswith(".."):
                    candidate = os.path.join(site, *[p for p in rel.split("/") if p])
                    if os.path.isdir(candidate):
                        if not path.endswith("/"):
                            self._send(301, b"", "text/plain", body, {"Location": path + "/"})
                            return
                        candidate = os.path.join(candidate, "index.html")
                    if os.path.isfile(candidate):
                        file = candidate
            if file is None:
                with open(os.path.join(site, "404.html"), "rb") as fh:
                    self._send(404, fh.read(), "text/html", body)
                return
            with open(file, "rb") as fh:
                data = fh.read()
            ctype = mimetypes.guess_type(file)[0] or "application/octet-stream"
            self._send(200, data, ctype, body)

        def _send(self, code: int, data: bytes, ctype: str, body: bool,
                  headers: dict[str, str] | None = None) -> None:
            extra = dict(headers or {})
            if ctype.startswith(_TEXT) or ctype.endswith(("+xml", "json")):
                ctype += "; charset=utf-8"
                if compress and "gzip" in self.headers.get("Accept-Encoding", "") and data:
                    data = gzip.compress(data, mtime=0)
                    extra["Content-Encoding"] = "gzip"
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "max-age=3600" if code == 200 else "no-cache")
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            if body:
                self.wfile.write(data)

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that drops a connection it no longer needs (Lighthouse does,
        # between its passes) is not an error of the site: no traceback for it.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve(site: str, sub_path: str = SUB_PATH, compress: bool = False,
          port: int = 0) -> Iterator[str]:
    """Serve ``site`` at http://127.0.0.1:<port or a free one><sub_path>; yields that URL."""
    mimetypes.add_type("font/woff2", ".woff2")
    mimetypes.add_type("image/webp", ".webp")
    handler = _handler(site, sub_path, compress)
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
