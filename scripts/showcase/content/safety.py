"""Cheap text rules: raw HTML, dangerous links and personal data.

These run on the source text, without rendering Markdown, so that checking
10,000 profiles takes seconds. The renderer sanitises its output as well
(defence in depth); these rules are what the writer is told about.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

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


def _markup(line: str) -> re.Match[str] | None:
    for m in _TAGLIKE.finditer(line):
        name, rest = m.group(2), m.group(3) or ""
        if name is None:  # comment, doctype, processing instruction
            return m
        if rest.startswith((":", "@", ".")) and not rest[1:2].isspace():
            continue  # autolink: <https://...>, <a@b.vn>, <www.x.vn>
        if name.lower() in _ELEMENTS or "-" in name or "=" in rest:
            return m
    return None


# Browsers ignore white space inside a scheme: "java script:" still runs.
_SCHEME = "(?:" + "|".join(r"\s*".join(w) for w in ("javascript", "vbscript", "data")) + r")\s*:"
_BAD_LINK = re.compile(
    r"(?:\]\(\s*<?\s*|^\s{0,3}\[[^\]]+\]:\s*<?\s*|<\s*)" + _SCHEME,
    re.IGNORECASE | re.MULTILINE,
)
# Digit runs that may contain separators (phones are often written 0912 345 678).
_NUMBERISH = re.compile(r"(?<![\w.,/])\+?\d(?:[ .\-]?\d){7,13}(?![\w])")
_CONTIGUOUS = re.compile(r"(?<![\w.,/])\d{9}(?:\d{3})?(?![\w.,/]\d|\w)")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Finding:
    kind: str  # html | link | id-number | phone
    offset_line: int  # 0-based line within the text
    excerpt: str


def _unescape(text: str) -> str:
    # '&#106;avascript:' is still javascript: once a browser decodes it.
    return html.unescape(text) if "&" in text else text


_DIGIT_RUN = re.compile(r"\d(?:[ .\-]?\d){7}")


def scan(text: str, markdown: bool = False) -> Iterator[Finding]:
    """Every finding in ``text``; ``markdown`` skips code spans and fences."""
    # Whole-text pre-checks keep the common case (clean prose) fast: the
    # check must stay within seconds for 10,000 profiles.
    personal = _DIGIT_RUN.search(text) is not None
    if not (personal or "<" in text or ":" in text or "&" in text):
        return
    code = markdown and ("`" in text or "~" in text)
    in_fence = False
    for i, raw in enumerate(text.split("\n")):
        line = raw
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
        if personal:
            yield from _personal(line, i)


def _personal(line: str, i: int) -> Iterator[Finding]:
    for m in _CONTIGUOUS.finditer(line):
        digits = m.group(0)
        if not _is_phone(digits):
            yield Finding("id-number", i, digits)
    for m in _NUMBERISH.finditer(line):
        digits = re.sub(r"\D", "", m.group(0))
        if _is_phone(digits):
            yield Finding("phone", i, m.group(0))


def _is_phone(digits: str) -> bool:
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits[0] == "0" and digits[1] in "35789":
        return True  # mobile
    return len(digits) == 11 and digits.startswith("02")  # landline with area code


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
}
