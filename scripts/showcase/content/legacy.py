"""Vietnamese typed in a legacy encoding, found in a line of text and decoded.

Unit staff still type with Unikey set to an old code table and a matching
font, then copy the text into the form or the file. What arrives is valid
UTF-8 that shows as gibberish everywhere else:

* **VNI Windows**: a letter and its marks as an ASCII vowel followed by one
  or two Latin-1 letters ("Nguyeãn Vaên Kieåm" for "Nguyễn Văn Kiểm");
* **TCVN3 (ABC)**: one byte per lowercase letter, read as Windows-1252
  ("Ng­êi gi÷ löa" for "Người giữ lửa"); capitals with tones have no code
  of their own (the ``.VnTimeH`` fonts draw the lowercase codes as capitals);
* **UTF-8 read twice**, as Windows-1252 or Latin-1 ("NguyÃªn" for "Nguyên");
* **VIQR**: the marks as ASCII signs after the vowel ("Nguye^~n").

A word is only blamed when it is not a Vietnamese syllable as written and
becomes one once decoded (VNI, TCVN3, VIQR), or when it decodes as UTF-8 into
Vietnamese letters: real Vietnamese dense in "ã", "õ", "ù" is left alone, and
so are foreign names ("José", "Müller"), which decode into no syllable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from showcase.content.syllables import is_syllable

# -- the 134 Vietnamese letters beyond ASCII, by base, modifier and tone ------

_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # -, sắc, huyền, hỏi, ngã, nặng
_BASES = {  # letter without tone -> (ASCII base, modifier)
    "a": ("a", ""), "ă": ("a", "breve"), "â": ("a", "hat"), "e": ("e", ""), "ê": ("e", "hat"),
    "i": ("i", ""), "o": ("o", ""), "ô": ("o", "hat"), "ơ": ("o", "horn"), "u": ("u", ""),
    "ư": ("u", "horn"), "y": ("y", ""),
}


def _letter(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


LETTERS: tuple[str, ...] = tuple(
    ch
    for lower in [*(_letter(b, t) for b in _BASES for t in range(6)), "đ"]
    if lower not in "aeiouy"
    for ch in (lower, lower.upper())
)
_VIETNAMESE = frozenset(LETTERS)

# -- VNI Windows ----------------------------------------------------------
# Tone marks after a vowel: sắc, huyền, hỏi, ngã, nặng; after â/ê/ô the mark
# replaces the hat ('aá' = ấ), after ă it replaces the breve ('aé' = ắ).
_VNI_TONE = ("", "ù", "ø", "û", "õ", "ï")
_VNI_HAT = ("â", "á", "à", "å", "ã", "ä")
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")  # i and its tones are one byte each


def _vni_lower(base: str, mod: str, tone: int) -> str:
    ascii_base = _BASES[base][0]
    if ascii_base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == 5:
        return "î"
    if mod == "hat":
        return ascii_base + _VNI_HAT[tone]
    if mod == "breve":
        return "a" + _VNI_BREVE[tone]
    head = {"ơ": "ô", "ư": "ö"}.get(base, ascii_base)
    return head + _VNI_TONE[tone]


VNI: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}  # letter -> VNI Windows text
for _b, (_ascii, _mod) in _BASES.items():
    for _t in range(6):
        _low = _letter(_b, _t)
        if _low in "aeiouy":
            continue
        VNI[_low] = _vni_lower(_b, _mod, _t)
        VNI[_low.upper()] = _vni_lower(_b, _mod, _t).upper()
_FROM_VNI = {code: letter for letter, code in VNI.items()}
# A mark typed in the other case than its vowel ('Aù') is still that letter.
for _code, _letter_ in list(_FROM_VNI.items()):
    if len(_code) == 2:
        _FROM_VNI.setdefault(_code[0] + _code[1].swapcase(), _letter_)
_VNI_CODE = re.compile("|".join(sorted(map(re.escape, _FROM_VNI), key=len, reverse=True)))

# -- TCVN3 (ABC) ----------------------------------------------------------
# Byte -> letter, from the TCVN 5712:1993 VN3 table (the 0xA1-0xFE half).
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_FROM_TCVN3 = {bytes([b]).decode("cp1252"): letter for b, letter in _TCVN3_BYTES.items()}
TCVN3: dict[str, str] = {letter: code for code, letter in _FROM_TCVN3.items()}
for _low, _code in list(TCVN3.items()):  # capitals with a tone: the lowercase code
    TCVN3.setdefault(_low.upper(), _code)

# -- UTF-8 read as Windows-1252 (or Latin-1, for the bytes 1252 leaves out) ---

_CP1252_HIGH = {bytes([b]).decode("cp1252", "replace"): b for b in range(0x80, 0xA0)}
_CP1252_HIGH.pop("\ufffd", None)
_CONT = "\u0080-\u00bf" + "".join(ch for ch in _CP1252_HIGH)
_LOST_A = re.compile(r"(?<=\w)Ã (?=[ a-zđ])")
_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00f4][{_CONT}]{{1,3}})+")

# -- VIQR -----------------------------------------------------------------
_VIQR_TONE = {"'": 1, "`": 2, "?": 3, "~": 4, ".": 5}
_VIQR_MOD = {("a", "("): "ă", ("a", "^"): "â", ("e", "^"): "ê", ("o", "^"): "ô",
             ("o", "+"): "ơ", ("u", "+"): "ư"}
# A VIQR word: letters and the signs, with a hat, breve or horn after a vowel
# or a ~ or ` inside the word (an ASCII ' ? . alone is punctuation).
_VIQR_WORD = re.compile(r"(?<![\w^(+~`'?.])[A-Za-z][A-Za-z^(+~`'?.]*[A-Za-z^(+~`'?]")
_VIQR_SIGNAL = re.compile(r"[aeoAEO]\^|[aA]\(|[oOuU]\+|[aeiouyAEIOUY][~`][a-zA-Z]")
_VIQR_LETTER = re.compile(r"(?i)dd|([aeiouy])([(^+]?)(['`?~.]?)")

# -- finding them in a line -------------------------------------------------


@dataclass(frozen=True)
class Finding:
    table: str  # vni | tcvn3 | utf8 | viqr
    words: tuple[str, ...]  # the words as written (at most a few)
    fixed: str  # the line with every blamed word decoded


NAMES = {
    "vni": "bảng mã VNI Windows",
    "tcvn3": "bảng mã TCVN3 (ABC)",
    "utf8": "mã UTF-8 bị đọc nhầm thành mã Windows-1252",
    "viqr": "kiểu gõ VIQR",
}
# Characters a legacy text is made of: letters, Latin-1 and the 1252 extras
# (TCVN3's 'ư' is a soft hyphen, its 'ữ' a division sign).
_LEGACY = f"\u00a1-\u00ff{''.join(_CP1252_HIGH)}"
_LEGACY_SET = frozenset(map(chr, range(0xA1, 0x100))) | frozenset(_CP1252_HIGH)
_WORD = re.compile(f"(?<!\\d)(?:[^\\W\\d_]|[{_LEGACY}])+(?!\\d)")


def vni_decode(word: str) -> str:
    return _VNI_CODE.sub(lambda m: _FROM_VNI[m.group(0)], word)


def tcvn3_decode(word: str) -> str:
    out = "".join(_FROM_TCVN3.get(ch, ch) for ch in word)
    letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return out.upper()  # a word in capitals, typed with a .VnTimeH font
    return out


def utf8_decode(text: str) -> str | None:
    """``text`` read back from UTF-8 bytes shown as Windows-1252; None if it is not that."""
    try:
        data = bytes(_CP1252_HIGH.get(ch, ord(ch)) for ch in text)
        return data.decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


def viqr_decode(word: str) -> str:
    def letter(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return "Đ" if m.group(0)[0] == "D" else "đ"
        vowel, mod, tone = m.group(1), m.group(2), m.group(3)
        base = _VIQR_MOD.get((vowel.lower(), mod), vowel.lower() if mod == "" else None)
        if base is None:
            return m.group(0)
        out = _letter(base, _VIQR_TONE.get(tone, 0)) if tone or mod else base
        return out.upper() if vowel.isupper() else out

    return _VIQR_LETTER.sub(letter, word)


@lru_cache(maxsize=1 << 16)
def _word_tables(word: str) -> tuple[tuple[str, str], ...]:
    """(table, decoded word) for each table in which ``word`` reads as a syllable
    while it is none as written."""
    if is_syllable(word):
        return ()
    out = []
    for table, decode in (("vni", vni_decode), ("tcvn3", tcvn3_decode)):
        fixed = decode(word)
        if fixed != word and is_syllable(fixed):
            out.append((table, fixed))
    return tuple(out)


def _vietnamese(text: str) -> bool:
    return any(ch in _VIETNAMESE for ch in text)


# What a text in VNI, TCVN3 or read-twice UTF-8 nearly always holds and real Vietnamese
# never does: a Latin-1 or Windows-1252 sign that is no Vietnamese letter ('ø' for the
# huyền of VNI, '¸' for the 'á' of TCVN3, the soft hyphen of its 'ư', 'ª'). A short
# VNI text may hold none ('Nguyeãn Vaên A'): there an ASCII vowel followed by a VNI
# mark that is also a Vietnamese letter ('eã', 'aê') is looked for too.
# Typography real text uses ('–', '…', '“', '«', '°') is left out: it only counts in
# a read-twice UTF-8 run, which _MOJIBAKE finds.
_TYPOGRAPHY = "“”‘’–—…•«»°·×±©®€™\u00a0"
_ODD = re.compile(
    "[" + re.escape("".join(sorted(
        ch for ch in (set(map(chr, range(0x80, 0x100))) | set(_CP1252_HIGH))
        if ch not in _VIETNAMESE and ch not in _TYPOGRAPHY))) + "]")
# The first byte of a Vietnamese letter in UTF-8 (C3-C6, E1), read as Windows-1252,
# then one of the typography signs _ODD leaves out.
_TYPOGRAPHY_SIGN = re.compile(f"[{re.escape(_TYPOGRAPHY)}]")
_LEADS = frozenset("ÂÃÄÅÆá")
_PAIRS = frozenset(
    {a + b for a in "aeoAEO" for b in "âáàåãäÂÁÀÅÃÄ"} | {a + b for a in "aA" for b in "êéèÊÉÈ"}
    | {a + b for a in "aeouyôöAEOUYÔÖ" for b in "ùúõÙÚÕ"})
_SECOND = re.compile("[" + "".join(sorted({p[1] for p in _PAIRS})) + "]")


def _has_pair(text: str) -> bool:
    """A VNI pair ('eã') in a word that is no Vietnamese syllable as written."""
    for m in _SECOND.finditer(text):
        at = m.start()
        if at and text[at - 1: at + 1] in _PAIRS:
            start, end = at - 1, at + 1
            while start and (text[start - 1].isalpha() or text[start - 1] in _LEGACY_SET):
                start -= 1
            while end < len(text) and (text[end].isalpha() or text[end] in _LEGACY_SET):
                end += 1
            if _word_tables(text[start:end]):
                return True
    return False


def _mojibake_pair(text: str) -> bool:
    return any(m.start() and text[m.start() - 1] in _LEADS
               for m in _TYPOGRAPHY_SIGN.finditer(text))


def _viqr_signs(text: str) -> bool:
    return "^" in text or "+" in text or "~" in text or "`" in text or "a(" in text \
        or "A(" in text


def _signs(text: str, short: bool) -> bool:
    return (_ODD.search(text) is not None or _mojibake_pair(text)
            or (short and _has_pair(text)))


def suspect(text: str, short: bool = True) -> bool:
    """False when no line of ``text`` can be legacy text: one look at a whole front
    matter or story instead of one per line (``short`` as for :func:`find`)."""
    return _signs(text, short) or _viqr_signs(text)


def find(line: str, short: bool = True) -> Finding | None:
    """The legacy encoding ``line`` was typed in, if any (the first one found).

    ``short``: a field's value, where VNI may show no sign of its own (see _ODD);
    for the lines of a story, those signs are always there, and the pairs not looked for.
    """
    if not _signs(line, short):
        return _viqr(line) if _viqr_signs(line) else None  # real Vietnamese, or ASCII
    runs = [m for m in _MOJIBAKE.finditer(line)]
    fixes = [(m, utf8_decode(m.group(0))) for m in runs]
    good = [(m, f) for m, f in fixes if f is not None and _vietnamese(f)]
    if good:
        fixed = line
        for m, f in reversed(good):
            assert f is not None
            fixed = fixed[: m.start()] + f + fixed[m.end():]
        # 'à' is C3 A0: read twice, a no-break space that a paste often turns into a space.
        fixed = _LOST_A.sub("à", fixed)
        return Finding("utf8", tuple(_word_at(line, m.start()) for m, _ in good[:3]), fixed)
    blamed: dict[str, list[tuple[re.Match[str], str]]] = {}
    for m in _WORD.finditer(line):
        for table, fixed in _word_tables(m.group(0)):
            blamed.setdefault(table, []).append((m, fixed))
    # A lone sign ('ª', '×') is not enough: one word of two letters or more is.
    blamed = {t: hits for t, hits in blamed.items() if any(len(m.group(0)) > 1 for m, _ in hits)}
    if blamed:
        # The table that explains most words; a word both read is taken from it.
        table = max(blamed, key=lambda t: len(blamed[t]))
        return Finding(table, tuple(m.group(0) for m, _ in blamed[table][:3]),
                       _replace(line, blamed[table]))
    return _viqr(line) if _viqr_signs(line) else None


def _viqr(line: str) -> Finding | None:
    if not _VIQR_SIGNAL.search(line):
        return None
    hits = []
    for m in _VIQR_WORD.finditer(line):
        word = m.group(0)
        fixed = viqr_decode(word)
        if fixed != word and sum(c.isalpha() for c in word) > 1 and is_syllable(fixed):
            hits.append((m, fixed))
    if any(_VIQR_SIGNAL.search(m.group(0)) for m, _ in hits):
        return Finding("viqr", tuple(m.group(0) for m, _ in hits[:3]), _replace(line, hits))
    return None


def _replace(line: str, hits: list[tuple[re.Match[str], str]]) -> str:
    for m, fixed in reversed(hits):
        line = line[: m.start()] + fixed + line[m.end():]
    return line


def _word_at(line: str, at: int) -> str:
    start = at
    while start and not line[start - 1].isspace():
        start -= 1
    end = at
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end]


_SHOWN = 80  # characters of the decoded line shown in the message


def message(f: Finding) -> tuple[str, str, str]:
    """(code, message, hint) in Vietnamese; the decoded line is shown as a suggestion."""
    words = ", ".join(f"'{w}'" for w in f.words)
    fixed = " ".join(f.fixed.split())
    fixed = fixed if len(fixed) <= _SHOWN else fixed[: _SHOWN - 1] + "…"
    meant = f" Có lẽ định viết: '{fixed}'."
    if f.table == "utf8":
        return (
            "SC121",
            f"Chữ tiếng Việt bị hỏng mã ({words}): văn bản UTF-8 đã bị đọc nhầm thành mã "
            f"Windows-1252 (ANSI) rồi lưu lại, nên mỗi chữ có dấu thành hai, ba ký tự lạ.{meant}",
            "Chép lại đoạn chữ từ bản gốc còn đúng, hoặc sửa lại theo gợi ý trên; khi mở và lưu "
            "tệp, chọn mã hóa UTF-8 (không chọn ANSI hay Windows-1252).",
        )
    if f.table == "viqr":
        source, how = "VIQR", "dấu ghi bằng ký hiệu như '^', '(', '+', '~' sau nguyên âm"
    else:
        source = "VNI Windows" if f.table == "vni" else "TCVN3 (ABC)"
        how = "chỉ hiện đúng với phông chữ cũ của bảng mã đó"
    return (
        "SC120",
        f"Chữ gõ bằng {NAMES[f.table]} cũ ({words}; {how}): trang, thẻ chia sẻ và bản tin "
        f"sẽ hiện chữ lạ.{meant}",
        f"Chuyển sang Unicode bằng Unikey: chép đoạn chữ (Ctrl+C), mở Unikey > Công cụ "
        f"(Ctrl+Shift+F6), chọn bảng mã nguồn '{source}', bảng mã đích 'Unicode', bấm "
        "'Chuyển mã' rồi dán lại (Ctrl+V); hoặc gõ lại với bảng mã Unicode.",
    )
