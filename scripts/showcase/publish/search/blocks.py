"""A posting's JSON text, kept in blocks of record numbers (``mkdocs serve``).

An edit changes one record; in a corpus where common syllables are in every
record, re-encoding each of its keys' whole lists would cost as much as the
first build. Each list is therefore encoded by blocks of :data:`BLOCK`
record numbers, kept between writes: an edit encodes again one block of each
key it touches, and the text of a list is its blocks joined. The text is
the same, block by block or at once: ``[first delta, ...]`` where the first
delta of a block is counted from the last record of the block before.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import sub

BLOCK = 512
# The text of the small numbers, made once: most deltas and infos are small,
# and joining ready strings is far cheaper than making each with str().
_TEXT = [str(i) for i in range(1 << 16)]


def numbers(values: Iterable[int]) -> str:
    """'3,1,12': the numbers of ``values`` (each below 65,536), comma-separated."""
    return ",".join(map(_TEXT.__getitem__, values))


@dataclass
class Coded:
    """One key's list by blocks: block -> (first doc, last doc, the deltas after
    the first, the infos), and the forms its infos' masks refer to."""

    blocks: dict[int, tuple[int, int, str, str]] = field(default_factory=dict)
    forms: tuple[str, ...] = ()


def block_of(docs: Sequence[int], j: int) -> tuple[int, int]:
    return bisect_left(docs, j * BLOCK), bisect_left(docs, (j + 1) * BLOCK)


def code(docs: array[int], infos: str | None, lo: int, hi: int
         ) -> tuple[int, int, str, str]:
    part = docs[lo:hi]
    steps = map(sub, part[1:], part)
    rest = numbers(steps) if part[-1] < len(_TEXT) else ",".join(map(str, steps))
    return part[0], part[-1], rest, infos or ""


def update(coded: Coded, docs: array[int], changed: Iterable[int] | None,
           infos_of: object = None) -> None:
    """Encode again the blocks holding ``changed`` record numbers (None: all)."""
    blocks = coded.blocks
    if changed is None:
        blocks.clear()
        js: Iterable[int] = range(docs[0] // BLOCK, docs[-1] // BLOCK + 1) if docs else ()
    else:
        js = sorted({d // BLOCK for d in changed})
    for j in js:
        lo, hi = block_of(docs, j)
        if lo == hi:
            blocks.pop(j, None)
            continue
        infos = infos_of(lo, hi) if callable(infos_of) else None
        blocks[j] = code(docs, infos, lo, hi)


def texts(coded: Coded) -> tuple[str, str]:
    """(deltas, infos) of the whole list, JSON arrays."""
    out: list[str] = []
    info: list[str] = []
    last = 0
    for j in sorted(coded.blocks):
        first, end, rest, infos = coded.blocks[j]
        out.append(f"{first - last},{rest}" if rest else str(first - last))
        info.append(infos)
        last = end
    return "[" + ",".join(out) + "]", "[" + ",".join(info) + "]"
