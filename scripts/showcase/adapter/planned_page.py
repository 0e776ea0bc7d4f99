"""A generated page as MkDocs holds it, without a Markdown pass.

MkDocs reads every page's source and converts it with a new Markdown
instance and all of mkdocs.yml's extensions (about 1.3 ms a page, 17 s at
10,000 profiles). A planned page needs neither: its template shows the view,
its outline is planned (:mod:`showcase.publish.pages.outline`), and its content
is empty: nothing reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from showcase.adapter.meta import page_meta, toc_token
from showcase.publish.pages.views import Page, TocEntry

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files


class PlannedPage(MkDocsPage):
    def __init__(self, planned: Page, file: File, config: MkDocsConfig) -> None:
        super().__init__(planned.title, file, config)
        self.planned = planned

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = page_meta(self.planned)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([toc_token(self.planned.toc)])  # type: ignore[list-item]
        self.present_anchor_ids = set(_ids(self.planned.toc))


def _ids(entry: TocEntry) -> list[str]:
    return [entry.id, *(i for c in entry.children for i in _ids(c))]
