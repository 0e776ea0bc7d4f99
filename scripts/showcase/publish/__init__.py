"""What the build publishes, planned from the loaded corpus: media, feeds, pages, search.

Owns the shared rules (``urls``, ``markup``: a story's HTML) and the site
folder's writes (``atomic``, ``rebuild``), and four parts, in dependency order:
``media`` (photos and share cards), ``feeds``, ``pages`` and ``search``; each
part's docstring says what it owns and what it may import, which
tests/static/test_architecture.py checks.

May import: ``showcase.store``, ``showcase.content`` and ``showcase.plan``; never
the pipeline, the adapter, the commands or MkDocs.
"""
