"""The words of the search index: syllables, their folded keys, syllable pairs (pure).

Vietnamese is written in syllables, and a visitor types them with or without
diacritics. Every syllable is kept in two forms: *exact* (NFC, lower case:
``đường``) and *folded* (no diacritics, ``đ`` -> ``d``: ``duong``). The index
is keyed by the folded form and remembers which exact forms occur, so that a
query typed without diacritics matches every form, and one typed with them
ranks its exact form first. Adjacent syllables of a paragraph also make a
*pair* (``chuyen doi``, ``doi so``): the meaning is in pairs, so pairs are
asked for as phrases.

Folding is the project's one rule, :func:`showcase.content.text.fold`, which
``assets/search.js`` writes the same way (a test runs both on the same strings).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import add, floordiv, mul
from sys import intern

import regex

from showcase.content.text import fold
from showcase.publish.search.layout import COUNT_CAP, INFO
from showcase.publish.search.records import RecordKind, SearchRecord

# A syllable: letters, digits and the marks on them (a Khmer syllable's vowel signs
# and coeng subscripts: "ថាច់", not "ថ" "ច"), as assets/search.js's
# [\p{L}\p{N}\p{M}]+. Text without a combining mark (nearly all: Vietnamese is
# NFC) is split by ``re``, three times faster than ``regex``, to the same syllables.
_SYLLABLE = re.compile(r"[^\W_]+")
_MARKED_SYLLABLE = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_MARK = regex.compile(r"\p{M}")


def _split(text: str) -> list[str]:
    found: list[str] = (_MARKED_SYLLABLE if _MARK.search(text) else _SYLLABLE).findall(text)
    return found
OWN = INFO.own.unit  # a bit of a single's info: in the title or the record's own facts
EARLY = INFO.quarter.unit  # times the quarter of the record where a single first occurs (0-3)
# Pairs are taken from the first syllables of a record only: the title, its own
# facts, its shared facts and the start of its story, where its topics are.
# The pairs of a whole story would double the time and size of the index.
PAIR_SYLLABLES = 200


def lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def syllables(text: str) -> list[str]:
    """Lower-case syllables (NFC), punctuation dropped."""
    return _split(lower(text))


class _Folded(dict[str, str]):
    """Exact syllable -> folded, filled as syllables are met (a corpus has few)."""

    def __missing__(self, word: str) -> str:
        self[word] = folded = fold(word)
        return folded


# Process-wide, with _IDS below, for the postings bundle._STATE keeps between
# `mkdocs serve` rebuilds (measured there). Never reset: a syllable's fold is a
# function of the syllable; they grow with the vocabulary met.
_FOLDED = _Folded()


class _Ids(dict[str, int]):
    """Folded syllable -> a number of this process, so that a pair is one integer
    (``PAIR * first + second``): far cheaper to make and hash than a string."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def __missing__(self, word: str) -> int:
        self[word] = n = len(self.names)
        self.names.append(word)
        return n


# Numbers only this process sees (pairs reach the files by name, sorted: a
# serve rebuild's index equals a fresh process's, tests/e2e/test_incremental.py),
# kept as long as the postings that hold them: never reset.
_IDS = _Ids()
PAIR = 1 << 32


def pair_name(pair: int) -> str:
    """A pair's key in the index: 'chuyen doi'."""
    return f"{_IDS.names[pair // PAIR]} {_IDS.names[pair % PAIR]}"


@dataclass(frozen=True)
class RecordWords:
    """One record's contribution to the index (everything the encoder needs from it).

    ``singles``: its folded syllables; beside each, ``info``: its count, capped
    (1-4), minus one, plus :data:`OWN` when it is in the title or the record's
    own facts (not only in the shared facts or the story), plus :data:`EARLY`
    times the quarter of the record's text where it first occurs (a page that
    speaks of it early is more about it). ``words``: its distinct exact
    syllables, and ``word_keys`` their folded forms. ``pairs``: the pairs of
    adjacent syllables within a paragraph (see :func:`pair_name`).
    """

    kind: RecordKind
    title: tuple[str, ...]  # exact syllables of the title, in order
    singles: tuple[str, ...]
    info: tuple[int, ...]
    words: tuple[str, ...]
    word_keys: tuple[str, ...]
    pairs: tuple[int, ...]


# Joins paragraphs into one text (one pass of each C loop per record): a
# syllable no text holds, removed with the pairs it makes.
_BREAK = "ꙮꙮꙮ"
_GAP = f" {_BREAK} "


def analyse(rec: SearchRecord) -> RecordWords:
    """The words of one record. Written for speed (10,000 records must take a
    second or two): the loops over syllables run inside C (``map``, ``zip``,
    ``Counter``, ``set``), never one Python statement per syllable."""
    title = tuple(map(intern, _split(lower(rec.title))))
    exact = _split(lower(_GAP.join(_paragraphs(rec))))
    folded = list(map(_FOLDED.__getitem__, exact))
    ids = list(map(_IDS.__getitem__, folded))
    near = ids[:PAIR_SYLLABLES + 1]
    pairs = set(map(add, map(mul, near, repeat(PAIR)), near[1:]))
    counts = Counter(folded)
    own_end = len(folded)  # the title and the record's own facts end there
    if _BREAK in counts:
        gap = _IDS[_BREAK]
        at = -1
        for n in range(counts.pop(_BREAK)):
            at = exact.index(_BREAK, at + 1)
            if n == len(rec.text):
                own_end = at
            if 0 < at <= PAIR_SYLLABLES:
                pairs.discard(ids[at - 1] * PAIR + gap)
            if at + 1 < len(near):
                pairs.discard(gap * PAIR + ids[at + 1])
    own = set(folded[:own_end])
    singles = tuple(counts)
    fold_map = dict(zip(exact, folded, strict=True))  # each exact form once
    fold_map.pop(_BREAK, None)
    # info: the count, capped (1-4), minus one; plus OWN when in the title or own
    # facts; plus EARLY times the quarter of the text where it first occurs
    capped = map(min, map(counts.__getitem__, singles), repeat(COUNT_CAP))
    own_bit = map(mul, map(own.__contains__, singles), repeat(OWN))
    first = dict(zip(reversed(folded), range(len(folded) - 1, -1, -1), strict=True))
    quarter = map(floordiv, map(mul, map(first.__getitem__, singles), repeat(4)),
                  repeat(len(folded)))
    info = map(add, map(add, map(add, capped, own_bit), map(mul, quarter, repeat(EARLY))),
               repeat(-1))
    return RecordWords(
        kind=rec.kind, title=title, singles=singles, info=tuple(info),
        # interned: the postings keep every record's forms, one string each
        words=tuple(map(intern, fold_map)), word_keys=tuple(fold_map.values()),
        pairs=tuple(pairs),
    )


def _paragraphs(rec: SearchRecord) -> Iterable[str]:
    """The title, the record's own facts, then its shared facts and story."""
    yield rec.title
    yield from rec.text
    yield from rec.story
