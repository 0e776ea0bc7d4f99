"""A profile page prints on A4 with its content only (the @media print block)."""

from __future__ import annotations

import pathlib
import re

CSS = pathlib.Path(__file__).resolve().parents[2] / "scripts/showcase/assets/showcase.css"


def test_print_block_keeps_the_content_only() -> None:
    text = CSS.read_text("utf-8")
    block = text[text.index("@media print"):]
    assert re.search(r"@page\s*\{\s*size:\s*A4", block)
    hidden = block.split("display: none")[0]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".sc-share",
                     ".sc-related"):
        assert selector in hidden, selector
    assert "break-inside: avoid" in block
