"""Judged name queries generated from a corpus, for the relevance bench at scale.

Written down before any ranking was measured on them, and seeded: the same
profiles give the same queries. A citizen looks a person up by name; on a
corpus where names collide (bench/synth.py: 2,400 names for 6,700 people at
10,000 profiles) only a query that names one profile has one right answer.

The rule (:func:`names_one`): a query is kept only when exactly one public
profile's title holds every word of it, folded (no diacritics, ``đ`` -> ``d``,
lower case) and as whole words; a typo query is judged by the words before the
typo. Its expected result is that profile's page.

The kinds, each made from one profile's title (its name):

exact     the title as written, with diacritics ("Nguyễn Văn An"; punctuation
          left out, here and in every kind);
ascii     the title without diacritics, lower case ("nguyen van an");
fragment  the folded title with one word left out, never the last
          ("nguyen an"): a name remembered in part;
typo      the folded title with one typing slip in one word of 4 letters or
          more: two neighbouring letters swapped, one dropped or one doubled
          ("nguyen van an" -> "ngyuen van an"), in a word of letters only, a
          distinctive one (in at most 5 % of the titles) where there is one;
words     the second half of the title's words (at least two) with diacritics,
          in lower case: what a person remembers of a long title
          ("Hộ gia đình ông Lê Văn Hùng" -> "ông lê văn hùng").

Profiles are taken in a seeded shuffle; each gives one query, of the kind that
has the fewest so far and that it can give under the rule, until every kind
has ``count // 5`` (the remainder to the first kinds). A typo that makes the
query name another profile is not made.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from showcase.content.text import ascii_fold

KINDS = ("exact", "ascii", "fragment", "typo", "words")
SEED = 24  # issue 24
COMMON = 0.05  # a word in more titles than this share is not distinctive


@dataclass(frozen=True)
class Named:
    url: str  # site-relative, as the build publishes it
    title: str


@dataclass(frozen=True)
class Judged:
    query: str
    expected: str  # site-relative URL
    kind: str


def words(text: str) -> list[str]:
    """The words of ``text`` as written, without punctuation."""
    return re.findall(r"\w+", unicodedata.normalize("NFC", text))


def fold(text: str) -> list[str]:
    """The words of ``text`` as the rule compares them."""
    return words(ascii_fold(text).lower())


class Titles:
    """Every public profile's folded title words, to tell which queries name one."""

    def __init__(self, profiles: Sequence[Named]) -> None:
        self.words = [frozenset(fold(p.title)) for p in profiles]
        self.urls = [p.url for p in profiles]
        self.by_word: dict[str, set[int]] = {}
        for i, ws in enumerate(self.words):
            for w in ws:
                self.by_word.setdefault(w, set()).add(i)
        self.share = {w: len(ix) / max(1, len(profiles)) for w, ix in self.by_word.items()}

    def holding(self, words: Iterable[str]) -> set[int]:
        """The profiles whose title holds every one of ``words``."""
        found: set[int] | None = None
        for w in set(words):
            ix = self.by_word.get(w, set())
            found = set(ix) if found is None else found & ix
            if not found:
                return set()
        return found or set()


def names_one(titles: Titles, words: Sequence[str], url: str) -> bool:
    """The rule: exactly one profile holds all ``words`` (folded), and it is ``url``'s."""
    hit = titles.holding(fold(" ".join(words)))
    return len(hit) == 1 and titles.urls[next(iter(hit))] == url


def typo(word: str, rng: random.Random) -> str:
    """One typing slip in ``word`` (4 letters or more): swap, drop or double."""
    i = rng.randrange(1, len(word) - 1)  # never the first letter, as people type
    op = rng.choice(("swap", "drop", "double"))
    if op == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def _query(kind: str, p: Named, titles: Titles, rng: random.Random) -> tuple[str, list[str]]:
    """(the query, the words the rule judges it by) of ``kind`` for ``p``; "" if none."""
    written, folded = words(p.title), fold(p.title)
    if kind == "exact":
        return " ".join(written), written
    if kind == "ascii":
        return " ".join(folded), folded
    if kind == "fragment":
        if len(folded) < 3:
            return "", []
        drop = rng.randrange(len(folded) - 1)
        kept = folded[:drop] + folded[drop + 1:]
        return " ".join(kept), kept
    if kind == "typo":
        long = [i for i, w in enumerate(folded) if len(w) >= 4 and w.isalpha()]
        rare = [i for i in long if titles.share[folded[i]] <= COMMON]
        if not long:
            return "", []
        i = rng.choice(rare or long)
        slipped = folded[:i] + [typo(folded[i], rng)] + folded[i + 1:]
        if titles.holding(slipped) - titles.holding(folded):
            return "", []  # the slip names another profile ("lan" -> "lam")
        return " ".join(slipped), folded
    tail = [w.lower() for w in written[len(written) // 2:]]
    if len(tail) < 2:
        tail = [w.lower() for w in written[-2:]]
    return " ".join(tail), tail

def generate(profiles: Sequence[Named], count: int, seed: int = SEED) -> list[Judged]:
    """``count`` judged queries (fewer if the corpus has too few unique names)."""
    titles = Titles(profiles)
    rng = random.Random(seed)
    order = sorted(profiles, key=lambda p: p.url)
    rng.shuffle(order)
    want = {k: count // len(KINDS) + (1 if i < count % len(KINDS) else 0)
            for i, k in enumerate(KINDS)}
    have: Counter[str] = Counter()
    out = []
    for p in order:  # one query a profile, of the kind that has the fewest so far
        for kind in sorted((k for k in KINDS if have[k] < want[k]), key=lambda k: have[k]):
            query, words = _query(kind, p, titles, rng)
            if query and names_one(titles, words, p.url):
                out.append(Judged(query, p.url, kind))
                have[kind] += 1
                break
        if have == want:
            break
    return out

HEADER = ("# Judged name queries of the bench corpus (bench/namequeries.py, seed {seed}),\n"
          "# {n} profiles of bench/synth.py as bench/site.py makes them; query <TAB>\n"
          "# expected first result <TAB> kind. Fixed before any ranking was measured on\n"
          "# them; `make bench BENCHES=relevance` checks that the corpus still gives them.\n")


def write(path: str, queries: Sequence[Judged], n: int, seed: int = SEED) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(seed=seed, n=n))
        for j in queries:
            fh.write(f"{j.query}\t{j.expected}\t{j.kind}\n")


def read(path: str) -> list[Judged]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                q, url, kind = line.rstrip("\n").split("\t")
                out.append(Judged(q, url, kind))
    return out
