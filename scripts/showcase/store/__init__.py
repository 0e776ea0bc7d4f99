"""The build cache: what a build keeps between runs, under keys made of its inputs.

The lowest layer: it imports nothing of the package, and every layer may use it.

Everything a build keeps lives in ``.showcase-cache/`` (the ``cache_dir``
option), one folder or file per kind:

``profiles/<unit>.pickle``
    pickled validation results (Profile + diagnostics), one shard per unit
    folder, rewritten whole (content/profile_cache). Key: the file's path and
    bytes, within a context (checking code, units.yml, options, date).
``photo-checks.json``
    photo verdicts by the photo's SHA-256 (content/photo_verdicts); a version
    (VERDICT_VERSION, Pillow) inside.
``source-hashes.json``
    the photos' SHA-256 by path, size and mtime (hashes.HashMemo, media plan).
``media/photo-<key>/``, ``media/card-<key>.jpg``
    photo variants and share cards, made by the media workers
    (publish/media/jobs), hard-linked into the site. Key: source bytes, sizes,
    card text, fonts, encoder options, drawing code, Pillow.
``stories/<xx>.json``
    rendered stories, a 256-shard JSON shelf (publish/markup). Key: body,
    renderer code, Markdown and nh3 versions.
``feeds/<xx>/<key>``
    each feed file's bytes (publish/feeds/plan). Key: items, settings, feed
    code, feedgen and lxml versions.
``pages/<xx>/<key>``
    rendered HTML of the generated pages: the site's file, hard-linked
    (adapter/page_files, publish/pages/cache). Key: the page's typed view,
    mkdocs.yml, content/, theme, package code, tool versions.
``search-index/<key>/``
    the search index's files, hard-linked into the site (publish/search/bundle).
    Key: every search record, the search code, FORMAT.
``reports/<xx>/<key>``
    a pickled dict of the quota report files (plan/report_cache). Key: the
    year's figures and quotas, plan/'s code, openpyxl's version.
``templates/``
    Jinja bytecode (adapter/plugin, Jinja's FileSystemBytecodeCache), checked
    by Jinja's magic (its and Python's versions) and the source's checksum.

In memory, for the life of one process (``mkdocs serve`` rebuilds; a
``showcase build`` is one build): ``profile_cache._LIVE`` and ``_FILE_KEYS``,
``markup._MEMO``, ``media.plan._DONE``, ``search.bundle._STATE``,
``search.words._IDS``/``_FOLDED``, the ``lru_cache`` of page digests, feeds
and measured media, and the hashes kept on frozen values (``hash_once``,
``_digest_once``).
"""
