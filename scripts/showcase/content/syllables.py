"""One Vietnamese syllable, by the spelling rules: what tells real Vietnamese from
text typed in a legacy code table (see :mod:`showcase.content.legacy`).

A syllable is an initial (optional), a vowel nucleus and a final (optional),
with at most one tone. The rules that matter for telling them apart: 'ă', 'â'
and the diphthongs 'iê', 'uô', 'ươ' never end a syllable; after p, t, c, ch
only sắc or nặng; nh and ch only after a, ê, i, y, oa, uê, uy; a tone sits on
the vowel, not on the glide after it; 'c' is never before i, e, ê, y. Checked
against the 6,600 syllables of the Vietnamese spelling dictionary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NUCLEI = [
    "a", "â", "ă", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
    "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
    "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    "uêu",
]
_SYLLABLE = re.compile(
    "(?P<initial>ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    f"(?P<nucleus>{'|'.join(sorted(_NUCLEI, key=len, reverse=True))})"
    "(?P<final>ch|ng|nh|[cmnptk])?"
)
_BEFORE_NH = ("a", "ê", "i", "y", "oa", "uê", "uy")  # 'anh', 'ếch', 'oanh', 'huỳnh'
_TONE_CHARS = "\u0300\u0301\u0303\u0309\u0323"
_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_CHECKED_TONES = ("\u0301", "\u0323")  # before p, t, c, ch: sắc or nặng only
_NEEDS_FINAL = ("ă", "â", "oă", "uâ", "iê", "yê", "uyê", "uô", "ươ", "oo")  # never open


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """True for one Vietnamese syllable ('Nguyễn', 'khuya', 'hoà'), in any case, spelt
    by the rules that tell the legacy tables apart: one tone; 'ă' and 'â' closed;
    after a final p, t, c or ch only sắc or nặng; 'k' (not 'c') before i, e, ê, y."""
    parts = unicodedata.normalize("NFD", word.lower())
    tones = _TONE_MARKS.findall(parts)
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", _TONE_MARKS.sub("", parts))
    m = _SYLLABLE.fullmatch(bare)
    if m is None:
        return False
    initial, nucleus, final = m.group("initial"), m.group("nucleus"), m.group("final")
    if final is None and nucleus in _NEEDS_FINAL:
        return False
    if final in ("nh", "ch") and nucleus not in _BEFORE_NH:
        return False
    if len(nucleus) > 1 and nucleus[-1] in "iyou" and final is None and nucleus != "uy" \
            and any(c in _TONE_CHARS for c in unicodedata.normalize("NFD", word[-1])):
        return False  # a tone sits on the vowel, never on the glide after it ('sáu', 'khuỷu')
    if initial == "qu" and nucleus[0] in "ou" and nucleus != "oă":
        return False  # 'qu' is already the 'u' of 'qua', 'quốc'
    if final in ("p", "t", "c", "ch", "k") and (tones[0] if tones else "") not in _CHECKED_TONES:
        return False
    return not (initial == "c" and nucleus[0] in "ieêy")
