"""Cheap text rules: raw HTML, dangerous links, personal data, invisible characters.

These run on the source text, without rendering Markdown, so that checking
10,000 profiles takes seconds. The renderer sanitises its output as well
(defence in depth); these rules are what the writer is told about.

Code spans and fences are skipped for markup (``<b>`` in backticks is shown
as text), never for personal data or control characters: both are
published whatever the formatting.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from showcase.content import chars, personal

# Something that a browser would treat as markup: a comment, a doctype or
# processing instruction, a known element or a custom element (<x-y>), or any
# tag-like text with attributes. Markdown autolinks (<https://...>, <a@b.vn>)
# and look-alikes such as "A & B <C>" are text: templates escape them.
_TAGLIKE = re.compile(r"<(!--|![A-Za-z]|\?|/?([A-Za-z][A-Za-z0-9-]*)([^<>]*))")
_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
    fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header
    hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee math
    menu meta meter nav noscript object ol optgroup option output p param picture plaintext pre
    progress q rp rt ruby s samp script search section select slot small source span strike
    strong style sub summary sup svg table tbody td template textarea tfoot th thead time title
    tr track tt u ul var video wbr xmp applet basefont bgsound blink center dir image isindex
    keygen listing multicol nextid nobr noembed noframes spacer animate set use foreignobject
    """.split()  # noqa: SIM905 - a word list reads better than 150 quoted strings
)


# An autolink holds no white space or quote, and no attribute after a '/'.
_NOT_AUTOLINK = re.compile(r"""[\s"'`]|[/;]on[a-z]*\s*=""", re.IGNORECASE)


def _markup(line: str) -> re.Match[str] | None:
    for m in _TAGLIKE.finditer(line):
        name, rest = m.group(2), m.group(3) or ""
        if name is None:  # comment, doctype, processing instruction
            return m
        if rest.startswith((":", "@", ".")) and not rest[1:2].isspace():
            if _NOT_AUTOLINK.search(rest) is None:
                continue  # autolink: <https://...>, <a@b.vn>, <www.x.vn>
            return m  # <a.b onclick=...>, <x:y/onload=...>: a tag with attributes
        if name.lower() in _ELEMENTS or "-" in name or "=" in rest:
            return m
    return None


# Browsers ignore white space inside a scheme: "java script:" still runs.
_SCHEME = "(?:" + "|".join(r"\s*".join(w) for w in ("javascript", "vbscript", "data")) + r")\s*:"
# Possessive runs of white space: with plain '\s*<?\s*' a line of spaces after
# '[a]: ' took 25 s (two ways to split each run, tried for every length).
_BAD_LINK = re.compile(
    r"(?:\]\(\s*+<?\s*+|^\s{0,3}\[[^\]]++\]:\s*+<?\s*+|<\s*+)" + _SCHEME,
    re.IGNORECASE | re.MULTILINE,
)
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Finding:
    kind: str  # html | link | id-number | phone | email | char
    offset_line: int  # 0-based line within the text
    excerpt: str  # for 'char': the escaped text around the character
    char: str = ""  # for 'char': the character itself


def _unescape(text: str) -> str:
    # '&#106;avascript:' is still javascript: once a browser decodes it.
    return html.unescape(text) if "&" in text else text


MAX_CHAR_FINDINGS = 20  # a pasted block can hold thousands: the first ones say enough


