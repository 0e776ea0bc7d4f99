"""The site's own search index: typed records, their words and postings, the files.

Owns, pure: ``records`` (one record per public profile, listing and guide
page), ``words`` (syllables, folded keys, pairs), ``postings`` (the inverted
lists, kept up to date one record at a time), ``blocks`` (a posting's text in
blocks of record numbers), ``layout`` (the files' format, the one spec
``assets/search.js`` is checked against), ``encode`` (the files, written
from it) and ``filters``
(result rows and filter values). The writer: ``bundle`` (``site/tim-kiem/``,
from the build cache when the same records were indexed before), read in the
browser by ``assets/search.js``.

May import: ``showcase.content``, ``showcase.publish.urls``,
``showcase.publish.markup`` and the pages' ``views`` (which pages are offered);
only ``bundle`` imports ``showcase.store`` and does I/O, and no pure module
imports ``bundle``.
"""
