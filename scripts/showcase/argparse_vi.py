"""argparse in Vietnamese: its own messages (usage, help, errors) from a gettext catalogue.

argparse marks its messages for translation and looks them up with ``gettext``
when it formats them (some when a parser is built, others when it prints help
or an error). The Vietnamese catalogue of argparse's messages ships in the
package (``locale/vi/LC_MESSAGES/argparse.po``, compiled to ``argparse.mo``).
argparse's lookups go through the process's global gettext domain and the
user's locale, but the command line speaks Vietnamese whatever the locale
(servers and CI run in ``C.UTF-8``), so :func:`vietnamese` loads the catalogue
for the language itself and gives its lookups to argparse while the command
line builds and runs its parsers, putting argparse's own back afterwards (no
environment variable is set: child processes keep the user's locale).

A message Python rewords falls back to English: tests/unit/test_argparse_catalogue.py
fails then, as it checks every message of the running Python's argparse.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import os
from collections.abc import Iterator
from functools import cache

DOMAIN = "argparse"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")


@cache
def catalogue() -> gettext.NullTranslations:
    """argparse's messages in Vietnamese (English when the catalogue is missing)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=["vi"], fallback=True)


@contextlib.contextmanager
def vietnamese() -> Iterator[None]:
    """Within this block, argparse speaks Vietnamese (restored afterwards)."""
    vi = catalogue()
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = vi.gettext, vi.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
