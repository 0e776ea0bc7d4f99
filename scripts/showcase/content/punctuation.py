"""Look-alike punctuation where YAML needs its own: found per line, before parsing.

Pasted from Word, Zalo or typed with an East Asian keyboard, a field line can
hold a full-width colon (``name：``), a full-width or non-breaking space after
the colon or in the indentation, or curly quotes around the whole value
(``ref: “12/ĐY-VHTT”``). YAML reads none of them as punctuation: it reports a
"mapping" error on the next line, keeps ``\\u00a0\\u00a0date`` as a key of its
own, or publishes the quotes. Each is reported on its own line, saying which
sign it is, and replaced by the sign meant, so the rest of the file is still
checked as the writer meant it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COLONS = "\uff1a\ufe55\ufe13\u2236\ua789"  # full-width, small, vertical, ratio, modifier
_SPACES = "\u00a0\u3000\u2007\u202f\u2002\u2003\u2009"  # no-break, ideographic, figure...
_KEY = r"[A-Za-z_][A-Za-z0-9_]*|[^\s:#'\"\[\]{}" + _COLONS + r"][^:#" + _COLONS + r"]{0,40}?"
_BAD_COLON = re.compile(
    rf"^(?P<lead>[ {_SPACES}]*(?:- +)?)(?P<key>{_KEY})[ ]*(?P<colon>[{_COLONS}])")
_BAD_INDENT = re.compile(f"^ *[{_SPACES}][ {_SPACES}]*(?=\\S)")
_AFTER_COLON = re.compile(rf"^(?P<head> *(?:- +)?[^\s:#][^:#]*?:)(?P<space>[{_SPACES}]+)")
_CURLY = re.compile(r"^(?P<head> *(?:- +)?[^\s:#][^:#]*?: +)(?P<open>[“”„‘’‚])"
                    r"(?P<inner>[^“”„‘’‚]*)(?P<close>[“”„‘’‚])\s*$")
_ANY = re.compile(f"[{_COLONS}{_SPACES}“”„‘’‚]")
_NAMES = {
    "\uff1a": "dấu ':' toàn chiều rộng (U+FF1A, của bàn phím tiếng Trung, Nhật)",
    "\ufe55": "dấu ':' nhỏ (U+FE55)",
    "\ufe13": "dấu ':' dọc (U+FE13)",
    "\u2236": "dấu tỉ lệ '∶' (U+2236)",
    "\ua789": "dấu ':' chữ nhỏ (U+A789)",
    "\u00a0": "dấu cách không ngắt dòng (U+00A0, thường có khi dán từ Word hay trang web)",
    "\u3000": "dấu cách toàn chiều rộng (U+3000)",
    "\u2007": "dấu cách chữ số (U+2007)",
    "\u202f": "dấu cách hẹp không ngắt dòng (U+202F)",
    "\u2002": "dấu cách rộng (U+2002)",
    "\u2003": "dấu cách rộng (U+2003)",
    "\u2009": "dấu cách mảnh (U+2009)",
}


@dataclass(frozen=True)
class Lookalike:
    line: int
    code: str
    message: str
    hint: str


def scan(lines: list[str], first_line: int = 1) -> tuple[list[Lookalike], list[str]]:
    """The look-alikes in YAML ``lines`` (the first is file line ``first_line``), and the
    lines with each replaced by the sign meant."""
    found: list[Lookalike] = []
    fixed = list(lines)
    for i, row in enumerate(lines):
        if row.isascii() or _ANY.search(row) is None:
            continue  # the usual line
        line = i + first_line
        new = row
        m = _BAD_COLON.match(new)
        if m:
            found.append(Lookalike(
                line, "SC136",
                f"Sau tên trường '{m.group('key').strip()}' là {_NAMES[m.group('colon')]}, "
                "không phải dấu ':' mà phần thông tin cần.",
                f"Gõ lại dấu ':' thường (bàn phím tiếng Anh hoặc tiếng Việt), rồi một dấu cách: "
                f"{m.group('key').strip()}: ...",
            ))
            new = new[: m.start("colon")] + ":" + new[m.end("colon"):]
            if not new[m.start("colon") + 1: m.start("colon") + 2].isspace():
                new = new[: m.start("colon") + 1] + " " + new[m.start("colon") + 1:]
        m2 = _BAD_INDENT.match(new)
        if m2:
            sign = next(ch for ch in m2.group(0) if ch != " ")
            found.append(Lookalike(
                line, "SC136",
                f"Đầu dòng thụt lề bằng {_NAMES[sign]} thay cho dấu cách thường, nên YAML không "
                "thấy dòng này nằm trong nhóm ở trên.",
                "Xóa các khoảng trắng ở đầu dòng rồi gõ lại bằng phím cách (thường là 2 dấu "
                "cách).",
            ))
            new = " " * len(m2.group(0)) + new[m2.end():]
        m3 = _AFTER_COLON.match(new)
        if m3:
            sign = m3.group("space")[0]
            found.append(Lookalike(
                line, "SC136",
                f"Sau dấu ':' là {_NAMES[sign]} thay cho dấu cách thường, nên YAML không tách "
                "được tên trường và giá trị.",
                "Xóa khoảng trắng sau dấu ':' rồi gõ lại bằng phím cách.",
            ))
            new = m3.group("head") + " " + new[m3.end():]
        m4 = _CURLY.match(new)
        if m4:
            q = '"' if m4.group("open") in "“”„" else "'"
            found.append(Lookalike(
                line, "SC137",
                f"Giá trị nằm trong dấu ngoặc cong ({m4.group('open')} {m4.group('close')}), "
                "do Word hay điện thoại tự đổi từ dấu ngoặc thẳng; YAML không coi đó là dấu "
                "ngoặc, nên chúng sẽ hiện ra trên trang.",
                f"Thay bằng dấu ngoặc thẳng: {m4.group('head').strip()} "
                f"{q}{m4.group('inner')}{q} (hoặc bỏ dấu ngoặc nếu không cần).",
            ))
            inner = m4.group("inner")
            inner = inner.replace("\\", "\\\\").replace('"', '\\"') if q == '"' else \
                inner.replace("'", "''")
            new = m4.group("head") + q + inner + q
        fixed[i] = new
    return found, fixed
