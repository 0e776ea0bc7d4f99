"""The inverted lists of the search index, kept up to date one record at a time.

For every folded syllable (a *single*), the records that hold it, in doc-number
order, with each one's info (count and fields, see
:class:`~showcase.publish.search_words.RecordWords`); beside, the exact forms
each record holds (one entry per record and form); for every pair, the
records only. ``mkdocs serve`` writes the index again after each
edit in the same process: the lists are then patched for the records that
changed (:meth:`Postings.remove`, :meth:`Postings.add`) instead of built
again, and the encoder is told which keys changed. The lists are a function
of the records alone, so a patched index and a fresh one are the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat

from showcase.publish.search_words import RecordWords


def exhaust(items: Iterator[object]) -> None:
    deque(items, maxlen=0)


@dataclass
class Postings:
    # defaultdicts: a key met for the first time gets its list inside C
    docs: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    infos: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    form_docs: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    form_words: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    pairs: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    changed: set[str] = field(default_factory=set)  # singles touched since the last encode
    changed_pairs: set[str] = field(default_factory=set)

    def append(self, doc: int, words: RecordWords) -> None:
        """Add a record whose number is above every number already in (a fresh build).

        10,000 records make some 5 million entries: the loops run inside C
        (``map`` over the lists' ``append``), not one Python statement each."""
        exhaust(map(list.append, map(self.docs.__getitem__, words.singles), repeat(doc)))
        exhaust(map(list.append, map(self.infos.__getitem__, words.singles), words.info))
        exhaust(map(list.append, map(self.form_docs.__getitem__, words.word_keys), repeat(doc)))
        exhaust(map(list.append, map(self.form_words.__getitem__, words.word_keys), words.words))
        exhaust(map(list.append, map(self.pairs.__getitem__, words.pairs), repeat(doc)))

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
            docs.insert(at, doc)
            self.form_words[key].insert(at, word)
        self.changed.update(words.singles)
        for key in words.pairs:
            docs = self.pairs[key]
            docs.insert(bisect_left(docs, doc), doc)
        self.changed_pairs.update(words.pairs)

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
            del docs[at:end], self.form_words[key][at:end]
            if not docs:
                del self.form_docs[key], self.form_words[key]
        self.changed.update(words.singles)
        for key in words.pairs:
            docs = self.pairs[key]
            del docs[bisect_left(docs, doc)]
            if not docs:
                del self.pairs[key]
        self.changed_pairs.update(words.pairs)
