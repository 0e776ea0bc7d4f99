"""``--dirty`` builds (``make serve``): MkDocs reads again only the pages it thinks changed.

A hand-written page it does not read has no title, and the navigation of
every page rendered again would show "None" in its place. Handing MkDocs
those few pages as generated files (their text read here) makes it read
them on every build, as a clean build does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def read_every_page(files: Files, config: MkDocsConfig) -> None:
    for f in list(files.documentation_pages()):
        if f.generated_by is None and f.abs_src_path:
            with open(f.abs_src_path, encoding="utf-8-sig") as fh:
                text = fh.read()
            files.remove(f)
            files.append(File.generated(config, f.src_uri, content=text,
                                        inclusion=f.inclusion))
