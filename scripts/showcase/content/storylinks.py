"""Links and images in a story: what each address is, where it leads on the site,
and the heading ids an anchor may name (what the check says: ``linkrules``).

One classification serves both sides: the check reads the source (regular
expressions, with the line of each address) and the renderer
(:mod:`showcase.publish.markup`) rewrites the links Markdown parsed, so a
story never publishes a link that leads nowhere:

* ``https://...``, ``mailto:``, ``tel:`` and ``#anchor`` are kept;
* a scheme-less web address (``www.facebook.com/...``, ``zalo.me/...``)
  gets ``https://`` (and a warning);
* a link to a profile's file (``../phong-vh/2024-nguyen-van-a.md#x``), as
  GitHub's preview follows it, becomes that profile's page; the check
  refuses one that names no published profile;
* any other local file, a mistyped or unknown scheme, an empty address:
  refused (and the renderer keeps only the link's text);
* images: a profile has one photo (``photo``, beside the file); a story image
  is refused, with where photos go.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from showcase.content.model import FILE_NAME
from showcase.content.text import slugify


@dataclass(frozen=True)
class Link:
    """A link or image of a story, as written."""

    offset_line: int  # 0-based line of its address within the story
    dest: str  # the address, without angle brackets
    image: bool
    text: str  # the link's text or the image's alt text


# --- Reading the source --------------------------------------------------------

# A code span (never a link), within one paragraph.
_CODE = re.compile(r"(`+)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
# Text in brackets (one level of nested brackets, line breaks but no blank line).
_TEXT = r"((?:[^\[\]\\\n]|\n(?![ \t]*\n)|\\.|\[[^\[\]\n]*\])*)"
_DEST = r"(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
# Starts at its '[' (an image's '!' is looked at before it): a leading '!?' would
# make the engine try every character of the story.
_INLINE = re.compile(r"\[" + _TEXT + r"\]\([ \t]*\n?[ \t]*" + _DEST + _TITLE + r"[ \t]*\)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]\n]+)\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)", re.M)
_IMAGE_REF = re.compile(r"!\[([^\[\]\n]*)\](?:[ ]?\[([^\[\]\n]*)\])?(?!\()")


def _blank_code(body: str) -> str:
    """``body`` with code spans blanked (same length, same lines)."""
    if "`" not in body:
        return body
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def scan(body: str) -> list[Link]:
    """Every inline link, image and reference definition of ``body``, in order."""
    if "](" not in body and "]:" not in body:
        return []  # the usual story: no address at all
    text = _blank_code(body)
    found: list[tuple[int, Link]] = []
    spans = [(0, len(text))]
    while spans:  # a link's text may hold an image: [![alt](x.jpg)](https://...)
        start, end = spans.pop()
        for m in _INLINE.finditer(text, start, end):
            dest, at = m.group(2), m.start(2)
            before = text[max(m.start() - 2, 0) : m.start()]
            image = before.endswith("!") and before != "\\!"
            found.append((at, Link(text.count("\n", 0, at), dest[1:-1] if dest.startswith("<")
                                   else dest, image, " ".join(m.group(1).split()))))
            if "](" in m.group(1):
                spans.append(m.span(1))
    if "]:" in text:
        images = {_label(m.group(2) or m.group(1)) for m in _IMAGE_REF.finditer(text)}
        for m in _DEFINITION.finditer(text):
            dest, at = m.group(2), m.start(2)
            found.append((at, Link(text.count("\n", 0, at), dest[1:-1] if dest.startswith("<")
                                   else dest, _label(m.group(1)) in images, m.group(1))))
    return [link for _, link in sorted(found, key=lambda f: f[0])]


_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT = re.compile(r"^ {0,3}(\S[^\n]*)\n {0,3}(?:=+|-+)[ \t]*$", re.M)
_INLINE_MARK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]")


def heading_ids(body: str) -> set[str]:
    """The ids the story's headings get on the page (as the renderer's toc makes them:
    the slug of their text, '_1', '_2'... for a repeated one)."""
    if "#" not in body and "\n=" not in body and "\n-" not in body:
        return set()
    text = _blank_code(body)
    found = sorted([(m.start(), m.group(1)) for m in _ATX.finditer(text)]
                   + [(m.start(), m.group(1)) for m in _SETEXT.finditer(text)
                      if not _ITEMISH.match(m.group(1))])
    ids: set[str] = set()
    for _, heading in found:
        base = slugify(html.unescape(_INLINE_MARK.sub(r"\1", heading)))
        made, n = base, 0
        while made in ids:
            n += 1
            made = f"{base}_{n}"
        ids.add(made)
    return ids


_ITEMISH = re.compile(r"^(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)|^#|^>|^\|")


def anchor(dest: str) -> str:
    """The heading id an address's '#...' names on the page ('' when none)."""
    return _fragment(_split(dest)[1]) if "#" in dest else ""


