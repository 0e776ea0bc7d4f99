"""Personal data in text: identity numbers, telephone numbers, e-mail addresses.

Under Decree 13/2023/NĐ-CP an identity card number, a telephone number and a
private e-mail address identify a person: none of them is published. An
e-mail address is allowed only on a domain of the configurable allow-list
of official domains (``official_email_domains``, e.g. ``*.gov.vn``): the
address of a unit, not of a person.

Writers hide numbers without meaning to: ``094.123.456.789``, ``(0299) 3 822
123``, full-width ``０９１２…`` from a Japanese or Chinese keyboard, ``+84``,
a zero-width space pasted in the middle. So each line is matched on a
normalised copy: HTML entities and %-escapes decoded (``mailto:a%40b.vn``),
NFKC (full-width digits, signs and spaces become ASCII), format characters
removed, every dash and dot-like separator made ``-`` or ``.``, and the
parentheses around an area or country code dropped.

Money is not personal data: ``120.000.000 đồng`` (thousands separated by
dots, never starting with 0) is left alone; a bare run of 9 or 12 digits is
taken for an identity number unless a currency follows it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import unquote

_FORMAT = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
_SEPARATORS = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63", "-"),
        **dict.fromkeys("\u00b7\u2022\u2219\u22c5\u30fb", "."),
        "\t": " ",
    }
)
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_EMPHASIS_IN_NUMBER = re.compile(r"(?<=[\d ])[*_`]++(?=[\d ])")
# "(0299) 3 822 123", "(+84) 912...", "+84 (0) 912...": the brackets go, the code stays.
_BRACKETED_CODE = re.compile(r"\(\s*(\+?\d{1,5})\s*\)")
# A run of digits with single separators: "0912 345 678", "094.123.456.789", "0912 - 345".
# One way only to read each run (no ambiguous repetition): linear on any input.
_RUN = re.compile(r"(?<!\w)\+?\d+(?:(?: ?[.\-] ?| )\d+)*(?!\w)")
_ID_WORDS = re.compile(
    r"(?<!\w)(?:cmnd|cccd|cmt|căn cước|can cuoc|chứng minh|chung minh|định danh|dinh danh"
    r"|hộ chiếu|ho chieu|passport|giấy tờ tùy thân)(?!\w)[^\d\n]{0,15}$",
    re.IGNORECASE,
)
_PHONE_WORDS = re.compile(
    r"(?<!\w)(?:sđt|sdt|đt|điện thoại|dien thoai|di động|di dong|dđ|tel|phone|mobile"
    r"|hotline|zalo|viber|fax)(?!\w)[^\d\n]{0,15}$",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|usd|triệu|tỷ|nghìn|ngàn|\$)(?!\w)",
                          re.IGNORECASE)
_PASSPORT = re.compile(r"(?<!\w)[A-Z]\d{7}(?!\w)")

_AT = r"(?:@|\s*[(\[{]\s*(?:at|a còng)\s*[)\]}]\s*)"
_DOT = r"(?:\.|\s*[(\[{]\s*(?:dot|chấm)\s*[)\]}]\s*)"
_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT}((?:[\w-]+{_DOT})+[^\W\d_]{{2,}})(?![\w-])", re.IGNORECASE
)
_DOT_WORD = re.compile(_DOT, re.IGNORECASE)
_AT_WORD = re.compile(r"\s*[(\[{]\s*(?:at|a còng)\s*[)\]}]\s*", re.IGNORECASE)

# Cheap whole-text pre-checks: most fields have no 7 digits and no '@' at all.
_DIGIT = re.compile(r"\d")
_SEVEN_DIGITS = re.compile(r"(?:\d\D{0,3}){7}")
_AT_SIGN = re.compile("@|＠|%40|&#|&commat")
_SPELLED_AT = re.compile(r"[(\[{]\s*(?:at|a còng)\s*[)\]}]", re.IGNORECASE)


def maybe(text: str) -> bool:
    """False when ``text`` certainly holds no number or address worth a closer look."""
    if _DIGIT.search(text) and _SEVEN_DIGITS.search(text):
        return True
    if _AT_SIGN.search(text):
        return True
    return ("(" in text or "[" in text or "{" in text) and _SPELLED_AT.search(text) is not None


def normalise(line: str) -> str:
    """The line as matched: decoded, NFKC, no format characters, plain separators."""
    if "&" in line:
        line = html.unescape(line)
    if "%" in line:
        line = _PERCENT.sub(lambda m: unquote(m.group(0)), line)
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line)
        line = _FORMAT.sub("", line)
    line = line.translate(_SEPARATORS)
    if "(" in line:
        line = _BRACKETED_CODE.sub(r"\1", line)
    if "*" in line or "_" in line or "`" in line:  # "0912 **345** 678" reads as one number
        line = _EMPHASIS_IN_NUMBER.sub("", line)
    return line


def _digits(text: str) -> str:
    # \d also matches Khmer, Thai, Arabic-Indic... digits: read them as 0-9.
    return "".join(str(unicodedata.decimal(c)) for c in text if c.isdecimal())


def number_kind(run: str, before: str, after: str) -> str | None:
    """'phone', 'id-number' or None for a run of digits and the text around it."""
    digits = _digits(run)
    separated = any(c in " .-" for c in run)
    national = digits
    if run.startswith("+") or digits.startswith("00"):
        intl = digits[2:] if digits.startswith("00") else digits
        if intl.startswith("84"):
            rest = intl[2:]
            national = "0" + (rest[1:] if rest.startswith("0") else rest)
        elif run.startswith("+") and 8 <= len(intl) <= 15:
            return "phone"  # a foreign number is personal data too
    elif not separated and digits.startswith("84") and len(digits) in (11, 12):
        national = "0" + digits[2:]
    money = _MONEY_AFTER.match(after) is not None
    if len(national) in (10, 11) and national[0] == "0" and national[1] != "0" and not money:
        return "phone"  # mobile (10 digits), landline with its area code (11)
    if _ID_WORDS.search(before) and 9 <= len(digits) <= 12:
        return "id-number"
    if _PHONE_WORDS.search(before) and 7 <= len(digits) <= 12:
        return "phone"
    if len(digits) == 12 and digits[0] == "0":
        return "id-number"  # citizen identity card: 0 + province code, any separators
    if not separated and len(digits) in (9, 12) and not money:
        return "id-number"  # old identity card (9), or 12 digits in one piece
    return None


def numbers(line: str) -> Iterator[tuple[str, str]]:
    """(kind, excerpt) of each identity or telephone number in a normalised line."""
    for m in _RUN.finditer(line):
        found = number_kind(m.group(0), line[max(0, m.start() - 40) : m.start()],
                            line[m.end() : m.end() + 12])
        if found:
            yield found, m.group(0)
    if "hộ chiếu" in line.lower() or "passport" in line.lower():
        for m in _PASSPORT.finditer(line):
            if _ID_WORDS.search(line[max(0, m.start() - 40) : m.start()]):
                yield "id-number", m.group(0)


def _official(domain: str, allowed: Iterable[str]) -> bool:
    for pattern in allowed:
        p = pattern.strip().lower()
        if p.startswith("*.") and domain.endswith(p[1:]):
            return True
        if domain == p:
            return True
    return False


def emails(line: str, allowed: Iterable[str] = ()) -> Iterator[str]:
    """Each e-mail address in a normalised line that is not on an official domain."""
    for m in _EMAIL.finditer(line):
        domain = _DOT_WORD.sub(".", m.group(1)).replace(" ", "").lower()
        if not _official(domain, allowed):
            yield _AT_WORD.sub("@", m.group(0))


def scan_line(line: str, allowed: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
    """(kind, excerpt) of every piece of personal data in one line of text."""
    norm = normalise(line)
    yield from numbers(norm)
    for address in emails(norm, allowed):
        yield "email", address


_ENDS_IN_DIGITS = re.compile(r"[\d.\-+()]\s*$")
_STARTS_WITH_DIGITS = re.compile(r"^[\s>]*[\d(]")


def across(line: str, following: str) -> list[tuple[str, str]]:
    """Numbers broken over two lines ("0912 345" / "678"): Markdown joins the lines
    of a paragraph, so the page shows them whole."""
    if not (_ENDS_IN_DIGITS.search(line) and _STARTS_WITH_DIGITS.match(following)):
        return []
    tail, head = line[-30:], following.lstrip(" >")[:30]
    alone = set(numbers(normalise(tail))) | set(numbers(normalise(head)))
    return [f for f in numbers(normalise(f"{tail} {head}")) if f not in alone]
