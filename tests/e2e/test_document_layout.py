"""Layout of the official documents (Decree 30/2020/NĐ-CP), read back as printed.

The PDFs are rendered to PNG with pdftoppm (low resolution: what the office
prints) and their text is located with ``pdftotext -bbox-layout``; the Word
files are read with python-docx. Three documents: the Department's report and
the proposals of 2025, and the 2024 report of a district office with a long name.
"""

from __future__ import annotations

import io
import pathlib
import shutil
import subprocess

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont

from showcase.cli import main

TIMES_METRIC = {"Times New Roman", "Liberation Serif"}
pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"),
                                reason="poppler-utils missing: run 'make doc-deps' as root")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    from conftest import copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    out = repo / "out"
    for args in (("--year", "2025", "--today", "2026-01-15"),
                 ("--year", "2024", "--unit", "vhtt-vinh-chau", "--today", "2025-01-10")):
        try:
            code = main(["-f", str(repo / "mkdocs.yml"), "report", *args, "--out", str(out)])
        except SystemExit as exc:  # pragma: no cover
            raise AssertionError(exc) from None
        assert code == 0
    return out


PDFS = ("report-2025.pdf", "proposals-2025.pdf", "report-2024-vhtt-vinh-chau.pdf")


@pytest.mark.parametrize("name", PDFS)
def test_pdf_fonts_are_times_metric(out: pathlib.Path, name: str) -> None:
    """Every font embedded is Times New Roman or its metric twin, Liberation Serif."""
    families = set()
    for page in pypdf.PdfReader(str(out / name)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            data = desc["/FontFile2"].get_object().get_data()
            families.add(TTFont(io.BytesIO(data))["name"].getDebugName(1))
    assert families and families <= TIMES_METRIC, families
    listed = subprocess.run(["pdffonts", str(out / name)], capture_output=True, text=True,
                            check=True).stdout
    assert "Liberation-Serif" in listed or "TimesNewRoman" in listed, listed


DOCXS = ("report-2025.docx", "proposals-2025.docx", "report-2024-vhtt-vinh-chau.docx")


@pytest.mark.parametrize("name", DOCXS)
def test_word_numbers_pages_from_the_second_top_centre(out: pathlib.Path, name: str) -> None:
    """A PAGE field centred in the header, a different (empty) first-page header."""
    section = docx.Document(str(out / name)).sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_header
    assert not first.is_linked_to_previous and not "".join(p.text for p in first.paragraphs)
    p = section.header.paragraphs[0]
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    xml = p._p.xml
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert "".join(t.text for t in p._p.iter(qn("w:instrText"))).strip() == "PAGE"
