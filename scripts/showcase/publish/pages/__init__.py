"""The generated pages as typed views, and what every page carries besides its view.

Owns: ``plan`` (profiles and listings -> :class:`~.views.Page` values),
``views`` (the frozen values the templates read), ``listings`` (grouping and
pagination), ``wording`` (per-kind text), ``outline`` (a page's outline and
heading ids), ``follow`` (the feeds page), ``social`` (Open Graph, JSON-LD),
``sitemaps``, ``csp`` and ``styles`` (the policy and the inline stylesheet),
and ``cache`` (rendered pages kept between builds).

May import: ``showcase.content``, ``showcase.plan``, ``showcase.store``,
``showcase.publish.urls``, ``showcase.publish.markup``, the media's
``manifest`` (never the media work itself) and ``feeds`` (captions, the feed
list); never ``search``, which reads pages.
"""