def scan(text: str, markdown: bool = False, email_domains: Iterable[str] = ()) -> Iterator[Finding]:
    """Every finding in ``text``; ``markdown`` skips code spans and fences for markup.

    ``email_domains`` is the allow-list of official domains (``*.gov.vn``).
    """
    # In a story, '&#x202E;' or '&rlm;' is the character itself once rendered.
    decode = markdown and "&" in text
    if chars.FORBIDDEN.search(text) is not None or (decode and _entity(text) is not None):
        yield from _chars(text, decode)
    # Whole-text pre-checks keep the common case (clean prose) fast: the
    # check must stay within seconds for 10,000 profiles.
    private = personal.maybe(text)
    if not (private or "<" in text or ":" in text or "&" in text):
        return
    code = markdown and ("`" in text or "~" in text)
    in_fence = False
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        line = raw
        if private:
            for kind, excerpt in personal.scan_line(raw, email_domains):
                yield Finding(kind, i, excerpt)
            if i + 1 < len(lines):
                for kind, excerpt in personal.across(raw, lines[i + 1]):
                    yield Finding(kind, i, excerpt)
        if code:
            if _FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            line = _INLINE_CODE.sub("", line)
        if "<" in line:
            m = _markup(line)
            if m:
                yield Finding("html", i, line[m.start() : m.start() + 40])
        if ":" in line or "&" in line:
            m = _BAD_LINK.search(_unescape(line))
            if m:
                yield Finding("link", i, m.group(0).strip())


_NUMERIC_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_BIDI_REF = re.compile(r"&(lrm|rlm);", re.IGNORECASE)


def _entity(text: str) -> tuple[str, int] | None:
    """A character reference that a browser turns into a forbidden character.

    As HTML5 (and the renderer) reads them: '&#27;' is ESC and '&#x202E;' an
    override, but '&#0;' becomes U+FFFD and '&#x85;' the Windows-1252 '…'.
    """
    for m in _NUMERIC_REF.finditer(text):
        n = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        if 0 < n < 0x110000 and not 0x80 <= n <= 0x9F and chars.FORBIDDEN.match(chr(n)):
            return chr(n), m.start()
    bidi = _BIDI_REF.search(text)
    return (html.unescape(bidi.group(0)), bidi.start()) if bidi else None


def _chars(text: str, decode: bool) -> Iterator[Finding]:
    """One finding per line (the line is enough to find the others), the first few lines."""
    found = 0
    for i, line in enumerate(text.split("\n")):
        m = chars.FORBIDDEN.search(line)
        if m:
            ch, at = m.group(0), m.start()
        elif decode and "&" in line and (ref := _entity(line)):
            ch, at = ref
        else:
            continue
        yield Finding("char", i, chars.excerpt(line, at), ch)
        found += 1
        if found >= MAX_CHAR_FINDINGS:
            return


MESSAGES = {
    "html": (
        "SC040",
        "Không được dùng mã HTML ('{excerpt}').",
        "Xóa thẻ HTML; dùng cú pháp Markdown: **đậm**, *nghiêng*, [chữ](https://...), ## Tiêu đề.",
    ),
    "link": (
        "SC041",
        "Liên kết nguy hiểm ('{excerpt}'): không cho phép liên kết javascript:, vbscript: "
        "hoặc data:.",
        "Chỉ dùng liên kết bắt đầu bằng https:// hoặc đường dẫn trong trang.",
    ),
    "id-number": (
        "SC042",
        "Có dãy số giống số CMND/CCCD ('{excerpt}'); không được công bố dữ liệu cá nhân.",
        "Xóa số này. Nếu đây không phải số giấy tờ, hãy viết có dấu phân cách "
        "(ví dụ 120.000.000 đồng).",
    ),
    "phone": (
        "SC043",
        "Có số điện thoại ('{excerpt}'); không được công bố dữ liệu cá nhân.",
        "Xóa số điện thoại khỏi hồ sơ; người đọc liên hệ qua đơn vị giới thiệu.",
    ),
    "email": (
        "SC044",
        "Có địa chỉ thư điện tử cá nhân ('{excerpt}'); theo Nghị định 13/2023/NĐ-CP đây là "
        "dữ liệu cá nhân, không được công bố.",
        "Xóa địa chỉ này (cả liên kết mailto:); chỉ được ghi địa chỉ thư công vụ của đơn vị "
        "thuộc tên miền trong danh sách 'official_email_domains' của mkdocs.yml.",
    ),
}
