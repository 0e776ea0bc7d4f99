"""Links and images in a story: what each address is, where it leads on the site,
and what the check tells the writer.

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

import datetime as dt
import html
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from showcase.content.diagnostics import Collector
from showcase.content.model import FILE_NAME, Profile
from showcase.content.text import slugify, vn_date


@dataclass(frozen=True)
class Link:
    """A link or image of a story, as written."""

    offset_line: int  # 0-based line of its address within the story
    dest: str  # the address, without angle brackets
    image: bool
    text: str  # the link's text or the image's alt text


@dataclass(frozen=True)
class Finding:
    offset_line: int
    code: str
    message: str
    hint: str
    warning: bool = False


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


# --- What the check says -----------------------------------------------------------

_PHOTO_RULE = ("Bài viết không chèn ảnh: mỗi hồ sơ có một ảnh, đặt cạnh tệp hồ sơ và ghi tên "
               "ở trường 'photo' (kèm mô tả 'photo_alt'), trang tự làm các cỡ ảnh và xóa thông "
               "tin máy ảnh.")


def _photo_hint(found: str | None, rel: str, photo: str | None) -> str:
    name = posixpath.basename(rel)
    if photo is not None and rel == photo:
        return ("Ảnh này đã là ảnh của hồ sơ (trường 'photo') và hiện ở đầu trang: xóa dòng "
                "này khỏi bài viết.")
    if photo is not None:
        return (f"Hồ sơ đã có ảnh '{posixpath.basename(photo)}' (trường 'photo'): xóa ảnh này "
                "khỏi bài viết; có thể kể nội dung ảnh bằng lời.")
    if found is None:
        return (_PHOTO_RULE + " Nếu cần ảnh, tải tệp ảnh lên cạnh tệp hồ sơ, ghi "
                "'photo: <tên-tệp>.jpg' và 'photo_alt: ...', rồi xóa dòng này khỏi bài viết.")
    return (f"Nếu đây là ảnh của gương điển hình: ghi 'photo: {name}' và 'photo_alt: ...' ở "
            "phần đầu hồ sơ (ảnh phải nằm cạnh tệp hồ sơ), rồi xóa dòng này khỏi bài viết.")


def _image(link: Link, path: str, photo: str | None,
           exists: Callable[[str], bool]) -> Finding | None:
    k = kind(link.dest)
    if k == "unsafe":
        return None  # SC041
    if k in ("web", "bare", "typo", "scheme"):
        return Finding(link.offset_line, "SC142",
                       f"Bài viết không chèn được ảnh từ trang web khác ('{_short(link.dest)}').",
                       _PHOTO_RULE + " Xóa dòng này khỏi bài viết.")
    if k == "empty":
        return Finding(link.offset_line, "SC140", "Ảnh trong bài viết chưa có tên tệp.",
                       _PHOTO_RULE + " Xóa dòng này khỏi bài viết.")
    rel = resolve(link.dest, path)
    if rel.startswith("..") or not exists(rel):
        return Finding(link.offset_line, "SC140",
                       f"Ảnh '{_short(link.dest)}' trong bài viết không có: chưa tải tệp "
                       f"{_short(rel)} lên.", _photo_hint(None, rel, photo))
    return Finding(link.offset_line, "SC141",
                   f"Bài viết không chèn được ảnh ('{_short(link.dest)}'): mỗi hồ sơ có một "
                   "ảnh, ghi ở trường 'photo'.", _photo_hint(rel, rel, photo))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NOT_A_PAGE = ("Chỉ liên kết tới hồ sơ khác bằng tệp của nó "
               "('../<mã-đơn-vị>/<năm>-<tên>.md', hoặc '<năm>-<tên>.md' nếu cùng đơn vị), "
               "hoặc tới trang web bằng địa chỉ đầy đủ (https://...).")


def _link(link: Link, path: str, profiles_dir: str,
          exists: Callable[[str], bool]) -> Finding | None:
    k = kind(link.dest)
    dest = _short(link.dest)
    at = link.offset_line
    if k == "bare":
        return Finding(at, "SC147",
                       f"Địa chỉ web '{dest}' thiếu 'https://' ở đầu: trang tự thêm thành "
                       f"'{_short(web_address(link.dest))}'.",
                       "Viết đủ địa chỉ, ví dụ [Trang của xã](https://www.facebook.com/...), "
                       "rồi bấm thử liên kết trong bản xem trước.", warning=True)
    if k == "typo":
        fixed = "https://" + _TYPO.sub("", link.dest.strip())
        return Finding(at, "SC148", f"Địa chỉ web '{dest}' viết sai phần đầu.",
                       f"Sửa thành '{_short(fixed)}': bắt đầu bằng 'https://' (dấu hai chấm "
                       "và hai dấu gạch chéo '/').")
    if k == "scheme":
        scheme = link.dest.strip().split(":", 1)[0]
        return Finding(at, "SC149",
                       f"Liên kết '{dest}' dùng kiểu địa chỉ '{scheme}:' mà người đọc không mở "
                       "được từ trang.",
                       "Chỉ dùng địa chỉ web đầy đủ (https://...) hoặc mailto: với thư công vụ; "
                       "nếu không cần liên kết, bỏ dấu ngoặc và giữ lại chữ.")
    if k == "empty":
        return Finding(at, "SC150", f"Liên kết '[{_short(link.text, 40)}]' chưa có địa chỉ.",
                       "Ghi địa chỉ trong ngoặc tròn, ví dụ [chữ](https://...), hoặc bỏ dấu "
                       "ngoặc vuông nếu không cần liên kết.")
    if k == "profile":
        rel = resolve(link.dest, path)
        if not is_profile_path(rel, profiles_dir):
            return Finding(at, "SC144",
                           f"Liên kết tới '{dest}' không dẫn tới hồ sơ nào: chỉ hồ sơ "
                           f"trong {profiles_dir}/<mã-đơn-vị>/<năm>-<tên>.md có trang trên "
                           "trang web.", _NOT_A_PAGE)
        if not exists(rel):
            return Finding(at, "SC143",
                           f"Liên kết tới hồ sơ '{dest}' nhưng không có tệp {_short(rel)}.",
                           "Kiểm tra tên tệp và thư mục: đường dẫn tính từ thư mục của hồ sơ "
                           "này, ví dụ '../<mã-đơn-vị>/2024-nguyen-van-a.md', hoặc "
                           "'2024-nguyen-van-a.md' nếu cùng đơn vị.")
        return None
    if k == "local":
        return Finding(at, "SC146",
                       f"Liên kết tới tệp '{dest}': trang chỉ đăng hồ sơ và ảnh của hồ sơ, "
                       "tệp này sẽ không có trên trang.",
                       "Đăng tài liệu ở trang web của đơn vị rồi dẫn địa chỉ đầy đủ "
                       "(https://...); nếu đây là địa chỉ web, viết đủ 'https://' ở đầu. "
                       + _NOT_A_PAGE)
    return None  # web, mail, anchor; unsafe is SC041's


def _no_heading(link: Link, target: str) -> Finding:
    return Finding(link.offset_line, "SC152",
                   f"Liên kết '{_short(link.dest)}' dẫn tới mục '#{anchor(link.dest)}' nhưng "
                   f"{target} không có tiêu đề mục nào như vậy: liên kết chỉ mở đầu trang.",
                   "Ghi đúng tiêu đề mục, viết thường, không dấu, nối bằng '-' (ví dụ "
                   "'## Hành trình' là '#hanh-trinh'), hoặc bỏ phần '#...'.", warning=True)


def check(body: str, path: str, photo: str | None, exists: Callable[[str], bool],
          profiles_dir: str) -> Iterator[Finding]:
    """What the writer is told about the links and images of one story.

    ``exists`` answers whether a repository path is a file; ``photo`` is the
    profile's own photo (a repository path), if any.
    """
    ids: set[str] | None = None
    for link in scan(body):
        found = (_image(link, path, photo, exists) if link.image
                 else _link(link, path, profiles_dir, exists))
        if found is None and not link.image and kind(link.dest) == "anchor" and anchor(
                link.dest):
            ids = heading_ids(body) if ids is None else ids
            if anchor(link.dest) not in ids:
                found = _no_heading(link, "bài viết này")
        if found is not None:
            yield found


def report(findings: Iterable[Finding], path: str, body_line: int, out: Collector) -> None:
    for f in findings:
        add = out.warning if f.warning else out.error
        add(path, body_line + f.offset_line, "body", f.code, f.message, f.hint)


# --- Across files: a link to a profile that is not on the site ----------------------


def _why_not_public(target: Profile, day: dt.date) -> str:
    if target.draft:
        return "còn là bản nháp (draft: true)"
    if target.published is None:
        return "chưa được duyệt công bố (chưa có 'published')"
    if target.published > day:
        return f"chỉ được công bố từ {vn_date(target.published)}"
    return "không có trên trang (chưa có hoặc đã rút lại sự đồng ý đăng trên trang web)"


def unpublished_targets(profiles: Iterable[Profile], today: dt.date, out: Collector) -> None:
    """An error for each link to a profile that is not on the site when the linking
    profile is (today, or from its own publication date); a warning for a link to
    a heading the other profile does not have."""
    listed = list(profiles)
    by_path = {p.path: p for p in listed}
    for p in listed:
        if ".md" not in p.body:
            continue
        # Publication is checked again once the board sets the linking profile's date.
        day = max(today, p.published) if p.published and not p.draft else None
        for link in scan(p.body):
            if link.image or kind(link.dest) != "profile":
                continue
            target = by_path.get(resolve(link.dest, p.path))
            if target is None:
                continue  # a missing or broken file has its own error
            if anchor(link.dest) and anchor(link.dest) not in heading_ids(target.body):
                report([_no_heading(link, f"hồ sơ {_short(target.name, 60)}")], p.path,
                       p.body_line, out)
            if day is None or not p.is_public(day) or target.is_public(day):
                continue
            out.error(
                p.path, p.body_line + link.offset_line, "body", "SC145",
                f"Liên kết tới hồ sơ '{_short(link.dest)}' ({_short(target.name, 60)}) "
                f"nhưng hồ sơ đó {_why_not_public(target, day)}: trên trang, liên kết sẽ "
                "không dẫn tới đâu.",
                "Chờ hồ sơ kia được công bố rồi mới thêm liên kết, hoặc bỏ liên kết và giữ "
                "lại chữ.",
            )
