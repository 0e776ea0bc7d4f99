"""The search index as files: JSON, small, cut so that a query fetches little.

Everything is JSON (hosts compress it; ``assets/search.js`` reads it with
``JSON.parse``, no WebAssembly, no library). The files and the packed numbers
in them are specified once, in :mod:`layout`; this module writes them from it.
Numbers are delta-coded: a list of record numbers ``[3, 7, 8]`` is written
``[3,4,1]``.

Shards are cut in key order at about :data:`SHARD_CHARS` characters; a key
larger than that gets one of its own.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from itertools import chain, repeat
from operator import add, is_, mul, sub
from typing import TypeVar

from showcase.publish.search import blocks
from showcase.publish.search.layout import (
    FORM_LIMIT,
    INFO,
    OTHER_FORM,
    PLACE,
    TITLE_FORMS,
    TITLE_WORDS,
)
from showcase.publish.search.postings import Postings
from showcase.publish.search.words import pair_name

SHARD_CHARS = 48_000
CHUNK = 16  # records per chunk of display data: results are spread, chunks stay small
MASK = INFO.forms.unit  # where the mask of forms starts in an info
POSITION = PLACE.position.unit  # a title place: POSITION * position + form


def ints(values: Iterable[int]) -> str:
    return "[" + ",".join(map(str, values)) + "]"


def deltas(docs: Sequence[int]) -> str:
    if not docs:
        return "[]"
    return "[" + ",".join(map(str, chain(docs[:1], map(sub, docs[1:], docs)))) + "]"


def text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def utf16(key: str) -> bytes:
    """Sort key: JavaScript compares strings by UTF-16 code units."""
    return key.encode("utf-16-be")


Memo = dict[tuple[Hashable, Hashable, int], tuple[list[str], str]]
K = TypeVar("K", bound=Hashable)


def shards(keys: Sequence[K], fragments: Mapping[K, str], memo: Memo | None = None,
           names: Mapping[K, str] | None = None) -> list[tuple[str, str]]:
    """(first key, file text) of each shard, keys in order (``names``: their
    strings, when the keys are not).

    ``memo`` keeps each shard's text with the fragments it was made of: a shard
    whose fragments are the very same objects is not joined again."""
    sizes = list(map(len, map(fragments.__getitem__, keys)))
    cuts: list[int] = [0]
    size = 0
    for i, n in enumerate(sizes):
        if size and size + n > SHARD_CHARS:
            cuts.append(i)
            size = 0
        size += n
    cuts.append(len(keys))
    out: list[tuple[str, str]] = []
    fresh: Memo = {}
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start == end:
            continue
        part = keys[start:end]
        frags = list(map(fragments.__getitem__, part))
        tag = (part[0], part[-1], len(part))
        known = memo.get(tag) if memo is not None else None
        strings = list(map(names.__getitem__, part)) if names is not None else part
        if known is not None and all(map(is_, frags, known[0])):
            body = known[1]
        else:
            body = f'{{"k":{text(list(strings))},"p":[{",".join(frags)}]}}'
        fresh[tag] = (frags, body)
        out.append((str(strings[0]), body))
    if memo is not None:
        memo.clear()
        memo.update(fresh)
    return out


class Encoded:
    """Each key's posting as JSON text, encoded again only where it changed
    (by blocks of record numbers: :mod:`blocks`)."""

    def __init__(self) -> None:
        self.singles: dict[str, str] = {}
        self.pairs: dict[int, str] = {}
        self.pair_names: dict[int, str] = {}
        self.single_keys: list[str] = []
        self.pair_keys: list[int] = []
        self.coded: dict[str, blocks.Coded] = {}
        self.coded_pairs: dict[int, blocks.Coded] = {}

    def update(self, post: Postings, everything: bool = False) -> None:
        changed: Mapping[str, set[int] | None] = (
            dict.fromkeys(post.docs) if everything else post.changed)
        changed_pairs: Mapping[int, set[int] | None] = (
            dict.fromkeys(post.pairs) if everything else post.changed_pairs)
        new: list[str] = []
        gone: list[str] = []
        for k, docs in changed.items():
            if k in post.docs:
                if k not in self.singles:
                    new.append(k)
                self.singles[k] = self._single(post, k, docs)
            elif k in self.singles:
                del self.singles[k], self.coded[k]
                gone.append(k)
        self.single_keys = _keep_sorted(self.single_keys, new, gone, everything, utf16)
        new_pairs: list[int] = []
        gone_pairs: list[int] = []
        names = self.pair_names
        for pk, docs in changed_pairs.items():
            if pk in post.pairs:
                if pk not in self.pairs:
                    new_pairs.append(pk)
                    names[pk] = pair_name(pk)
                coded = self.coded_pairs.setdefault(pk, blocks.Coded())
                blocks.update(coded, post.pairs[pk], docs)
                self.pairs[pk] = blocks.texts(coded)[0]
            elif pk in self.pairs:
                del self.pairs[pk], self.coded_pairs[pk], names[pk]
                gone_pairs.append(pk)
        self.pair_keys = _keep_sorted(self.pair_keys, new_pairs, gone_pairs, everything,
                                      lambda pk: utf16(names[pk]))
        post.changed.clear()
        post.changed_pairs.clear()
        post.forms_changed.clear()

    def _single(self, post: Postings, key: str, changed: set[int] | None) -> str:
        """One single's posting: ``[forms, docs, infos]``."""
        docs, infos = post.docs[key], post.infos[key]
        form_docs, form_words = post.form_docs[key], post.form_words[key]
        coded = self.coded.setdefault(key, blocks.Coded())
        forms = coded.forms
        if key in post.forms_changed or not forms:
            if key in post.forms_changed:  # a form may be gone: count them again
                post.forms[key] = set(form_words)
            forms = tuple(sorted(post.forms[key])[:FORM_LIMIT])
        if forms != coded.forms:  # the masks mean other forms: every block again
            coded.forms, changed = forms, None
        bit = {f: 1 << i for i, f in enumerate(forms)}

        def infos_of(lo: int, hi: int) -> str:
            part = infos[lo:hi]
            if len(forms) == 1:
                return blocks.numbers(part)
            a = bisect_left(form_docs, docs[lo])
            b = bisect_right(form_docs, docs[hi - 1])
            masks: Iterable[int]
            if b - a == hi - lo:  # one form in each record: the masks line up
                masks = map(bit.get, form_words[a:b], repeat(0))
            else:
                mask = dict.fromkeys(docs[lo:hi], 0)
                for d, w in zip(form_docs[a:b], form_words[a:b], strict=True):
                    mask[d] |= bit.get(w, 0)
                masks = map(mask.__getitem__, docs[lo:hi])
            return ",".join(map(str, map(add, part, map(mul, masks, repeat(MASK)))))

        blocks.update(coded, docs, changed, infos_of)
        deltas_text, infos_text = blocks.texts(coded)
        return f"[{text(list(forms))},{deltas_text},{infos_text}]"


