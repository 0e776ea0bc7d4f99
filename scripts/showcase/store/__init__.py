"""The build cache: what a build keeps between runs, under keys made of its inputs.

The lowest layer: it imports nothing of the package but itself, and every
layer may use it (through ``cache``, ``hashes``, ``digest``, ``sealed`` and
``linked``).

Invariants (each tested: tests/unit/test_store_*.py, tests/e2e/test_build_cache.py,
tests/e2e/test_store_corruption.py):

1. A key is a hash of every input, code included (:func:`hashes.code_hash`,
   by module name), never of a time: a stale entry can never be found.
2. An entry is written atomically (a temporary name in the same folder, then
   a rename): a killed build leaves only ``.tmp-*`` names, which no key names.
3. An entry is never written in place: a new value is a new file (a page or
   card under a new key; an index such as a shard, a new file renamed over
   the old one). The exceptions are the few indexes below marked *index*,
   replaced whole, atomically: each holds only values keyed by content, so
   either version is right.
4. Every entry says what wrote it, and is checked before use; whatever fails
   the check (truncated, garbled, swapped with another, written by another
   release, its seal gone) is a miss: made again, never an error, never a
   wrong site.

   * Values the cache keeps for itself are *sealed* (:mod:`sealed`): a header
     with the store format, the release (package version; for pickles, also
     a hash of the package's code, so a new release never unpickles an old
     object), the entry's own name and a SHA-256 of the payload.
   * Files shared with sites (hard links) carry no header: they are the
     published bytes. Their *seals* (:mod:`linked`: SHA-256, size, mtime,
     inode of each file, in one sealed entry per kind) are checked before each
     reuse, so writing into a built site's file (root ignores the 0444 mode)
     makes the entry a miss instead of being published again.

What is kept, in ``.showcase-cache/`` (the ``cache_dir`` option):

``profiles/<unit>.pickle`` (sealed pickle, index)
    each profile file's validation result (content/profile_cache). Key: the
    file's path and bytes, in a context of the checking code, units.yml,
    options and date; the photos it names are asked again.
``photo-checks.json`` (sealed, index)
    photo verdicts by the photo's SHA-256 (content/photo_verdicts), with
    VERDICT_VERSION and Pillow's version inside.
``source-hashes.json`` (sealed, index)
    the photos' SHA-256 by path, size and mtime (:class:`sealed.HashMemo`).
``stories/<xx>.json`` (sealed, index: 256 shards)
    rendered stories (publish/markup). Key: body, renderer code, Markdown and
    nh3 versions.
``feeds/<xx>/<key>`` (sealed)
    each feed file (publish/feeds/plan). Key: items, settings, feed code,
    feedgen and lxml versions.
``reports/<xx>/<key>`` (sealed pickle)
    the year's quota report files (plan/report_cache). Key: the year's
    figures and quotas, plan/'s code, openpyxl's version.
``jinja/<template>-<checksum>`` (sealed)
    compiled templates (adapter/bytecode), with Jinja's own header inside.
``pages/<xx>/<key>`` (linked)
    the HTML of generated pages outside the navigation (publish/pages/cache,
    adapter/page_files). Key: the page's typed view (:mod:`digest`),
    mkdocs.yml, content/, theme, package code, tool versions.
``media/photo-<key>/``, ``media/card-<key>.jpg`` (linked)
    photo variants and share cards made by the media workers (publish/media),
    which hash what they write. Key: source bytes, sizes, card text, fonts,
    encoder options, drawing code, Pillow.
``search-index/<key>/`` (linked)
    the search index's files (publish/search/bundle). Key: every search
    record, the search code, its FORMAT.
``seals/pages``, ``seals/media``, ``seals/search-index`` (sealed, index)
    the seals of the linked kinds.

Pruning: pages, feeds, media and search indexes that a build did not use
and that no build used for 30 days are removed, stories the build did not
use at once (a ``mkdocs serve`` rebuild removes nothing); a template's older
bytecode goes when it is compiled again; reports are kept.

How to clear it: ``rm -rf .showcase-cache`` (or any part of it): the next
build is a cold one and gives the same site. There is never a need to: a
damaged entry is found and made again by the next build.

In memory, for the life of one process (a ``mkdocs serve`` process rebuilds;
a ``showcase build`` is one build): see the comment at each of
``profile_cache._LIVE`` and ``_FILE_KEYS``, ``markup._MEMO``,
``search.bundle._STATE``, ``search.words._IDS`` and
``_FOLDED``, the ``lru_cache`` of page digests, feeds and measured media, and
the hashes kept on frozen values (``hash_once``, ``_digest_once``).
"""
