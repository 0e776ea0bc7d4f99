"""The search index as files: JSON, small, cut so that a query fetches little.

Everything is JSON (hosts compress it; ``assets/search.js`` reads it with
``JSON.parse``, no WebAssembly, no library). Numbers are delta-coded: a list
of record numbers ``[3, 7, 8]`` is written ``[3,4,1]``.

``index.json`` (fetched when the search box opens)
    ``n`` records, of which the first ``l`` are listings and the next ``g``
    guides (profiles follow, oldest first); ``c`` records per chunk of
    ``d/``; the first key of every shard of ``w/`` (single syllables),
    ``p/`` (pairs) and ``t/`` (title syllables); ``v``, a digest of every
    file, appended to their URLs so that no browser mixes two builds.
``w/N.json``  ``{"k": [keys], "p": [[forms, docs, infos], ...]}`` where
    ``forms`` are the exact forms of the key in the corpus, sorted, and an
    info is the count (1-4) minus one, plus 4 when in a title or the record's own
    facts, plus 8 times the quarter of the text where it first occurs, plus
    32 times a bit mask of the forms it holds (when several).
``p/N.json``  ``{"k": [keys], "p": [docs, ...]}`` for the pairs.
``t/N.json``  ``{"k": [keys], "p": [[forms, docs, lengths, places], ...]}``:
    where each title holds the key: its length in syllables, and its
    position(s) as ``16 * position + form``.
``d/N.json``  ``[[url, title, lead, facts], ...]``: what a result shows.
``loc.json``  the filter menus' values and counts; ``f/N.json`` the
    profiles of each value (fetched when a filter is chosen).

Shards are cut in key order at about :data:`SHARD_CHARS` characters; a key
larger than that gets one of its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, repeat
from operator import add, is_, mul, sub

from showcase.publish.search_postings import Postings

SHARD_CHARS = 48_000
CHUNK = 16  # records per chunk of display data: results are spread, chunks stay small
FORM_LIMIT = 24  # a mask of more forms than this would not fit JavaScript's 32-bit integers
MASK = 32  # where the mask of forms starts in an info


def ints(values: Iterable[int]) -> str:
    return "[" + ",".join(map(str, values)) + "]"


def deltas(docs: Sequence[int]) -> str:
    if not docs:
        return "[]"
    return "[" + ",".join(map(str, chain(docs[:1], map(sub, docs[1:], docs)))) + "]"


def text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def single(docs: Sequence[int], infos: Sequence[int], form_docs: Sequence[int],
           form_words: Sequence[str]) -> str:
    """One single's posting: ``[forms, docs, infos]``."""
    names = sorted(set(form_words))
    if len(names) == 1:
        return f"[{text(names)},{deltas(docs)},{ints(infos)}]"
    names = names[:FORM_LIMIT]
    bit = {f: 1 << i for i, f in enumerate(names)}
    mask = dict.fromkeys(docs, 0)
    for doc, word in zip(form_docs, form_words, strict=True):
        mask[doc] |= bit.get(word, 0)
    coded = map(add, infos, map(mul, map(mask.__getitem__, docs), repeat(MASK)))
    return f"[{text(names)},{deltas(docs)},{ints(coded)}]"


def utf16(key: str) -> bytes:
    """Sort key: JavaScript compares strings by UTF-16 code units."""
    return key.encode("utf-16-be")


Memo = dict[tuple[str, str, int], tuple[list[str], str]]


def shards(keys: Sequence[str], fragments: Mapping[str, str], memo: Memo | None = None
           ) -> list[tuple[str, str]]:
    """(first key, file text) of each shard, keys in order.

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
        if known is not None and all(map(is_, frags, known[0])):
            body = known[1]
        else:
            body = f'{{"k":{text(list(part))},"p":[{",".join(frags)}]}}'
        fresh[tag] = (frags, body)
        out.append((part[0], body))
    if memo is not None:
        memo.clear()
        memo.update(fresh)
    return out


class Encoded:
    """Each key's posting as JSON text, encoded again only when it changed."""

    def __init__(self) -> None:
        self.singles: dict[str, str] = {}
        self.pairs: dict[str, str] = {}
        self.single_keys: list[str] = []
        self.pair_keys: list[str] = []

    def update(self, post: Postings, everything: bool = False) -> None:
        if everything:
            self.singles = {k: single(d, post.infos[k], post.form_docs[k], post.form_words[k])
                            for k, d in post.docs.items()}
            self.pairs = {k: deltas(d) for k, d in post.pairs.items()}
        else:
            for k in post.changed:
                if k in post.docs:
                    self.singles[k] = single(post.docs[k], post.infos[k], post.form_docs[k],
                                             post.form_words[k])
                else:
                    self.singles.pop(k, None)
            for k in post.changed_pairs:
                if k in post.pairs:
                    self.pairs[k] = deltas(post.pairs[k])
                else:
                    self.pairs.pop(k, None)
        if everything or len(self.single_keys) != len(self.singles) \
                or any(k not in self.singles for k in post.changed):
            self.single_keys = sorted(self.singles, key=utf16)
        if everything or len(self.pair_keys) != len(self.pairs) \
                or any(k not in self.pairs for k in post.changed_pairs):
            self.pair_keys = sorted(self.pairs, key=utf16)
        post.changed.clear()
        post.changed_pairs.clear()


def titles(titles: Sequence[tuple[str, ...]], fold: Mapping[str, str]
           ) -> list[tuple[str, str]]:
    """The title shards, from every record's title syllables (exact, in order)."""
    docs: dict[str, list[int]] = {}
    lengths: dict[str, list[int]] = {}
    places: dict[str, list[list[tuple[int, str]]]] = {}
    for doc, words in enumerate(titles):
        seen: dict[str, list[tuple[int, str]]] = {}
        for pos, w in enumerate(words[:64]):
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
        names = sorted({w for at in where for _, w in at})[:15]
        index = {w: i for i, w in enumerate(names)}
        coded = [str(16 * at[0][0] + index.get(at[0][1], 15)) if len(at) == 1
                 else ints(16 * pos + index.get(w, 15) for pos, w in at) for at in where]
        fragments[key] = (f"[{text(names)},{deltas(docs[key])},{ints(lengths[key])},"
                          f"[{','.join(coded)}]]")
    return shards(sorted(fragments, key=utf16), fragments)
