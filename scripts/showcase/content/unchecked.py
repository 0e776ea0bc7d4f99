"""Photos a build accepted on their header only, and what becomes of them once decoded.

See ``corpus.load(defer_photos=True)``: the build's media step decodes these
photos (once, while making their variants) and :func:`refuse` turns the
verdicts into the check's own diagnostics; :func:`settle` decodes them at once,
as ``showcase check`` does, when the build stops for other errors anyway.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping

from showcase.content import photo_verdicts, photos
from showcase.content.corpus import Corpus, Unchecked
from showcase.content.diagnostics import Collector
from showcase.options import Options


def settle(c: Corpus, options: Options) -> Corpus:
    """The corpus with its unchecked photos decoded now, as ``showcase check`` does."""
    if not c.unchecked:
        return c
    verdicts = photo_verdicts.Verdicts.load(os.path.join(c.root, options.cache_dir))
    verdicts.fill(c.root, [u.rel for u in c.unchecked])
    found = {u.rel: v for u in c.unchecked
             if (v := verdicts.get(os.path.join(c.root, u.rel), u.rel)) is not None}
    verdicts.save(keep_unseen=True)
    return refuse(dataclasses.replace(c, unchecked=()), c.unchecked, found)


def refuse(c: Corpus, unchecked: tuple[Unchecked, ...], found: Mapping[str, photos.Verdict]
           ) -> Corpus:
    """The corpus once the unchecked photos' verdicts are known: each refused photo
    is an error at its profile's 'photo' line, and its profile is left out."""
    out = Collector()
    out.extend(c.diagnostics.items)
    refused = set()
    for u in unchecked:
        v = found.get(u.rel)
        problem = photos.problem_of(v, u.rel.rsplit("/", 1)[-1]) if v else None
        if problem:
            out.error(u.path, u.line, "photo", *problem)
            refused.add(u.path)
    kept = [p for p in c.profiles if p.path not in refused]
    return dataclasses.replace(c, profiles=kept, diagnostics=out,
                               unchecked=tuple(u for u in c.unchecked if u not in unchecked))