def _keep_sorted(keys: list[K], new: list[K], gone: list[K], everything: bool,
                 order: Callable[[K], bytes]) -> list[K]:
    """``keys`` in order again: sorted anew, or (an edit) a few put in or taken out."""
    if everything or len(new) + len(gone) > 1000:
        return sorted(set(keys) - set(gone) | set(new), key=order)
    for k in gone:
        keys.remove(k)
    for k in new:
        insort(keys, k, key=order)
    return keys


def titles(titles: Sequence[tuple[str, ...]], fold: Mapping[str, str]
           ) -> list[tuple[str, str]]:
    """The title shards, from every record's title syllables (exact, in order)."""
    docs: dict[str, list[int]] = {}
    lengths: dict[str, list[int]] = {}
    places: dict[str, list[list[tuple[int, str]]]] = {}
    for doc, words in enumerate(titles):
        seen: dict[str, list[tuple[int, str]]] = {}
        for pos, w in enumerate(words[:TITLE_WORDS]):
            key = fold[w]
            at = seen.get(key)
            if at is None:
                seen[key] = [(pos, w)]
                docs.setdefault(key, []).append(doc)
                lengths.setdefault(key, []).append(len(words))
                places.setdefault(key, []).append(seen[key])
            else:
                at.append((pos, w))
    fragments = {}
    for key, where in places.items():
        names = sorted({w for at in where for _, w in at})[:TITLE_FORMS]
        index = {w: i for i, w in enumerate(names)}
        coded = [str(POSITION * at[0][0] + index.get(at[0][1], OTHER_FORM)) if len(at) == 1
                 else ints(POSITION * pos + index.get(w, OTHER_FORM) for pos, w in at)
                 for at in where]
        fragments[key] = (f"[{text(names)},{deltas(docs[key])},{ints(lengths[key])},"
                          f"[{','.join(coded)}]]")
    return shards(sorted(fragments, key=utf16), fragments)
