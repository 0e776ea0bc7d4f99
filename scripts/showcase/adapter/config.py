"""The plugin's MkDocs config class, derived from :class:`showcase.options.Options`.

The options are declared once, with their defaults and documentation, in
``options.py``; MkDocs only needs to know their names (so that it warns about
unknown keys). Values are validated by ``Options.from_mapping``, with the
same Vietnamese messages as the command line.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from showcase.options import option_names


class ShowcaseConfig(base.Config):
    """Options of the showcase plugin (see showcase.options.Options)."""

    # MkDocs collects a config class's schema from `_schema` and its attributes.
    _schema = tuple((name, c.Optional(c.Type(object))) for name in option_names())