# --- What an address is ----------------------------------------------------------

_WEB = re.compile(r"^https?://[^/\\\s]", re.IGNORECASE)
_SAFE_SCHEMES = ("mailto:", "tel:")
_UNSAFE = re.compile(r"^\s*(?:java\s*script|vb\s*script|data)\s*:", re.IGNORECASE)
# "https//", "http:/", "htps://", "https:\\", "https;//": a web address typed wrong.
_TYPO = re.compile(r"^(?:h+t{1,3}p{1,2}s{0,2}|ttps?)\s*[:;.]?\s*[/\\]+\s*(?=[^/\\\s])",
                   re.IGNORECASE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+-]*):")
_HOST = re.compile(
    r"^((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,}))(?::\d{1,5})?(?=[/?#]|$)",
    re.IGNORECASE,
)
# Top-level domains a scheme-less address in a Vietnamese story ends with; a file
# name ('2024-a.md', 'anh.jpg', 'bao-cao.pdf') ends with none of them.
_TLDS = frozenset(
    """com net org vn me info biz asia io tv co gov edu be ly gl app dev site online xyz link
    page top int us uk kh la th cn jp kr fr de tw sg ws cc fm to gg news store shop""".split()  # noqa: SIM905
)

# kinds: web mail anchor bare profile local typo scheme unsafe empty


def kind(dest: str) -> str:
    """What an address in a story is (see the module docstring)."""
    d = (html.unescape(dest) if "&" in dest else dest).strip()  # as a browser reads it
    low = d.lower()
    if not d:
        return "empty"
    if _WEB.match(d):
        return "web"
    if low.startswith(_SAFE_SCHEMES):
        return "mail"
    if _UNSAFE.match(d):
        return "unsafe"  # the safety rules refuse it (SC041)
    if _TYPO.match(d):
        return "typo"
    if d.startswith("#"):
        return "anchor"
    if d.startswith("//") and _HOST.match(d[2:]):
        return "bare"
    host = _HOST.match(d)
    if host and (low.startswith("www.") or host.group(2).lower() in _TLDS):
        return "bare"
    scheme = _SCHEME.match(d)
    if scheme and len(scheme.group(1)) > 1:  # 'C:\...' is a Windows path: a local file
        return "scheme"
    if _split(d)[0].lower().endswith(".md"):
        return "profile"
    return "local"


def _split(dest: str) -> tuple[str, str]:
    """'a/b.md?x#y' -> ('a/b.md', 'y')."""
    path, _, fragment = dest.strip().partition("#")
    return path.partition("?")[0], fragment


def web_address(dest: str) -> str:
    """A scheme-less web address with its scheme: 'www.x.vn/a' -> 'https://www.x.vn/a'."""
    d = dest.strip()
    return "https:" + d if d.startswith("//") else "https://" + d


def typo_fixed(dest: str) -> str:
    """A mistyped web address as it was meant: 'https//a.vn' -> 'https://a.vn'."""
    return "https://" + _TYPO.sub("", dest.strip())


def _fragment(fragment: str) -> str:
    """A heading's id: GitHub's anchors ('#thành-tích') read as ours ('#thanh-tich')."""
    fragment = unquote(fragment)
    return fragment if re.fullmatch(r"[a-z0-9_-]*", fragment) else slugify(fragment)


def profile_slug(dest: str) -> str | None:
    """The slug of the profile a '.md' address names by its file name, if it is one."""
    m = FILE_NAME.match(posixpath.basename(unquote(_split(dest)[0]).replace("\\", "/")))
    return m.group(2) if m else None


def site_href(dest: str) -> str | None:
    """Where a story's link leads on a profile page, or None (keep its text only).

    Profile pages are siblings (``ho-so/<slug>/``): another profile is ``../<slug>/``
    from any of them, and feeds make it absolute from the page's own address.
    """
    k = kind(dest)
    if k in ("web", "mail"):
        return dest.strip()
    if k == "anchor":
        return "#" + _fragment(dest.strip()[1:])
    if k == "bare":
        return web_address(dest)
    if k == "profile":
        slug = profile_slug(dest)
        if slug is None:
            return None
        fragment = _split(dest)[1]
        return f"../{slug}/" + (f"#{_fragment(fragment)}" if fragment else "")
    return None


def resolve(dest: str, profile_path: str) -> str:
    """The repository path a relative address names, as GitHub's preview resolves it
    from the profile's folder ('/x' from the repository's root); '../..' stays
    when it leaves the repository."""
    path = unquote(_split(dest)[0]).replace("\\", "/")
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(profile_path), path))


def is_profile_path(rel: str, profiles_dir: str) -> bool:
    """``<profiles_dir>/<unit>/<yyyy>-<slug>.md``."""
    folder, name = posixpath.split(rel)
    return (posixpath.dirname(folder) == profiles_dir and bool(posixpath.basename(folder))
            and FILE_NAME.match(name) is not None)
