"""The folder ``quan-tri/`` of the built site: the units' form (pure planning).

What is in it: Decap CMS's bundle as its npm package ships it (``decap-cms.js``,
the chunks it loads on demand and its licence notices, never a source map),
our two scripts (``editor/``: the rules and preview, the Vietnamese strings),
the site's own stylesheet for the preview pane, ``config.yml`` and
``index.html``. Nothing comes from another origin, and no public page links
to any of it: the page is ``noindex``, disallowed in ``robots.txt``
(``publish/sitemaps.py``) and in no sitemap, search index or feed, since it is
written beside the site's pages, not planned as one.

The page's Content-Security-Policy (:func:`page_policy`), measured in
Chromium with the local proxy and reasoned for GitHub (README, "For
engineers", lists each directive and why).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass

from showcase.content.units import Unit
from showcase.option_values import EditorSettings
from showcase.publish import urls
from showcase.workflow.editor_config import config_yaml, editor_config
from showcase.workflow.editor_types import EditorConfig

FOLDER = urls.EDITOR_FOLDER
HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "editor")
OUR_SCRIPTS = ("tieng-viet.js", "bien-tap.js")
BUNDLE_MAIN = "decap-cms.js"
# The bundle's own files: the entry, its chunks and WebAssembly, its licence notices.
_BUNDLE_FILE = re.compile(r"^(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|"
                          r"decap-cms\.js\.LICENSE\.txt)$")
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"
GITHUB_STATUS = "https://www.githubstatus.com"
LOGO = urls.ASSETS_URL + "logo.svg"


@dataclass(frozen=True)
class EditorSite:
    """Every file of ``quan-tri/``: written text, or a file copied as it is."""

    texts: tuple[tuple[str, str], ...]  # (name in the folder, text)
    copies: tuple[tuple[str, str], ...]  # (name in the folder, absolute source path)


class BundleMissing(Exception):
    """Decap's bundle is not installed: the public site is built without the form."""


def bundle_files(bundle_dir: str) -> tuple[tuple[str, str], ...]:
    try:
        names = sorted(n for n in os.listdir(bundle_dir) if _BUNDLE_FILE.match(n))
    except OSError:
        names = []
    if BUNDLE_MAIN not in names:
        raise BundleMissing(
            f"Chưa có gói Decap CMS ({os.path.join(bundle_dir, BUNDLE_MAIN)}): trang biên tập "
            f"{FOLDER}/ không được dựng, trang công khai vẫn dựng bình thường. Chạy 'make "
            "editor-deps' (cần npm) rồi dựng lại trang.")
    return tuple((n, os.path.join(bundle_dir, n)) for n in names)


def _origin(url: str) -> str:
    m = re.match(r"^(https?://[^/]+)", url)
    return m.group(1) if m else ""


def page_policy(settings: EditorSettings) -> str:
    """The form page's Content-Security-Policy: each source below was measured as
    needed in Chromium (removed one at a time, the form broke or a violation was
    reported) or is GitHub's, which the local proxy cannot show (README, "For
    engineers", the units' form)."""
    local = _origin(settings.local_backend)
    connect = " ".join(s for s in ("'self'", "blob:", GITHUB_API, GITHUB_STATUS, local) if s)
    return "; ".join((
        "default-src 'none'",
        # Decap validates its configuration with ajv, which compiles schemas to code.
        "script-src 'self' 'unsafe-eval'",
        # Decap's React components are styled by emotion, which writes <style> elements.
        "style-src 'self' 'unsafe-inline'",
        # A photo being uploaded is shown from a blob: URL; the signed-in user's avatar
        # comes from GitHub.
        f"img-src 'self' blob: {GITHUB_AVATARS}",
        "font-src 'self'",
        # The entry's draft kept in the browser is read back from blob: URLs; every
        # read and commit goes to GitHub's API; GitHub's status page says whether an
        # error is GitHub's (Decap then tells the editor to wait). Sign-in is a pop-up window of the
        # authentication endpoint that answers with postMessage: no connection to it.
        f"connect-src {connect}",
        "base-uri 'self'",
        "form-action 'none'",
        "object-src 'none'",
    ))


def index_html(units: Iterable[Unit], settings: EditorSettings, column: str, icon: str) -> str:
    names = " ".join(u.id for u in units)
    policy = html.escape(page_policy(settings), quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="referrer" content="same-origin">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Biên tập hồ sơ · {html.escape(column)}</title>\n"
        f'<link rel="icon" href="{html.escape(icon, quote=True)}">\n'
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n"
        f'<body data-collections="{html.escape(names, quote=True)}">\n'
        "<noscript>Trang biên tập hồ sơ cần bật JavaScript trong trình duyệt.</noscript>\n"
        f'<script src="{BUNDLE_MAIN}"></script>\n'
        + "".join(f'<script src="{s}"></script>\n' for s in OUR_SCRIPTS)
        + "</body>\n</html>\n"
    )


def site_config(units: Iterable[Unit], profiles_dir: str, today: dt.date,
                settings: EditorSettings, site_url: str) -> EditorConfig:
    """The form's configuration as the site serves it (``showcase editor`` prints it)."""
    return editor_config(units, profiles_dir, today, settings, site_url,
                         logo_url=urls.site_path(site_url) + LOGO)


def plan_editor(units: Iterable[Unit], profiles_dir: str, today: dt.date,
                settings: EditorSettings, site_url: str, column: str, root: str,
                stylesheet: str) -> EditorSite:
    """The folder's files; raises :class:`BundleMissing` when Decap is not installed."""
    bundle_dir = os.path.join(root, settings.bundle)
    copies = bundle_files(bundle_dir)
    listed = list(units)
    config = site_config(listed, profiles_dir, today, settings, site_url)
    ordered = [c.name for c in config.collections]
    by_id = {u.id: u for u in listed}
    return EditorSite(
        texts=(
            ("index.html", index_html([by_id[n] for n in ordered], settings, column,
                                      config.logo_url)),
            ("config.yml", config_yaml(config, today)),
            ("xem-truoc.css", preview_css(stylesheet)),
        ),
        copies=(*copies, *((s, os.path.join(HERE, s)) for s in OUR_SCRIPTS)),
    )


def preview_css(stylesheet: str) -> str:
    """The site's stylesheet for the preview pane. Its fonts swap in when loaded: a
    page shows its first paint's font for good (``optional``), but the pane is drawn
    before the fonts arrive and then stays open while the editor types."""
    css = re.sub(r"font-display:\s*optional", "font-display:swap", stylesheet)
    return css + "\nbody { margin: 0; } .sc-editor-preview { padding: 1rem 1.2rem; }\n"


def write_site(site: EditorSite, site_dir: str) -> None:
    """Write ``quan-tri/`` into the site folder being built."""
    folder = os.path.join(site_dir, FOLDER)
    os.makedirs(folder, exist_ok=True)
    for name, source in site.copies:
        shutil.copyfile(source, os.path.join(folder, name))
    for name, text in site.texts:
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
