"""The column's RSS and Atom feeds, and the ready captions the social media staff post.

Owns: ``plan`` (every feed file's bytes, kept in the build cache), ``entries``
(one item's elements and the text rules of feeds), ``feedlist`` (which feeds
exist and what each is for) and ``captions`` (a profile's ready-to-post text).

May import: ``showcase.content``, ``showcase.plan``, ``showcase.store``,
``showcase.publish.urls``, ``showcase.publish.markup`` and the media's
``manifest`` (each item's picture: URL, size, bytes); never ``pages`` or ``search``.
"""
