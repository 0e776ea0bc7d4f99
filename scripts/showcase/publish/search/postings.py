"""The inverted lists of the search index, kept up to date one record at a time.

For every folded syllable (a *single*), the records that hold it, in doc-number
order, with each one's info (count and fields, see
:class:`~showcase.publish.search.words.RecordWords`); beside, the exact forms
each record holds (one entry per record and form); for every pair, the
records only. ``mkdocs serve`` writes the index again after each
edit in the same process: the lists are then patched for the records that
changed (:meth:`Postings.remove`, :meth:`Postings.add`) instead of built
again, and the encoder is told which keys changed. The lists are a function
of the records alone, so a patched index and a fresh one are the same.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat

from showcase.publish.search.words import RecordWords


def exhaust(items: Iterator[object]) -> None:
    deque(items, maxlen=0)


def _ints() -> array[int]:
    return array("i")


def _bytes() -> array[int]:
    return array("B")


@dataclass
class Postings:
    """Lists as arrays of machine integers: 4 bytes an entry (1 for an info), and
    no pointer to follow when they are read back (10,000 records: 5 million)."""

    # defaultdicts: a key met for the first time gets its list inside C
    docs: defaultdict[str, array[int]] = field(default_factory=lambda: defaultdict(_ints))
    infos: defaultdict[str, array[int]] = field(default_factory=lambda: defaultdict(_bytes))
    form_docs: defaultdict[str, array[int]] = field(default_factory=lambda: defaultdict(_ints))
    form_words: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    forms: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    pairs: defaultdict[int, array[int]] = field(default_factory=lambda: defaultdict(_ints))
    # keys touched since the last encode, with the records that changed in each
    changed: dict[str, set[int]] = field(default_factory=dict)
    changed_pairs: dict[int, set[int]] = field(default_factory=dict)
    # singles whose set of exact forms may have changed (a form met or gone)
    forms_changed: set[str] = field(default_factory=set)

    def append(self, doc: int, words: RecordWords) -> None:
        """Add a record whose number is above every number already in (a fresh build).

        10,000 records make some 5 million entries: the loops run inside C
        (``map`` over the arrays' ``append``), not one Python statement each."""
        exhaust(map(array.append, map(self.docs.__getitem__, words.singles), repeat(doc)))
        exhaust(map(array.append, map(self.infos.__getitem__, words.singles), words.info))
        exhaust(map(array.append, map(self.form_docs.__getitem__, words.word_keys),
                    repeat(doc)))
        exhaust(map(list.append, map(self.form_words.__getitem__, words.word_keys), words.words))
        exhaust(map(set.add, map(self.forms.__getitem__, words.word_keys), words.words))
        exhaust(map(array.append, map(self.pairs.__getitem__, words.pairs), repeat(doc)))

    def add(self, doc: int, words: RecordWords) -> None:
        """Add a record anywhere in the order."""
        for key, info in zip(words.singles, words.info, strict=True):
            docs = self.docs[key]
            at = bisect_left(docs, doc)
            docs.insert(at, doc)
            self.infos[key].insert(at, info)
        for key, word in zip(words.word_keys, words.words, strict=True):
            docs = self.form_docs[key]
            at = bisect_left(docs, doc)
            if word not in self.forms[key]:
                self.forms[key].add(word)  # a new form
                self.forms_changed.add(key)
            docs.insert(at, doc)
            self.form_words[key].insert(at, word)
        self._touched(doc, words)
        for pair in words.pairs:
            docs = self.pairs[pair]
            docs.insert(bisect_left(docs, doc), doc)

    def remove(self, doc: int, words: RecordWords) -> None:
        for key in words.singles:
            docs = self.docs[key]
            at = bisect_left(docs, doc)
            del docs[at], self.infos[key][at]
            if not docs:
                del self.docs[key], self.infos[key]
        for key in set(words.word_keys):
            docs = self.form_docs[key]
            at = bisect_left(docs, doc)
            end = bisect_right(docs, doc)
            held = self.form_words[key][at:end]
            del docs[at:end], self.form_words[key][at:end]
            if not docs:
                del self.form_docs[key], self.form_words[key], self.forms[key]
            elif any(w not in self.form_words[key] for w in held):
                self.forms_changed.add(key)  # a form no other record holds
        self._touched(doc, words)
        for pair in words.pairs:
            docs = self.pairs[pair]
            del docs[bisect_left(docs, doc)]
            if not docs:
                del self.pairs[pair]

    def _touched(self, doc: int, words: RecordWords) -> None:
        for key in words.singles:
            self.changed.setdefault(key, set()).add(doc)
        for pair in words.pairs:
            self.changed_pairs.setdefault(pair, set()).add(doc)
