"""The search index's format, written down once: Python encodes from it, ``assets/search.js``
decodes from the same numbers (pure).

The files (``site/tim-kiem/``, all JSON, numbers delta-coded where said):

``index.json`` (:data:`ENTRY`)
    ``f`` the format (:data:`FORMAT`), ``v`` a digest of every other file (appended
    to their URLs, so no browser mixes two builds), ``n`` records, of which the
    first ``l`` are listings and the next ``g`` guides (profiles follow, oldest
    first), ``c`` records per file of ``d/``, and ``w``, ``p``, ``t`` the first key
    of every shard of those folders.
``w/N.json``  ``{"k": [keys], "p": [[forms, docs, infos], ...]}``: single
    syllables, folded (:func:`showcase.content.text.fold`); ``forms`` the exact
    forms of the key, sorted, at most :data:`FORM_LIMIT`; ``docs`` delta-coded
    record numbers; an *info* per record, packed as :data:`INFO` says.
``p/N.json``  ``{"k": [keys], "p": [docs, ...]}``: pairs of adjacent syllables
    (``"chuyen doi"``).
``t/N.json``  ``{"k": [keys], "p": [[forms, docs, lengths, places], ...]}``: the
    syllables of titles; ``forms`` at most :data:`TITLE_FORMS`; ``lengths`` each
    title's length in syllables; ``places`` one *place* (packed as :data:`PLACE`
    says) or a list of them per record. Only the first :data:`TITLE_WORDS`
    syllables of a title are indexed.
``d/N.json``  ``[[url, title, lead, facts], ...]``: what a result shows.
``loc.json``  the filter menus' values, counts and file numbers; ``f/N.json``
    the (delta-coded) records of each value.

A packed number is a sum of fields, each ``value << shift`` with ``value`` below
``1 << width``. ``search.js`` holds the same numbers in one line, :func:`js_line`
(a test compares them). Changing anything here changes what an old ``search.js``
reads: bump :data:`FORMAT` and record the new layout's digest in :data:`DIGESTS`
(a test fails on a layout whose digest is not the current format's).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Bits:
    """A field of a packed number."""

    shift: int
    width: int

    @property
    def unit(self) -> int:
        """What a value of 1 adds to the packed number."""
        return 1 << self.shift

    @property
    def limit(self) -> int:
        """The largest value the field holds."""
        return (1 << self.width) - 1

    def of(self, packed: int) -> int:
        """The field's value in a packed number."""
        return (packed >> self.shift) & self.limit


@dataclass(frozen=True)
class Info:
    """A single syllable's info for one record."""

    count: Bits  # occurrences in the record, capped at COUNT_CAP, minus one
    own: Bits  # 1 when in the title or the record's own facts
    quarter: Bits  # the quarter (0-3) of the record's text where it first occurs
    forms: Bits  # bit i: the record holds forms[i] (written only when several forms)


@dataclass(frozen=True)
class Place:
    """Where a title holds a syllable."""

    form: Bits  # its index in the key's forms, OTHER_FORM when past them
    position: Bits  # its position in the title, in syllables


INFO = Info(count=Bits(0, 2), own=Bits(2, 1), quarter=Bits(3, 2), forms=Bits(5, 24))
PLACE = Place(form=Bits(0, 4), position=Bits(4, 6))
COUNT_CAP = INFO.count.limit + 1  # a page that repeats a word is no better
FORM_LIMIT = INFO.forms.width  # forms of a key told apart in an info (JavaScript's 32 bits)
OTHER_FORM = PLACE.form.limit  # a title form past the first TITLE_FORMS
TITLE_FORMS = OTHER_FORM
TITLE_WORDS = PLACE.position.limit + 1
ENTRY = ("f", "v", "n", "l", "g", "c", "w", "p", "t")
FOLDERS = ("w", "p", "t", "d", "f")

FORMAT = 1
# Every format's layout digest (:func:`digest`); a past entry is never edited.
DIGESTS = {1: "b2b31a15f5ae3587"}


def layout() -> dict[str, object]:
    """The layout as plain data: what ``search.js`` holds and the digest covers."""
    def fields(group: Info | Place) -> dict[str, list[int]]:
        return {name: [bits.shift, bits.width] for name, bits in vars(group).items()}

    return {"format": FORMAT, "info": fields(INFO), "place": fields(PLACE),
            "titleWords": TITLE_WORDS, "entry": list(ENTRY), "folders": list(FOLDERS)}


def digest() -> str:
    """A digest of the layout without its format number."""
    data = {k: v for k, v in layout().items() if k != "format"}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def js_line() -> str:
    """The line of ``search.js`` that holds the numbers it decodes with (the keys of
    the entry and the folders it names are checked against the layout apart)."""
    data = {k: v for k, v in layout().items() if k in ("format", "info", "place")}
    return f"var LAYOUT = {json.dumps(data, separators=(',', ':'))};"
