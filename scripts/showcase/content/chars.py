"""Characters a profile must not contain, invisible ones, and safe echoing.

Three classes, all invisible on screen:

* **control** characters: C0 (but tab and newline), DEL, C1 (including NEL),
  the Unicode line and paragraph separators and non-characters. Terminals
  act on them (ESC starts a colour or cursor command, BEL rings), XML cannot
  carry most of them and YAML 1.1 reads NEL and U+2028 as line breaks;
* **bidi** and other formatting controls: the explicit direction marks,
  embeddings, overrides and isolates (a right-to-left override turns
  "Nguyễn Văn A" around on screen, and hides what a text really says),
  deprecated format characters and tag characters (invisible ASCII);
* **invisible** characters that are harmless inside text (zero-width space
  and joiners, which Khmer uses, soft hyphen, byte order mark, fillers) but
  make a field that holds nothing else look filled in.

The first two are refused wherever they appear; a field that is empty once
the third class and white space are removed counts as missing. Messages
never echo any of them: :func:`visible` spells them out as ``<U+202E>``.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1 (NEL is \x85)
    "\u2028\u2029"  # line and paragraph separators
    "\ufdd0-\ufdef\ufffe\uffff"  # non-characters
)
_BIDI = (
    "\u061c\u200e\u200f"  # arabic letter mark, LRM, RLM
    "\u202a-\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066-\u2069"  # LRI, RLI, FSI, PDI
    "\u206a-\u206f"  # deprecated format characters
    "\ufff9-\ufffb"  # interlinear annotation
    "\U000e0001\U000e0020-\U000e007f"  # tag characters
)
FORBIDDEN = re.compile(f"[{_CONTROL}{_BIDI}]")
_IS_CONTROL = re.compile(f"[{_CONTROL}]")
# Invisible on their own: format characters (zero-width space, joiners, word
# joiner, BOM, soft hyphen...), combining grapheme joiner, variation
# selectors, Hangul fillers, braille blank, and every kind of space.
_INVISIBLE = re.compile(
    r"[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u2064"
    r"\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0100-\U000e01ef]"
)

_NAMES = {
    0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC",
    0x7F: "DEL", 0x85: "NEL", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
}


def kind(ch: str) -> str:
    """'control' or 'bidi' for a character matched by :data:`FORBIDDEN`."""
    return "control" if _IS_CONTROL.match(ch) else "bidi"


def describe(ch: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)', 'U+001B (ESC)'."""
    cp = ord(ch)
    name = _NAMES.get(cp) or unicodedata.name(ch, "")
    return f"U+{cp:04X}" + (f" ({name})" if name else "")


_LETTER_OR_DIGIT = re.compile(r"[^\W_\u115f\u1160\u3164\uffa0]")  # Hangul fillers are "letters"


_EDGES = "\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\ufeff"


def trim(text: str) -> str:
    """``text`` without white space or zero-width characters at either end."""
    return text.strip().strip(_EDGES).strip()


def is_blank(text: str) -> bool:
    """True when nothing visible is left once invisible characters are removed."""
    if _LETTER_OR_DIGIT.search(text):
        return False  # the common case, in one C call: a letter is visible
    return not _INVISIBLE.sub("", FORBIDDEN.sub("", text))


def _escape(m: re.Match[str]) -> str:
    return f"<U+{ord(m.group(0)):04X}>"


# What never reaches a terminal or a CI log as it is: control and format
# characters of every kind (Cc, Cf), separators other than the space, and the
# ones above. Printable text, Vietnamese included, is left alone.
# Lone surrogates come from file names that are not UTF-8 (Python keeps their
# bytes as U+DC80..U+DCFF): printed as they are, they stop a UTF-8 terminal.
_UNPRINTABLE = re.compile(
    f"[{_CONTROL}{_BIDI}\u00ad\u034f\u115f\u1160\u180b-\u180f\u200b-\u200f\u2060-\u2064"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0100-\U000e01ef\ud800-\udfff]"
)


def visible(text: str) -> str:
    """``text`` with every control or invisible character spelled out as <U+XXXX>."""
    return _UNPRINTABLE.sub(_escape, text)


def excerpt(text: str, at: int, width: int = 16) -> str:
    """A short, escaped piece of ``text`` around position ``at``."""
    start = max(0, at - width)
    end = min(len(text), at + width)
    left = "…" if start else ""
    right = "…" if end < len(text) else ""
    return left + visible(text[start:end]) + right


def problem(ch: str, context: str) -> tuple[str, str, str]:
    """(code, message, hint) for a forbidden character; ``context`` is already escaped."""
    where = f" ('{context}')" if context else ""
    if kind(ch) == "control":
        return (
            "SC045",
            f"Có ký tự điều khiển vô hình {describe(ch)}{where}; ký tự này làm hỏng trang, "
            "bản tin RSS và cửa sổ dòng lệnh.",
            "Xóa ký tự ở chỗ đánh dấu <U+...>: gõ lại đoạn chữ đó, hoặc dán lại dưới dạng "
            "văn bản thuần (Ctrl+Shift+V).",
        )
    return (
        "SC046",
        f"Có ký tự định dạng vô hình {describe(ch)}{where}; ký tự này đảo chiều hoặc che "
        "giấu chữ trên màn hình.",
        "Xóa ký tự ở chỗ đánh dấu <U+...> (gõ lại đoạn chữ đó); chữ tiếng Việt không cần "
        "ký tự điều khiển hướng chữ.",
    )
